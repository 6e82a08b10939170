/**
 * Raw Meta webhook body → normalised events. Never throws: for any JSON value it returns the events
 * it could read (possibly none). One event per message, status, value-level error and WABA-level
 * change — never one per batch (Meta's Messages webhook reference page: each entry, change and array element is independent).
 */
import type { ChangeScope } from './common';
import { normaliseMessage } from './message';
import { asEpochSeconds, asObject, asObjects, asString, epochToIso, type JsonObject } from './jsonReaders';
import { ContactIndex } from './people';
import { normaliseStatus, normaliseValueError } from './status';
import type { WhatsAppEvent } from './types';
import { normaliseWabaChange } from './waba';

export interface NormaliseOptions {
	/** Clock in milliseconds, for `receivedAt` (defaults to Date.now). */
	now?: () => number;
}

const WHATSAPP_OBJECT = 'whatsapp_business_account';

export function normaliseWebhook(body: unknown, options: NormaliseOptions = {}): WhatsAppEvent[] {
	const root = asObject(body);
	if (!root) return [];
	// Bodies for other Meta products (Messenger "page", Instagram) are not ours.
	if (root.object !== undefined && root.object !== WHATSAPP_OBJECT) return [];
	const receivedEpoch = receivedSeconds(options);
	const receivedAt = epochToIso(receivedEpoch);

	// docs/360dialog.md: 360dialog's verbatim envelope is not confirmed, so also accept a bare `messages` value.
	if (root.entry === undefined && isMessagesValue(root)) {
		return normaliseChange(root, { field: 'messages', wabaId: '', receivedEpoch, receivedAt });
	}

	const events: WhatsAppEvent[] = [];
	for (const entry of asObjects(root.entry)) {
		const wabaId = asString(entry.id) ?? '';
		const entryTime = entry.time;
		for (const change of asObjects(entry.changes)) {
			const field = asString(change.field) ?? '';
			// A loop, not push(...spread): a huge batch must not overflow the call stack.
			for (const event of normaliseChange(change.value, { field, wabaId, entryTime, receivedEpoch, receivedAt })) events.push(event);
		}
	}
	return events;
}

function receivedSeconds(options: NormaliseOptions): number {
	const millis = options.now ? options.now() : Date.now();
	return asEpochSeconds(Number.isFinite(millis) ? millis / 1000 : undefined) ?? Math.floor(Date.now() / 1000);
}

function normaliseChange(value: unknown, scope: ChangeScope): WhatsAppEvent[] {
	const object = asObject(value);
	const metadata = asObject(object?.metadata);
	const numberScope: ChangeScope = {
		...scope,
		phoneNumberId: asString(metadata?.phone_number_id),
		displayPhoneNumber: asString(metadata?.display_phone_number),
	};
	if (object && isMessagesValue(object) && (scope.field === 'messages' || scope.field === '')) {
		return normaliseMessagesValue(object, { ...numberScope, field: 'messages' });
	}
	return [normaliseWabaChange(value, numberScope)];
}

/** A `messages` value holds messages[], statuses[] or errors[] (Meta: Messages webhook reference). Anything else (groups…) is unknown. */
function isMessagesValue(value: JsonObject): boolean {
	return Array.isArray(value.messages) || Array.isArray(value.statuses) || Array.isArray(value.errors);
}

/** Linear in the size of the value: contacts[] is indexed once, not searched per message. */
function normaliseMessagesValue(value: JsonObject, scope: ChangeScope): WhatsAppEvent[] {
	const contacts = new ContactIndex(asObjects(value.contacts));
	const events: WhatsAppEvent[] = [];
	for (const message of asObjects(value.messages)) events.push(normaliseMessage(message, contacts, scope));
	for (const status of asObjects(value.statuses)) events.push(normaliseStatus(status, contacts, scope));
	for (const error of asObjects(value.errors)) events.push(normaliseValueError(error, scope));
	return events;
}
