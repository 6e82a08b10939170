import { countryOfNumber, normaliseRecipient, phoneVariants } from '../../../nodes/shared/whatsapp/phone';
import { buildBlockUsersBody } from '../../../nodes/shared/whatsapp/account/blockUsers';
import { buildContactsMessage } from '../../../nodes/shared/whatsapp/messages';
import { expectValidationError } from '../../harness/expectValidationError';

describe('normaliseRecipient', () => {
	describe('wa_ids that WhatsApp itself accepts pass unchanged (docs/phone-numbers.md)', () => {
		it.each([
			['5511988887777', 'BR'], // Brazil, 9-digit mobile
			['551188887777', 'BR'], // Brazil legacy 8-digit wa_id, invalid for libphonenumber max
			['5215512345678', 'MX'], // Mexico with the legacy mobile 1, invalid and not even "possible"
			['525512345678', 'MX'], // Mexico without the 1
			['5491158749895', 'AR'], // Argentina with the mobile 9
			['14155552671', 'US'],
			['447400123456', 'GB'],
		])('%s', (waId, country) => {
			expect(normaliseRecipient(waId)).toEqual({ e164: `+${waId}`, waId, country });
		});

		it('keeps a wa_id unchanged even when a default country is set', () => {
			expect(normaliseRecipient('551188887777', { defaultCountry: 'BR' }).e164).toBe('+551188887777');
			expect(normaliseRecipient('5215512345678', { defaultCountry: 'MX' }).e164).toBe('+5215512345678');
			// German numbers have variable length, so these digits are also "valid" nationally;
			// Germans write national numbers with a leading 0, so they are read as a Brazilian wa_id.
			expect(normaliseRecipient('5511988887777', { defaultCountry: 'DE' }).e164).toBe('+5511988887777');
			expect(normaliseRecipient('4915112345678', { defaultCountry: 'DE' }).e164).toBe('+4915112345678');
		});
	});

	describe('international notation', () => {
		it.each([
			['+44 7400 123456', '+447400123456'],
			['+1 (415) 555-2671', '+14155552671'],
			['+55 11 98888-7777', '+5511988887777'],
			['0044 7400 123456', '+447400123456'],
			['+49.151.1234.5678', '+4915112345678'],
			['+44 (0) 7400 123456', '+447400123456'], // the "(0)" people write after +44 is dropped
		])('%s → %s', (input, e164) => {
			const result = normaliseRecipient(input);
			expect(result.e164).toBe(e164);
			expect(result.waId).toBe(e164.slice(1));
		});
	});

	describe('national numbers with a default country', () => {
		it.each([
			['07400 123456', 'GB', '+447400123456'],
			['07700 900123', 'GB', '+447700900123'], // Ofcom drama range: invalid but possible, kept
			['7400 123456', 'GB', '+447400123456'],
			['(201) 555-0123', 'US', '+12015550123'],
			['1 201 555 0123', 'US', '+12015550123'],
			['0151 12345678', 'DE', '+4915112345678'],
			['030 123456', 'DE', '+4930123456'],
			['11 98888-7777', 'BR', '+5511988887777'],
			['612 345 678', 'ES', '+34612345678'],
		])('%s in %s → %s', (input, defaultCountry, e164) => {
			expect(normaliseRecipient(input, { defaultCountry }).e164).toBe(e164);
		});

		it('accepts the default country in lower case', () => {
			expect(normaliseRecipient('07400123456', { defaultCountry: 'gb' }).e164).toBe('+447400123456');
		});

		it('ignores an empty default country (n8n sends "" for an untouched option)', () => {
			expect(normaliseRecipient('447400123456', { defaultCountry: '' }).e164).toBe('+447400123456');
		});

		it('rejects an unknown default country with the fix', () => {
			expectValidationError(() => normaliseRecipient('07400123456', { defaultCountry: 'XX' }), 'defaultCountry', /ISO 3166 code/);
		});

		it('accepts UK for GB (the name the UK uses) and EL for GR (the EU code)', () => {
			expect(normaliseRecipient('07400 123456', { defaultCountry: 'UK' }).e164).toBe('+447400123456');
			expect(normaliseRecipient('694 123 4567', { defaultCountry: 'el' }).e164).toBe('+306941234567');
		});

		it('reads the default country only for numbers that need it: one with + or 00 goes through whatever it says', () => {
			expect(normaliseRecipient('+44 7400 123456', { defaultCountry: 'Britain' }).e164).toBe('+447400123456');
			expect(normaliseRecipient('0044 7400 123456', { defaultCountry: 'XX' }).e164).toBe('+447400123456');
			expectValidationError(() => normaliseRecipient('07400 123456', { defaultCountry: 'Britain' }), 'defaultCountry', /ISO 3166 code/);
		});
	});

	describe('rejects what cannot be a number, saying how to fix it', () => {
		it('letters', () => {
			const error = expectValidationError(() => normaliseRecipient('+44 7400 CALLME'), 'to', /digits only/);
			expect(error.message).toMatch(/letters or symbols/);
		});

		it('an empty recipient', () => {
			expectValidationError(() => normaliseRecipient('   '), 'to', /country code/);
		});

		it('fewer than 7 digits', () => {
			const error = expectValidationError(() => normaliseRecipient('+44 123'), 'to', /at least 7 digits/);
			expect(error.message).toMatch(/only 5 digits/);
		});

		it('more than 15 digits', () => {
			expectValidationError(() => normaliseRecipient('+44 7400 123456 78901'), 'to', /Remove extra digits/);
		});

		it('an unknown country calling code', () => {
			const error = expectValidationError(() => normaliseRecipient('+999 123 4567'), 'to', /add the country code.*Default Country/);
			expect(error.message).toMatch(/known country calling code/);
		});

		it('a national number without a default country', () => {
			expectValidationError(() => normaliseRecipient('07400 123456'), 'to', /add the country code, e\.g\. \+44 7700 900123, or set Default Country/);
		});

		it('a leading-0 number that is not a number in the default country', () => {
			expectValidationError(() => normaliseRecipient('0612345678', { defaultCountry: 'ES' }), 'to', /Default Country/);
		});
	});
});

