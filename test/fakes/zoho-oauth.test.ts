/** Zoho Accounts: authorization code, refresh, expiry, revocation, scopes, limits and error statuses. */
import { credentialsFor, startCrmFake, ZOHO_SEED, type RunningZohoFake } from '../../fakes';
import { call, zohoAuth, zohoToken } from './helpers';

let fake: RunningZohoFake;
beforeAll(async () => {
	fake = await startCrmFake('zoho');
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const client = { client_id: ZOHO_SEED.clientId, client_secret: ZOHO_SEED.clientSecret };
const users = (token: string, scheme = 'Zoho-oauthtoken') => call(fake, 'GET', '/crm/v8/users?type=ActiveUsers', { headers: { Authorization: `${scheme} ${token}` } });

describe('Zoho OAuth', () => {
	it('runs the authorization-code flow: consent redirects with code, location and accounts-server; the token answer points api_domain at the fake', async () => {
		const consent = await call(fake, 'GET', `/oauth/v2/auth?${new URLSearchParams({ response_type: 'code', client_id: ZOHO_SEED.clientId, scope: 'ZohoCRM.modules.ALL,ZohoCRM.users.READ', redirect_uri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback', access_type: 'offline', state: 'xyz' })}`);
		expect(consent.status).toBe(302);
		const location = new URL(consent.headers.get('location')!);
		expect(Object.fromEntries(location.searchParams)).toMatchObject({ state: 'xyz', location: 'us', 'accounts-server': fake.url });
		const token = await zohoToken(fake, { ...client, grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback' });
		expect(token.json).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), api_domain: fake.url, token_type: 'Bearer', expires_in: 3600 });
		expect((await users(token.json.access_token)).status).toBe(200);
		const reused = await zohoToken(fake, { ...client, grant_type: 'authorization_code', code: location.searchParams.get('code')! });
		expect(reused.json).toEqual({ error: 'invalid_code' });
	});

	it('answers 401 INVALID_TOKEN once the access token expires, and a refresh gives a working token', async () => {
		expect((await users(ZOHO_SEED.accessTokens.all)).status).toBe(200);
		await call(fake, 'POST', '/__fake/tokens/expire');
		const expired = await users(ZOHO_SEED.accessTokens.all);
		expect([expired.status, expired.json]).toEqual([401, { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' }]);
		const refreshed = await zohoToken(fake, { ...client, grant_type: 'refresh_token', refresh_token: ZOHO_SEED.refreshTokens.all });
		expect(refreshed.json.refresh_token).toBeUndefined();
		expect((await users(refreshed.json.access_token)).status).toBe(200);
	});

	it('expires access tokens after accessTokenTtlSeconds', async () => {
		const short = await startCrmFake('zoho', { config: { accessTokenTtlSeconds: 0.2 } });
		try {
			const token = await zohoToken(short, { ...client, grant_type: 'refresh_token', refresh_token: ZOHO_SEED.refreshTokens.crm });
			expect(token.json.expires_in).toBe(0.2);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect((await call(short, 'GET', '/crm/v8/users', { headers: zohoAuth(token.json.access_token) })).json.code).toBe('INVALID_TOKEN');
		} finally {
			await short.close();
		}
	});

	it('refuses a revoked refresh token with invalid_code and stops its access tokens', async () => {
		const revoke = await call(fake, 'POST', `/oauth/v2/token/revoke?token=${encodeURIComponent(ZOHO_SEED.refreshTokens.crm)}`);
		expect(revoke.status).toBe(200);
		const refused = await zohoToken(fake, { ...client, grant_type: 'refresh_token', refresh_token: ZOHO_SEED.refreshTokens.crm });
		expect([refused.status, refused.json]).toEqual([200, { error: 'invalid_code' }]);
		expect((await users(ZOHO_SEED.accessTokens.crm)).json.code).toBe('INVALID_TOKEN');
	});

	it('answers token errors with 400 when oauthErrorStatus is 400, and names a wrong client or secret', async () => {
		expect((await zohoToken(fake, { client_id: 'nope', client_secret: 'x', grant_type: 'refresh_token', refresh_token: 'x' })).json).toEqual({ error: 'invalid_client' });
		expect((await zohoToken(fake, { client_id: ZOHO_SEED.clientId, client_secret: 'x', grant_type: 'refresh_token', refresh_token: 'x' })).json).toEqual({ error: 'invalid_client_secret' });
		fake.config.oauthErrorStatus = 400;
		try {
			expect((await zohoToken(fake, { ...client, grant_type: 'refresh_token', refresh_token: 'unknown' })).status).toBe(400);
		} finally {
			fake.config.oauthErrorStatus = 200;
		}
	});

	it('refuses the eleventh access token from one refresh token within ten minutes', async () => {
		const replies = [];
		for (let index = 0; index < 10; index++) replies.push(await zohoToken(fake, { ...client, grant_type: 'refresh_token', refresh_token: ZOHO_SEED.refreshTokens.bigin }));
		// The seeded access token already counts as one.
		expect(replies.filter((reply) => reply.json.access_token).length).toBe(9);
		expect(replies[9]).toMatchObject({ status: 400, json: { error: 'Access Denied', status: 'failure' } });
	});

	it('answers 401 OAUTH_SCOPE_MISMATCH for a CRM token on Bigin and a read-only token on insert', async () => {
		const bigin = await call(fake, 'GET', '/bigin/v2/users', { headers: zohoAuth(ZOHO_SEED.accessTokens.crm) });
		expect([bigin.status, bigin.json]).toEqual([401, { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope to access this URL', status: 'error' }]);
		const insert = await call(fake, 'POST', '/crm/v8/Leads', { headers: zohoAuth(ZOHO_SEED.accessTokens.crmReadOnly), json: { data: [{ Last_Name: 'x' }] } });
		expect(insert.json.code).toBe('OAUTH_SCOPE_MISMATCH');
		const read = await call(fake, 'GET', `/crm/v8/Leads/${ZOHO_SEED.crm.leads[0].id}`, { headers: zohoAuth(ZOHO_SEED.accessTokens.crmReadOnly) });
		expect(read.status).toBe(200);
	});

	it('answers AUTHENTICATION_FAILURE without a token and accepts Bearer unless acceptBearer is off', async () => {
		expect((await call(fake, 'GET', '/crm/v8/users')).json.code).toBe('AUTHENTICATION_FAILURE');
		expect((await users(ZOHO_SEED.accessTokens.all, 'Bearer')).status).toBe(200);
		fake.config.acceptBearer = false;
		try {
			expect((await users(ZOHO_SEED.accessTokens.all, 'Bearer')).json.code).toBe('AUTHENTICATION_FAILURE');
		} finally {
			fake.config.acceptBearer = true;
		}
	});

	it('gives credentials whose token data works as is', async () => {
		const credentials = credentialsFor(fake);
		expect(credentials.accessTokenUrl).toBe(`${fake.url}/oauth/v2/token`);
		expect((await users(credentials.oauthTokenData.access_token)).status).toBe(200);
		expect((await call(fake, 'GET', '/bigin/v2/Contacts?per_page=2', { headers: zohoAuth(credentials.oauthTokenData.access_token) })).json.info.more_records).toBe(true);
	});
});
