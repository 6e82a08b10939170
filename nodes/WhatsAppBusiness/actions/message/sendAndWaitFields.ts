import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';
import type { ApprovalLabels, ChoiceOption, ResponseType } from '../../../shared/whatsapp/sendAndWait';
import { templateFields } from './templateFields';
import { windowFields } from './windowFields';

/**
 * Fields of Send and Wait for Response. Names follow n8n's own send-and-wait nodes (message,
 * responseType, approvalOptions, options.limitWaitTime) so n8n can offer the operation as an AI
 * agent's human review step, which fills those fields (docs/send-and-wait.md).
 */

const forResponse = (...types: ResponseType[]) => ({ responseType: types });

export const responseTypeField: INodeProperties = {
	displayName: 'Response Type',
	name: 'responseType',
	type: 'options',
	default: 'approval',
	options: [
		{ name: 'Approval', value: 'approval', description: 'Approve (and decline) buttons; outside the 24-hour window, a template with quick-reply buttons' },
		{ name: 'Choice', value: 'choice', description: 'A list of up to 10 options (inside the 24-hour window)' },
		{ name: 'Free Text', value: 'freeText', description: 'The next text message of the person, or their reply to this message' },
	],
};

export const approvalOptionsField: INodeProperties = {
	displayName: 'Approval Options',
	name: 'approvalOptions',
	type: 'fixedCollection',
	placeholder: 'Add option',
	default: {},
	displayOptions: { show: forResponse('approval') },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Type of Approval',
					name: 'approvalType',
					type: 'options',
					default: 'double',
					options: [
						{ name: 'Approve Only', value: 'single' },
						{ name: 'Approve and Decline', value: 'double' },
					],
				},
				{ displayName: 'Approve Button Label', name: 'approveLabel', type: 'string', default: '✓ Approve', description: 'Up to 20 characters' },
				{
					displayName: 'Decline Button Label',
					name: 'disapproveLabel',
					type: 'string',
					default: '✗ Decline',
					description: 'Up to 20 characters',
					displayOptions: { show: { approvalType: ['double'] } },
				},
			],
		},
	],
};

export const choiceFields: INodeProperties[] = [
	{
		displayName: 'Choices',
		name: 'choices',
		type: 'fixedCollection',
		placeholder: 'Add Choice',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'One to ten rows of a list message; the answer is the chosen row',
		displayOptions: { show: forResponse('choice') },
		options: [
			{
				displayName: 'Choice',
				name: 'choice',
				values: [
					{ displayName: 'Label', name: 'label', type: 'string', required: true, default: '', description: 'What the person reads, up to 24 characters' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'What the output gives as data.choice; the label when empty' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Optional grey line under the label, up to 72 characters' },
				],
			},
		],
	},
	{
		displayName: 'List Button Label',
		name: 'listButtonLabel',
		type: 'string',
		default: 'Choose',
		description: 'The button that opens the list, up to 20 characters',
		displayOptions: { show: forResponse('choice') },
	},
];

/** Send As: the values of the field below. */
export type SendAs = 'auto' | 'freeForm' | 'template';

/** How the request is sent: a free-form message needs the 24-hour window; a template does not. */
export const sendAsFields: INodeProperties[] = [
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		default: 'auto',
		displayOptions: { show: forResponse('approval', 'freeText') },
		options: [
			{
				name: 'Free-Form Message, or Template When Window Closed',
				value: 'auto',
				description: 'Buttons (Approval) or text (Free Text) while the customer-service window is open; otherwise the template below',
			},
			{ name: 'Free-Form Message Only', value: 'freeForm', description: 'For people who wrote within the last 24 hours' },
			{ name: 'Template Only', value: 'template', description: 'The template below, whatever the window' },
		],
	},
	...windowFields.map((field) => ({ ...field, displayOptions: { show: { ...forResponse('approval', 'freeText'), sendAs: ['auto'] } } })),
];

const withTemplate = { ...forResponse('approval', 'freeText'), sendAs: ['auto', 'template'] };

