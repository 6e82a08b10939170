/**
 * The CRM node against the local fakes (fakes/): credentials as a user points them at a fake, message
 * items as the WhatsApp Business Trigger emits them, and the request log read as "METHOD /path".
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { credentialsFor, startCrmFake, type RunningCrmFake, type RunningHubSpotFake, type RunningZendeskFake, type RunningZohoFake } from '../../fakes';
import type { CredentialsByType } from '../harness/n8nContext';
import { crmTestBed, type CrmTestBed } from './crmTestBed';

/** The Zoho credential (custom accounts server, both products) with the token data n8n keeps after connecting. */
export function zohoCredential(fake: RunningZohoFake, tokenData?: Record<string, unknown>): CredentialsByType {
	const values = credentialsFor(fake);
	return {
		whatsAppZohoOAuth2Api: {
			grantType: 'authorizationCode',
			clientId: values.clientId,
			clientSecret: values.clientSecret,
			authUrl: values.authUrl,
			accessTokenUrl: values.accessTokenUrl,
			scope: 'ZohoCRM.modules.ALL,ZohoCRM.users.READ,ZohoCRM.settings.fields.READ,ZohoBigin.modules.ALL,ZohoBigin.users.READ,ZohoBigin.settings.fields.READ,ZohoSearch.securesearch.READ',
			authQueryParameters: 'access_type=offline&prompt=consent',
			authentication: 'body',
			dataCenter: 'custom',
			customAccountsUrl: values.accountsUrl,
			customApiDomain: '',
			products: 'both',
			oauthTokenData: { ...values.oauthTokenData, ...(tokenData ?? {}) },
		},
	};
}

export function zendeskCredential(fake: RunningZendeskFake, overrides: Record<string, unknown> = {}): CredentialsByType {
	const values = credentialsFor(fake);
	return { whatsAppZendeskApi: { subdomain: values.subdomain, email: values.email, apiToken: values.apiToken, customServer: true, serverUrl: values.baseUrl, ...overrides } };
}

export function hubspotCredential(fake: RunningHubSpotFake, overrides: Record<string, unknown> = {}): CredentialsByType {
	const values = credentialsFor(fake);
	return { whatsAppHubSpotApi: { accessToken: values.appToken, customServer: true, serverUrl: values.baseUrl, ...overrides } };
}

let messageCounter = 0;

/** An inbound message item as the WhatsApp Business Trigger emits it (nodes/shared/whatsapp/webhook/types.ts). */
export function inboundText(waId: string, text: string, profileName = 'Ana Silva', extra: Record<string, unknown> = {}): INodeExecutionData {
	messageCounter++;
	return {
		json: {
			kind: 'message',
			field: 'messages',
			wabaId: '102290129340398',
			phoneNumberId: '106540352242922',
			eventId: `wamid.TEST${messageCounter}`,
			id: `wamid.TEST${messageCounter}`,
			type: 'text',
			text,
			timestamp: new Date(Date.UTC(2026, 4, 14, 9, 51, messageCounter % 60)).toISOString(),
			timestampEpoch: 0,
			from: { waId, e164: waId ? `+${waId}` : '', profileName },
			...extra,
		},
	};
}

/** The API requests a fake received since `since` (its request log), as "METHOD /path". */
export function requestLines(fake: RunningCrmFake, since = 0): string[] {
	return fake.requests.list(since).filter((entry) => !entry.path.startsWith('/__fake')).map((entry) => `${entry.method} ${entry.path}`);
}

/** The last sequence number of a fake's request log (to read what comes after). */
export function lastSeq(fake: RunningCrmFake): number {
	const entries = fake.requests.list();
	return entries.length ? entries[entries.length - 1].seq : 0;
}

/** The three fakes at once (Zoho serves CRM and Bigin), for suites that use them all. */
export async function startAllFakes(): Promise<{ zoho: RunningZohoFake; zendesk: RunningZendeskFake; hubspot: RunningHubSpotFake; close(): Promise<void> }> {
	const [zoho, zendesk, hubspot] = await Promise.all([startCrmFake('zoho', {}), startCrmFake('zendesk', {}), startCrmFake('hubspot', {})]);
	return { zoho, zendesk, hubspot, close: async () => void (await Promise.all([zoho.close(), zendesk.close(), hubspot.close()])) };
}

/** All three fakes for a test file: started once, each reset to its seed before each test. */
export function allFakesSuite(): { fakes: Awaited<ReturnType<typeof startAllFakes>> } {
	const suite = {} as { fakes: Awaited<ReturnType<typeof startAllFakes>> };
	beforeAll(async () => {
		suite.fakes = await startAllFakes();
	});
	afterAll(async () => await suite.fakes.close());
	beforeEach(() => {
		suite.fakes.zoho.reset();
		suite.fakes.zendesk.reset();
		suite.fakes.hubspot.reset();
	});
	return suite;
}

/**
 * One fake for a test file: started once, reset to its seed before each test, with a fresh test bed
 * (as a fresh n8n process would be). Tests may replace `bed` (e.g. with other credentials).
 */
export function fakeSuite<F extends RunningCrmFake>(start: () => Promise<F>, credentials: (fake: F) => CredentialsByType): { fake: F; bed: CrmTestBed } {
	const suite = {} as { fake: F; bed: CrmTestBed };
	beforeAll(async () => {
		suite.fake = await start();
	});
	afterAll(async () => await suite.fake.close());
	beforeEach(() => {
		suite.fake.reset();
		suite.bed = crmTestBed(credentials(suite.fake));
	});
	return suite;
}
