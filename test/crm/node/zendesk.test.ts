/**
 * WhatsApp CRM node × Zendesk (the local fake over HTTP): one end user per WhatsApp user
 * (create_or_update on external_id), one ticket per conversation with each message as a comment,
 * images attached, new tickets assigned in turn, and a burst of first messages opening one ticket.
 */
import { ZENDESK_SEED, startCrmFake } from '../../../fakes';
import { crmTestBed } from '../crmTestBed';
import { fakeSuite, inboundText, lastSeq, requestLines, zendeskCredential } from '../fakeSetup';

const agents = ZENDESK_SEED.agents.filter((agent) => !('suspended' in agent && agent.suspended)).map((agent) => String(agent.id));
const addMessage = (extra: Record<string, unknown> = {}) => ({ crm: 'zendesk', resource: 'ticket', operation: 'addMessage', record: 'sender', owners: agents.slice(0, 2), ...extra });
// A 1×1 PNG, as the trigger's Download Media puts an image in the item.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const suite = fakeSuite(async () => await startCrmFake('zendesk', {}), zendeskCredential);

const usersWith = (waId: string) => [...suite.fake.state.users.values()].filter((user) => user.external_id === `whatsapp:${waId}`);
const ticketsOf = (userId: number) => [...suite.fake.state.tickets.values()].filter((ticket) => ticket.requester_id === userId);

function inboundImage(waId: string, caption: string) {
	const item = inboundText(waId, '', 'Grace Hopper', { type: 'image', caption, media: { id: '1013859600285441', mimeType: 'image/png' } });
	delete item.json.text;
	item.binary = { data: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'image-1013859600285441.png', fileExtension: 'png' } };
	return item;
}

