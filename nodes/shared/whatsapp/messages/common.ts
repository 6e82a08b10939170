import { BIZ_OPAQUE_CALLBACK_DATA_MAX } from './limits';
import { looksLikeBusinessScopedUserId, normaliseBusinessScopedUserId } from '../businessScopedUserId';
import { normaliseRecipient, type CountryCode } from '../phone';
import { WhatsAppValidationError } from '../validationError';
import type { MediaObject, MessageEnvelope } from './types';

/** How `to` names the user: a phone number (or wa_id), or a business-scoped user ID (Meta: Business-scoped user IDs). */
export type RecipientIdentifier = 'phoneNumber' | 'userId';

/** Options every outgoing message takes (Meta: Send messages). */
export interface CommonMessageOptions {
	/** Phone number in any usual notation, or the wa_id from the Trigger; a BSUID when `recipientIdentifier` is `userId`. */
	to: string;
	/** Default `phoneNumber`: `to` goes out as E.164 in `to`; `userId`: as is in `recipient`. */
	recipientIdentifier?: RecipientIdentifier;
	/** Country for numbers typed without a country code. */
	defaultCountry?: CountryCode | string;
	/** wamid of the message to quote (Meta: Contextual replies). */
	replyToMessageId?: string;
	/** Tracking string Meta echoes in status webhooks (Meta: Send messages). */
	bizOpaqueCallbackData?: string;
}

/** For optional texts Meta sets no documented length limit on. */
export const NO_LENGTH_LIMIT = Number.POSITIVE_INFINITY;

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function characterCount(value: string): number {
	return [...value].length;
}

function isBlank(value: string | undefined | null): value is undefined | null | '' {
	return value === undefined || value === null || String(value).trim() === '';
}

function checkMaxLength(value: string, max: number, field: string, label: string): void {
	const count = characterCount(value);
	if (count > max) {
		throw new WhatsAppValidationError(
			`${label} is ${count} characters long; WhatsApp allows at most ${max}.`,
			field,
			`Shorten ${label.toLowerCase()} to ${max} characters or fewer (it has ${count}).`,
		);
	}
}

/** A text that must be present and within `max` characters. */
export function requireText(value: string | undefined, max: number, field: string, label: string): string {
	if (isBlank(value)) {
		throw new WhatsAppValidationError(`${label} is empty.`, field, `Enter ${label.toLowerCase()}; it cannot be blank.`);
	}
	const text = String(value);
	checkMaxLength(text, max, field, label);
	return text;
}

/** An optional text: blank means "not given" (n8n passes '' for untouched fields). */
export function optionalText(value: string | undefined, max: number, field: string, label: string): string | undefined {
	if (isBlank(value)) return undefined;
	const text = String(value);
	checkMaxLength(text, max, field, label);
	return text;
}

/** A required identifier such as a wamid; surrounding spaces are trimmed. */
export function requireId(value: string | undefined, field: string, label: string, fix: string): string {
	if (isBlank(value)) throw new WhatsAppValidationError(`${label} is empty.`, field, fix);
	return String(value).trim();
}

/** Media links and CTA targets must be absolute http(s) URLs (Meta: Media messages, Interactive CTA URL button messages). */
export function requireHttpUrl(value: string | undefined, field: string, label: string): string {
	const text = requireId(value, field, label, `Enter ${label.toLowerCase()}, starting with https://.`);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new WhatsAppValidationError(
			`${label} "${text}" is not a valid web address.`,
			field,
			'Use a full address that starts with https:// (or http://), e.g. https://example.com/file.pdf.',
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new WhatsAppValidationError(
			`${label} uses "${url.protocol}", but WhatsApp only accepts http and https addresses.`,
			field,
			'Use an address that starts with https:// (or http://).',
		);
	}
	return text;
}

export interface MediaSourceInput {
	/** Media ID returned by an upload (Meta's recommendation). */
	mediaId?: string;
	/** Public http(s) URL Meta will fetch. */
	link?: string;
}

/**
 * Exactly one of an uploaded media ID or a public link (Meta: Media messages). Errors name `field`,
 * or `linkField` for a link that is not an http(s) address (default `<field>.link`), so a caller can
 * name the input the user typed the link in.
 */
export function mediaSource(input: MediaSourceInput, field: string, label: string, linkField = `${field}.link`): Pick<MediaObject, 'id' | 'link'> {
	const hasId = !isBlank(input.mediaId);
	const hasLink = !isBlank(input.link);
	if (hasId && hasLink) {
		throw new WhatsAppValidationError(
			`${label} has both a media ID and a link; WhatsApp takes exactly one.`,
			field,
			'Keep either the media ID (from an upload) or the link, and clear the other.',
		);
	}
	if (hasId) return { id: String(input.mediaId).trim() };
	if (hasLink) return { link: requireHttpUrl(input.link, linkField, `${label} link`) };
	throw new WhatsAppValidationError(
		`${label} has neither a media ID nor a link.`,
		field,
		'Give the media ID of an uploaded file, or a public https:// link to the file.',
	);
}

/**
 * Who receives the message: `to` with the number in E.164, or `recipient` with a business-scoped
 * user ID (Meta: Business-scoped user IDs; Meta lets `to` win when both are sent, so only one is).
 * Throws WhatsAppValidationError for a number that cannot be read, or a BSUID given as a number.
 */
export function buildRecipient(options: Pick<CommonMessageOptions, 'to' | 'recipientIdentifier' | 'defaultCountry'>): { to: string } | { recipient: string } {
	if (options.recipientIdentifier === 'userId') return { recipient: normaliseBusinessScopedUserId(options.to) };
	if (looksLikeBusinessScopedUserId(options.to)) {
		throw new WhatsAppValidationError(
			`"${String(options.to).trim()}" is a business-scoped user ID, not a phone number.`,
			'to',
			'Set "Recipient Identified By" to Business-Scoped User ID, or enter the phone number instead.',
		);
	}
	return { to: normaliseRecipient(options.to, { defaultCountry: options.defaultCountry }).e164 };
}

/** The fields shared by every message: product, recipient, quote and tracking data. */
export function buildEnvelope(options: CommonMessageOptions): MessageEnvelope {
	const envelope: MessageEnvelope = { messaging_product: 'whatsapp', recipient_type: 'individual', ...buildRecipient(options) };
	if (!isBlank(options.replyToMessageId)) {
		envelope.context = { message_id: String(options.replyToMessageId).trim() };
	}
	const tracking = optionalText(
		options.bizOpaqueCallbackData,
		BIZ_OPAQUE_CALLBACK_DATA_MAX,
		'bizOpaqueCallbackData',
		'The tracking data',
	);
	if (tracking !== undefined) envelope.biz_opaque_callback_data = tracking;
	return envelope;
}
