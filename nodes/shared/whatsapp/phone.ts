import {
	isSupportedCountry,
	parseDigits,
	parsePhoneNumberWithError,
	type CountryCode,
	type PhoneNumber,
} from 'libphonenumber-js/max';

import { withoutInvisibleCharacters } from './invisibleCharacters';
import { WhatsAppValidationError } from './validationError';

/** E.164: at most 15 digits; shorter than 7 cannot be a subscriber number anywhere. */
const PHONE_DIGITS_MIN = 7;
const PHONE_DIGITS_MAX = 15;

export type { CountryCode };

export interface NormalisedRecipient {
	/** '+<digits>', what the Cloud API `to` field gets */
	e164: string;
	/** digits only, the form WhatsApp uses in webhooks */
	waId: string;
	/** ISO 3166-1 alpha-2, when the calling code tells it */
	country?: string;
}

export interface NormaliseOptions {
	/** Country for numbers written without a country code (e.g. '07400 123456' with 'GB'). */
	defaultCountry?: CountryCode | string;
}

const EXAMPLE_FIX = 'add the country code, e.g. +44 7700 900123, or set Default Country';
// Separators people type inside numbers: spaces of every width, dashes of every kind (U+2212 minus is
// not a dash in Unicode), dots, brackets and the slash of "030/123456" (docs/phone-numbers.md).
const SEPARATORS = /[\s\p{Pd}\u2212.()[\]/]/gu;
// Decimal digits of any script, e.g. Arabic-Indic '٤٤' (fullwidth ones are folded by NFKC first).
const ANY_DIGIT = /\p{Nd}/gu;

/**
 * A phone number as people paste it from WhatsApp, contact cards and spreadsheets, without what
 * cannot be seen: NFKC folds fullwidth digits and plus signs ('＋４４'), invisible characters are
 * removed, digits of other scripts become ASCII where libphonenumber-js knows them. Separators and
 * anything visible are kept, so the caller still judges them. Returns '' for empty input.
 */
export function cleanPhoneInput(input: unknown): string {
	return withoutInvisibleCharacters(String(input ?? '').normalize('NFKC')).replace(ANY_DIGIT, (digit) => parseDigits(digit) || digit);
}

/** A pasted phone number with what cannot be seen and the separators removed: '+44 7700 900123' → '+447700900123'. Not validated. */
export function compactPhoneNumber(input: unknown): string {
	return cleanPhoneInput(input).replace(SEPARATORS, '');
}

