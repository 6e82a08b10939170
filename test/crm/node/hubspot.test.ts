/**
 * WhatsApp CRM node × HubSpot (the local fake over HTTP): one contact per WhatsApp user through the
 * batch upsert on the unique whatsapp_id, notes associated to it, owners in turn, adoption by phone,
 * the property created when missing, scopes and token errors.
 */
import { HUBSPOT_SEED, startCrmFake } from '../../../fakes';
import { crmTestBed } from '../crmTestBed';
import { fakeSuite, hubspotCredential, inboundText, lastSeq, requestLines } from '../fakeSetup';

const [patricia, ravi, chloe] = HUBSPOT_SEED.owners.map((owner) => owner.id);
const logMessage = (extra: Record<string, unknown> = {}) => ({ crm: 'hubspot', resource: 'note', operation: 'logMessage', record: 'sender', owners: [patricia, ravi], ...extra });

const suite = fakeSuite(async () => await startCrmFake('hubspot', {}), hubspotCredential);

const contactsWith = (waId: string) => [...suite.fake.state.contacts.values()].filter((contact) => contact.properties.whatsapp_id === waId);
const notesOf = (id: string) => [...suite.fake.state.notes.values()].filter((note) => note.contactIds.includes(id));

describe('HubSpot: one contact per WhatsApp user, the conversation as notes', () => {
	test('the first message creates one contact owned by the first picked owner, with the message as a note', async () => {
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911500001', 'Is the blue one in stock?', 'Grace Hopper')]);
		expect(items[0].json).toMatchObject({ created: true, module: 'contact', owner: { id: patricia }, noteId: expect.any(String) });
		const contacts = contactsWith('447911500001');
		expect(contacts).toHaveLength(1);
		expect(contacts[0].properties).toMatchObject({ firstname: 'Grace', lastname: 'Hopper', phone: '+447911500001', hubspot_owner_id: patricia });
		const notes = notesOf(contacts[0].id);
		expect(notes).toHaveLength(1);
		expect(notes[0].properties.hs_note_body).toContain('Is the blue one in stock?');
		expect(notes[0].properties.hs_timestamp).toBeDefined();
	});

	test('a second message adds a note to the same contact', async () => {
		const first = await suite.bed.run(logMessage(), [inboundText('447911500002', 'one')]);
		const second = await suite.bed.run(logMessage(), [inboundText('447911500002', 'two')]);
		expect(second.items[0].json).toMatchObject({ recordId: first.items[0].json.recordId, created: false, matchedBy: 'whatsAppId' });
		expect(contactsWith('447911500002')).toHaveLength(1);
		expect(notesOf(String(first.items[0].json.recordId))).toHaveLength(2);
	});

	test('a burst of 5 concurrent messages from a new sender yields one contact, 5 notes, one owner assignment', async () => {
		const since = lastSeq(suite.fake);
		const runs = await Promise.all([1, 2, 3, 4, 5].map(async (n) => await suite.bed.run(logMessage(), [inboundText('447911500003', `message ${n}`)])));
		const contacts = contactsWith('447911500003');
		expect(contacts).toHaveLength(1);
		expect(runs.map((run) => run.items[0].json.recordId)).toEqual(Array(5).fill(contacts[0].id));
		expect(runs.filter((run) => run.items[0].json.created === true)).toHaveLength(1);
		expect(notesOf(contacts[0].id)).toHaveLength(5);
		const lines = requestLines(suite.fake, since);
		expect(lines.filter((line) => line === 'POST /crm/v3/objects/contacts/batch/upsert').length).toBeGreaterThanOrEqual(2);
		expect(lines.filter((line) => line.startsWith('PATCH /crm/v3/objects/contacts/'))).toHaveLength(1);
	});

	test('round-robin across separate executions, read back from HubSpot', async () => {
		const owners: unknown[] = [];
		for (const waId of ['447911510001', '447911510002', '447911510003', '447911510004']) {
			const { items } = await suite.bed.run({ crm: 'hubspot', resource: 'contact', operation: 'findOrCreate', owners: [patricia, ravi, chloe] }, [inboundText(waId, 'hi')]);
			owners.push((items[0].json.owner as { id: string }).id);
			// HubSpot's search (where the turn is read) lags behind creates; a new sender a few seconds later sees the last one.
			suite.fake.flushSearchIndex();
		}
		expect(owners).toEqual([patricia, ravi, chloe, patricia]);
	});

	test('a contact stored with a national-format phone is adopted, not duplicated', async () => {
		// Seeded: Emma Clarke, phone "07700 900123", no whatsapp_id.
		const { items } = await suite.bed.run(logMessage(), [inboundText('447700900123', 'Emma here')]);
		expect(items[0].json).toMatchObject({ recordId: '53', created: false, adopted: true, matchedBy: 'phone' });
		expect(suite.fake.state.contacts.get('53')?.properties.whatsapp_id).toBe('447700900123');
	});

	test('Set Last Inbound Time and Get by WhatsApp ID (read by unique property, no search delay)', async () => {
		const message = inboundText('447911520001', 'hi');
		await suite.bed.run({ crm: 'hubspot', resource: 'contact', operation: 'setLastInbound', record: 'sender', owners: [] }, [message]);
		const { items } = await suite.bed.run({ crm: 'hubspot', resource: 'contact', operation: 'getByWhatsAppId' }, [message]);
		expect(items[0].json).toMatchObject({ found: true, lastInboundAt: message.json.timestamp });
	});
});

