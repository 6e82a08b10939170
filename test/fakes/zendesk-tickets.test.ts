/** Zendesk tickets, comments and uploads: upload → attach → visible on the comment, token expiry, ticket rules, 429. */
import { startCrmFake, type RunningZendeskFake } from '../../fakes';
import { call, zendeskAuth } from './helpers';

let fake: RunningZendeskFake;
beforeAll(async () => {
	fake = await startCrmFake('zendesk');
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const SOFIA = 381000001005;
const EMMA = 381000001003;
const get = (path: string) => call(fake, 'GET', path, { headers: zendeskAuth() });
const send = (method: string, path: string, json: unknown) => call(fake, method, path, { headers: zendeskAuth(), json });
const upload = (filename: string, bytes: Buffer, type: string, token?: string) =>
	call(fake, 'POST', `/api/v2/uploads.json?filename=${encodeURIComponent(filename)}${token ? `&token=${token}` : ''}`, { headers: { ...zendeskAuth(), 'Content-Type': type }, body: bytes });

describe('Zendesk uploads', () => {
	it('uploads bytes, attaches them to a comment on the open ticket, shows them on the comment and serves them at content_url', async () => {
		const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
		const first = await upload('photo.jpg', image, 'image/jpeg');
		expect(first.status).toBe(201);
		expect(first.json.upload).toMatchObject({ token: expect.any(String), attachment: { file_name: 'photo.jpg', content_type: 'image/jpeg', size: image.length } });
		const second = await upload('invoice.pdf', Buffer.from('%PDF-1.4'), 'application/pdf', first.json.upload.token);
		expect(second.json.upload.attachments).toHaveLength(2);
		const update = await send('PUT', '/api/v2/tickets/2.json', { ticket: { comment: { body: 'Here is the photo', public: true, author_id: SOFIA, uploads: [first.json.upload.token] } } });
		expect(update.status).toBe(200);
		expect(update.json.audit.events[0]).toMatchObject({ type: 'Comment', body: 'Here is the photo', author_id: SOFIA });
		const comments = await get('/api/v2/tickets/2/comments.json');
		const last = comments.json.comments.at(-1);
		expect(last.attachments.map((attachment: { file_name: string }) => attachment.file_name)).toEqual(['photo.jpg', 'invoice.pdf']);
		const content = await fetch(last.attachments[0].content_url);
		expect(content.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await content.arrayBuffer())).toEqual(image);
	});

	it('skips a used or expired upload token by default and answers 422 when invalidUploadToken is reject', async () => {
		const used = await upload('a.txt', Buffer.from('a'), 'text/plain');
		await send('PUT', '/api/v2/tickets/2', { ticket: { comment: { body: 'first', uploads: [used.json.upload.token] } } });
		const reused = await send('PUT', '/api/v2/tickets/2', { ticket: { comment: { body: 'second', uploads: [used.json.upload.token] } } });
		expect(reused.status).toBe(200);
		expect(reused.json.audit.events[0].attachments).toEqual([]);
		fake.config.uploadTokenTtlSeconds = 0;
		fake.config.invalidUploadToken = 'reject';
		try {
			const expired = await upload('b.txt', Buffer.from('b'), 'text/plain');
			const rejected = await send('PUT', '/api/v2/tickets/2', { ticket: { comment: { body: 'third', uploads: [expired.json.upload.token] } } });
			expect([rejected.status, rejected.json.error]).toEqual([422, 'RecordInvalid']);
			expect((await upload('c.txt', Buffer.from('c'), 'text/plain', expired.json.upload.token)).status).toBe(422);
		} finally {
			fake.config.uploadTokenTtlSeconds = 3600;
			fake.config.invalidUploadToken = 'ignore';
		}
	});

	it('needs the filename parameter', async () => {
		const reply = await call(fake, 'POST', '/api/v2/uploads', { headers: { ...zendeskAuth(), 'Content-Type': 'text/plain' }, body: 'x' });
		expect(reply.status).toBe(400);
	});
});

describe('Zendesk tickets', () => {
	it("lists a requester's tickets so an integration can pick the open WhatsApp one, else create a new ticket", async () => {
		const sofia = await get(`/api/v2/users/${SOFIA}/tickets/requested.json`);
		expect(sofia.json.tickets.map((ticket: { id: number; status: string; tags: string[] }) => [ticket.id, ticket.status, ticket.tags])).toEqual([[2, 'open', ['whatsapp']]]);
		const emma = await get(`/api/v2/users/${EMMA}/tickets/requested`);
		expect(emma.json.tickets.every((ticket: { status: string }) => ticket.status === 'solved')).toBe(true);
		const created = await send('POST', '/api/v2/tickets.json', { ticket: { subject: 'WhatsApp conversation with Emma Clarke', requester_id: EMMA, submitter_id: EMMA, assignee_id: 381000000002, tags: ['whatsapp'], comment: { body: 'Hello again', public: true } } });
		expect(created.status).toBe(201);
		expect(created.json.ticket).toMatchObject({ id: 3, status: 'open', requester_id: EMMA, assignee_id: 381000000002, description: 'Hello again', tags: ['whatsapp'] });
		expect(created.json.audit.events[0].author_id).toBe(EMMA);
	});

	it('creates a ticket as new when unassigned and writes the first comment as the submitter (the agent) by default', async () => {
		const created = await send('POST', '/api/v2/tickets', { ticket: { requester: { name: 'New Person', email: 'new.person@example.com' }, comment: { body: 'Hi' } } });
		expect(created.json.ticket.status).toBe('new');
		expect(created.json.audit.events[0].author_id).toBe(381000000001);
		expect(fake.state.userByEmail('new.person@example.com')).toBeDefined();
	});

	it('answers 422 for a ticket without a comment, an assignee who is not an agent or an unknown requester', async () => {
		expect((await send('POST', '/api/v2/tickets', { ticket: { requester_id: EMMA } })).json.details.description[0].error).toBe('BlankValue');
		expect((await send('POST', '/api/v2/tickets', { ticket: { requester_id: EMMA, assignee_id: SOFIA, comment: { body: 'x' } } })).json.details.assignee).toBeDefined();
		expect((await send('POST', '/api/v2/tickets', { ticket: { requester_id: 1, comment: { body: 'x' } } })).json.details.requester).toBeDefined();
		expect((await send('PUT', '/api/v2/tickets/999', { ticket: { comment: { body: 'x' } } })).json).toEqual({ error: 'RecordNotFound', description: 'Not found' });
	});

	it('reopens a solved ticket when the end user comments, and refuses to update a closed ticket', async () => {
		const reopened = await send('PUT', '/api/v2/tickets/1', { ticket: { comment: { body: 'Still waiting', author_id: EMMA } } });
		expect(reopened.json.ticket.status).toBe('open');
		await send('PUT', '/api/v2/tickets/1', { ticket: { status: 'closed' } });
		const closed = await send('PUT', '/api/v2/tickets/1', { ticket: { comment: { body: 'Hello?' } } });
		expect([closed.status, closed.json.details.status[0].error]).toEqual([422, 'ClosedPreventsUpdate']);
	});

	it('finds open tickets of a requester by search once indexed', async () => {
		const reply = await get(`/api/v2/search.json?query=${encodeURIComponent(`type:ticket requester_id:${SOFIA} status<solved tags:whatsapp`)}`);
		expect(reply.json.results.map((result: { id: number; result_type: string }) => [result.id, result.result_type])).toEqual([[2, 'ticket']]);
	});
});

describe('Zendesk limits', () => {
	it('answers 429 as text/plain with Retry-After and X-Rate-Limit headers', async () => {
		fake.faults.add({ status: 429, retryAfterSeconds: 3, count: 2 });
		for (let attempt = 0; attempt < 2; attempt++) {
			const reply = await get('/api/v2/users/me.json');
			expect([reply.status, reply.text, reply.headers.get('retry-after'), reply.headers.get('x-rate-limit-remaining')]).toEqual([429, 'Too Many Requests', '3', '0']);
			expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
		}
		expect((await get('/api/v2/users/me.json')).status).toBe(200);
	});
});

describe('Zendesk ticket creation with an Idempotency-Key', () => {
	const keyed = (key: string, json: unknown) => call(fake, 'POST', '/api/v2/tickets', { headers: { ...zendeskAuth(), 'Idempotency-Key': key }, json });
	const ticket = { ticket: { subject: 'WhatsApp conversation: Emma Clarke', requester_id: EMMA, tags: ['whatsapp'], comment: { body: 'Opened', public: false } } };

	it('five concurrent creates with one key make one ticket: the first answers miss, the others the same ticket with hit', async () => {
		const before = (await get(`/api/v2/users/${EMMA}/tickets/requested`)).json.count;
		const replies = await Promise.all(Array.from({ length: 5 }, () => keyed('whatsapp-conversation-emma', ticket)));
		expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 201, 201]);
		expect(new Set(replies.map((reply) => reply.json.ticket.id)).size).toBe(1);
		expect(replies.map((reply) => reply.headers.get('x-idempotency-lookup')).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'miss']);
		expect((await get(`/api/v2/users/${EMMA}/tickets/requested`)).json.count).toBe(before + 1);
	});

	it('the same key with other parameters is refused and creates nothing; another key creates another ticket', async () => {
		await keyed('key-a', ticket);
		const other = await keyed('key-a', { ticket: { ...ticket.ticket, subject: 'Something else' } });
		expect(other.status).toBe(400);
		expect(other.json.error).toBe('IdempotentRequestError');
		const second = await keyed('key-b', ticket);
		expect(second.headers.get('x-idempotency-lookup')).toBe('miss');
		expect((await get(`/api/v2/users/${EMMA}/tickets/requested`)).json.tickets.filter((t: { subject: string }) => t.subject === ticket.ticket.subject)).toHaveLength(2);
	});

	it('a create without the header is not remembered: each creates a ticket', async () => {
		const [a, b] = [await send('POST', '/api/v2/tickets', ticket), await send('POST', '/api/v2/tickets', ticket)];
		expect(a.json.ticket.id).not.toBe(b.json.ticket.id);
		expect(a.headers.get('x-idempotency-lookup')).toBeNull();
	});
});
