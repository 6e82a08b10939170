/**
 * The three CRM credentials: the hidden OAuth2 fields Zoho's data-centre choice produces, and each
 * credential's "Test" request sent as n8n sends it (expressions filled from the credential, the
 * credential's authentication applied) against the fakes, with the message the user then reads.
 */
import type { INodeProperties } from 'n8n-workflow';
import { HUBSPOT_SEED, ZOHO_SEED } from '../../../fakes';
import { WhatsAppHubSpotApi } from '../../../credentials/WhatsAppHubSpotApi.credentials';
import { WhatsAppZendeskApi } from '../../../credentials/WhatsAppZendeskApi.credentials';
import { WhatsAppZohoOAuth2Api } from '../../../credentials/WhatsAppZohoOAuth2Api.credentials';
import { apiBaseUrl } from '../../../nodes/WhatsAppCrm/transport/credentials';
import { evaluateCredentialExpression, runCredentialTest } from '../../harness/credentialTest';
import { hubspotCredential, startAllFakes, zendeskCredential, zohoCredential } from '../fakeSetup';

let fakes: Awaited<ReturnType<typeof startAllFakes>>;
beforeAll(async () => {
	fakes = await startAllFakes();
});
afterAll(async () => await fakes.close());

describe('Zoho OAuth2 credential', () => {
	const credential = new WhatsAppZohoOAuth2Api();
	const hidden = (name: string) => credential.properties.find((property: INodeProperties) => property.name === name)!.default as string;

	test.each([
		['com', 'https://accounts.zoho.com'],
		['eu', 'https://accounts.zoho.eu'],
		['com.au', 'https://accounts.zoho.com.au'],
		['ca', 'https://accounts.zohocloud.ca'],
		['sa', 'https://accounts.zoho.sa'],
	])('data centre %s authorises at %s, offline, with CRM scopes', (dataCenter, accounts) => {
		const self = { dataCenter, products: 'crm', customAccountsUrl: '' };
		expect(evaluateCredentialExpression(hidden('authUrl'), self)).toBe(`${accounts}/oauth/v2/auth`);
		expect(evaluateCredentialExpression(hidden('accessTokenUrl'), self)).toBe(`${accounts}/oauth/v2/token`);
		expect(evaluateCredentialExpression(hidden('scope'), self)).toBe('ZohoCRM.modules.ALL,ZohoCRM.users.READ,ZohoCRM.settings.fields.READ,ZohoSearch.securesearch.READ');
		expect(hidden('authQueryParameters')).toContain('access_type=offline');
	});

	test('Bigin asks for the Bigin scopes; a custom accounts server (the fake) replaces Zoho Accounts', () => {
		const self = { dataCenter: 'custom', products: 'bigin', customAccountsUrl: `${fakes.zoho.url}/` };
		expect(evaluateCredentialExpression(hidden('scope'), self)).toBe('ZohoBigin.modules.ALL,ZohoBigin.users.READ,ZohoBigin.settings.fields.READ,ZohoSearch.securesearch.READ');
		expect(evaluateCredentialExpression(hidden('authUrl'), self)).toBe(`${fakes.zoho.url}/oauth/v2/auth`);
	});

	test("the test reads the current user at the token's api_domain; a refused token says to reconnect", async () => {
		const credentials = zohoCredential(fakes.zoho).whatsAppZohoOAuth2Api;
		const good = await runCredentialTest(credential.test, credentials, { Authorization: `Zoho-oauthtoken ${ZOHO_SEED.accessTokens.all}` });
		expect(good).toEqual({ status: 200, message: undefined });
		const refused = await runCredentialTest(credential.test, credentials, { Authorization: 'Zoho-oauthtoken 1000.expired' });
		expect(refused.status).toBe(401);
		expect(refused.message).toMatch(/Reconnect/);
		const bigin = await runCredentialTest(credential.test, { ...credentials, products: 'bigin' }, { Authorization: `Zoho-oauthtoken ${ZOHO_SEED.accessTokens.all}` });
		expect(bigin.status).toBe(200);
	});
});

describe('Zendesk credential', () => {
	const credential = new WhatsAppZendeskApi();
	const basic = (email: unknown, token: unknown) => ({ Authorization: `Basic ${Buffer.from(`${String(email)}/token:${String(token)}`).toString('base64')}` });

	test('email + API token read /users/me; a wrong token says what to check', async () => {
		const credentials = zendeskCredential(fakes.zendesk).whatsAppZendeskApi;
		expect((await runCredentialTest(credential.test, credentials, basic(credentials.email, credentials.apiToken))).status).toBe(200);
		const wrong = await runCredentialTest(credential.test, credentials, basic(credentials.email, 'wrong'));
		expect(wrong.status).toBe(401);
		expect(wrong.message).toMatch(/email and the API token/);
	});

	test('without the custom server the test goes to {subdomain}.zendesk.com', () => {
		expect(evaluateCredentialExpression(credential.test.request.baseURL!, { customServer: false, subdomain: 'acme' })).toBe('https://acme.zendesk.com');
	});

	test.each(['https://acme.zendesk.com', 'acme.zendesk.com', ' https://Acme.zendesk.com/agent/tickets/1 ', 'http://acme.zendesk.com/'])(
		'a pasted address %p is read down to the subdomain, by the test and by the node alike',
		(subdomain) => {
			expect(evaluateCredentialExpression(credential.test.request.baseURL!, { customServer: false, subdomain })).toBe('https://acme.zendesk.com');
			expect(apiBaseUrl('zendesk', { customServer: false, subdomain })).toBe('https://acme.zendesk.com');
		},
	);

	test('a host-mapped address is refused with the fix, not sent to a doubled host', () => {
		expect(() => apiBaseUrl('zendesk', { customServer: false, subdomain: 'support.acme.com' })).toThrow(
			expect.objectContaining({ message: 'The Zendesk Subdomain "support.acme.com" is not a zendesk.com subdomain', description: expect.stringMatching(/part before \.zendesk\.com/) }),
		);
	});
});

describe('HubSpot credential', () => {
	const credential = new WhatsAppHubSpotApi();
	const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

	test('a private app token lists one owner; a wrong one and one without the owners scope are explained', async () => {
		const credentials = hubspotCredential(fakes.hubspot).whatsAppHubSpotApi;
		expect((await runCredentialTest(credential.test, credentials, bearer(HUBSPOT_SEED.token))).status).toBe(200);
		const wrong = await runCredentialTest(credential.test, credentials, bearer('pat-na1-wrong'));
		expect(wrong.status).toBe(401);
		expect(wrong.message).toMatch(/Private Apps/);
		const readOnly = await runCredentialTest(credential.test, credentials, bearer(HUBSPOT_SEED.readOnlyToken));
		expect(readOnly.status).toBe(403);
		expect(readOnly.message).toMatch(/crm.objects.owners.read/);
	});

	test('without the custom server the test goes to api.hubapi.com', () => {
		expect(evaluateCredentialExpression(credential.test.request.baseURL!, { customServer: false })).toBe('https://api.hubapi.com');
	});
});
