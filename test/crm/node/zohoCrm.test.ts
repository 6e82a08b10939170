/**
 * WhatsApp CRM node × Zoho CRM (the local fake over HTTP, the node in n8n-core's contexts): one lead
 * per WhatsApp user, notes, round-robin owners kept in Zoho, adoption of records found by phone,
 * token refresh, errors with their fix.
 */
import { ZOHO_SEED, startCrmFake } from '../../../fakes';
import { crmTestBed } from '../crmTestBed';
import { fakeSuite, inboundText, lastSeq, requestLines, zohoCredential } from '../fakeSetup';

const [patricia, ravi, chloe] = ZOHO_SEED.crm.users.map((user) => user.id);
const logMessage = (extra: Record<string, unknown> = {}) => ({ crm: 'zohoCrm', resource: 'note', operation: 'logMessage', record: 'sender', zohoModule: 'Leads', owners: [patricia, ravi], ...extra });

const suite = fakeSuite(async () => await startCrmFake('zoho', {}), zohoCredential);

const leadsWith = (waId: string) => [...suite.fake.state.store('crm', 'Leads').values()].filter((record) => record.fields.WhatsApp_ID === waId);
const notesOf = (id: string) => [...suite.fake.state.notes.crm.values()].filter((note) => note.parentId === id);

