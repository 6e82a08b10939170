import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { customerServiceWindow } from '../../../shared/whatsapp/schedule/customerServiceWindow';
import { messagingOptions, recipientField } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import { templateFields, templateOptionsField } from './templateFields';
import { windowFields } from './windowFields';

/**
 * Free-form text while the customer-service window is open, otherwise the approved template
 * (Meta: Customer service windows). The journey builder no longer needs to branch by hand. The window
 * is decided before sending, from the item's last inbound time: WhatsApp accepts a free-form message
 * outside its window and reports 131047 only later, in a `failed` status (Meta: Error codes), so no
 * fallback can run here; the Trigger's status items carry the advice.
 */
const properties: INodeProperties[] = [
	recipientField,
	...windowFields,
	...sendText.textFields,
	...sendText.longTextFields,
	...templateFields,
	{
		displayName:
			'The window is decided here, from Last Inbound At. If that time is wrong (WhatsApp never saw that message), WhatsApp still accepts the text, then reports it failed with error 131047 in a status: catch it with a Trigger on statuses (see the delivery-status example) and send the template there.',
		name: 'lateRefusalNotice',
		type: 'notice',
		default: '',
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
			const [sent] = await text.send();
			return [{ json: { ...sent.json, path: 'text', window: windowSummary } }];
		},
	};
}
