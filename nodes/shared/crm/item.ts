/**
 * Reads the person and the message out of n8n items: a message item of the WhatsApp Business Trigger
 * (nodes/shared/whatsapp/webhook/types.ts `MessageEvent`: `from.waId`, `from.userId`, `from.profileName`,
 * `type`, `text`, `caption`, `media`, `timestamp`), a status item (`StatusEvent`: `recipient.waId`,
 * `recipient.userId`), or a send result of the WhatsApp Business node (`waId`, `userId`, `to` or
 * `recipient`, `messageId`, `type`); and the times mapped from them.
 */
import { ACCEPTED_INSTANT_FORMATS, isEmptyValue, parseInstant } from '../whatsapp/schedule/instants';
import { CrmInputError } from './errors';
import type { CrmMessage, WhatsAppPerson } from './types';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string | undefined => {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** Digits of a wa_id or phone number ('+44 7700 900123' → '447700900123'), '' when there are none. */
export function waIdDigits(value: string | undefined): string {
	return (value ?? '').replace(/\D/g, '');
}

/**
 * Builds a person from explicit values (the node's "Fields" mode, or one read from an item).
 * Throws CrmInputError when neither a wa_id nor a BSUID is given.
 */
export function personFromValues(values: { waId?: string; userId?: string; profileName?: string; username?: string }): WhatsAppPerson {
	const waId = waIdDigits(values.waId);
	const userId = str(values.userId);
	if (!waId && !userId) {
		throw new CrmInputError(
			'No WhatsApp ID on this item',
			'Connect the node after a WhatsApp Business Trigger (message events), or choose Person › Fields and map the WhatsApp ID (wa_id) or the business-scoped user ID.',
		);
	}
	const person: WhatsAppPerson = { waId };
	if (waId) person.e164 = `+${waId}`;
	if (userId) person.userId = userId;
	const profileName = str(values.profileName);
	if (profileName) person.profileName = profileName;
	const username = str(values.username);
	if (username) person.username = username;
	return person;
}

/**
 * The WhatsApp user an item is about: the sender of a message (`from`), the recipient of a status
 * (`recipient`, an object) or of a send result (`waId`, `userId`, else `to` or the `recipient`
 * string the node sent to). Each is read whole, wa_id or BSUID (a person who hides their number
 * has `waId: ''` and a `userId`; Meta: Business-scoped user IDs).
 */
export function personFromItem(json: Json): WhatsAppPerson {
	const from = obj(json.from);
	if (identifies(from)) return personFromValues(personValues(from));
	const recipient = obj(json.recipient);
	if (identifies(recipient)) return personFromValues(personValues(recipient));
	// A send result's `recipient` is the BSUID the node sent to (a status's is an object, read above).
	return personFromValues({ waId: str(json.waId) ?? str(json.wa_id) ?? str(json.to), userId: str(json.userId) ?? str(json.recipient) });
}

/** A trigger item's person object (`from`, `recipient`) names someone: a wa_id or a BSUID. */
const identifies = (person: Json): boolean => (str(person.waId) ?? str(person.userId)) !== undefined;

const personValues = (person: Json) => ({ waId: str(person.waId), userId: str(person.userId), profileName: str(person.profileName), username: str(person.username) });

/**
 * The message an item carries. A trigger message item is inbound; a send result (it has `messageId`
 * and `to`) is outbound, and its text comes from `outboundText` since Meta's answer does not echo it.
 * `now` is used when the item has no time (ISO 8601 UTC).
 */
export function messageFromItem(json: Json, options: { outboundText?: string; now: string }): CrmMessage {
	if (json.kind === 'message' || obj(json.from).waId !== undefined || obj(json.from).userId !== undefined) {
		const media = obj(json.media);
		const message: CrmMessage = {
			direction: 'inbound',
			type: str(json.type) ?? 'text',
			timestamp: str(json.timestamp) ?? options.now,
		};
		if (str(json.id)) message.messageId = str(json.id);
		if (str(json.text)) message.text = str(json.text);
		if (str(json.caption)) message.caption = str(json.caption);
		if (str(media.id) ?? str(media.mimeType)) {
			message.media = { id: str(media.id), mimeType: str(media.mimeType), filename: str(media.filename) };
		}
		return message;
	}
	const message: CrmMessage = { direction: 'outbound', type: str(json.type) ?? 'text', timestamp: str(json.timestamp) ?? options.now };
	if (str(json.messageId)) message.messageId = str(json.messageId);
	const textValue = str(options.outboundText) ?? str(json.text);
	if (textValue) message.text = textValue;
	return message;
}

/**
 * ISO 8601 UTC with milliseconds (2026-05-14T09:51:07.000Z) from what a workflow maps to a time,
 * read with luxon as the Session Window reads it (nodes/shared/whatsapp/schedule/instants.ts): ISO
 * 8601 (UTC when it has no offset), SQL-style date-time, epoch seconds or milliseconds (told apart
 * by size), a JavaScript Date or a luxon DateTime (n8n's `$now`). `now` when the value is empty.
 * Throws CrmInputError naming the accepted forms for anything else ("yesterday", "14/05/2026").
 */
export function toIsoUtc(value: unknown, now: Date = new Date()): string {
	if (isEmptyValue(value)) return now.toISOString();
	const instant = parseInstant(value);
	if (!instant) {
		const shown = typeof value === 'string' || typeof value === 'number' ? `"${String(value).trim()}"` : `A ${typeof value}`;
		throw new CrmInputError(`${shown} is not a time`, `Map to Last Inbound At ${ACCEPTED_INSTANT_FORMATS}.`);
	}
	return instant.toUTC().toISO() as string;
}
