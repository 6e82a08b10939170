import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { messageFromItem, noteValues, renderNote, type CrmMessage, type WhatsAppPerson } from '../../../shared/crm';
import type { OperationContext } from '../types';

/** Text of an outbound message, which Meta's send answer does not repeat. */
export function outboundTextProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Sent Text',
		name: 'outboundText',
		type: 'string',
		default: '',
		description: "For a WhatsApp Business node's send result: the text that was sent (the result has only its message ID). Ignored for trigger messages.",
		displayOptions: { show },
	};
}

/** The item's message and the values a note template sees. */
export function messageOf(this: IExecuteFunctions, context: OperationContext, person: WhatsAppPerson | undefined): { message: CrmMessage; values: Record<string, unknown> } {
	const message = messageFromItem(context.item.json, {
		outboundText: String(this.getNodeParameter('outboundText', context.itemIndex, '')),
		now: new Date().toISOString(),
	});
	return { message, values: noteValues(message, person ?? { waId: '' }, context.item.json) };
}

export { renderNote };
