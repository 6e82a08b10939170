/**
 * Webhook bodies exactly as Meta posts them (Meta: Messages webhook reference, Status messages webhook reference, message_template_status_update webhook reference): the `whatsapp_business_account`
 * envelope, one entry per WABA, `changes[]` whose `value` carries messaging_product + metadata and
 * either contacts + messages or statuses.
 */
import type { PhoneNumberRecord } from '../seed';
import type { EmulatorState } from '../state/store';
import type { InboundMessage, StatusEvent, TemplateStatusEvent } from '../state/types';

export interface WebhookChange {
	field: string;
	value: Record<string, unknown>;
}

export interface WebhookPayload {
	object: 'whatsapp_business_account';
	entry: Array<{ id: string; time?: number; changes: WebhookChange[] }>;
}

/** Meta's Messages webhook reference page: entries grouped by WABA in first-seen order. */
export function envelope(parts: Array<{ wabaId: string; change: WebhookChange; time?: number }>): WebhookPayload {
	const entry: WebhookPayload['entry'] = [];
	for (const part of parts) {
		let target = entry.find((candidate) => candidate.id === part.wabaId);
		if (!target) {
			target = { id: part.wabaId, ...(part.time !== undefined ? { time: part.time } : {}), changes: [] };
			entry.push(target);
		}
		target.changes.push(part.change);
	}
	return { object: 'whatsapp_business_account', entry };
}

function messagesValue(phone: PhoneNumberRecord, rest: Record<string, unknown>): Record<string, unknown> {
	return {
		messaging_product: 'whatsapp',
		metadata: { display_phone_number: phone.display_phone_number, phone_number_id: phone.id },
		...rest,
	};
}

/** Meta's Messages webhook reference page: one change per phone number; contacts once per user; Meta's Messages webhook reference page: system messages bring no contact. */
export function inboundChange(phone: PhoneNumberRecord, inbound: InboundMessage[]): WebhookChange {
	const contacts: InboundMessage['contact'][] = [];
	for (const item of inbound) {
		if (item.message.type === 'system' || contacts.some((contact) => contact.wa_id === item.contact.wa_id)) continue;
		contacts.push(item.contact);
	}
	const messages = inbound.map((item) => item.message);
	return { field: 'messages', value: messagesValue(phone, contacts.length > 0 ? { contacts, messages } : { messages }) };
}

/** Meta's Status messages webhook reference page: status object, keys in the documented order. */
export function statusObject(event: StatusEvent): Record<string, unknown> {
	return {
		id: event.messageId,
		status: event.status,
		timestamp: String(event.timestamp), // (Meta: Send messages) strings in messages webhooks
		recipient_id: event.recipientId,
		// Meta's Business-scoped user IDs page: set when the message was sent to the user's BSUID.
		...(event.recipientUserId ? { recipient_user_id: event.recipientUserId } : {}),
		...(event.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: event.bizOpaqueCallbackData } : {}),
		...(event.conversation ? { conversation: event.conversation } : {}),
		...(event.pricing ? { pricing: event.pricing } : {}),
		...(event.errors ? { errors: event.errors } : {}),
	};
}

export function statusesChange(phone: PhoneNumberRecord, events: StatusEvent[]): WebhookChange {
	return { field: 'messages', value: messagesValue(phone, { statuses: events.map(statusObject) }) };
}

/** The whole body for statuses of one phone number (one POST). */
export function statusesPayload(state: EmulatorState, events: StatusEvent[]): WebhookPayload | undefined {
	const phone = events[0] && state.phoneNumbers.get(events[0].phoneNumberId);
	return phone ? envelope([{ wabaId: phone.wabaId, change: statusesChange(phone, events) }]) : undefined;
}

const REJECTION_INFO = {
	reason: 'Your template has parameters placed next to each other, or content our policies do not allow.',
	recommendation: 'Separate parameters with descriptive text and remove the flagged words, then submit again.',
};

/**
 * (Meta: message_template_status_update webhook reference). message_template_id is an integer there; IDs can exceed 2^53, so the body carries it through
 * rawInteger() and serialize() writes the digits unquoted. Language stays in the API form (en_US).
 */
export function templateStatusPayload(event: TemplateStatusEvent): WebhookPayload {
	const value = {
		event: event.event,
		message_template_id: rawInteger(event.templateId),
		message_template_name: event.name,
		message_template_language: event.language,
		reason: event.reason ?? 'NONE',
		message_template_category: event.category,
		...(event.reason === 'INVALID_FORMAT' ? { rejection_info: REJECTION_INFO } : {}),
	};
	return envelope([{ wabaId: event.wabaId, time: event.timestamp, change: { field: 'message_template_status_update', value } }]);
}

const RAW_INTEGER = '\u0000int:';
function rawInteger(digits: string): string {
	return `${RAW_INTEGER}${digits}`;
}

/** JSON text of a payload, with rawInteger() markers written as bare integers. */
export function serialize(payload: unknown): string {
	return JSON.stringify(payload).replace(/"\\u0000int:(\d+)"/g, '$1');
}