describe('numbers that cannot be numbers are refused instead of being sent to someone else', () => {
	it.each(['(415) 555-0132', '415 555 0132', '4155550132'])('%s without Default Country (read as +41 55550132, impossible in CH) → "set Default Country"', (input) => {
		const error = expectValidationError(() => normaliseRecipient(input), 'to', /looks like a national number: set Default Country/);
		expect(error.message).toContain('+41 55550132');
	});

	it('the same national number with Default Country US is read right', () => {
		expect(normaliseRecipient('(415) 555-0132', { defaultCountry: 'US' }).e164).toBe('+14155550132');
	});

	it('"(0)" after the country code is dropped even for a number libphonenumber calls invalid (the README example)', () => {
		expect(normaliseRecipient('+44 (0)7700 900123')).toEqual({ e164: '+447700900123', waId: '447700900123', country: 'GB' });
		expect(normaliseRecipient('+49 (0)151 2345 6789').e164).toBe('+4915123456789');
		expect(normaliseRecipient('+33 (0)6 12 34 56 78').e164).toBe('+33612345678');
	});

	it('a spreadsheet number cell exported as a decimal ("447700900123.0") is read without the ".0"', () => {
		expect(normaliseRecipient('447700900123.0').e164).toBe('+447700900123');
		expect(normaliseRecipient('+447700900123.00').e164).toBe('+447700900123');
	});

	it('a number typed with "+" that has the wrong number of digits for its country is refused, naming the check', () => {
		const error = expectValidationError(() => normaliseRecipient('+44 7700 9001230'), 'to', /Check the digits/);
		expect(error.message).toMatch(/cannot be a number with calling code \+44: \+44 77009001230 has the wrong number of digits/);
	});

	it('scientific notation from a spreadsheet is refused: digits may be lost', () => {
		expectValidationError(() => normaliseRecipient('4.47400123460E+11'), 'to', /Format the phone column as Text/);
	});

	it('an extension is refused with the number to keep', () => {
		expectValidationError(() => normaliseRecipient('+44 7400 123458 ext 12'), 'to', /Remove the extension and keep the number: \+44 7400 123458/);
		expectValidationError(() => normaliseRecipient('+1 415 555 0132 x7'), 'to', /Remove the extension/);
	});

	it("Mexico's legacy 521 wa_id stays (impossible for libphonenumber, used by WhatsApp)", () => {
		expect(normaliseRecipient('+52 1 55 1234 5678').e164).toBe('+5215512345678');
	});
});

