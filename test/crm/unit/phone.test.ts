import { samePhone, storedPhoneForms } from '../../../nodes/shared/crm';

describe('stored phone forms to search', () => {
	test('a UK number: E.164 with and without +, international and national formats, national digits', () => {
		expect(storedPhoneForms('447700900123')).toEqual(['+447700900123', '447700900123', '+44 7700 900123', '07700 900123', '7700900123']);
	});

	test("a Brazilian wa_id also yields the forms without the mobile ninth digit, as older records store it", () => {
		const forms = storedPhoneForms('5511988887777');
		expect(forms.slice(0, 5)).toEqual(['+5511988887777', '5511988887777', '+55 11 98888 7777', '(11) 98888-7777', '11988887777']);
		expect(forms).toContain('+551188887777');
	});

	test("Mexico's legacy 1 in the wa_id: the dialable form without it is searched too", () => {
		expect(storedPhoneForms('5215512345678')).toEqual(expect.arrayContaining(['+525512345678', '55 1234 5678']));
	});

	test('an empty value yields nothing to search', () => {
		expect(storedPhoneForms('')).toEqual([]);
	});
});

describe('checking a search hit', () => {
	test.each([
		['+5511988887777'],
		['5511988887777'],
		['+55 (11) 98888-7777'],
		['(11) 98888-7777'],
		['0055 11 98888 7777'],
		['+55 11 8888-7777'],
	])('%s is the same number as wa_id 5511988887777', (stored) => {
		expect(samePhone(stored, '5511988887777')).toBe(true);
	});

	test.each([['+5511988887778'], ['98888'], [''], [null]])('%s is not', (stored) => {
		expect(samePhone(stored, '5511988887777')).toBe(false);
	});
});
