/**
 * Phone numbers as CRMs store them. CRMs match phone searches on the stored string (no vendor here
 * documents E.164 normalisation), so an existing record is only found by searching the forms people
 * type: E.164 with and without '+', the international and national formats with their spaces, and
 * the national digits. Formats come from libphonenumber-js; the wa_id-specific mobile prefixes
 * (Brazil's ninth digit, Mexico's 1, Argentina's 9) from the WhatsApp core's `phoneVariants`.
 */
import { parsePhoneNumberWithError, type PhoneNumber } from 'libphonenumber-js/max';
import { phoneVariants } from '../whatsapp/phone';

function parse(e164: string): PhoneNumber | undefined {
	try {
		return parsePhoneNumberWithError(e164);
	} catch {
		return undefined;
	}
}

/**
 * The strings worth searching for one WhatsApp number, most likely first, without repeats:
 * for each E.164 variant `+5511988887777`: itself, `5511988887777`, `+55 11 98888-7777`,
 * `(11) 98888-7777`, `11988887777`. Input: a wa_id or E.164; a number that cannot be read
 * yields just its digits with and without '+'.
 */
export function storedPhoneForms(waIdOrE164: string): string[] {
	const digits = waIdOrE164.replace(/\D/g, '');
	if (!digits) return [];
	let variants: string[];
	try {
		variants = phoneVariants(digits);
	} catch {
		variants = [`+${digits}`];
	}
	const forms: string[] = [];
	for (const e164 of variants) {
		forms.push(e164, e164.slice(1));
		const parsed = parse(e164);
		if (!parsed) continue;
		forms.push(parsed.formatInternational(), parsed.formatNational(), parsed.nationalNumber);
	}
	return [...new Set(forms.filter((form) => form.replace(/\D/g, '').length >= 6))];
}

/**
 * True when a stored phone string is one of the person's numbers, whatever its format. CRMs'
 * search may match loosely (Zoho documents that `equals` can behave like `contains`), so every
 * hit is checked with this before a record is adopted.
 */
export function samePhone(stored: unknown, waIdOrE164: string): boolean {
	if (typeof stored !== 'string' && typeof stored !== 'number') return false;
	const storedDigits = String(stored).replace(/\D/g, '');
	if (!storedDigits) return false;
	const forms = storedPhoneForms(waIdOrE164).map((form) => form.replace(/\D/g, ''));
	if (forms.includes(storedDigits)) return true;
	// "00" + country code, as dialled from Europe.
	return storedDigits.startsWith('00') && forms.includes(storedDigits.slice(2));
}
