import type { IExecuteFunctions } from 'n8n-workflow';
import { messageFromItem, noteValues, type CrmMessage, type WhatsAppPerson } from '../../shared/crm';
import type { OperationContext } from './client';

/**
 * The item's message (inbound from the trigger, outbound from a send result with the Sent Text
 * field's text). Read before the record is found or created: a failed send throws CrmInputError
 * here, so nothing is written for it.
 */
export function messageOf(this: IExecuteFunctions, context: OperationContext): CrmMessage {
	return messageFromItem(context.item.json, {
		outboundText: String(this.getNodeParameter('outboundText', context.itemIndex, '')),
		now: new Date().toISOString(),
	});
}

/** The values a note or comment template sees for the message (nodes/shared/crm/note.ts). */
export function templateValuesOf(context: OperationContext, message: CrmMessage, person: WhatsAppPerson | undefined): Record<string, unknown> {
	return noteValues(message, person ?? { waId: '' }, context.item.json);
}
