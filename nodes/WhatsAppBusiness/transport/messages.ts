import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import type { OperationContext } from './connection';
import { isValidateOnly } from './validateOnly';

interface SendResponse {
	contacts?: Array<{ input?: string; wa_id?: string; user_id?: string }>;
	messages?: Array<{ id?: string; message_status?: string }>;
}

/** Where a message body is POSTed: Cloud API's /messages, or the Marketing Messages API (Meta: Send marketing messages). */
export type SendEndpoint = 'messages' | 'marketingMessages';

export interface SendOptions {
	/** Default `messages`. */
	endpoint?: SendEndpoint;
}

/**
 * Sends one message body (Meta: Send messages) and returns what a workflow needs next: the wamid,
 * the wa_id (or, for a business-scoped user ID send, the `userId`; Meta: Business-scoped user IDs).
 * With the item's "Validate Only" option it sends nothing and returns the request it would have made.
 */
export async function sendMessage(this: IExecuteFunctions, context: OperationContext, body: object, options: SendOptions = {}): Promise<IDataObject> {
	const endpoint = options.endpoint ?? 'messages';
	const url = endpoint === 'marketingMessages' ? endpoints.marketingMessages(context.connection) : endpoints.messages(context.connection);
	const payload = body as { to?: string; recipient?: string; type?: string };
	const addressed = {
		...(payload.to !== undefined ? { to: payload.to } : {}),
		...(payload.recipient !== undefined ? { recipient: payload.recipient } : {}),
		type: payload.type,
	};
	if (isValidateOnly.call(this, context.itemIndex)) {
		return { validateOnly: true, sent: false, ...addressed, request: { method: 'POST', endpoint, url, body: body as IDataObject }, phoneNumberId: context.connection.phoneNumberId };
	}
	const response = await whatsAppRequest.call(this, context.connection, { method: 'POST', url, body: body as IDataObject, itemIndex: context.itemIndex });
	const reply = response.body as SendResponse;
	const contact = reply.contacts?.[0];
	const message = reply.messages?.[0];
	return {
		messageId: message?.id,
		waId: contact?.wa_id,
		...(contact?.user_id ? { userId: contact.user_id } : {}),
		...addressed,
		...(message?.message_status ? { messageStatus: message.message_status } : {}),
		phoneNumberId: context.connection.phoneNumberId,
	};
}