/** The template and its variables, then which of its quick-reply buttons approve and decline. */
export const answerTemplateFields: INodeProperties[] = [
	...templateFields.map((field) => ({ ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...withTemplate } } })),
	{
		displayName: 'Approve Button',
		name: 'templateApproveButton',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, maxValue: 10 },
		description: "Which quick-reply button of the template approves: 1 = its first quick-reply button. Its payload is set for you (leave the payload variables empty).",
		displayOptions: { show: { ...withTemplate, responseType: ['approval'] } },
	},
	{
		displayName: 'Decline Button',
		name: 'templateDeclineButton',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 1, maxValue: 10 },
		description: 'Which quick-reply button of the template declines (Approve and Decline only)',
		displayOptions: { show: { ...withTemplate, responseType: ['approval'] } },
	},
];

/** n8n's "Limit Wait Time" option, with n8n's names and units (n8n-nodes-base utils/sendAndWait/descriptions). */
export const waitOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'fixedCollection',
			description:
				'Whether to stop waiting after a while. The execution then continues with the input items of this node, unchanged (as in n8n\'s other Send and Wait nodes), and answers that come later are ignored.',
			default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Limit Type',
							name: 'limitType',
							type: 'options',
							default: 'afterTimeInterval',
							options: [
								{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
								{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until the set date and time' },
							],
						},
						{
							displayName: 'Amount',
							name: 'resumeAmount',
							type: 'number',
							default: 1,
							typeOptions: { minValue: 0, numberPrecision: 2 },
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{
							displayName: 'Unit',
							name: 'resumeUnit',
							type: 'options',
							default: 'hours',
							options: [
								{ name: 'Minutes', value: 'minutes' },
								{ name: 'Hours', value: 'hours' },
								{ name: 'Days', value: 'days' },
							],
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{
							displayName: 'Max Date and Time',
							name: 'maxDateAndTime',
							type: 'dateTime',
							default: '',
							displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
						},
					],
				},
			],
		},
	],
};

interface ApprovalValues {
	approvalType?: 'single' | 'double';
	approveLabel?: string;
	disapproveLabel?: string;
}

/** The approve and decline labels (decline absent for "approve only"). */
export function readApprovalLabels(this: IExecuteFunctions, itemIndex: number): ApprovalLabels {
	const values = this.getNodeParameter('approvalOptions.values', itemIndex, {}) as ApprovalValues;
	const approve = values.approveLabel?.trim() || '✓ Approve';
	if ((values.approvalType ?? 'double') === 'single') return { approve };
	return { approve, decline: values.disapproveLabel?.trim() || '✗ Decline' };
}

/** The Choices field's value (`choices.choice`) as the core reads it. */
export function choicesFrom(raw: unknown): ChoiceOption[] {
	return (Array.isArray(raw) ? (raw as Array<Record<string, unknown>>) : []).map((choice) => ({
		label: String(choice.label ?? ''),
		...(choice.value ? { value: String(choice.value) } : {}),
		...(choice.description ? { description: String(choice.description) } : {}),
	}));
}

interface LimitValues {
	limitType?: 'afterTimeInterval' | 'atSpecifiedTime';
	resumeAmount?: number;
	resumeUnit?: 'minutes' | 'hours' | 'days';
	maxDateAndTime?: string;
}

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/**
 * When waiting stops, as n8n's send-and-wait nodes compute it (n8n-nodes-base
 * configureWaitTillDate): WAIT_INDEFINITELY without a limit. Throws on an unreadable date.
 */
export function readWaitTill(this: IExecuteFunctions, itemIndex: number, now = Date.now()): Date {
	const limit = this.getNodeParameter('options.limitWaitTime.values', itemIndex, {}) as LimitValues;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	const waitTill =
		(limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval'
			? new Date(now + Number(limit.resumeAmount ?? 1) * UNIT_MS[limit.resumeUnit ?? 'hours'])
			: new Date(limit.maxDateAndTime ?? '');
	if (Number.isNaN(waitTill.getTime())) {
		throw new NodeOperationError(this.getNode(), 'Could not read Limit Wait Time', {
			itemIndex,
			description: 'Give an amount and a unit, or a valid Max Date and Time.',
		});
	}
	return waitTill;
}
