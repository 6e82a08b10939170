import { characterCount } from './common';
import { BIZ_OPAQUE_CALLBACK_DATA_MAX } from './limits';
import { WhatsAppValidationError } from '../validationError';

/**
 * The "Already Sent Key" of an item (e.g. an order ID) inside a message's tracking data,
 * `biz_opaque_callback_data`, which WhatsApp echoes in every status webhook of the message (Meta:
 * Send messages; Status messages webhook reference): so a later status joins to the item.
 *
 * Layout: the key, a `|`, then the item's own tracking data, if any: `ORDER-1042|` or
 * `ORDER-1042|spring-campaign`. The key therefore never holds a `|`, and the `|` is always there: it
 * tells a status of a message sent with a key from one whose own tracking data merely starts with
 * the same text (alreadySentKeyIn).
 */
export const ALREADY_SENT_KEY_SEPARATOR = '|';

/** Longest key: the tracking data around it keeps the rest of WhatsApp's 512 characters. */
export const ALREADY_SENT_KEY_MAX = 256;

/**
 * Checks an item's key (a string or number from an expression) and returns it trimmed; throws
 * WhatsAppValidationError (field `alreadySentKey`) when it is an object or a list, empty, holds a `|`, or makes the
 * tracking data longer than WhatsApp takes together with `trackingData`.
 */
export function checkAlreadySentKey(value: unknown, trackingData?: string): string {
	if (value !== null && typeof value === 'object') {
		// An expression that points at a whole object (e.g. {{ $json.customer }}), not one of its fields.
		throw new WhatsAppValidationError(
			`The Already Sent Key of this item is ${Array.isArray(value) ? 'a list' : 'an object'}, not text or a number.`,
			'alreadySentKey',
			'Map one field of it, e.g. {{ $json.customer.id }} rather than {{ $json.customer }}.',
		);
	}
	const key = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (key === '') {
		throw new WhatsAppValidationError(
			'The Already Sent Key of this item is empty.',
			'alreadySentKey',
			'Map a value that names this message uniquely, e.g. {{ $json.orderId }}; every item needs one when "Skip Items Already Sent" is on.',
		);
	}
	if (key.includes(ALREADY_SENT_KEY_SEPARATOR)) {
		throw new WhatsAppValidationError(
			`The Already Sent Key "${key}" contains "${ALREADY_SENT_KEY_SEPARATOR}".`,
			'alreadySentKey',
			`Use a key without "${ALREADY_SENT_KEY_SEPARATOR}" (it separates the key from your own tracking data in the message), e.g. replace it with "-".`,
		);
	}
	const length = characterCount(alreadySentTrackingData(key, trackingData));
	if (characterCount(key) > ALREADY_SENT_KEY_MAX || length > BIZ_OPAQUE_CALLBACK_DATA_MAX) {
		throw new WhatsAppValidationError(
			`The Already Sent Key with the tracking data is ${length} characters long; WhatsApp takes at most ${BIZ_OPAQUE_CALLBACK_DATA_MAX} (the key at most ${ALREADY_SENT_KEY_MAX}).`,
			'alreadySentKey',
			'Use a shorter key (an ID rather than a whole text), or shorten the Tracking Data option.',
		);
	}
	return key;
}

/** The tracking data a message sent with an Already Sent Key goes out with: the key, `|`, then the item's own tracking data (may be empty). */
export function alreadySentTrackingData(key: string, trackingData?: string): string {
	return `${key}${ALREADY_SENT_KEY_SEPARATOR}${trackingData?.trim() ?? ''}`;
}

/** The Already Sent Key in a status's tracking data (alreadySentTrackingData), or undefined when it has no `|`. */
export function alreadySentKeyIn(trackingData: string): string | undefined {
	const at = trackingData.indexOf(ALREADY_SENT_KEY_SEPARATOR);
	return at > 0 ? trackingData.slice(0, at) : undefined;
}

/** Tracking data led by a token (Send and Wait): the token alone, or the token, `|` and the item's own tracking data. */
export function trackingDataWithKey(key: string, trackingData?: string): string {
	const own = trackingData?.trim();
	return own ? `${key}${ALREADY_SENT_KEY_SEPARATOR}${own}` : key;
}

/** Splits tracking data written by trackingDataWithKey back into the key and the item's own tracking data. */
export function splitTrackingData(value: string): { key: string; trackingData?: string } {
	const at = value.indexOf(ALREADY_SENT_KEY_SEPARATOR);
	return at < 0 ? { key: value } : { key: value.slice(0, at), trackingData: value.slice(at + 1) };
}
