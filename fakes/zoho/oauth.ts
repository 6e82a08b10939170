/**
 * Zoho Accounts (https://accounts.zoho.<dc>): the OAuth 2.0 endpoints of Zoho's "OAuth 2.0" pages.
 *   GET  /oauth/v2/auth           consent, approved at once: 302 to redirect_uri with `code`,
 *                                 `location` and `accounts-server` (Zoho "Multi DC" page)
 *   POST /oauth/v2/token          grant_type=authorization_code | refresh_token (form or query)
 *   POST /oauth/v2/token/revoke   ?token=<refresh token>: revokes it and its access tokens
 * Token answers carry `access_token`, `refresh_token` (first grant with access_type=offline),
 * `api_domain` (this fake, so API calls come back here), `token_type` and `expires_in` (seconds).
 */
import { formAndQuery, json, type FakeResponse, type Route } from '../common/http';
import type { FakeRuntime } from '../common/server';
import type { ZohoFakeConfig } from './config';
import { ZOHO_SEED } from './seed';
import type { ZohoGrant, ZohoState } from './state';

const CODE_LIFETIME_MS = 10 * 60 * 1000;

export function apiDomain(config: ZohoFakeConfig, runtime: FakeRuntime): string {
	return config.apiDomain ?? runtime.url();
}

export function oauthRoutes(state: ZohoState, config: ZohoFakeConfig, runtime: FakeRuntime): Route[] {
	const oauthError = (error: string, extra: Record<string, unknown> = {}): FakeResponse => json(config.oauthErrorStatus, { error, ...extra });
	const tokenAnswer = (grant: ZohoGrant, includeRefresh: boolean): FakeResponse => {
		const access = state.mintAccessToken(grant);
		return json(200, {
			access_token: access.token,
			...(includeRefresh ? { refresh_token: grant.refreshToken } : {}),
			api_domain: apiDomain(config, runtime),
			token_type: 'Bearer',
			expires_in: config.accessTokenTtlSeconds,
		});
	};

	return [
		{
			method: 'GET',
			pattern: '/oauth/v2/auth',
			handler: (request) => {
				const query = request.query;
				if (query.get('client_id') !== ZOHO_SEED.clientId) return { status: 400, text: 'Invalid Client: the client_id is not registered.' };
				const redirect = query.get('redirect_uri');
				if (!redirect || query.get('response_type') !== 'code') return { status: 400, text: 'Invalid request: redirect_uri and response_type=code are required.' };
				const code = `1000.${Math.random().toString(16).slice(2)}.${Math.random().toString(16).slice(2)}`;
				const scopes = (query.get('scope') ?? '').split(/[,\s]+/).filter(Boolean);
				state.codes.set(code, { code, clientId: ZOHO_SEED.clientId, scopes, offline: query.get('access_type') === 'offline', expiresAt: request.now + CODE_LIFETIME_MS, used: false });
				const target = new URL(redirect);
				if (query.get('state') !== null) target.searchParams.set('state', query.get('state')!);
				target.searchParams.set('code', code);
				target.searchParams.set('location', 'us');
				target.searchParams.set('accounts-server', runtime.url());
				return { status: 302, headers: { Location: target.toString() } };
			},
		},
		{
			method: 'POST',
			pattern: '/oauth/v2/token',
			redactKeys: ['code'],
			handler: (request) => {
				const params = formAndQuery(request);
				if (params.get('client_id') !== ZOHO_SEED.clientId) return oauthError('invalid_client');
				if (params.get('client_secret') !== ZOHO_SEED.clientSecret) return oauthError('invalid_client_secret');
				const grantType = params.get('grant_type');
				if (grantType === 'authorization_code') {
					const code = state.codes.get(params.get('code') ?? '');
					if (!code || code.used || code.expiresAt <= request.now) return oauthError('invalid_code');
					code.used = true;
					return tokenAnswer(state.grant(code.clientId, code.scopes), code.offline);
				}
				if (grantType === 'refresh_token') {
					const grant = state.grants.get(params.get('refresh_token') ?? '');
					if (!grant || grant.revoked || grant.clientId !== ZOHO_SEED.clientId) return oauthError('invalid_code');
					const limit = config.accessTokensPerRefreshTokenPer10Minutes;
					if (limit > 0 && grant.mintedAt.filter((at) => at > request.now - 600_000).length >= limit) {
						return json(400, { error_description: 'You have made too many requests continuously. Please try again after some time.', error: 'Access Denied', status: 'failure' });
					}
					return tokenAnswer(grant, false);
				}
				return oauthError('unsupported_grant_type');
			},
		},
		{
			method: 'POST',
			pattern: '/oauth/v2/token/revoke',
			redactKeys: ['token'],
			handler: (request) => {
				const token = formAndQuery(request).get('token') ?? '';
				return state.revoke(token) ? json(200, { status: 'success' }) : oauthError('invalid_token');
			},
		},
	];
}
