/**
 * Reads the person and the message out of n8n items: a message item of the WhatsApp Business Trigger
 * (nodes/shared/whatsapp/webhook/types.ts `MessageEvent`: `from.waId`, `from.userId`, `from.profileName`,
 * `type`, `text`, `caption`, `media`, `timestamp`), a status item (`StatusEvent`: `recipient.waId`,
 * `recipient.userId`), or a send result of the WhatsApp Business node (`waId`, `userId`, `to` or
 * `recipient`, `messageId`, `type`); and the times mapped from them.
 */
import { normaliseRecipient, waIdToE164 } from '../whatsapp/phone';
import { ACCEPTED_INSTANT_FORMATS, isEmptyValue, parseInstant } from '../whatsapp/schedule/instants';
import { WhatsAppValidationError } from '../whatsapp/validationError';
import { CrmInputError } from './errors';
import { messageContent } from './messageContent';
import type { CrmMessage, WhatsAppPerson } from './types';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string | undefined => {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/**
 * The wa_id of a number: as WhatsApp gives it (digits, from a trigger or a send result) it is kept;
 * as a person typed it ("0044 7400 123456", "+44 (0)7400 123456", "07400 123456" with a default
 * country) it is read like a WhatsApp recipient (the core's normaliseRecipient), so a CRM record never
 * gets a key the customer's messages will not carry. '' for an empty value. Throws CrmInputError
 * naming the fix for what cannot be a WhatsApp number (too few digits, no country code, an extension).
 */
export function waIdOf(value: string | undefined, options: { typed?: boolean; defaultCountry?: string } = {}): string {
	if (!value || value.trim() === '') return '';
	try {
		return (options.typed ? normaliseRecipient(value, { defaultCountry: options.defaultCountry }).e164 : waIdToE164(value)).slice(1);
	} catch (error) {
		if (!(error instanceof WhatsAppValidationError)) throw error;
		throw new CrmInputError(`The WhatsApp ID "${value.trim()}" is not a WhatsApp number: ${error.message}`, error.fix);
	}
}

/**
 * Builds a person from explicit values: the node's "Fields" mode (`typed`: numbers as people write
 * them, read with `defaultCountry`), or one read from an item (wa_ids as WhatsApp gives them).
 * Throws CrmInputError when neither a wa_id nor a BSUID is given, or the wa_id cannot be a number.
 */
export function personFromValues(
	values: { waId?: string; userId?: string; profileName?: string; username?: string },
	options: { typed?: boolean; defaultCountry?: string } = {},
): WhatsAppPerson {
	const userId = str(values.userId);
	if (!str(values.waId) && !userId) {
		throw new CrmInputError(
			'No WhatsApp ID on this item',
			'Connect the node after a WhatsApp Business Trigger (message events), or choose Person › Fields and map the WhatsApp ID (wa_id) or the business-scoped user ID.',
		);
	}
	const waId = waIdOf(values.waId, options);
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
	throwIfFailedSend(json);
	// A send result's `recipient` is the BSUID the node sent to (a status's is an object, read above).
	return personFromValues({ waId: str(json.waId) ?? str(json.wa_id) ?? str(json.to), userId: str(json.userId) ?? str(json.recipient) });
}

/**
 * Throws CrmInputError when the item is a WhatsApp Business node's failed send (Continue On Fail:
 * `error` and no `messageId`), saying the send failed rather than asking for a trigger.
 */
export function throwIfFailedSend(json: Json): void {
	if (json.error === undefined || json.error === null || str(json.messageId)) return;
	const reason = str(obj(json.error).message) ?? str(json.error);
	throw new CrmInputError(
		`The send on this item failed, so nothing was logged${reason ? `: ${reason}` : ''}`,
		"The node before this one could not send this item's message (its error is on the item). Fix that send, or set that node's On Error to \"Continue (using error output)\" so failed sends take another branch.",
	);
}

/** A trigger item's person object (`from`, `recipient`) names someone: a wa_id or a BSUID. */
const identifies = (person: Json): boolean => (str(person.waId) ?? str(person.userId)) !== undefined;

const personValues = (person: Json) => ({ waId: str(person.waId), userId: str(person.userId), profileName: str(person.profileName), username: str(person.username) });

/**
 * The message an item carries. A trigger message item is inbound; a send result (it has `messageId`
 * and `to`) is outbound. Meta's answer does not echo what was sent, so an outbound text is
 * `outboundText` when mapped, else what the send result carries: a template's `renderedText` (with
 * its `templateName`), a `text` or `caption`. `now` is used when the item has no time (ISO 8601 UTC).
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
		const content = messageContent(json);
		if (content) message.content = content;
		if (str(media.id) ?? str(media.mimeType)) {
			message.media = { id: str(media.id), mimeType: str(media.mimeType), filename: str(media.filename) };
		}
		return message;
	}
	throwIfFailedSend(json);
	const message: CrmMessage = { direction: 'outbound', type: str(json.type) ?? 'text', timestamp: str(json.timestamp) ?? options.now };
	if (str(json.messageId)) message.messageId = str(json.messageId);
	const textValue = str(options.outboundText) ?? str(json.text) ?? str(json.renderedText);
	if (textValue) message.text = textValue;
	if (str(json.caption)) message.caption = str(json.caption);
	const templateName = str(json.templateName);
	if (templateName) {
		message.templateName = templateName;
		message.content = textValue ? `Template ${templateName}: ${textValue}` : `Template ${templateName}`;
	}
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