describe('Zendesk: one end user and one ticket per WhatsApp conversation', () => {
	test('an inbound image opens a ticket for a new end user, the caption is a public comment by the customer and the image is attached', async () => {
		const { items } = await suite.bed.run(addMessage(), [inboundImage('447911700001', 'The parcel arrived broken')]);
		expect(items[0].json).toMatchObject({ created: true, module: 'user', ticketCreated: true, attachmentCount: 1, assigneeId: agents[0] });
		const [user] = usersWith('447911700001');
		expect(user).toMatchObject({ name: 'Grace Hopper', phone: '+447911700001', role: 'end-user' });
		const [ticket] = ticketsOf(user.id);
		expect(ticket).toMatchObject({ status: expect.stringMatching(/new|open/), tags: ['whatsapp'], assignee_id: Number(agents[0]) });
		const comment = ticket.comments[ticket.comments.length - 1];
		expect(comment).toMatchObject({ author_id: user.id, public: true, body: 'The parcel arrived broken' });
		expect(comment.attachments).toEqual([expect.objectContaining({ file_name: 'image-1013859600285441.png', content_type: 'image/png', size: PNG.length })]);
	});

	test('a second message is a comment on the same open ticket', async () => {
		const first = await suite.bed.run(addMessage(), [inboundText('447911700002', 'hello')]);
		const second = await suite.bed.run(addMessage(), [inboundText('447911700002', 'still there?')]);
		expect(second.items[0].json).toMatchObject({ recordId: first.items[0].json.recordId, created: false, ticketId: first.items[0].json.ticketId, ticketCreated: false });
		const [user] = usersWith('447911700002');
		const tickets = ticketsOf(user.id);
		expect(tickets).toHaveLength(1);
		expect(tickets[0].comments.map((comment) => comment.body)).toEqual(expect.arrayContaining(['hello', 'still there?']));
	});

	test('a burst of 5 concurrent first messages from a new sender yields one end user and one ticket with 5 comments', async () => {
		const runs = await Promise.all([1, 2, 3, 4, 5].map(async (n) => await suite.bed.run(addMessage(), [inboundText('447911700003', `burst ${n}`)])));
		const users = usersWith('447911700003');
		expect(users).toHaveLength(1);
		const tickets = ticketsOf(users[0].id);
		expect(tickets).toHaveLength(1);
		expect(runs.filter((run) => run.items[0].json.ticketCreated === true)).toHaveLength(1);
		expect(tickets[0].comments.filter((comment) => comment.public).map((comment) => comment.body).sort()).toEqual(['burst 1', 'burst 2', 'burst 3', 'burst 4', 'burst 5']);
	}, 30_000);

	test('new tickets go to the picked agents in turn', async () => {
		await suite.bed.run(addMessage(), [inboundText('447911700004', 'a')]);
		suite.fake.flushSearchIndex();
		const next = await suite.bed.run(addMessage(), [inboundText('447911700005', 'b')]);
		expect(next.items[0].json.assigneeId).toBe(agents[1]);
	});

	test("a seeded end user with an open WhatsApp ticket gets the message on that ticket", async () => {
		// Seeded: Sofía García, external_id whatsapp:34612345678, open ticket 2 tagged whatsapp.
		const { items } = await suite.bed.run(addMessage(), [inboundText('34612345678', '¿Y el envío?')]);
		expect(items[0].json).toMatchObject({ recordId: '381000001005', ticketId: '2', ticketCreated: false });
	});

	test('an end user stored with a national-format phone is adopted (external_id written)', async () => {
		// Seeded: Emma Clarke, phone "07700 900123", no external_id.
		const { items } = await suite.bed.run({ crm: 'zendesk', resource: 'contact', operation: 'findOrCreate' }, [inboundText('447700900123', 'Emma')]);
		expect(items[0].json).toMatchObject({ recordId: '381000001003', adopted: true, matchedBy: 'phone' });
		expect(suite.fake.state.users.get(381000001003)?.external_id).toBe('whatsapp:447700900123');
	});

	test('Note › Log Message is an internal comment on the WhatsApp ticket; Set Last Inbound Time fills the user field', async () => {
		const message = inboundText('447911700006', 'hi');
		const note = await suite.bed.run({ crm: 'zendesk', resource: 'note', operation: 'logMessage', record: 'sender' }, [message]);
		const [user] = usersWith('447911700006');
		const [ticket] = ticketsOf(user.id);
		expect(ticket.comments[ticket.comments.length - 1]).toMatchObject({ public: false, body: expect.stringContaining('Received on WhatsApp') });
		expect(note.items[0].json.noteId).toBe(String(ticket.id));
		await suite.bed.run({ crm: 'zendesk', resource: 'contact', operation: 'setLastInbound', record: 'sender' }, [message]);
		expect(suite.fake.state.users.get(user.id)?.user_fields.whatsapp_last_inbound_at).toBe(message.json.timestamp);
	});

	test('a location keeps its place, coordinates and link in the comment and in a note (not just "[location]")', async () => {
		const location = { latitude: 51.5007, longitude: -0.1246, name: 'Big Ben', address: 'London SW1A 0AA' };
		const item = inboundText('447911700009', '', 'Grace Hopper', { type: 'location', location });
		delete item.json.text;
		await suite.bed.run(addMessage(), [item]);
		await suite.bed.run({ crm: 'zendesk', resource: 'note', operation: 'logMessage', record: 'sender' }, [item]);
		const [user] = usersWith('447911700009');
		const comments = ticketsOf(user.id).flatMap((ticket) => ticket.comments.map((comment) => comment.body));
		const said = 'Location: Big Ben, London SW1A 0AA (51.5007, -0.1246) https://maps.google.com/?q=51.5007,-0.1246';
		expect(comments.filter((body) => body.includes(said))).toHaveLength(2);
		expect(comments.some((body) => /^\[location\]$/m.test(body))).toBe(false);
	});

	test('a wrong API token: the error says what to check, and never shows the token', async () => {
		suite.bed = crmTestBed(zendeskCredential(suite.fake, { apiToken: 'wrong-zendesk-token' }));
		const { items } = await suite.bed.run(addMessage(), [inboundText('447911700007', 'x')], { continueOnFail: true });
		expect(items[0].json.error).toMatchObject({ message: expect.stringContaining("Couldn't authenticate you"), description: expect.stringContaining('API token') });
		expect(JSON.stringify(items[0].json)).not.toContain('wrong-zendesk-token');
	});

	test('the requests of a first message and of a follow-up', async () => {
		let since = lastSeq(suite.fake);
		await suite.bed.run(addMessage(), [inboundImage('447911700008', 'photo')]);
		const first = requestLines(suite.fake, since);
		since = lastSeq(suite.fake);
		await suite.bed.run(addMessage(), [inboundText('447911700008', 'follow-up')]);
		const followUp = requestLines(suite.fake, since);
		console.info(`Zendesk Ticket › Add Message, first message with an image:\n  ${first.join('\n  ')}\nfollow-up:\n  ${followUp.join('\n  ')}`);
		expect(followUp[0]).toBe('GET /api/v2/users/search');
		expect(followUp).not.toContain('POST /api/v2/tickets');
	});
});
