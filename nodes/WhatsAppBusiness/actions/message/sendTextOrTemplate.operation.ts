import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { errorDetailsOf, metaErrorOf, toNodeError } from '../../../shared/transport';
import { customerServiceWindow } from '../../../shared/whatsapp/schedule/customerServiceWindow';
import { messagingOptions, recipientField } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import { templateFields, templateOptionsField } from './templateFields';
import { windowFields } from './windowFields';

/**
 * Free-form text while the customer-service window is open, otherwise the approved template
 * (Meta: Customer service windows). The journey builder no longer needs to branch by hand.
 */
const properties: INodeProperties[] = [
	recipientField,
	...windowFields,
	...sendText.textFields,
	...sendText.longTextFields,
	...templateFields,
	{
		displayName: 'Send Template If Text Is Refused (131047)',
		name: 'fallbackOnReengagementError',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the template when WhatsApp answers the text with error 131047 (window closed after all). When WhatsApp reports 131047 later, in a failed status, the trigger shows the same advice.',
	},
	messagingOptions,
	templateOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendTextOrTemplate'] } }, properties);

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const window = customerServiceWindow({
		lastInboundAt: this.getNodeParameter('lastInboundAt', i, '') as unknown,
		safetyMarginMinutes: this.getNodeParameter('safetyMarginMinutes', i, 0) as number,
	});
	const windowSummary: IDataObject = { status: window.status, isOpen: window.isOpen, closesAt: window.closesAt ?? null, minutesLeft: window.minutesLeft, reason: window.reason };
	if (!window.isOpen) {
		const template = await sendTemplate.prepare.call(this, context);
		return {
			send: async () => {
				const [sent] = await template.send();
				return [{ json: { ...sent.json, path: 'template', window: windowSummary } }];
			},
		};
	}
	const text = await sendText.prepare.call(this, context);
	return {
		send: async () => {
			try {
				const [sent] = await text.send();
				return [{ json: { ...sent.json, path: 'text', window: windowSummary } }];
			} catch (error) {
				// A long text refused after some of its parts went out is not followed by the template.
				const partlySent = ((errorDetailsOf(error).sentParts as unknown[] | undefined) ?? []).length > 0;
				const refusedForWindow = metaErrorOf(error)?.code === 131047 && !partlySent;
				if (!refusedForWindow || !this.getNodeParameter('fallbackOnReengagementError', i, true)) throw toNodeError(this.getNode(), error, i);
			}
			// Prepared only now: its fields matter only when WhatsApp refused the text.
			const [sent] = await (await sendTemplate.prepare.call(this, context)).send();
			return [{ json: { ...sent.json, path: 'template', fallbackReason: 'WhatsApp refused the text with 131047 (window closed)', window: windowSummary } }];
		},
	};
}
