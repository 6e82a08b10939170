/**
 * B2: numbers pasted from WhatsApp, contact cards and spreadsheets carry characters nobody sees
 * (direction marks, zero-width characters, variation selectors, word joiners, byte-order marks...).
 * They are removed before the number is judged, in the one place phone input is read.
 */
import fc from 'fast-check';
import { cleanPhoneInput, compactPhoneNumber, countryOfNumber, normaliseRecipient } from '../../../nodes/shared/whatsapp/phone';
import { buildContactsMessage, buildTextMessage } from '../../../nodes/shared/whatsapp/messages';
import { buildTemplateCreateBody } from '../../../nodes/shared/whatsapp/templates';
import { buildBlockUsersBody } from '../../../nodes/shared/whatsapp/account/blockUsers';
import { timeZoneFromPhoneNumber } from '../../../nodes/shared/whatsapp/schedule/timeZones';
import { expectValidationError } from '../../harness/expectValidationError';

/** Every code point Unicode calls a format character (Cf) or default-ignorable, from the engine's own tables. */
const INVISIBLE_CODE_POINTS = (() => {
	const invisible = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
	const found: string[] = [];
	for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
		if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
		const character = String.fromCodePoint(codePoint);
		if (invisible.test(character)) found.push(character);
	}
	return found;
})();

describe('phone numbers as people paste them', () => {
	it.each([
		['WhatsApp (Android) wraps a copied number in direction embeddings', '\u202a+44 7700 900123\u202c'],
		['a left-to-right mark before the number (contact cards, right-to-left phones)', '\u200e+44 7700 900123'],
		['a right-to-left mark and a pop directional isolate', '\u200f+44 7700 900123\u2069'],
		['zero-width spaces between the digit groups', '+44\u200b7700\u200b900123'],
		['a word joiner and a zero-width no-break space (byte-order mark from a CSV export)', '\ufeff+44\u20607700 900123'],
		['a variation selector after the plus sign', '+\ufe0f44 7700 900123'],
		['a soft hyphen and a zero-width joiner', '+44 77\u00ad00 9001\u200d23'],
		['no-break, figure and narrow no-break spaces', '+44\u00a07700\u2007900\u202f123'],
		['non-breaking hyphens and en dashes', '+44\u20117700\u2013900123'],
		['fullwidth digits and plus sign from an East Asian keyboard', '\uff0b\uff14\uff14 \uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13'],
		['Arabic-Indic digits', '+\u0664\u0664 \u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663'],
	])('%s', (_label, pasted) => {
		expect(normaliseRecipient(pasted)).toEqual({ e164: '+447700900123', waId: '447700900123', country: 'GB' });
	});

	it('any invisible character anywhere in a number leaves the number unchanged (all Cf and default-ignorable code points)', () => {
		expect(INVISIBLE_CODE_POINTS.length).toBeGreaterThan(400);
		const number = '+1 650-555-1234';
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(number.length), fc.constantFrom(...INVISIBLE_CODE_POINTS)), { minLength: 1, maxLength: 6 }), (insertions) => {
				const pasted = [...number]; // by code point, so an insertion never splits a surrogate pair
				for (const [at, character] of insertions) pasted.splice(at, 0, character);
				expect(normaliseRecipient(pasted.join('')).e164).toBe('+16505551234');
			}),
			{ numRuns: 300 },
		);
	});

	it('a national number pasted with marks is read with the default country', () => {
		expect(normaliseRecipient('\u200e07700\u00a0900123\u200e', { defaultCountry: 'GB' }).e164).toBe('+447700900123');
	});

	it('a visible letter is still refused, and the error names it', () => {
		const error = expectValidationError(() => normaliseRecipient('\u200e+44 7700 9OO123'), 'to', /digits only/);
		expect(error.message).toMatch(/letters or symbols \(the first: "O"\)/);
		expect(error.message).not.toContain('\u200e');
	});

	it('the country and the time zone are told from a pasted number too', () => {
		expect(countryOfNumber('\u202a+44 7700 900123\u202c')).toBe('GB');
		expect(timeZoneFromPhoneNumber('\u202a+44 7700 900123\u202c')).toMatchObject({ country: 'GB', timeZone: 'Europe/London' });
		expect(timeZoneFromPhoneNumber('+\u0664\u0664 \u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663')).toMatchObject({ country: 'GB' });
	});

	it('a contact card phone loses its invisible characters; its wa_id becomes digits', () => {
		const message = buildContactsMessage({
			to: '16505551234',
			contacts: [{ name: { formatted_name: 'Ann' }, phones: [{ phone: '\u202a+44 7700 900123\u202c', type: 'CELL', wa_id: '\u200e+44 7700 900123' }] }],
		});
		expect(message.contacts[0].phones).toEqual([{ phone: '+44 7700 900123', type: 'CELL', wa_id: '447700900123' }]);
	});

	it('a contact card wa_id with letters is refused on that field', () => {
		expectValidationError(
			() => buildContactsMessage({ to: '16505551234', contacts: [{ name: { formatted_name: 'Ann' }, phones: [{ phone: '+44', wa_id: 'ann@example.com' }] }] }),
			'contacts[0].phones[0].wa_id',
			/digits/,
		);
	});

	it("a template's call button takes a pasted number", () => {
		const body = buildTemplateCreateBody({
			name: 'call_us',
			language: 'en_US',
			category: 'UTILITY',
			bodyText: 'Call us any time.',
			buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '\u202a+1 555-005-1310\u202c' }],
		});
		expect(JSON.stringify(body)).toContain('"phone_number":"+15550051310"');
	});

	it('a block list pasted from a spreadsheet column: marks removed, the empty-looking entry dropped', () => {
		expect(buildBlockUsersBody('\u202a+44 7700 900123\u202c,\n\u200e+1 650-555-1234\n\u200e')).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '+447700900123' }, { user: '+16505551234' }],
		});
	});

	it('a business-scoped user ID pasted with marks is read as that ID (the same recipient field)', () => {
		const pasted = '\u202aUS.13491208655302741918\u202c';
		expect(buildTextMessage({ to: pasted, recipientIdentifier: 'userId', body: 'Hi' })).toMatchObject({ recipient: 'US.13491208655302741918' });
		expectValidationError(() => buildTextMessage({ to: pasted, body: 'Hi' }), 'to', /Recipient Identified By/);
	});

	it('cleanPhoneInput keeps what is visible; compactPhoneNumber drops the separators too', () => {
		expect(cleanPhoneInput('\u200e+44 (0) 7700-900123\u200e')).toBe('+44 (0) 7700-900123');
		expect(compactPhoneNumber('\u200e+44 (0) 7700-900123\u200e')).toBe('+4407700900123');
		expect(compactPhoneNumber('030/123\u2212456')).toBe('030123456');
	});
});