describe('HubSpot: customers who hide their number', () => {
	test('a sender with only a business-scoped user ID gets one contact keyed by whatsapp_bsuid', async () => {
		const hidden = (text: string) => inboundText('', text, 'Hidden Number', { from: { waId: '', e164: '', userId: 'GB.7712345', profileName: 'Hidden Number' } });
		const first = await suite.bed.run(logMessage(), [hidden('first')]);
		const second = await suite.bed.run(logMessage(), [hidden('second')]);
		expect(first.items[0].json).toMatchObject({ created: true, userId: 'GB.7712345' });
		expect(second.items[0].json).toMatchObject({ recordId: first.items[0].json.recordId, created: false, matchedBy: 'userId' });
		expect([...suite.fake.state.contacts.values()].filter((contact) => contact.properties.whatsapp_bsuid === 'GB.7712345')).toHaveLength(1);
	});

	test("a status item for a recipient who hides their number finds that recipient's contact by the business-scoped user ID", async () => {
		await suite.bed.run(logMessage(), [inboundText('', 'hello', 'Hidden Number', { from: { waId: '', e164: '', userId: 'GB.7712346', profileName: 'Hidden Number' } })]);
		const status = { json: { kind: 'status', status: 'read', messageId: 'wamid.OUT1', timestamp: '2026-05-14T10:00:00.000Z', recipient: { waId: '', e164: '', userId: 'GB.7712346' } } };
		const { items } = await suite.bed.run({ crm: 'hubspot', resource: 'contact', operation: 'getByWhatsAppId' }, [status]);
		expect(items[0].json).toMatchObject({ found: true, userId: 'GB.7712346', waId: null });
	});
});

describe('HubSpot: properties, scopes and tokens', () => {
	test('a missing whatsapp_id property is created (unique values) when the app may, then used', async () => {
		suite.fake.config.whatsAppProperties = false;
		suite.fake.reset();
		try {
			const { items } = await suite.bed.run(logMessage(), [inboundText('447911530001', 'hi')]);
			expect(items[0].json.created).toBe(true);
			expect(suite.fake.state.properties.contacts.get('whatsapp_id')).toMatchObject({ hasUniqueValue: true });
		} finally {
			suite.fake.config.whatsAppProperties = true;
		}
	});

	test('a missing property with Create Missing Properties off: the error says where to create it', async () => {
		suite.fake.config.whatsAppProperties = false;
		suite.fake.reset();
		try {
			const { items } = await suite.bed.run(logMessage({ hubspotFields: { createMissingProperties: false } }), [inboundText('447911530002', 'hi')], { continueOnFail: true });
			expect(items[0].json.error).toMatchObject({ message: expect.stringContaining('no unique contact property "whatsapp_id"'), description: expect.stringContaining('Require unique values') });
		} finally {
			suite.fake.config.whatsAppProperties = true;
		}
	});

	test('a read-only token: the error names the scopes to add', async () => {
		suite.bed = crmTestBed(hubspotCredential(suite.fake, { accessToken: HUBSPOT_SEED.readOnlyToken }));
		const { items } = await suite.bed.run(logMessage({ owners: [] }), [inboundText('447911530003', 'hi')], { continueOnFail: true });
		expect(items[0].json.error).toMatchObject({ description: expect.stringContaining('crm.objects.contacts.write') });
		expect(JSON.stringify(items[0].json)).not.toContain(HUBSPOT_SEED.readOnlyToken);
	});

	test('a wrong token: the error says to copy it again, and never shows it', async () => {
		suite.bed = crmTestBed(hubspotCredential(suite.fake, { accessToken: 'pat-na1-wrong-token-value' }));
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911530004', 'hi')], { continueOnFail: true });
		expect(items[0].json.error).toMatchObject({ message: expect.stringContaining('token was refused'), description: expect.stringContaining('Private Apps') });
		expect(JSON.stringify(items[0].json)).not.toContain('pat-na1-wrong-token-value');
	});

	test('429 (ten-second window) with Retry-After is retried', async () => {
		suite.fake.faults.add({ status: 429, retryAfterSeconds: 1, path: '/crm/v3/objects/notes' });
		const { items } = await suite.bed.run(logMessage(), [inboundText('447911530005', 'hi')]);
		expect(items[0].json.noteId).toEqual(expect.any(String));
	});
});
