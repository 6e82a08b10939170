/**
 * WhatsApp CRM node × Bigin (the Zoho fake's Bigin v2 API over HTTP): one contact per WhatsApp user,
 * notes, owners in turn, the last inbound time.
 */
import { ZOHO_SEED, startCrmFake } from '../../../fakes';
import { fakeSuite, inboundText, lastSeq, requestLines, zohoCredential } from '../fakeSetup';

const [patricia, ravi] = ZOHO_SEED.bigin.users.map((user) => user.id);
const logMessage = { crm: 'bigin', resource: 'note', operation: 'logMessage', record: 'sender', owners: [patricia, ravi] };

const suite = fakeSuite(async () => await startCrmFake('zoho', {}), zohoCredential);

const contactsWith = (waId: string) => [...suite.fake.state.store('bigin', 'Contacts').values()].filter((record) => record.fields.WhatsApp_ID === waId);
const notesOf = (id: string) => [...suite.fake.state.notes.bigin.values()].filter((note) => note.parentId === id);

describe('Bigin: one contact per WhatsApp user, the conversation as notes', () => {
	test('first message: one contact, owner in turn, note; second message: a note on the same contact', async () => {
		const first = await suite.bed.run(logMessage, [inboundText('447911600001', 'first', 'Alan Turing')]);
		expect(first.items[0].json).toMatchObject({ created: true, module: 'Contacts', owner: { id: patricia } });
		suite.fake.flushSearchIndex();
		const second = await suite.bed.run(logMessage, [inboundText('447911600001', 'second')]);
		expect(second.items[0].json).toMatchObject({ recordId: first.items[0].json.recordId, created: false });
		const contacts = contactsWith('447911600001');
		expect(contacts).toHaveLength(1);
		expect(contacts[0].fields).toMatchObject({ First_Name: 'Alan', Last_Name: 'Turing', Mobile: '+447911600001' });
		expect(notesOf(contacts[0].id).map((note) => note.content)).toEqual([expect.stringContaining('first'), expect.stringContaining('second')]);
	});

	test('a burst of 5 concurrent messages from a new sender yields one contact', async () => {
		const since = lastSeq(suite.fake);
		const runs = await Promise.all([1, 2, 3, 4, 5].map(async (n) => await suite.bed.run(logMessage, [inboundText('447911600002', `burst ${n}`)])));
		expect(contactsWith('447911600002')).toHaveLength(1);
		expect(runs.filter((run) => run.items[0].json.created === true)).toHaveLength(1);
		expect(requestLines(suite.fake, since).filter((line) => line === 'POST /bigin/v2/Contacts/upsert')).toHaveLength(5);
		expect(notesOf(contactsWith('447911600002')[0].id)).toHaveLength(5);
	});

	test('the next new sender goes to the next owner; a seeded contact found by phone is adopted', async () => {
		await suite.bed.run(logMessage, [inboundText('447911600003', 'a')]);
		const next = await suite.bed.run(logMessage, [inboundText('447911600004', 'b')]);
		expect(next.items[0].json.owner).toEqual({ id: ravi });
		// Seeded: Liam Walsh, Phone "14155550132" (E.164 digits without +).
		const liam = await suite.bed.run(logMessage, [inboundText('14155550132', 'Liam')]);
		expect(liam.items[0].json).toMatchObject({ recordId: ZOHO_SEED.bigin.contacts[2].id, adopted: true });
	});

	test('Set Last Inbound Time writes Last_WhatsApp_Inbound', async () => {
		const message = inboundText('447911600005', 'hi');
		const { items } = await suite.bed.run({ crm: 'bigin', resource: 'contact', operation: 'setLastInbound', record: 'sender', owners: [] }, [message]);
		const stored = suite.fake.state.store('bigin', 'Contacts').get(String(items[0].json.recordId));
		expect(new Date(String(stored?.fields.Last_WhatsApp_Inbound)).toISOString()).toBe(message.json.timestamp);
	});
});
