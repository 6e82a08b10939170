/**
 * Phone numbers as CRMs store them: typed by people in any format ("+1 (415) 555-0132",
 * "415.555.0132", "0044 7400 123456", "+44 (0)7400 123456", "07400 123456"). No CRM here documents
 * a search that understands numbers, so each adapter asks its CRM with what its search compares
 * (`phoneSearchOf`: Zoho's `phone=` searches every Phone field with the digits of each typed form, HubSpot's and
 * Zendesk's wildcards match the digits a stored number ends with), and every hit is confirmed by
 * reading both numbers with libphonenumber-js and comparing E.164 (`samePhone`). The wa_id forms
 * with or without a mobile prefix digit (Brazil, Mexico, Argentina) come from the WhatsApp core's
 * `phoneVariants` (docs/phone-numbers.md).
 */
import { parsePhoneNumberWithError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { cleanPhoneInput, countryOfNumber, phoneVariants } from '../whatsapp/phone';

function parse(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
	try {
		return parsePhoneNumberWithError(text, defaultCountry ? { defaultCountry } : undefined);
	} catch {
		return undefined;
	}
}

/** What to search for one WhatsApp user. */
export interface PhoneSearch {
	/** E.164 of each form of the number (the wa_id first), e.g. ['+5511988887777', '+551188887777']. */
	variants: string[];
	/**
	 * National significant numbers of the variants ('4155550132', '7400123456'): the digits every
	 * stored format of the number ends with, with or without country code, trunk 0 or "(0)".
	 */
	nationalNumbers: string[];
	/**
	 * The digit strings a phone field holds for the number in the formats people type, for searches
	 * that compare digits: international ('447400123456'), national ('07400123456' and
	 * '7400123456'), with the 00 prefix ('00447400123456') and with "(0)" after the country code
	 * ('4407400123456'); most common first.
	 */
	digitForms: string[];
}

/** The searches for a wa_id or E.164 number; empty lists when it has no digits. */
export function phoneSearchOf(waIdOrE164: string): PhoneSearch {
	const digits = waIdOrE164.replace(/\D/g, '');
	if (!digits) return { variants: [], nationalNumbers: [], digitForms: [] };
	let variants: string[];
	try {
		variants = phoneVariants(digits);
	} catch {
		variants = [`+${digits}`];
	}
	const nationalNumbers: string[] = [];
	const digitForms: string[] = [];
	for (const e164 of variants) {
		const international = e164.slice(1);
		const parsed = parse(e164);
		digitForms.push(international);
		if (!parsed) continue;
		const national = parsed.formatNational().replace(/\D/g, '');
		nationalNumbers.push(parsed.nationalNumber);
		digitForms.push(national, parsed.nationalNumber, `00${international}`);
		if (national === `0${parsed.nationalNumber}`) digitForms.push(`${parsed.countryCallingCode}${national}`);
	}
	const unique = (list: string[]) => [...new Set(list.filter((form) => form.length >= 6))];
	return { variants, nationalNumbers: unique(nationalNumbers), digitForms: unique(digitForms) };
}

/**
 * E.164 of a phone number as a CRM stores it, read with libphonenumber-js: '+' or '00' starts the
 * country code, "(0)" after it is dropped, an extension is ignored, and a number without a country
 * code is read in `country` (the country of the person's own number). Undefined when it cannot be
 * read as a number.
 */
export function storedPhoneE164(stored: unknown, country?: string): string | undefined {
	if (typeof stored !== 'string' && typeof stored !== 'number') return undefined;
	const text = cleanPhoneInput(stored).trim().replace(/^00(?=[1-9])/, '+');
	if (!/\d/.test(text)) return undefined;
	const parsed = parse(text, country as CountryCode | undefined);
	return parsed?.number;
}

/**
 * True when a stored phone string is one of the person's numbers, whatever its format: both are read
 * with libphonenumber-js (storedPhoneE164) and compared in E.164, against every wa_id variant. CRMs'
 * searches match loosely (wildcards, digits only), so every hit is checked with this before a record
 * is adopted.
 */
export function samePhone(stored: unknown, waIdOrE164: string): boolean {
	const { variants } = phoneSearchOf(waIdOrE164);
	const e164 = storedPhoneE164(stored, countryOfNumber(waIdOrE164));
	return e164 !== undefined && variants.includes(e164);
}
