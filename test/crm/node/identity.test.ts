/**
 * One person, two keys: a customer who first writes with a hidden number (business-scoped user ID
 * only) and later with the number, or the other way round, stays one record in every CRM, and the
 * record gets the key it lacked. The QA repro: Find or Create in Fields mode with {waId:"", userId}
 * twice, then {waId, userId}. Over HTTP against the fakes, the node in n8n-core's contexts.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { crmTestBed, type CrmTestBed } from '../crmTestBed';
import { hubspotCredential, inboundText, allFakesSuite, zendeskCredential, zohoCredential } from '../fakeSetup';

const suite = allFakesSuite();

const BSUID = 'US.13491208655302741918';
const WA_ID = '16505550199';

interface PersonRecord {
	id: string;
	waId?: unknown;
	userId?: unknown;
	phone?: unknown;
}

interface CrmUnderTest {
	crm: string;
	bed(): CrmTestBed;
	/** Every person record that carries the BSUID or the wa_id anywhere a key or phone can be. */
	recordsOf(): PersonRecord[];
	flush(): void;
}

const zohoRecords = (product: 'crm' | 'bigin', modules: string[]): PersonRecord[] =>
	modules
		.flatMap((module) => [...suite.fakes.zoho.state.store(product, module).values()])
		.filter((record) => record.fields.WhatsApp_BSUID === BSUID || record.fields.WhatsApp_ID === WA_ID)
		.map((record) => ({ id: record.id, waId: record.fields.WhatsApp_ID, userId: record.fields.WhatsApp_BSUID, phone: record.fields.Mobile }));

const CRMS: CrmUnderTest[] = [
	{ crm: 'zohoCrm', bed: () => crmTestBed(zohoCredential(suite.fakes.zoho)), recordsOf: () => zohoRecords('crm', ['Leads', 'Contacts']), flush: () => suite.fakes.zoho.flushSearchIndex() },
	{ crm: 'bigin', bed: () => crmTestBed(zohoCredential(suite.fakes.zoho)), recordsOf: () => zohoRecords('bigin', ['Contacts']), flush: () => suite.fakes.zoho.flushSearchIndex() },
	{
		crm: 'hubspot',
		bed: () => crmTestBed(hubspotCredential(suite.fakes.hubspot)),
		recordsOf: () =>
			[...suite.fakes.hubspot.state.contacts.values()]
				.filter((contact) => contact.properties.whatsapp_bsuid === BSUID || contact.properties.whatsapp_id === WA_ID)
				.map((contact) => ({ id: contact.id, waId: contact.properties.whatsapp_id, userId: contact.properties.whatsapp_bsuid, phone: contact.properties.phone })),
		flush: () => suite.fakes.hubspot.flushSearchIndex(),
	},
	{
		crm: 'zendesk',
		bed: () => crmTestBed(zendeskCredential(suite.fakes.zendesk)),
		recordsOf: () =>
			[...suite.fakes.zendesk.state.users.values()]
				.filter((user) => user.user_fields.whatsapp_bsuid === BSUID || (user.external_id ?? '').includes(BSUID) || user.external_id === `whatsapp:${WA_ID}`)
				.map((user) => ({ id: String(user.id), waId: user.external_id?.startsWith('whatsapp:') ? user.external_id.slice('whatsapp:'.length) : undefined, userId: user.user_fields.whatsapp_bsuid, phone: user.phone })),
		flush: () => suite.fakes.zendesk.flushSearchIndex(),
	},
];

const fieldsMode = (crm: string, waId: string) => ({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [], person: 'fields', waId, userId: BSUID, profileName: 'Mia' });
const hiddenNumber = (text: string): INodeExecutionData => inboundText('', text, 'Mia', { from: { waId: '', e164: '', userId: BSUID, profileName: 'Mia' } });
const withNumber = (text: string): INodeExecutionData => inboundText(WA_ID, text, 'Mia', { from: { waId: WA_ID, e164: `+${WA_ID}`, userId: BSUID, profileName: 'Mia' } });
/** A WhatsApp Business node's send result to the phone number: it knows only the number. */
const sentToNumber: INodeExecutionData = { json: { messageId: 'wamid.OUT1', to: `+${WA_ID}`, waId: WA_ID, type: 'text' } };

describe.each(CRMS)('$crm: one record for a customer known by two keys', ({ crm, bed, recordsOf, flush }) => {
	test('the QA repro: BSUID only twice, then number and BSUID: the same record, which gets the number written onto it', async () => {
		const first = await bed().run(fieldsMode(crm, ''), [{ json: {} }]);
		const second = await bed().run(fieldsMode(crm, ''), [{ json: {} }]);
		const third = await bed().run(fieldsMode(crm, WA_ID), [{ json: {} }]);
		const recordId = first.items[0].json.recordId;
		expect(second.items[0].json).toMatchObject({ recordId, created: false });
		expect(third.items[0].json).toMatchObject({ recordId, created: false, matchedBy: 'userId' });
		expect(recordsOf()).toEqual([{ id: recordId, waId: WA_ID, userId: BSUID, phone: `+${WA_ID}` }]);
		// Every later call, and an item that knows only the number, finds it by the wa_id at once.
		flush();
		const fourth = await bed().run(fieldsMode(crm, WA_ID), [{ json: {} }]);
		expect(fourth.items[0].json).toMatchObject({ recordId, created: false, matchedBy: 'whatsAppId' });
		const outbound = await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [sentToNumber]);
		expect(outbound.items[0].json).toMatchObject({ recordId, created: false, matchedBy: 'whatsAppId' });
		expect(recordsOf()).toHaveLength(1);
	});

	test('the other order: first with the number, then with number and BSUID, then hidden: one record, the BSUID written onto it', async () => {
		const first = await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [inboundText(WA_ID, 'hello', 'Mia')]);
		const recordId = first.items[0].json.recordId;
		flush();
		const second = await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [withNumber('hello again')]);
		expect(second.items[0].json).toMatchObject({ recordId, created: false, matchedBy: 'whatsAppId' });
		flush();
		const third = await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [hiddenNumber('number hidden now')]);
		expect(third.items[0].json).toMatchObject({ recordId, created: false, matchedBy: 'userId' });
		expect(recordsOf()).toEqual([{ id: recordId, waId: WA_ID, userId: BSUID, phone: `+${WA_ID}` }]);
	});

	test('hidden first, then 5 concurrent messages with the number inside the search delay: still one record', async () => {
		const first = await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [hiddenNumber('hi')]);
		const runs = await Promise.all([1, 2, 3, 4, 5].map(async (n) => await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [] }, [withNumber(`m${n}`)])));
		expect(runs.map((run) => run.items[0].json.recordId)).toEqual(Array(5).fill(first.items[0].json.recordId));
		expect(runs.map((run) => run.items[0].json.matchedBy)).not.toContain('createdConcurrently');
		expect(recordsOf()).toEqual([{ id: first.items[0].json.recordId, waId: WA_ID, userId: BSUID, phone: `+${WA_ID}` }]);
	});
});
