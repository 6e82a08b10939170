/** Zendesk users and search: API-token auth, phone search rules, index lag, create_or_update under concurrency, validation. */
import { startCrmFake, ZENDESK_SEED, type RunningZendeskFake } from '../../fakes';
import { call, query, zendeskAuth } from './helpers';

let fake: RunningZendeskFake;
beforeAll(async () => {
	fake = await startCrmFake('zendesk', { config: { searchLagMs: 60_000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const get = (path: string) => call(fake, 'GET', path, { headers: zendeskAuth() });
const send = (method: string, path: string, json: unknown) => call(fake, method, path, { headers: zendeskAuth(), json });
const searchUsers = async (text: string) => (await get(`/api/v2/search.json?${query({ query: text })}`)).json.results.map((result: { name: string }) => result.name);

describe('Zendesk authentication', () => {
	it("answers 401 Couldn't authenticate you for a wrong token, a password login, an end user's email or no header", async () => {
		for (const headers of [zendeskAuth(ZENDESK_SEED.email, 'wrong'), { Authorization: `Basic ${Buffer.from(`${ZENDESK_SEED.email}:${ZENDESK_SEED.apiToken}`).toString('base64')}` }, zendeskAuth('emma.clarke@example.com'), {}]) {
			const reply = await call(fake, 'GET', '/api/v2/users/me.json', { headers });
			expect([reply.status, reply.json]).toEqual([401, { error: "Couldn't authenticate you" }]);
		}
		const agent = await call(fake, 'GET', '/api/v2/users/me.json', { headers: zendeskAuth('bea@fakecompany.example') });
		expect(agent.json.user).toMatchObject({ name: 'Bea Agent', role: 'agent' });
	});

	it('answers the ticket_fields request that credential tests use, with or without .json', async () => {
		expect((await get('/api/v2/ticket_fields.json')).json.count).toBeGreaterThan(0);
		expect((await get('/api/v2/ticket_fields')).status).toBe(200);
	});
});

describe('Zendesk search', () => {
	it('answers 200 with empty results when nothing matches', async () => {
		const reply = await get(`/api/v2/search.json?${query({ query: 'type:user phone:15550000000' })}`);
		expect(reply.json).toEqual({ results: [], facets: null, next_page: null, previous_page: null, count: 0 });
	});

	it('matches phone digits without "+", any stored format with a leading "*", and nothing when the value keeps its "+"', async () => {
		expect(await searchUsers('type:user phone:5511988887777')).toEqual(['Maria Oliveira']);
		expect(await searchUsers('type:user phone:+5511988887777')).toEqual([]);
		expect(await searchUsers('role:end-user phone:14155550132')).toEqual(['Liam Walsh']);
		expect(await searchUsers('type:user phone:*7700900123')).toEqual(['Emma Clarke']);
		expect(await searchUsers('type:user phone:447700900123')).toEqual([]);
	});

	it('searches custom user fields and external_id, and negates with "-"', async () => {
		expect(await searchUsers('type:user whatsapp_id:34612345678')).toEqual(['Sofía García']);
		expect(await searchUsers('type:user external_id:whatsapp:34612345678')).toEqual(['Sofía García']);
		expect(await searchUsers('type:user role:agent -name:Bea')).toEqual(['Carlos Agent', 'Dana Suspended']);
	});

	it('hides a user created a moment ago from search while create_or_update and the external_id lookup find it', async () => {
		const input = { user: { name: 'WhatsApp +447700900321', phone: '+447700900321', external_id: 'whatsapp:447700900321' } };
		const created = await send('POST', '/api/v2/users/create_or_update.json', input);
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBe(`/api/v2/users/${created.json.user.id}.json`);
		expect(await searchUsers('type:user phone:447700900321')).toEqual([]);
		expect((await get(`/api/v2/users/search.json?${query({ query: 'phone:447700900321' })}`)).json.count).toBe(0);
		expect((await get('/api/v2/users/search.json?external_id=WHATSAPP:447700900321')).json.users[0].id).toBe(created.json.user.id);
		const again = await send('POST', '/api/v2/users/create_or_update', input);
		expect([again.status, again.json.user.id]).toEqual([200, created.json.user.id]);
		fake.flushSearchIndex();
		expect(await searchUsers('type:user phone:447700900321')).toEqual(['WhatsApp +447700900321']);
	});

	it('lets the external_id lookup lag too when externalIdLookupLags is on', async () => {
		fake.config.externalIdLookupLags = true;
		try {
			await send('POST', '/api/v2/users', { user: { name: 'Lagging', external_id: 'whatsapp:1' } });
			expect((await get('/api/v2/users/search?external_id=whatsapp:1')).json.count).toBe(0);
			expect((await get('/api/v2/users/show_many?external_ids=whatsapp:1')).json.users).toEqual([]);
		} finally {
			fake.config.externalIdLookupLags = false;
		}
	});
});

describe('Zendesk users', () => {
	it('yields one user when ten create_or_update calls on one external_id arrive at once', async () => {
		const input = { user: { name: 'WhatsApp +5531911112222', phone: '+5531911112222', external_id: 'whatsapp:5531911112222' } };
		const replies = await Promise.all(Array.from({ length: 10 }, () => send('POST', '/api/v2/users/create_or_update', input)));
		expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
		expect([...fake.state.users.values()].filter((user) => user.external_id === 'whatsapp:5531911112222')).toHaveLength(1);
	});

	it('rejects a non-E.164 phone with 422 RecordInvalid when phone validation is on', async () => {
		expect((await send('POST', '/api/v2/users', { user: { name: 'National', phone: '07700 900999' } })).status).toBe(201);
		fake.config.validatePhoneNumbers = true;
		try {
			const reply = await send('POST', '/api/v2/users', { user: { name: 'National', phone: '07700 900998' } });
			expect([reply.status, reply.json]).toEqual([422, { error: 'RecordInvalid', description: 'Record validation errors', details: { phone: [{ description: 'Phone 07700 900998 is not properly formatted', error: 'InvalidFormat' }] } }]);
		} finally {
			fake.config.validatePhoneNumbers = false;
		}
	});

	it('answers 422 for a missing name, an email or external_id another user has; a repeated phone becomes shared', async () => {
		expect((await send('POST', '/api/v2/users', { user: { phone: '+15550001111' } })).json.details.name[0].error).toBe('BlankValue');
		const email = await send('POST', '/api/v2/users', { user: { name: 'Copy', email: 'Emma.Clarke@example.com' } });
		expect(email.json.details.email[0]).toEqual({ description: 'Email: Emma.Clarke@example.com is already being used by another user', error: 'DuplicateValue' });
		expect((await send('POST', '/api/v2/users', { user: { name: 'Copy', external_id: 'whatsapp:34612345678' } })).json.details.external_id[0].error).toBe('DuplicateValue');
		const shared = await send('POST', '/api/v2/users', { user: { name: 'Same phone', phone: '+5511988887777' } });
		expect(shared.json.user.shared_phone_number).toBe(true);
		expect(fake.state.users.get(381000001001)!.shared_phone_number).toBe(true);
	});

	it('updates user_fields (defined keys only) and shows users by id and external id', async () => {
		const id = 381000001002;
		const updated = await send('PUT', `/api/v2/users/${id}.json`, { user: { external_id: 'whatsapp:5521977776666', user_fields: { whatsapp_id: '5521977776666', whatsapp_last_inbound_at: '2026-05-14T09:51:00Z', unknown_field: 'x' } } });
		expect(updated.json.user.user_fields).toEqual({ whatsapp_id: '5521977776666', whatsapp_bsuid: null, whatsapp_last_inbound_at: '2026-05-14T09:51:00Z' });
		expect((await get(`/api/v2/users/show_many.json?external_ids=whatsapp:5521977776666,whatsapp:34612345678`)).json.users.map((user: { id: number }) => user.id)).toEqual([id, 381000001005]);
		expect((await get(`/api/v2/users/${id}`)).json.user.external_id).toBe('whatsapp:5521977776666');
		expect((await get('/api/v2/users/1')).json).toEqual({ error: 'RecordNotFound', description: 'Not found' });
		const fields = await get('/api/v2/user_fields.json');
		expect(fields.json.user_fields.map((field: { key: string }) => field.key)).toEqual(['whatsapp_id', 'whatsapp_bsuid', 'whatsapp_last_inbound_at']);
	});

	it('lists agents and admins for assignee round-robin with role[]', async () => {
		const reply = await get('/api/v2/users.json?role[]=agent&role[]=admin');
		expect(reply.json.users.map((user: { name: string; suspended: boolean }) => [user.name, user.suspended])).toEqual([
			['Alex Admin', false],
			['Bea Agent', false],
			['Carlos Agent', false],
			['Dana Suspended', true],
		]);
		expect((await get('/api/v2/users?role=end-user&per_page=2')).json).toMatchObject({ count: 5, next_page: expect.stringContaining('page=2') });
	});
});
