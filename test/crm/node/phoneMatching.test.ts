/**
 * Records a person created in the CRM, with the phone in the formats people type, are found when the
 * customer writes on WhatsApp and adopted (the WhatsApp ID written onto them), never duplicated:
 * every CRM over HTTP (the fakes), the node in n8n-core's contexts.
 */
import { HUBSPOT_SEED, ZOHO_SEED } from '../../../fakes';
import { call, hubspotAuth, zendeskAuth, zohoAuth } from '../../fakes/helpers';
import { crmTestBed, type CrmTestBed } from '../crmTestBed';
import { hubspotCredential, inboundText, lastSeq, requestLines, allFakesSuite, zendeskCredential, zohoCredential } from '../fakeSetup';

const suite = allFakesSuite();

/** Formats people store, with the wa_id WhatsApp sends for the same number. */
const STORED_FORMATS: Array<[stored: string, waId: string]> = [
	['+1 (415) 555-0199', '14155550199'],
	['+1 415-555-0199', '14155550199'],
	['415.555.0199', '14155550199'],
	['(415) 555-0199', '14155550199'],
	['0044 7400 123499', '447400123499'],
	['+44 (0)7400 123499', '447400123499'],
	['07400 123499', '447400123499'],
	['+55 (11) 98888-7799', '5511988887799'],
	['+49 151 2345 6799', '4915123456799'],
	['+49 (0)151 2345 6799', '4915123456799'],
	['+33 (0)6 12 34 56 99', '33612345699'],
];

interface CrmUnderTest {
	crm: string;
	bed(): CrmTestBed;
	/** Creates a person record with this phone as a person in the CRM would (its API), made long enough ago to be searchable; returns its ID. */
	createPerson(phone: string): Promise<string>;
	/** The record's WhatsApp key after the run. */
	keyOf(id: string): unknown;
	/** How many records hold this wa_id as their key. */
	keyedCount(waId: string): number;
}

const CRMS: CrmUnderTest[] = [
	{
		crm: 'zohoCrm',
		bed: () => crmTestBed(zohoCredential(suite.fakes.zoho)),
		createPerson: async (phone) => {
			const reply = await call(suite.fakes.zoho, 'POST', '/crm/v8/Contacts', { headers: zohoAuth(), json: { data: [{ Last_Name: 'Typed By Hand', Phone: phone }] } });
			suite.fakes.zoho.flushSearchIndex();
			return String(reply.json.data[0].details.id);
		},
		keyOf: (id) => suite.fakes.zoho.state.store('crm', 'Contacts').get(id)?.fields.WhatsApp_ID,
		keyedCount: (waId) => ['Leads', 'Contacts'].flatMap((module) => [...suite.fakes.zoho.state.store('crm', module).values()]).filter((record) => record.fields.WhatsApp_ID === waId).length,
	},
	{
		crm: 'bigin',
		bed: () => crmTestBed(zohoCredential(suite.fakes.zoho)),
		createPerson: async (phone) => {
			const reply = await call(suite.fakes.zoho, 'POST', '/bigin/v2/Contacts', { headers: zohoAuth(), json: { data: [{ Last_Name: 'Typed By Hand', Mobile: phone }] } });
			suite.fakes.zoho.flushSearchIndex();
			return String(reply.json.data[0].details.id);
		},
		keyOf: (id) => suite.fakes.zoho.state.store('bigin', 'Contacts').get(id)?.fields.WhatsApp_ID,
		keyedCount: (waId) => [...suite.fakes.zoho.state.store('bigin', 'Contacts').values()].filter((record) => record.fields.WhatsApp_ID === waId).length,
	},
	{
		crm: 'hubspot',
		bed: () => crmTestBed(hubspotCredential(suite.fakes.hubspot)),
		createPerson: async (phone) => {
			const reply = await call(suite.fakes.hubspot, 'POST', '/crm/v3/objects/contacts', { headers: hubspotAuth(), json: { properties: { lastname: 'Typed By Hand', phone } } });
			suite.fakes.hubspot.flushSearchIndex();
			return String(reply.json.id);
		},
		keyOf: (id) => suite.fakes.hubspot.state.contacts.get(id)?.properties.whatsapp_id,
		keyedCount: (waId) => [...suite.fakes.hubspot.state.contacts.values()].filter((contact) => contact.properties.whatsapp_id === waId).length,
	},
	{
		crm: 'zendesk',
		bed: () => crmTestBed(zendeskCredential(suite.fakes.zendesk)),
		createPerson: async (phone) => {
			const reply = await call(suite.fakes.zendesk, 'POST', '/api/v2/users', { headers: zendeskAuth(), json: { user: { name: 'Typed By Hand', phone, role: 'end-user' } } });
			suite.fakes.zendesk.flushSearchIndex();
			return String(reply.json.user.id);
		},
		keyOf: (id) => suite.fakes.zendesk.state.users.get(Number(id))?.external_id?.replace(/^whatsapp:/, ''),
		keyedCount: (waId) => [...suite.fakes.zendesk.state.users.values()].filter((user) => user.external_id === `whatsapp:${waId}`).length,
	},
];

