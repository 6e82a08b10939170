/** What every fake shares: admin API, injected faults and latency, rate limit, redacted request log, CLI. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HUBSPOT_SEED, startCrmFake, ZENDESK_SEED, ZOHO_SEED, type RunningHubSpotFake, type RunningZohoFake } from '../../fakes';
import { call, hubspotAuth, zendeskAuth, zohoAuth, zohoToken } from './helpers';

let hubspot: RunningHubSpotFake;
let zoho: RunningZohoFake;
beforeAll(async () => {
	[hubspot, zoho] = await Promise.all([startCrmFake('hubspot'), startCrmFake('zoho')]);
});
afterAll(() => Promise.all([hubspot.close(), zoho.close()]));
beforeEach(() => {
	hubspot.reset();
	zoho.reset();
});

const createContact = (properties: Record<string, string>) => call(hubspot, 'POST', '/crm/v3/objects/contacts', { headers: hubspotAuth(), json: { properties } });

describe('admin API', () => {
	it('dumps the state, lists requests with bodies, and reset brings back the seed and clears the log', async () => {
		await createContact({ firstname: 'Temp', whatsapp_id: '15550009999' });
		const state = await call(hubspot, 'GET', '/__fake/state');
		expect(state.json.contacts).toHaveLength(HUBSPOT_SEED.contacts.length + 1);
		const requests = await call(hubspot, 'GET', '/__fake/requests');
		expect(requests.json.requests[0]).toMatchObject({ seq: 1, method: 'POST', path: '/crm/v3/objects/contacts', status: 201, body: { properties: { firstname: 'Temp' } }, authorization: 'Bearer [redacted]' });
		expect((await call(hubspot, 'GET', '/__fake/requests?since=1')).json.requests).toEqual([]);
		expect((await call(hubspot, 'POST', '/__fake/reset')).status).toBe(200);
		expect((await call(hubspot, 'GET', '/__fake/state')).json.contacts).toHaveLength(HUBSPOT_SEED.contacts.length);
		expect((await call(hubspot, 'GET', '/__fake/requests')).json.requests).toEqual([]);
	});

	it('changes settings with PATCH /__fake/config and refuses unknown keys or bad values', async () => {
		expect((await call(hubspot, 'PATCH', '/__fake/config', { json: { searchLagMs: 0 } })).json.searchLagMs).toBe(0);
		const unknown = await call(hubspot, 'PATCH', '/__fake/config', { json: { searchLag: 1 } });
		expect([unknown.status, unknown.json.error]).toEqual([400, expect.stringContaining('unknown setting "searchLag"')]);
		expect((await call(hubspot, 'PATCH', '/__fake/config', { json: { latencyMs: -1 } })).status).toBe(400);
		expect(hubspot.config.latencyMs).toBe(0);
		await call(hubspot, 'PATCH', '/__fake/config', { json: { searchLagMs: 3000 } });
		await expect(startCrmFake('zendesk', { config: { nope: true } as never })).rejects.toThrow(/unknown setting "nope"/);
	});

	it('flushes the search index on request', async () => {
		await createContact({ firstname: 'Fresh', whatsapp_id: '15550008888' });
		const search = () => call(hubspot, 'POST', '/crm/v3/objects/contacts/search', { headers: hubspotAuth(), json: { filterGroups: [{ filters: [{ propertyName: 'whatsapp_id', operator: 'EQ', value: '15550008888' }] }] } });
		expect((await search()).json.total).toBe(0);
		await call(hubspot, 'POST', '/__fake/index/flush');
		expect((await search()).json.total).toBe(1);
	});
});

describe('faults', () => {
	it('answers the next N matching requests with a 5xx and Retry-After, then serves again', async () => {
		const queued = await call(zoho, 'POST', '/__fake/faults', { json: { status: 503, count: 2, retryAfterSeconds: 4, path: '/crm/v8/Leads' } });
		expect(queued.json.faults[0]).toMatchObject({ status: 503, remaining: 2 });
		const leads = () => call(zoho, 'GET', `/crm/v8/Leads/${ZOHO_SEED.crm.leads[0].id}`, { headers: zohoAuth() });
		expect((await call(zoho, 'GET', '/crm/v8/users', { headers: zohoAuth() })).status).toBe(200);
		for (let attempt = 0; attempt < 2; attempt++) {
			const reply = await leads();
			expect([reply.status, reply.headers.get('retry-after'), reply.json.code]).toEqual([503, '4', 'INTERNAL_ERROR']);
		}
		expect((await leads()).status).toBe(200);
		expect((await call(zoho, 'GET', '/__fake/requests')).json.requests.map((entry: { fault?: string }) => entry.fault ?? null)).toEqual([null, '503', '503', null]);
	});

	it('answers Zoho 429 TOO_MANY_REQUESTS with Retry-After', async () => {
		zoho.faults.add({ status: 429 });
		const reply = await call(zoho, 'GET', '/crm/v8/users', { headers: zohoAuth() });
		expect([reply.status, reply.headers.get('retry-after'), reply.json.code]).toEqual([429, '1', 'TOO_MANY_REQUESTS']);
	});

	it('drop:after performs the write but closes the connection without an answer; drop:before writes nothing', async () => {
		hubspot.faults.add({ drop: 'after', method: 'POST' });
		await expect(createContact({ firstname: 'Ghost', whatsapp_id: '15550007777' })).rejects.toThrow();
		expect([...hubspot.state.contacts.values()].some((contact) => contact.properties.whatsapp_id === '15550007777')).toBe(true);
		const retry = await createContact({ firstname: 'Ghost', whatsapp_id: '15550007777' });
		expect(retry.status).toBe(409);
		hubspot.faults.add({ drop: 'before' });
		await expect(createContact({ firstname: 'Never', whatsapp_id: '15550006666' })).rejects.toThrow();
		expect([...hubspot.state.contacts.values()].some((contact) => contact.properties.whatsapp_id === '15550006666')).toBe(false);
	});

	it('echo:error answers 400 in the vendor shape repeating the credentials (a Basic header also decoded); the log keeps no echo', async () => {
		zoho.faults.add({ echo: 'error' });
		const reply = await call(zoho, 'GET', '/crm/v8/users', { headers: zohoAuth() });
		expect([reply.status, reply.json.code]).toEqual([400, 'INVALID_DATA']);
		expect(reply.json.message).toBe(`Request credentials: Authorization ${zohoAuth().Authorization}.`);
		const zendesk = await startCrmFake('zendesk', {});
		try {
			zendesk.faults.add({ echo: 'error' });
			const echoed = await call(zendesk, 'GET', '/api/v2/users/me.json', { headers: zendeskAuth() });
			expect([echoed.status, echoed.json.error]).toEqual([400, 'InvalidValue']);
			expect(echoed.json.description).toContain(`decoded ${ZENDESK_SEED.email}/token:${ZENDESK_SEED.apiToken}`);
			expect(JSON.stringify(zendesk.requests.list())).not.toContain(ZENDESK_SEED.apiToken);
		} finally {
			await zendesk.close();
		}
	});

	it('echo:answer handles the request and adds the echo to every object of the answer', async () => {
		hubspot.faults.add({ echo: 'answer', method: 'GET' });
		const reply = await call(hubspot, 'GET', '/crm/v3/owners', { headers: hubspotAuth() });
		expect(reply.status).toBe(200);
		expect(reply.json.echo).toContain(HUBSPOT_SEED.token);
		expect(reply.json.results[0].echo).toContain(HUBSPOT_SEED.token);
		expect(hubspot.requests.list().at(-1)).toMatchObject({ fault: 'echo:answer', response: undefined });
	});

	it('refuses an invalid fault', async () => {
		expect((await call(zoho, 'POST', '/__fake/faults', { json: { status: 418 } })).status).toBe(400);
		expect((await call(zoho, 'POST', '/__fake/faults', { json: { status: 500, drop: 'after' } })).status).toBe(400);
		expect((await call(zoho, 'POST', '/__fake/faults', { json: { echo: 'always' } })).status).toBe(400);
	});

	it('enforces a fixed-window rate limit with Retry-After in seconds', async () => {
		const zendesk = await startCrmFake('zendesk', { config: { rateLimit: { requests: 2, windowSeconds: 30 } } });
		try {
			const statuses = [];
			for (let index = 0; index < 3; index++) statuses.push(await call(zendesk, 'GET', '/api/v2/users/me.json', { headers: zendeskAuth() }));
			expect(statuses.map((reply) => reply.status)).toEqual([200, 200, 429]);
			expect(Number(statuses[2].headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
		} finally {
			await zendesk.close();
		}
	});

	it('adds latencyMs before every answer', async () => {
		zoho.config.latencyMs = 120;
		try {
			await call(zoho, 'GET', '/crm/v8/users', { headers: zohoAuth() });
			const [entry] = (await call(zoho, 'GET', '/__fake/requests')).json.requests;
			expect(entry.durationMs).toBeGreaterThanOrEqual(100);
		} finally {
			zoho.config.latencyMs = 0;
		}
	});
});

describe('request log', () => {
	it('never contains a token, secret, refresh token or authorization code', async () => {
		await zohoToken(zoho, { grant_type: 'refresh_token', client_id: ZOHO_SEED.clientId, client_secret: ZOHO_SEED.clientSecret, refresh_token: ZOHO_SEED.refreshTokens.all });
		await zohoToken(zoho, { grant_type: 'authorization_code', client_id: ZOHO_SEED.clientId, client_secret: ZOHO_SEED.clientSecret, code: 'secret-code-123' });
		await call(zoho, 'POST', `/oauth/v2/token/revoke?token=${ZOHO_SEED.refreshTokens.crmReadOnly}`);
		await call(zoho, 'GET', '/crm/v8/users', { headers: zohoAuth() });
		await createContact({ firstname: 'Log' });
		const logs = JSON.stringify([(await call(zoho, 'GET', '/__fake/requests')).json, (await call(hubspot, 'GET', '/__fake/requests')).json]);
		for (const secret of [ZOHO_SEED.clientSecret, ZOHO_SEED.refreshTokens.all, ZOHO_SEED.refreshTokens.crmReadOnly, ZOHO_SEED.accessTokens.all, 'secret-code-123', HUBSPOT_SEED.token, ZENDESK_SEED.apiToken]) {
			expect(logs).not.toContain(secret);
		}
		const entries = JSON.parse(logs)[0].requests;
		expect(entries[0].body).toMatchObject({ client_secret: '[redacted]', refresh_token: '[redacted]' });
		expect(entries[0].response.access_token).toBe('[redacted]');
	});
});

describe('command line', () => {
	it('serves a fake and prints its URL and credentials', async () => {
		const tsx = path.join(__dirname, '../../node_modules/.bin/tsx');
		const child = spawn(tsx, [path.join(__dirname, '../../fakes/cli.ts'), 'serve', 'hubspot'], { stdio: ['ignore', 'pipe', 'pipe'] });
		try {
			const output = await new Promise<string>((resolve, reject) => {
				let text = '';
				child.stdout.on('data', (chunk) => {
					text += String(chunk);
					if (text.includes('Ctrl-C')) resolve(text);
				});
				child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${text}`)));
			});
			expect(output).toContain(HUBSPOT_SEED.token);
			const url = /HubSpot fake \(CRM v3\): (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
			expect((await call(url, 'GET', '/account-info/v3/details', { headers: hubspotAuth() })).json.portalId).toBe(HUBSPOT_SEED.portalId);
		} finally {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
		}
	});
});
