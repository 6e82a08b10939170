import type { INodeProperties } from 'n8n-workflow';

/**
 * When the customer last wrote and how much of the window to keep in reserve: the two fields of
 * the operations that choose between a free-form message and a template (Meta: Customer service windows).
 */
export const windowFields: INodeProperties[] = [
	{
		displayName: 'Last Inbound Message At',
		name: 'lastInboundAt',
		type: 'string',
		default: '={{ $json.last_inbound_at ?? $json.window?.lastInboundAt ?? $json.timestamp }}',
		description:
			'When the customer last wrote to you (ISO date, or epoch seconds/milliseconds), e.g. the last_inbound_at column of your Data table. Empty means unknown: the template is sent.',
	},
	{
		displayName: 'Safety Margin (Minutes)',
		name: 'safetyMarginMinutes',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 0, maxValue: 1440 },
		description: 'Treat the window as closed when fewer minutes than this are left, so a slow workflow does not miss it',
	},
];
