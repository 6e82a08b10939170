/**
 * Mark as read and typing indicator (Meta: Mark messages as read): `{messaging_product, status:"read", message_id,
 * typing_indicator?:{type:"text"}}` → `{success:true}`. The message must be one the user sent to
 * this number, else 131009. Reading a message also reads every earlier one of the thread.
 */
import type { RequestContext, HandlerResult } from '../http/context';
import { MetaApiError } from '../http/errors';
import { required } from './message-rules';

const KNOWN_KEYS = ['messaging_product', 'status', 'message_id', 'typing_indicator'];

/** Meta's Mark messages as read, Error codes pages: (131009 for an unknown message). */
export function markAsRead(context: RequestContext, phoneNumberId: string, body: Record<string, any>): HandlerResult {
	const unknown = Object.keys(body).find((key) => !KNOWN_KEYS.includes(key));
	if (unknown) throw new MetaApiError(100, `Unexpected key "${unknown}" in a mark-as-read request.`);
	required(body.messaging_product, 'messaging_product');
	if (body.messaging_product !== 'whatsapp') throw new MetaApiError(100, 'Param messaging_product must be "whatsapp".');
	if (body.status !== 'read') throw new MetaApiError(131009, 'Param status must be "read" (the only status a business can set).');
	required(body.message_id, 'message_id');
	if (body.typing_indicator !== undefined && body.typing_indicator?.type !== 'text') {
		throw new MetaApiError(131009, 'Param typing_indicator must be {"type": "text"}.');
	}
	const { state } = context;
	const target = state.inbound.find((inbound) => inbound.message.id === body.message_id && inbound.phoneNumberId === phoneNumberId);
	if (!target) {
		throw new MetaApiError(131009, `Message ${body.message_id} was not received by this phone number; only incoming messages can be marked as read.`);
	}
	const now = state.now();
	for (const inbound of state.inbound) {
		if (inbound.phoneNumberId === phoneNumberId && inbound.contact.wa_id === target.contact.wa_id && inbound.receivedAt <= target.receivedAt) {
			inbound.readAt ??= now;
		}
	}
	if (body.typing_indicator) target.typingIndicatorAt = now;
	return { json: { success: true } };
}
