import { phoneSearchOf, samePhone, storedPhoneE164 } from '../../../nodes/shared/crm';

describe('what to search for one WhatsApp number', () => {
	test('a UK number: the national significant number, and the digit strings of every format people type', () => {
		expect(phoneSearchOf('447400123456')).toEqual({
			variants: ['+447400123456'],
			nationalNumbers: ['7400123456'],
			// international, national with trunk 0, national digits, 00 prefix, "(0)" after the country code
			digitForms: ['447400123456', '07400123456', '7400123456', '00447400123456', '4407400123456'],
		});
	});

	test('a US number has no trunk 0: no "(0)" form', () => {
		expect(phoneSearchOf('14155550132')).toEqual({ variants: ['+14155550132'], nationalNumbers: ['4155550132'], digitForms: ['14155550132', '4155550132', '0014155550132'] });
	});

	test('a Brazilian wa_id also yields the forms without the mobile ninth digit, as older records store it', () => {
		const search = phoneSearchOf('5511988887777');
		expect(search.variants).toEqual(['+5511988887777', '+551188887777']);
		expect(search.nationalNumbers).toEqual(['11988887777', '1188887777']);
		expect(search.digitForms).toEqual(expect.arrayContaining(['5511988887777', '11988887777', '551188887777', '1188887777']));
	});

	test("Mexico's legacy 1 in the wa_id: the dialable form without it is searched too", () => {
		expect(phoneSearchOf('5215512345678').variants).toEqual(['+5215512345678', '+525512345678']);
		expect(phoneSearchOf('5215512345678').nationalNumbers).toContain('5512345678');
	});

	test('an empty value yields nothing to search', () => {
		expect(phoneSearchOf('')).toEqual({ variants: [], nationalNumbers: [], digitForms: [] });
	});
});

describe('confirming a search hit: both numbers read with libphonenumber-js, compared in E.164', () => {
	test.each([
		['+1 (415) 555-0132', '14155550132'],
		['+1 415-555-0132', '14155550132'],
		['415.555.0132', '14155550132'],
		['(415) 555-0132', '14155550132'],
		['14155550132', '14155550132'],
		['001 415 555 0132', '14155550132'],
		['0044 7400 123456', '447400123456'],
		['+44 (0)7400 123456', '447400123456'],
		['+44 (0) 7400 123456', '447400123456'],
		['07400 123456', '447400123456'],
		['+44 7400 123456 ext. 12', '447400123456'],
		['+49 (0)151 2345 6789', '4915123456789'],
		['0151 23456789', '4915123456789'],
		['+33 (0)6 12 34 56 78', '33612345678'],
		['+55 (11) 98888-7777', '5511988887777'],
		['(11) 98888-7777', '5511988887777'],
		['+55 11 8888-7777', '5511988887777'],
		['5521977776666', '5521977776666'],
		['\u202a+44 7400 123456\u202c', '447400123456'],
	])('%s is the number of wa_id %s', (stored, waId) => {
		expect(samePhone(stored, waId)).toBe(true);
	});

	test.each([
		['+14155550133', '14155550132'],
		['+44 7400 123456', '14155550132'],
		['+41 55 550 01 32', '14155550132'],
		['98888', '5511988887777'],
		['', '5511988887777'],
		[null, '5511988887777'],
	])('%s is not the number of wa_id %s', (stored, waId) => {
		expect(samePhone(stored, waId)).toBe(false);
	});

	test('storedPhoneE164 reads a national number in the country given, and nothing without one', () => {
		expect(storedPhoneE164('07400 123456', 'GB')).toBe('+447400123456');
		expect(storedPhoneE164('07400 123456')).toBeUndefined();
		expect(storedPhoneE164('call me')).toBeUndefined();
	});
});