describe('every phone field reads numbers the same way (block lists, contact cards)', () => {
	it('a block list refuses a national number without Default Country and reads it with one', () => {
		expectValidationError(() => buildBlockUsersBody('(415) 555-0132'), 'users', /set Default Country/);
		expect(buildBlockUsersBody('(415) 555-0132, +44 (0)7700 900123', 'US').block_users).toEqual([{ user: '+14155550132' }, { user: '+447700900123' }]);
	});

	it("a contact card's wa_id drops the (0), and one that cannot be a number is refused on that field", () => {
		const card = (waId: string) => buildContactsMessage({ to: '16505551234', contacts: [{ name: { formatted_name: 'Ann' }, phones: [{ phone: waId, wa_id: waId }] }] });
		expect(card('+44 (0)7700 900123').contacts[0].phones).toEqual([{ phone: '+44 (0)7700 900123', wa_id: '447700900123' }]);
		expect(card('447700900123').contacts[0].phones?.[0].wa_id).toBe('447700900123');
		expectValidationError(() => card('(415) 555-0132'), 'contacts[0].phones[0].wa_id', /set Default Country.*Or leave the wa_id empty/);
	});
});

describe('phoneVariants', () => {
	it('takes a wa_id as WhatsApp gives it, even one libphonenumber calls impossible', () => {
		expect(phoneVariants('4155550132')).toEqual(['+4155550132']);
	});

	it('Brazil: the wa_id without the ninth digit and the dialable form with it', () => {
		expect(phoneVariants('551188887777')).toEqual(['+551188887777', '+5511988887777']);
		expect(phoneVariants('+5511988887777')).toEqual(['+5511988887777', '+551188887777']);
	});

	it('Brazil: no ninth digit is invented for an 8-digit landline', () => {
		expect(phoneVariants('551133334444')).toEqual(['+551133334444']);
	});

	it('Mexico: with and without the legacy 1', () => {
		expect(phoneVariants('5215512345678')).toEqual(['+5215512345678', '+525512345678']);
		expect(phoneVariants('+525512345678')).toEqual(['+525512345678', '+5215512345678']);
	});

	it('Argentina: with and without the mobile 9', () => {
		expect(phoneVariants('5491158749895')).toEqual(['+5491158749895', '+541158749895']);
		expect(phoneVariants('541158749895')).toEqual(['+541158749895', '+5491158749895']);
	});

	it('other countries have a single form', () => {
		expect(phoneVariants('447400123456')).toEqual(['+447400123456']);
		expect(phoneVariants('+1 415 555 2671')).toEqual(['+14155552671']);
	});
});

describe('countryOfNumber', () => {
	it.each([
		['+447400123456', 'GB'],
		['5511988887777', 'BR'],
		['551188887777', 'BR'],
		['+5215512345678', 'MX'],
		['+14155552671', 'US'],
		['+16135550123', 'CA'],
		['+447700900123', 'GB'], // invalid range on a shared code: the main country
	])('%s → %s', (number, country) => {
		expect(countryOfNumber(number)).toBe(country);
	});

	it('is undefined for garbage or an unknown calling code', () => {
		expect(countryOfNumber('hello')).toBeUndefined();
		expect(countryOfNumber('+9991234567')).toBeUndefined();
		expect(countryOfNumber('')).toBeUndefined();
	});
});
