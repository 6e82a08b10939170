import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import type { OperationContext } from './connection';

interface SendResponse {
	contacts?: Array<{ input?: string; wa_id?: string }>;
	messages?: Array<{ id?: string; message_status?: string }>;
}

/** Sends one message body (Meta: Send messages) and returns what a workflow needs next: the wamid and the wa_id. */
export async function sendMessage(this: IExecuteFunctions, context: OperationContext, body: object): Promise<IDataObject> {
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.messages(context.connection),
		body: body as IDataObject,
		itemIndex: context.itemIndex,
	});
	const reply = response.body as SendResponse;
	const contact = reply.contacts?.[0];
	const message = reply.messages?.[0];
	const payload = body as { to?: string; type?: string };
	return {
		messageId: message?.id,
		waId: contact?.wa_id,
		to: payload.to,
		type: payload.type,
		...(message?.message_status ? { messageStatus: message.message_status } : {}),
		phoneNumberId: context.connection.phoneNumberId,
	};
}
