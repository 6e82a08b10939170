import { CrmInputError, messageFromItem, personFromItem, personFromValues, toIsoUtc } from '../../../nodes/shared/crm';

/** A message item as the WhatsApp Business Trigger emits it (nodes/shared/whatsapp/webhook/types.ts). */
const triggerImage = {
	kind: 'message',
	type: 'image',
	id: 'wamid.HBgM',
	timestamp: '2026-05-14T09:51:07.000Z',
	from: { waId: '5511988887777', e164: '+5511988887777', profileName: 'Ana Maria Silva', userId: 'BR.1234567890' },
	caption: 'the broken part',
	media: { id: '1013859600285441', mimeType: 'image/jpeg', sha256: 'abc' },
};

describe('person from an item', () => {
	test("a trigger message's sender: wa_id, E.164, BSUID and profile name", () => {
		expect(personFromItem(triggerImage)).toEqual({ waId: '5511988887777', e164: '+5511988887777', userId: 'BR.1234567890', profileName: 'Ana Maria Silva' });
	});

	test('a sender who hides their number is keyed by the business-scoped user ID alone', () => {
		expect(personFromItem({ kind: 'message', from: { waId: '', e164: '', userId: 'US.998877', username: 'ana' } })).toEqual({ waId: '', userId: 'US.998877', username: 'ana' });
	});

	test("a WhatsApp Business node's send result names the recipient", () => {
		expect(personFromItem({ messageId: 'wamid.OUT', waId: '447700900123', to: '+44 7700 900123', type: 'text' })).toEqual({ waId: '447700900123', e164: '+447700900123' });
	});

	test('a status item names the recipient', () => {
		expect(personFromItem({ kind: 'status', recipient: { waId: '14155550123', e164: '+14155550123' } }).waId).toBe('14155550123');
	});

	test('a status for a recipient who hides their number is matched by the business-scoped user ID, with the name Meta sent', () => {
		const status = { kind: 'status', status: 'read', messageId: 'wamid.OUT', recipient: { waId: '', e164: '', userId: 'US.13491208655302741918', profileName: 'Ana' } };
		expect(personFromItem(status)).toEqual({ waId: '', userId: 'US.13491208655302741918', profileName: 'Ana' });
	});

	test("a send result to a business-scoped user ID names that user (Meta's answer has user_id and no wa_id)", () => {
		expect(personFromItem({ messageId: 'wamid.OUT', userId: 'US.13491208655302741918', recipient: 'US.13491208655302741918', type: 'text' })).toEqual({ waId: '', userId: 'US.13491208655302741918' });
		expect(personFromItem({ messageId: 'wamid.OUT', recipient: 'US.13491208655302741918', type: 'text' })).toEqual({ waId: '', userId: 'US.13491208655302741918' });
	});

	test('mapped fields: the number is read as the WhatsApp node reads a recipient', () => {
		expect(personFromValues({ waId: '+55 11 98888-7777', profileName: ' Ana ' }, { typed: true })).toEqual({ waId: '5511988887777', e164: '+5511988887777', profileName: 'Ana' });
	});

	test('an item without any WhatsApp ID is refused with the fix', () => {
		expect(() => personFromItem({ hello: 'world' })).toThrow(CrmInputError);
		expect(() => personFromItem({ hello: 'world' })).toThrow('No WhatsApp ID on this item');
	});
});

describe("a WhatsApp ID typed in Person › Fields becomes the wa_id the customer's messages carry, or is refused", () => {
	test.each([
		['0044 7400 123456', '', '447400123456'],
		['+44 (0)7400 123456', '', '447400123456'],
		['447400123456', '', '447400123456'],
		['07400 123456', 'GB', '447400123456'],
		['07400 123456', 'UK', '447400123456'],
		['(415) 555-0132', 'US', '14155550132'],
		['447700900123.0', '', '447700900123'],
		['5215512345678', '', '5215512345678'],
	])('%s (Default Country "%s") → %s', (typed, defaultCountry, waId) => {
		expect(personFromValues({ waId: typed }, { typed: true, defaultCountry })).toMatchObject({ waId, e164: `+${waId}` });
	});

	test.each([
		['07400 123456', /country code/],
		['+44 7400 123458 ext 12', /Remove the extension/],
		['4.47400123460E+11', /Format the phone column as Text/],
		['12', /at least 7 digits/],
		['(415) 555-0132', /set Default Country/],
	])('%s is refused on its item, naming the fix', (typed, fix) => {
		let caught: unknown;
		try {
			personFromValues({ waId: typed }, { typed: true });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(CrmInputError);
		expect((caught as CrmInputError).message).toContain(`The WhatsApp ID "${typed}" is not a WhatsApp number`);
		expect((caught as CrmInputError).description).toMatch(fix);
	});

	test("a wa_id from a trigger item is kept as WhatsApp sent it, even one libphonenumber calls impossible (WhatsApp proved it exists)", () => {
		expect(personFromItem({ kind: 'message', from: { waId: '4155550132' } }).waId).toBe('4155550132');
	});
});

describe('message from an item', () => {
	test('a trigger item is inbound, with type, caption, media and time', () => {
		expect(messageFromItem(triggerImage, { now: '2026-01-01T00:00:00.000Z' })).toEqual({
			direction: 'inbound',
			messageId: 'wamid.HBgM',
			type: 'image',
			caption: 'the broken part',
			content: 'the broken part',
			timestamp: '2026-05-14T09:51:07.000Z',
			media: { id: '1013859600285441', mimeType: 'image/jpeg', filename: undefined },
		});
	});

	test("a send result is outbound; its text comes from the node's Sent Text since Meta does not echo it", () => {
		const message = messageFromItem({ messageId: 'wamid.OUT', waId: '447700900123', to: '447700900123', type: 'text' }, { outboundText: 'Your order shipped', now: '2026-05-14T10:00:00.000Z' });
		expect(message).toEqual({ direction: 'outbound', messageId: 'wamid.OUT', type: 'text', text: 'Your order shipped', timestamp: '2026-05-14T10:00:00.000Z' });
	});
});

describe('a mapped time', () => {
	test('ISO 8601 text, epoch seconds and epoch milliseconds all become ISO 8601 UTC', () => {
		expect(toIsoUtc('2026-05-14T11:51:07+02:00')).toBe('2026-05-14T09:51:07.000Z');
		expect(toIsoUtc('1778752267')).toBe('2026-05-14T09:51:07.000Z');
		expect(toIsoUtc(1778752267000)).toBe('2026-05-14T09:51:07.000Z');
	});

	test('an ISO 8601 time without an offset is UTC, whatever the server time zone', () => {
		expect(toIsoUtc('2026-05-14T09:51:07')).toBe('2026-05-14T09:51:07.000Z');
	});

	test('an empty value is now; anything else is refused with the formats to map', () => {
		expect(toIsoUtc('', new Date('2026-05-14T09:51:07Z'))).toBe('2026-05-14T09:51:07.000Z');
		expect(() => toIsoUtc('yesterday')).toThrow(CrmInputError);
	});

	test.each(['Thu, 14 May 2026 09:51:07 GMT', '14/05/2026', 'May 14 2026', '0'])('a date JavaScript would guess at (%s) is refused, and the error names the accepted forms', (text) => {
		const thrown = (() => {
			try {
				return toIsoUtc(text);
			} catch (error) {
				return error;
			}
		})();
		expect(thrown).toBeInstanceOf(CrmInputError);
		expect(thrown).toMatchObject({ message: `"${text}" is not a time`, description: expect.stringMatching(/ISO 8601.*epoch seconds.*epoch milliseconds/) });
	});
});