describe('Zoho CRM: one lead per WhatsApp user, the conversation as notes', () => {
	test('the first message creates one lead named from the profile, owned by the first picked user, with the message as a note', async () => {
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911123456', 'Do you deliver to Leeds?', 'Grace Hopper')]);
		expect(items[0].json).toMatchObject({ created: true, matchedBy: 'created', module: 'Leads', owner: { id: patricia }, noteId: expect.any(String), direction: 'inbound' });
		const leads = leadsWith('447911123456');
		expect(leads).toHaveLength(1);
		expect(leads[0]).toMatchObject({ ownerId: patricia, fields: expect.objectContaining({ First_Name: 'Grace', Last_Name: 'Hopper', Mobile: '+447911123456', Lead_Source: 'WhatsApp' }) });
		const notes = notesOf(leads[0].id);
		expect(notes).toHaveLength(1);
		expect(notes[0].content).toContain('Do you deliver to Leeds?');
		expect(notes[0].content).toContain('Received on WhatsApp from Grace Hopper (+447911123456)');
	});

	test('a second message adds a note to the same lead and creates nothing', async () => {
		const first = await suite.bed.run(logMessage(), [inboundText('447911123457', 'Hello')]);
		suite.fake.flushSearchIndex();
		const second = await suite.bed.run(logMessage(), [inboundText('447911123457', 'Are you there?')]);
		expect(second.items[0].json).toMatchObject({ recordId: first.items[0].json.recordId, created: false, matchedBy: 'whatsAppId' });
		expect(leadsWith('447911123457')).toHaveLength(1);
		expect(notesOf(String(first.items[0].json.recordId)).map((note) => note.content)).toEqual([expect.stringContaining('Hello'), expect.stringContaining('Are you there?')]);
	});

	test("a burst of 5 concurrent messages from a new sender, inside Zoho's search delay, yields one lead and 5 notes", async () => {
		const since = lastSeq(suite.fake);
		const runs = await Promise.all([1, 2, 3, 4, 5].map(async (n) => await suite.bed.run(logMessage(), [inboundText('447911123458', `message ${n}`)])));
		// Every search missed (the index lags), so all five reached the upsert: Zoho's unique key made them one lead.
		expect(requestLines(suite.fake, since).filter((line) => line === 'POST /crm/v8/Leads/upsert')).toHaveLength(5);
		const leads = leadsWith('447911123458');
		expect(leads).toHaveLength(1);
		expect(runs.map((run) => run.items[0].json.recordId)).toEqual(Array(5).fill(leads[0].id));
		expect(runs.filter((run) => run.items[0].json.created === true)).toHaveLength(1);
		expect(notesOf(leads[0].id)).toHaveLength(5);
		// Only the execution that inserted the lead assigned it: the owner is the first of the pool.
		expect(leads[0].ownerId).toBe(patricia);
	});

	test('round-robin across separate executions: each new sender gets the next picked user, read back from Zoho', async () => {
		const owners: unknown[] = [];
		for (const waId of ['447911200001', '447911200002', '447911200003', '447911200004']) {
			const { items } = await suite.bed.run({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [patricia, ravi, chloe] }, [inboundText(waId, 'hi')]);
			owners.push((items[0].json.owner as { id: string }).id);
		}
		expect(owners).toEqual([patricia, ravi, chloe, patricia]);
		// A new test suite.bed is a new n8n process (or queue-mode worker): the turn still comes from Zoho.
		const otherWorker = crmTestBed(zohoCredential(suite.fake));
		const { items } = await otherWorker.run({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate', zohoModule: 'Leads', owners: [patricia, ravi, chloe] }, [inboundText('447911200005', 'hi')]);
		expect(items[0].json.owner).toEqual({ id: ravi });
	});

	test('a contact a person created with the phone in national format is adopted (WhatsApp ID written), not duplicated', async () => {
		// Seeded: Emma Clarke, Contacts, Mobile "07700 900123", no WhatsApp ID.
		const emma = ZOHO_SEED.crm.contacts[0];
		const { items } = await suite.bed.run(logMessage(), [inboundText('447700900123', 'Hi, Emma here')]);
		expect(items[0].json).toMatchObject({ recordId: emma.id, module: 'Contacts', created: false, adopted: true, matchedBy: 'phone' });
		expect(suite.fake.state.store('crm', 'Contacts').get(emma.id)?.fields.WhatsApp_ID).toBe('447700900123');
		expect(leadsWith('447700900123')).toHaveLength(0);
		expect(notesOf(emma.id)).toHaveLength(1);
	});

	test('Create As Contact puts new senders in Contacts', async () => {
		const { items } = await suite.bed.run({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate', zohoModule: 'Contacts', owners: [] }, [inboundText('447911300001', 'hi', 'Ada')]);
		expect(items[0].json).toMatchObject({ created: true, module: 'Contacts', name: 'Ada' });
		expect(suite.fake.state.store('crm', 'Contacts').get(String(items[0].json.recordId))?.fields.Last_Name).toBe('Ada');
	});
});

describe('Zoho CRM: customers who hide their number', () => {
	test('a sender with only a business-scoped user ID gets one lead keyed by WhatsApp_BSUID; the next message finds it', async () => {
		const hidden = (text: string) => inboundText('', text, 'Hidden Number', { from: { waId: '', e164: '', userId: 'GB.5512345', profileName: 'Hidden Number' } });
		const first = await suite.bed.run(logMessage(), [hidden('first')]);
		expect(first.items[0].json).toMatchObject({ created: true, waId: null, userId: 'GB.5512345' });
		const second = await suite.bed.run(logMessage(), [hidden('second')]);
		expect(second.items[0].json.recordId).toBe(first.items[0].json.recordId);
		const leads = [...suite.fake.state.store('crm', 'Leads').values()].filter((record) => record.fields.WhatsApp_BSUID === 'GB.5512345');
		expect(leads).toHaveLength(1);
		expect(leads[0].fields.Mobile ?? null).toBeNull();
	});
});

describe('Zoho CRM: an org that never created the BSUID field', () => {
	test('a sender with number and BSUID is still found and created by the wa_id alone (the unknown field is left out)', async () => {
		const sender = inboundText('447911350001', 'hi', 'Noor', { from: { waId: '447911350001', e164: '+447911350001', userId: 'GB.777', profileName: 'Noor' } });
		const run = async () => await suite.bed.run({ ...logMessage(), zohoFields: { userIdField: 'No_BSUID_Field' } }, [sender]);
		const first = await run();
		expect(first.items[0].json).toMatchObject({ created: true });
		suite.fake.flushSearchIndex();
		const second = await run();
		expect(second.items[0].json).toMatchObject({ recordId: first.items[0].json.recordId, matchedBy: 'whatsAppId' });
		expect(leadsWith('447911350001')).toHaveLength(1);
	});
});

describe('Zoho CRM: the last inbound time for journeys', () => {
	test('Set Last Inbound Time writes the Date/Time field; Get by WhatsApp ID reads it back with the record', async () => {
		// Seeded: Sofía García, Contacts, WhatsApp_ID 34612345678.
		const sofia = ZOHO_SEED.crm.contacts[2];
		const message = inboundText('34612345678', 'hola', 'Sofía García');
		const set = await suite.bed.run({ crm: 'zohoCrm', resource: 'contact', operation: 'setLastInbound', record: 'sender', owners: [] }, [message]);
		expect(set.items[0].json).toMatchObject({ recordId: sofia.id, lastInboundAt: message.json.timestamp });
		const got = await suite.bed.run({ crm: 'zohoCrm', resource: 'contact', operation: 'getByWhatsAppId' }, [message]);
		expect(got.items[0].json).toMatchObject({ found: true, recordId: sofia.id, module: 'Contacts', lastInboundAt: message.json.timestamp });
	});

	test('Get by WhatsApp ID for an unknown sender is an item with found: false, not an error', async () => {
		const { items } = await suite.bed.run({ crm: 'zohoCrm', resource: 'contact', operation: 'getByWhatsAppId' }, [inboundText('447911999999', 'x')]);
		expect(items[0].json).toMatchObject({ found: false, recordId: null, waId: '447911999999' });
	});
});

describe('Zoho CRM: tokens, limits and errors', () => {
	test('an expired access token is refreshed once by n8n and the request repeated; the new token is saved', async () => {
		suite.fake.state.expireAccessTokens();
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911400001', 'after expiry')]);
		expect(items[0].json.created).toBe(true);
		expect(suite.bed.credentialsHelper.tokenUpdates).toBe(1);
		const refreshes = requestLines(suite.fake).filter((line) => line === 'POST /oauth/v2/token');
		expect(refreshes).toHaveLength(1);
	});

	test('a revoked grant fails the item with the advice to reconnect, and no token appears in the error', async () => {
		suite.fake.state.revoke(ZOHO_SEED.refreshTokens.all);
		suite.fake.state.expireAccessTokens();
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911400002', 'x')], { continueOnFail: true });
		const error = JSON.stringify(items[0].json);
		expect(error).toMatch(/reconnect/i);
		expect(error).not.toContain(ZOHO_SEED.refreshTokens.all);
		expect(error).not.toContain(ZOHO_SEED.accessTokens.all);
	});

	test('429 with Retry-After is waited out and retried; the lead is still created once', async () => {
		suite.fake.faults.add({ status: 429, retryAfterSeconds: 1, path: '/crm/v8/Leads/upsert' });
		const since = lastSeq(suite.fake);
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911400003', 'x')]);
		expect(items[0].json.created).toBe(true);
		expect(requestLines(suite.fake, since).filter((line) => line === 'POST /crm/v8/Leads/upsert')).toHaveLength(2);
		expect(leadsWith('447911400003')).toHaveLength(1);
	});

	test('with Continue On Fail, an item without a WhatsApp ID fails alone and the others go on', async () => {
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911400004', 'ok'), { json: { hello: 'no sender here' } }, inboundText('447911400005', 'ok too')], { continueOnFail: true });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.created).toBe(true);
		expect(items[1].json.error).toMatchObject({ message: 'No WhatsApp ID on this item', description: expect.stringContaining('WhatsApp Business Trigger') });
		expect(items[2].json.created).toBe(true);
	});

	test('without the WhatsApp_ID field the error says where in Zoho CRM to create it', async () => {
		suite.fake.config.whatsAppFields = false;
		suite.fake.reset();
		try {
			const { items } = await suite.bed.run(logMessage(), [inboundText('447911400006', 'x')], { continueOnFail: true });
			expect(items[0].json.error).toMatchObject({ message: expect.stringContaining('no field "WhatsApp_ID"'), description: expect.stringContaining('Do not allow duplicate values') });
		} finally {
			suite.fake.config.whatsAppFields = true;
		}
	});

	test('a token without write scopes: the error names the scopes to grant', async () => {
		suite.bed = crmTestBed(zohoCredential(suite.fake, { access_token: ZOHO_SEED.accessTokens.crmReadOnly, refresh_token: ZOHO_SEED.refreshTokens.crmReadOnly }));
		const { items } = await suite.bed.run(logMessage({ owners: [] }), [inboundText('447911400007', 'x')], { continueOnFail: true });
		expect(items[0].json.error).toMatchObject({ description: expect.stringContaining('ZohoCRM.modules.ALL') });
	});
});
