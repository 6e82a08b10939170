import type { IExecuteFunctions } from 'n8n-workflow';
import { messageFromItem, noteValues, type CrmMessage, type WhatsAppPerson } from '../../shared/crm';
import type { OperationContext } from './client';

/**
 * The item's message (inbound from the trigger, outbound from a send result with the Sent Text
 * field's text) and the values a note or comment template sees (nodes/shared/crm/note.ts).
 */
export function messageOf(this: IExecuteFunctions, context: OperationContext, person: WhatsAppPerson | undefined): { message: CrmMessage; values: Record<string, unknown> } {
	const message = messageFromItem(context.item.json, {
		outboundText: String(this.getNodeParameter('outboundText', context.itemIndex, '')),
		now: new Date().toISOString(),
	});
	return { message, values: noteValues(message, person ?? { waId: '' }, context.item.json) };
}
