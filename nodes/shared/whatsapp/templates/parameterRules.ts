/** Checks on single parameter values that Meta would otherwise reject after the request (Meta: Template components). */
import { WhatsAppValidationError } from '../validationError';
import type { SendMediaObject } from './types';
import { mediaObjectFrom } from './fieldValues';

// Meta's Template components page: copy_code; Meta's Authentication templates page: OTP.
export const COUPON_CODE_MAX = 20;
export const OTP_CODE_MAX = 15;
// After substitution (component limits: Meta's Templates overview page; card bodies: Meta's Media card carousel templates page); longer text fails with 132005.
export const BODY_TEXT_MAX = 1024;
export const HEADER_TEXT_MAX = 60;
export const CARD_BODY_TEXT_MAX = 160;

const fail = (message: string, field: string, fix: string): never => {
	throw new WhatsAppValidationError(message, field, fix);
};

/**
 * Meta rejects text parameters with new-line/tab characters or "more than 4 consecutive spaces"
 * (error 132018, quoting Meta's message).
 */
export function checkTextParameter(value: string, field: string, where: string): void {
	if (/[\n\r]/.test(value))
		fail(`The value for ${where} contains a line break, which WhatsApp does not allow in template parameters.`, field,
			'Replace the line breaks with spaces (for example with .replace(/\\n/g, " ")), or send the multi-line text as a separate message.');
	if (/\t/.test(value))
		fail(`The value for ${where} contains a tab, which WhatsApp does not allow in template parameters.`, field,
			'Replace tabs with a single space.');
	if (/ {5,}/.test(value))
		fail(`The value for ${where} contains more than 4 spaces in a row, which WhatsApp rejects.`, field,
			'Collapse runs of spaces to one space.');
}

export function checkRenderedLength(text: string, max: number, field: string, where: string): void {
	if (text.length > max)
		fail(`${where} would be ${text.length} characters once the values are filled in; WhatsApp allows at most ${max}.`, field,
			`Shorten the values so the whole ${where.toLowerCase()} stays within ${max} characters.`);
}

export function checkCouponCode(value: string, field: string): string {
	const code = value.trim();
	if (code.length > COUPON_CODE_MAX)
		fail(`The coupon code "${code}" has ${code.length} characters; WhatsApp allows at most ${COUPON_CODE_MAX}.`, field,
			`Use a code of at most ${COUPON_CODE_MAX} letters and digits.`);
	if (!/^[A-Za-z0-9]+$/.test(code))
		fail(`The coupon code "${code}" contains characters other than letters and digits.`, field,
			'Remove spaces, dashes and symbols from the coupon code.');
	return code;
}

export function checkOtpCode(value: string, field: string): string {
	const code = value.trim();
	if (code.length > OTP_CODE_MAX)
		fail(`The verification code has ${code.length} characters; WhatsApp allows at most ${OTP_CODE_MAX}.`, field,
			`Generate a code of at most ${OTP_CODE_MAX} characters.`);
	return code;
}

export function checkMedia(value: string, field: string, kind: string): SendMediaObject {
	return mediaObjectFrom(value) ?? fail(
		`The header ${kind} "${value}" is neither a media ID nor a link.`, field,
		`Give the ID returned by a media upload (digits only) or a public https:// link to the ${kind}.`);
}

export function checkCoordinate(value: string, field: string, axis: 'latitude' | 'longitude'): string {
	const limit = axis === 'latitude' ? 90 : 180;
	const number = Number(value.trim());
	if (value.trim() === '' || !Number.isFinite(number) || Math.abs(number) > limit)
		fail(`The header ${axis} "${value}" is not a number between -${limit} and ${limit}.`, field,
			`Give the ${axis} in decimal degrees, e.g. ${axis === 'latitude' ? '37.4421' : '-122.1615'}.`);
	return value.trim();
}

export function checkFlowActionData(value: string, field: string): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(value);
	} catch {
		parsed = undefined;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		fail('The flow initial data is not a JSON object.', field,
			'Give a JSON object such as {"product_id": "123"}, or leave the field empty.');
	return parsed as Record<string, unknown>;
}

/** Meta's Limited-time offer templates page: wants Unix milliseconds; people often have an ISO date or Unix seconds instead. */
export function checkExpirationTime(value: string | number, field: string): number {
	const text = String(value).trim();
	const fix = 'Give the end of the offer as Unix time in milliseconds (e.g. 1698278400000) or an ISO date such as 2026-12-31T23:59:00Z.';
	if (/^\d+$/.test(text)) {
		const number = Number(text);
		if (number < 1e11) fail(`The offer expiration ${text} looks like Unix seconds, not milliseconds.`, field, fix);
		return number;
	}
	const parsed = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(parsed)) fail(`The offer expiration "${text}" is not a date.`, field, fix);
	return parsed;
}