describe.each(CRMS)('$crm: a record a person typed in any phone format is found and adopted, not duplicated', ({ crm, bed, createPerson, keyOf, keyedCount }) => {
	test.each(STORED_FORMATS)('stored as "%s", the customer writes from wa_id %s', async (stored, waId) => {
		const id = await createPerson(stored);
		const { items } = await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [inboundText(waId, 'Hi, it is me')]);
		expect(items[0].json).toMatchObject({ recordId: id, created: false, adopted: true, matchedBy: 'phone' });
		expect(keyOf(id)).toBe(waId);
		expect(keyedCount(waId)).toBe(1);
	});
});

describe("the QA repros: the demo's seeded Liam Walsh (+1 (415) 555-0132) is adopted", () => {
	test('Zoho CRM: the seeded Contact is found by phone= and adopted, no Lead "Liam" is created', async () => {
		const liam = ZOHO_SEED.crm.contacts[1];
		const since = lastSeq(suite.fakes.zoho);
		const { items } = await crmTestBed(zohoCredential(suite.fakes.zoho)).run({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [inboundText('14155550132', 'Yo', 'Liam')]);
		expect(items[0].json).toMatchObject({ recordId: liam.id, module: 'Contacts', adopted: true, matchedBy: 'phone' });
		expect([...suite.fakes.zoho.state.store('crm', 'Leads').values()].filter((lead) => lead.fields.Last_Name === 'Liam')).toHaveLength(0);
		// Zoho's phone= searches every field of type Phone, comparing digits: the international digits find "+1 (415) 555-0132".
		expect(suite.fakes.zoho.requests.list(since).some((entry) => entry.path === '/crm/v8/Contacts/search' && entry.query.phone === '14155550132')).toBe(true);
	});

	test("HubSpot: seeded contact 54 is found through HubSpot's searchable phone copy, no contact 1000001 is created", async () => {
		const liam = HUBSPOT_SEED.contacts.find((contact) => contact.properties.lastname === 'Walsh')!;
		const since = lastSeq(suite.fakes.hubspot);
		const { items } = await crmTestBed(hubspotCredential(suite.fakes.hubspot)).run(
			{ crm: 'hubspot', resource: 'contact', operation: 'findOrCreate', person: 'fields', waId: '14155550132', owners: [] },
			[{ json: {} }],
		);
		expect(items[0].json).toMatchObject({ recordId: liam.id, adopted: true, matchedBy: 'phone' });
		expect(suite.fakes.hubspot.state.contacts.has('1000001')).toBe(false);
		expect(requestLines(suite.fakes.hubspot, since)).not.toContain('POST /crm/v3/objects/contacts/batch/upsert');
	});
});
