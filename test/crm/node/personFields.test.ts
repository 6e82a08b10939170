/**
 * Person › Fields: a WhatsApp ID typed or mapped from a spreadsheet is read as the WhatsApp Business
 * node reads a recipient ("00" prefix, "(0)", Default Country), so the record gets the wa_id the
 * customer's own messages carry; what cannot be a WhatsApp number fails on its item with the fix and
 * creates nothing. Zoho CRM over HTTP (the fake), the node in n8n-core's contexts.
 */
import { startCrmFake } from '../../../fakes';
import { fakeSuite, inboundText, zohoCredential } from '../fakeSetup';

const suite = fakeSuite(async () => await startCrmFake('zoho', {}), zohoCredential);

const findOrCreate = (extra: Record<string, unknown> = {}) => ({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [], person: 'fields', waId: '={{ $json.phone }}', profileName: 'Nia', ...extra });
const leads = () => [...suite.fake.state.store('crm', 'Leads').values()];

describe('Zoho CRM, Person › Fields: typed numbers become the wa_id WhatsApp uses', () => {
	test.each([
		['0044 7400 123456', {}, '447400123456'],
		['+44 (0)7400 123456', {}, '447400123456'],
		['07400 123456', { defaultCountry: 'UK' }, '447400123456'],
		['447400123456.0', {}, '447400123456'],
	])('"%s" (%j) is stored as WhatsApp ID %s, and the customer\'s own message finds that lead', async (phone, extra, waId) => {
		const typed = await suite.bed.run(findOrCreate(extra), [{ json: { phone } }]);
		expect(typed.items[0].json).toMatchObject({ created: true, waId });
		const lead = suite.fake.state.store('crm', 'Leads').get(String(typed.items[0].json.recordId));
		expect(lead?.fields).toMatchObject({ WhatsApp_ID: waId, Mobile: `+${waId}` });
		suite.fake.flushSearchIndex();
		const fromWhatsApp = await suite.bed.run({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [inboundText(waId, 'hi', 'Nia')]);
		expect(fromWhatsApp.items[0].json).toMatchObject({ recordId: typed.items[0].json.recordId, created: false, matchedBy: 'whatsAppId' });
	});

	test('numbers that cannot be a WhatsApp number fail on their own item with the fix; the good item is created, nothing else', async () => {
		const phones = ['07400 123456', '+44 7400 123458 ext 12', '4.47400123460E+11', '12', '(415) 555-0132', '+44 7400 123457'];
		const { items } = await suite.bed.run(findOrCreate(), phones.map((phone) => ({ json: { phone } })), { continueOnFail: true });
		const errors = items.map((item) => item.json.error as { message?: string; description?: string } | undefined);
		expect(errors.slice(0, 5).map((error) => error?.description)).toEqual([
			expect.stringMatching(/country code/),
			expect.stringMatching(/Remove the extension and keep the number: \+44 7400 123458/),
			expect.stringMatching(/Format the phone column as Text/),
			expect.stringMatching(/at least 7 digits/),
			expect.stringMatching(/looks like a national number: set Default Country/),
		]);
		expect(errors[0]?.message).toContain('The WhatsApp ID "07400 123456" is not a WhatsApp number');
		expect(items[5].json).toMatchObject({ created: true, waId: '447400123457' });
		expect(leads().filter((lead) => lead.fields.Last_Name === 'Nia').map((lead) => lead.fields.WhatsApp_ID)).toEqual(['447400123457']);
	});
});
