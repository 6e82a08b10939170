/**
 * Local fakes of Zoho (Accounts, CRM v8, Bigin v2), Zendesk Support v2 and HubSpot CRM v3, for
 * tests, the demo, end-to-end runs and benchmarks. Each is an independent model of the vendor's
 * documented behaviour (see fakes/README.md); none shares code with the nodes.
 *
 *   const fake = await startCrmFake('hubspot', { config: { searchLagMs: 0 } });
 *   await fetch(`${fake.url}/crm/v3/objects/contacts`, { headers: { Authorization: `Bearer ${HUBSPOT_SEED.token}` } });
 *   fake.state;            // the stored records
 *   fake.requests.list();  // every API request, secrets redacted
 *   fake.faults.add({ status: 429, retryAfterSeconds: 2 });
 *   await fake.close();
 */
import { HUBSPOT_SEED, startHubSpotFake, type HubSpotFakeOptions, type RunningHubSpotFake } from './hubspot';
import { startZendeskFake, ZENDESK_SEED, type RunningZendeskFake, type ZendeskFakeOptions } from './zendesk';
import { startZohoFake, ZOHO_SEED, type RunningZohoFake, type ZohoFakeOptions } from './zoho';

export type { CrmFakeKind } from './common/server';
export type { FaultSpec } from './common/faults';
export type { RequestLogEntry } from './common/request-log';
export { HUBSPOT_SEED, startHubSpotFake, type HubSpotFakeOptions, type RunningHubSpotFake } from './hubspot';
export { startZendeskFake, ZENDESK_SEED, type RunningZendeskFake, type ZendeskFakeOptions } from './zendesk';
export { startZohoFake, ZOHO_SEED, type RunningZohoFake, type ZohoFakeOptions } from './zoho';

export type RunningCrmFake = RunningZohoFake | RunningZendeskFake | RunningHubSpotFake;

/**
 * Starts one fake on 127.0.0.1 (port 0 by default: the OS picks a free one).
 * Resolves to `{ url, kind, state, config, requests, faults, reset(), flushSearchIndex(), close() }`.
 * Throws when `options.config` has an unknown key or a bad value.
 */
export function startCrmFake(kind: 'zoho', options?: ZohoFakeOptions): Promise<RunningZohoFake>;
export function startCrmFake(kind: 'zendesk', options?: ZendeskFakeOptions): Promise<RunningZendeskFake>;
export function startCrmFake(kind: 'hubspot', options?: HubSpotFakeOptions): Promise<RunningHubSpotFake>;
export function startCrmFake(kind: 'zoho' | 'zendesk' | 'hubspot', options?: ZohoFakeOptions | ZendeskFakeOptions | HubSpotFakeOptions): Promise<RunningCrmFake>;
export function startCrmFake(kind: 'zoho' | 'zendesk' | 'hubspot', options: ZohoFakeOptions | ZendeskFakeOptions | HubSpotFakeOptions = {}): Promise<RunningCrmFake> {
	if (kind === 'zoho') return startZohoFake(options as ZohoFakeOptions);
	if (kind === 'zendesk') return startZendeskFake(options as ZendeskFakeOptions);
	if (kind === 'hubspot') return startHubSpotFake(options as HubSpotFakeOptions);
	return Promise.reject(new Error(`Unknown CRM fake "${String(kind)}": use zoho, zendesk or hubspot.`));
}

/** What a Zoho OAuth2 credential needs to talk to the fake instead of accounts.zoho.<dc> / www.zohoapis.<dc>. */
export interface ZohoFakeCredentials {
	/** Replaces `https://accounts.zoho.<dc>` (authorization URL `${accountsUrl}/oauth/v2/auth`, token URL `${accountsUrl}/oauth/v2/token`). */
	accountsUrl: string;
	authUrl: string;
	accessTokenUrl: string;
	/** The `api_domain` the fake's tokens carry (its own URL). */
	apiDomain: string;
	clientId: string;
	clientSecret: string;
	/** Ready-made token data (as n8n stores it after the OAuth dance) with every CRM and Bigin scope. */
	oauthTokenData: { access_token: string; refresh_token: string; api_domain: string; token_type: 'Bearer'; expires_in: number };
}

export interface ZendeskFakeCredentials {
	/** Replaces `https://{subdomain}.zendesk.com`. */
	baseUrl: string;
	subdomain: string;
	email: string;
	apiToken: string;
}

export interface HubSpotFakeCredentials {
	/** Replaces `https://api.hubapi.com`. */
	baseUrl: string;
	/** Private app token with every scope the node needs. */
	appToken: string;
}

/** The credential values that point a client at a running fake. */
export function credentialsFor(fake: RunningZohoFake): ZohoFakeCredentials;
export function credentialsFor(fake: RunningZendeskFake): ZendeskFakeCredentials;
export function credentialsFor(fake: RunningHubSpotFake): HubSpotFakeCredentials;
export function credentialsFor(fake: RunningCrmFake): ZohoFakeCredentials | ZendeskFakeCredentials | HubSpotFakeCredentials;
export function credentialsFor(fake: RunningCrmFake): ZohoFakeCredentials | ZendeskFakeCredentials | HubSpotFakeCredentials {
	if (fake.kind === 'zendesk') return { baseUrl: fake.url, subdomain: ZENDESK_SEED.subdomain, email: ZENDESK_SEED.email, apiToken: ZENDESK_SEED.apiToken };
	if (fake.kind === 'hubspot') return { baseUrl: fake.url, appToken: HUBSPOT_SEED.token };
	const apiDomain = fake.config.apiDomain ?? fake.url;
	return {
		accountsUrl: fake.url,
		authUrl: `${fake.url}/oauth/v2/auth`,
		accessTokenUrl: `${fake.url}/oauth/v2/token`,
		apiDomain,
		clientId: ZOHO_SEED.clientId,
		clientSecret: ZOHO_SEED.clientSecret,
		oauthTokenData: { access_token: ZOHO_SEED.accessTokens.all, refresh_token: ZOHO_SEED.refreshTokens.all, api_domain: apiDomain, token_type: 'Bearer', expires_in: fake.config.accessTokenTtlSeconds },
	};
}
