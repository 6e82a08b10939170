/**
 * The Zoho fake: Zoho Accounts (`/oauth/v2/…`), Zoho CRM v8 (`/crm/v8/…`) and Bigin v2
 * (`/bigin/v2/…`) on one local server. The tokens it issues carry `api_domain` = this server, so a
 * client that follows `api_domain` (as Zoho's multi-DC docs ask) never leaves it.
 */
import { adminBody } from '../common/admin';
import { json, type FakeRequest, type FakeResponse, type Route } from '../common/http';
import type { FakeRuntime } from '../common/server';
import { startVendorFake, type RunningVendorFake, type VendorFakeOptions } from '../common/vendor';
import { defaultZohoConfig, ZOHO_CONFIG_CHECKS, type ZohoFakeConfig } from './config';
import { topError } from './envelope';
import { listFields, getUser, listUsers } from './metadata';
import { createNotes, getNote, listRecordNotes } from './notes';
import { apiDomain, oauthRoutes } from './oauth';
import { getRecord, insertRecords, listRecords, updateRecords, upsertRecords, type ZohoContext } from './records';
import { searchRecords } from './search';
import { ZOHO_SEED, type ZohoProduct } from './seed';
import { ZohoState } from './state';

export { ZOHO_SEED } from './seed';
export type { ZohoFakeConfig } from './config';
export { ZohoState } from './state';

export type ZohoFakeOptions = VendorFakeOptions<ZohoFakeConfig>;
export type RunningZohoFake = RunningVendorFake<'zoho', ZohoFakeConfig, ZohoState>;

const BASES: Record<ZohoProduct, string> = { crm: '/crm/v8', bigin: '/bigin/v2' };

function apiRoutes(state: ZohoState, config: ZohoFakeConfig): Route[] {
	const routes: Route[] = [];
	for (const product of ['crm', 'bigin'] as const) {
		const context: ZohoContext = { state, config, product };
		const base = BASES[product];
		const add = (method: string, path: string, handler: (context: ZohoContext, request: FakeRequest) => FakeResponse) => routes.push({ method, pattern: `${base}${path}`, handler: (request) => handler(context, request) });
		add('GET', '/users', listUsers);
		add('GET', '/users/:id', getUser);
		add('GET', '/settings/fields', listFields);
		add('POST', '/Notes', createNotes);
		add('GET', '/Notes/:id', getNote);
		add('GET', '/:module/search', searchRecords);
		add('POST', '/:module/upsert', upsertRecords);
		add('GET', '/:module/:id/Notes', listRecordNotes);
		add('POST', '/:module/:id/Notes', createNotes);
		add('GET', '/:module/:id', getRecord);
		add('PUT', '/:module/:id', updateRecords);
		add('GET', '/:module', listRecords);
		add('POST', '/:module', insertRecords);
		add('PUT', '/:module', updateRecords);
	}
	return routes;
}

/** Admin routes for tokens: mint without the browser, expire all, revoke one. */
function tokenAdminRoutes(state: ZohoState, config: ZohoFakeConfig, runtime: FakeRuntime): Route[] {
	return [
		{
			method: 'POST',
			pattern: '/__fake/tokens',
			handler: (request) => {
				const body = adminBody(request);
				if (body.error) return body.error;
				const input = (body.value ?? {}) as { scopes?: unknown };
				const scopes = Array.isArray(input.scopes) ? input.scopes.map(String) : [...ZOHO_SEED.scopes.all];
				const grant = state.grant(ZOHO_SEED.clientId, scopes);
				const access = state.mintAccessToken(grant);
				return json(201, { access_token: access.token, refresh_token: grant.refreshToken, scopes, api_domain: apiDomain(config, runtime), expires_in: config.accessTokenTtlSeconds });
			},
		},
		{ method: 'POST', pattern: '/__fake/tokens/expire', handler: () => json(200, { expired: state.expireAccessTokens() }) },
		{
			method: 'POST',
			pattern: '/__fake/tokens/revoke',
			handler: (request) => {
				const body = adminBody(request);
				const token = (body.value as { refresh_token?: unknown } | undefined)?.refresh_token;
				return typeof token === 'string' && state.revoke(token) ? json(200, { revoked: true }) : json(404, { error: 'No such refresh token.' });
			},
		},
	];
}

/** Starts the Zoho fake on 127.0.0.1 (port 0 = any free port). */
export function startZohoFake(options: ZohoFakeOptions = {}): Promise<RunningZohoFake> {
	return startVendorFake(
		{
			kind: 'zoho',
			label: 'Zoho',
			defaults: defaultZohoConfig,
			checks: ZOHO_CONFIG_CHECKS,
			createState: (clock, config) => new ZohoState(clock, config),
			parts: (state, config, runtime) => ({
				routes: [...oauthRoutes(state, config, runtime), ...apiRoutes(state, config)],
				adminRoutes: tokenAdminRoutes(state, config, runtime),
				errors: {
					notFound: () => topError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
					fault: (status) =>
						status === 429
							? topError(429, 'TOO_MANY_REQUESTS', 'You have made too many requests. Please try again after some time.')
							: topError(status, 'INTERNAL_ERROR', 'Internal Server Error occurred while processing this request.'),
					badRequest: (message) => topError(400, 'INVALID_DATA', message),
					internal: () => topError(500, 'INTERNAL_ERROR', 'Internal Server Error occurred while processing this request.'),
				},
			}),
		},
		options,
	);
}