/** The first character that is neither a digit, a separator nor a leading '+', for the error message. */
function firstStrayCharacter(compact: string): string {
	const stray = [...compact.replace(/^\+/, '')].find((character) => !/[0-9]/.test(character)) ?? compact[0];
	const codePoint = stray.codePointAt(0) ?? 0;
	return /[\p{L}\p{N}\p{P}\p{S}]/u.test(stray) ? `"${stray}"` : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function reject(message: string, fix: string): never {
	throw new WhatsAppValidationError(message, 'to', fix);
}

function tryParse(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
	try {
		return parsePhoneNumberWithError(text, { defaultCountry, extract: false });
	} catch {
		return undefined;
	}
}

function checkDigitCount(digits: string, shown: string): void {
	if (digits.length < PHONE_DIGITS_MIN) {
		reject(
			`The phone number "${shown}" has only ${digits.length} digit${digits.length === 1 ? '' : 's'}, too few for a phone number.`,
			`Enter the full number with its country code (at least ${PHONE_DIGITS_MIN} digits), e.g. +44 7700 900123.`,
		);
	}
	if (digits.length > PHONE_DIGITS_MAX) {
		reject(
			`The phone number "${shown}" has ${digits.length} digits; an international number has at most ${PHONE_DIGITS_MAX}.`,
			'Remove extra digits (an extension or a second number) and keep one number with its country code.',
		);
	}
}

function countryOf(parsed: PhoneNumber): string | undefined {
	// Invalid numbers on a shared calling code (+1, +44) have no `country`; the first
	// possible country is the calling code's main one, good enough for time-zone hints.
	return parsed.country ?? parsed.getPossibleCountries()[0];
}

/**
 * A wa_id form libphonenumber calls impossible although WhatsApp uses it (docs/phone-numbers.md):
 * Mexico's legacy mobile `521` + 10 digits. (Brazil's legacy 8-digit mobiles are "possible" already.)
 */
function isDocumentedLegacyWaId(digits: string): boolean {
	return MOBILE_PREFIX_RULES.some(
		(rule) => digits.startsWith(rule.callingCode) && digits.length === rule.callingCode.length + rule.withLength && digits.slice(rule.callingCode.length + rule.areaDigits).startsWith(rule.digit),
	);
}

/** How a number was read, for the message when it cannot be a number: with '+', as bare digits (a wa_id), or with the default country. */
type Reading = 'international' | 'bareDigits' | 'national';

function rejectImpossible(parsed: PhoneNumber, shown: string, reading: Reading): never {
	const where = countryOf(parsed);
	const readAs = `+${parsed.countryCallingCode} ${parsed.nationalNumber}`;
	if (reading === 'bareDigits') {
		reject(
			`The phone number "${shown}" has no "+" and, read as an international number (${readAs}${where ? `, ${where}` : ''}), it has the wrong number of digits.`,
			`It looks like a national number: set Default Country to the customer's country, or write it with its country code, e.g. +1 415 555 0132 or +44 7700 900123.`,
		);
	}
	reject(
		`The phone number "${shown}" cannot be a number ${where ? `in ${where}` : `with calling code +${parsed.countryCallingCode}`}: ${readAs} has the wrong number of digits.`,
		'Check the digits (a digit too many or too few, or a second number run into it) and the country code.',
	);
}

/**
 * E.164 of a parsed number. libphonenumber's reading is used (it drops a "(0)" after the country
 * code: +44 (0)7700 900123 → +447700900123); a number that cannot have this many digits is refused,
 * except the legacy wa_id forms WhatsApp itself uses (isDocumentedLegacyWaId). A number that is only
 * "invalid" (an unallocated or fictional range) is kept: WhatsApp decides whether it has an account.
 */
function toRecipient(parsed: PhoneNumber, shown: string, reading: Reading): NormalisedRecipient {
	const digits = parsed.number.slice(1);
	if (!parsed.isValid() && !parsed.isPossible() && !isDocumentedLegacyWaId(digits)) rejectImpossible(parsed, shown, reading);
	const e164 = parsed.number;
	checkDigitCount(digits, e164);
	const country = countryOf(parsed);
	return country ? { e164, waId: digits, country } : { e164, waId: digits };
}

function parseInternational(digits: string, shown: string, reading: Reading = 'international'): NormalisedRecipient {
	checkDigitCount(digits, shown);
	const parsed = tryParse(`+${digits}`);
	if (!parsed) {
		reject(
			`The phone number "${shown}" does not start with a known country calling code.`,
			`Check the number and ${EXAMPLE_FIX}.`,
		);
	}
	return toRecipient(parsed, shown, reading);
}

/** True when the country drops a leading 0 as its trunk prefix (GB, DE, BR …, not US or ES). */
function usesTrunkZero(digits: string, country: CountryCode): boolean {
	return tryParse(`0${digits}`, country)?.nationalNumber === digits;
}

/**
 * Digits written without '+' while a default country is set: either a national number
 * or a wa_id. Valid beats invalid, possible beats impossible; a tie between two valid
 * readings goes national unless the country writes national numbers with a leading 0.
 */
function parseAmbiguous(digits: string, country: CountryCode, shown: string): NormalisedRecipient {
	const national = tryParse(digits, country);
	if (digits.startsWith('0')) {
		if (!national || !(national.isValid() || national.isPossible())) {
			reject(`"${shown}" is not a phone number in ${country}.`, `Check the number, or ${EXAMPLE_FIX} to the right country.`);
		}
		return toRecipient(national, shown, 'national');
	}
	const international = tryParse(`+${digits}`);
	const nationalValid = national?.isValid() ?? false;
	const internationalValid = international?.isValid() ?? false;
	if (national && nationalValid && !(internationalValid && usesTrunkZero(digits, country))) {
		return toRecipient(national, shown, 'national');
	}
	if (international && (internationalValid || international.isPossible() || isDocumentedLegacyWaId(digits))) {
		return toRecipient(international, shown, 'international');
	}
	if (national?.isPossible()) return toRecipient(national, shown, 'national');
	reject(`"${shown}" is not a phone number in ${country}, nor an international number.`, `Check the digits, or ${EXAMPLE_FIX} to the right country.`);
}

/** Country names people write for Default Country that are not ISO 3166 codes: the UK's own "UK", Greece's EU code "EL". */
const COUNTRY_ALIASES: Record<string, CountryCode> = { UK: 'GB', EL: 'GR' };

/** The default country as libphonenumber-js knows it ('gb', 'UK' → 'GB'); undefined when empty. Throws WhatsAppValidationError for anything else. */
export function resolveDefaultCountry(value: string | undefined): CountryCode | undefined {
	const code = value?.trim().toUpperCase();
	if (!code) return undefined;
	const known = COUNTRY_ALIASES[code] ?? code;
	if (!isSupportedCountry(known)) {
		throw new WhatsAppValidationError(
			`"${value}" is not a two-letter country code.`,
			'defaultCountry',
			'Use the ISO 3166 code of the country, such as GB, US, DE or BR (it is only used for numbers written without a country code).',
		);
	}
	return known;
}

/**
 * What spreadsheets and CRMs add to a number: a trailing ".0" (a number cell exported as a decimal)
 * is dropped; scientific notation ("4.47400123460E+11", digits may be lost) and an extension
 * ("ext 12", "x12") are refused with their fix. Returns the number to read.
 */
function withoutSpreadsheetForms(shown: string): string {
	const decimal = /^(\+?\d{7,15})\.0+$/.exec(shown);
	if (decimal) return decimal[1];
	if (/^\d(?:[.,]\d+)?e\+?\d{1,2}$/i.test(shown)) {
		reject(
			`"${shown}" is a number in scientific notation, as spreadsheets show long numbers; digits may already be lost.`,
			'Format the phone column as Text in the spreadsheet (or write the numbers with + in front), then export and map it again.',
		);
	}
	const extension = /^(.*\d)\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i.exec(shown);
	if (extension) {
		reject(`The phone number "${shown}" has an extension; WhatsApp numbers have none.`, `Remove the extension and keep the number: ${extension[1].trim()}.`);
	}
	return shown;
}

/**
 * Turns what a user or the Trigger gives as a recipient into E.164 and wa_id. What cannot be
 * seen is removed first (cleanPhoneInput), so a number pasted from WhatsApp or a contact card
 * reads like the one typed. '+' or '00' starts an international number ("(0)" after the country
 * code is dropped); digits without either and without a default country are read as a wa_id
 * (international digits, as webhooks carry them); the default country is only read (and only
 * refused when unknown) for numbers that need it. A number that cannot have its number of digits
 * is refused (docs/phone-numbers.md), one that is only "invalid" is kept: WhatsApp decides.
 * Throws WhatsAppValidationError (field `to`, or `defaultCountry`) naming the fix.
 */
export function normaliseRecipient(input: string, options: NormaliseOptions = {}): NormalisedRecipient {
	const cleaned = cleanPhoneInput(input).trim();
	if (!cleaned) reject('The recipient phone number is empty.', `Enter the customer's WhatsApp number; ${EXAMPLE_FIX}.`);
	const shown = withoutSpreadsheetForms(cleaned);
	const compact = shown.replace(SEPARATORS, '');
	if (!/^\+?[0-9]+$/.test(compact)) {
		reject(
			`The phone number "${shown}" contains letters or symbols (the first: ${firstStrayCharacter(compact)}).`,
			'Use digits only, with an optional leading +, e.g. +44 7700 900123.',
		);
	}
	if (compact.startsWith('+')) return parseInternational(compact.slice(1), shown);
	if (compact.startsWith('00')) return parseInternational(compact.slice(2), shown);
	const defaultCountry = resolveDefaultCountry(options.defaultCountry);
	if (!defaultCountry) {
		if (compact.startsWith('0')) {
			reject(`The phone number "${shown}" has no country code.`, `Write it in international form: ${EXAMPLE_FIX}.`);
		}
		return parseInternational(compact, shown, 'bareDigits');
	}
	checkDigitCount(compact, shown);
	return parseAmbiguous(compact, defaultCountry, shown);
}

/** ISO-2 country of an E.164 number or wa_id, or undefined when it cannot be told. */
export function countryOfNumber(e164OrWaId: string): string | undefined {
	const digits = cleanPhoneInput(e164OrWaId).replace(SEPARATORS, '').replace(/^\+/, '');
	if (!/^[0-9]+$/.test(digits)) return undefined;
	const parsed = tryParse(`+${digits}`);
	return parsed ? countryOf(parsed) : undefined;
}

// Mobile prefixes that a wa_id may carry or lack compared with the number the customer
// gives (docs/phone-numbers.md): Brazil's ninth digit, Mexico's legacy 1, Argentina's 9.
const MOBILE_PREFIX_RULES: Array<{ callingCode: string; areaDigits: number; digit: string; withLength: number; appliesTo?: RegExp }> = [
	// Brazil: DDD (2 digits) then 9 + 8 digits; legacy 8-digit mobiles start with 6-9.
	{ callingCode: '55', areaDigits: 2, digit: '9', withLength: 11, appliesTo: /^[6-9]/ },
	// Mexico: legacy 1 right after the country code, then 10 digits.
	{ callingCode: '52', areaDigits: 0, digit: '1', withLength: 11 },
	// Argentina: mobile 9 right after the country code, then 10 digits.
	{ callingCode: '54', areaDigits: 0, digit: '9', withLength: 11 },
];

/**
 * '+' and the digits of a wa_id as WhatsApp gives it (digits, or '+' and digits), taken as they are:
 * WhatsApp has proved the account exists (docs/phone-numbers.md). Anything else (a number as typed)
 * goes through normaliseRecipient and may throw WhatsAppValidationError.
 */
export function waIdToE164(waIdOrE164: string): string {
	const given = cleanPhoneInput(waIdOrE164).trim();
	if (/^\+?[1-9][0-9]{6,14}$/.test(given)) return `+${given.replace(/^\+/, '')}`;
	return normaliseRecipient(waIdOrE164).e164;
}

/**
 * E.164 forms worth searching in a CRM for one WhatsApp user: the number itself plus,
 * for Brazil, Mexico and Argentina, the form with or without the mobile prefix digit.
 */
export function phoneVariants(waIdOrE164: string): string[] {
	const e164 = waIdToE164(waIdOrE164);
	const variants = [e164];
	for (const rule of MOBILE_PREFIX_RULES) {
		if (!e164.startsWith(`+${rule.callingCode}`)) continue;
		const national = e164.slice(rule.callingCode.length + 1);
		const area = national.slice(0, rule.areaDigits);
		const subscriber = national.slice(rule.areaDigits);
		const prefix = `+${rule.callingCode}${area}`;
		if (national.length === rule.withLength && subscriber.startsWith(rule.digit)) {
			variants.push(prefix + subscriber.slice(1));
		} else if (national.length === rule.withLength - 1 && (rule.appliesTo?.test(subscriber) ?? true)) {
			variants.push(prefix + rule.digit + subscriber);
		}
	}
	return [...new Set(variants)];
}
