/**
 * API authentication and scopes. Zoho CRM v8 / Bigin v2: `Authorization: Zoho-oauthtoken <token>`;
 * missing → 401 `AUTHENTICATION_FAILURE`, unknown / expired / revoked → 401 `INVALID_TOKEN`
 * ("invalid oauth token"), a token without the operation's scope → 401 `OAUTH_SCOPE_MISMATCH`.
 * Scope names follow Zoho's "Scopes" pages: `ZohoCRM.modules.{ALL|<module>.<op>}`,
 * `ZohoCRM.users.{ALL|READ}`, `ZohoCRM.settings.{ALL|fields.READ}`, Bigin the same with `ZohoBigin`.
 */
import { authorization, type FakeRequest } from '../common/http';
import type { ZohoFakeConfig } from './config';
import { fail } from './envelope';
import type { ZohoProduct } from './seed';
import type { ZohoAccessToken, ZohoState } from './state';

export type ZohoOperation = 'READ' | 'CREATE' | 'UPDATE';

/** The valid access token of the request; throws the 401 answer otherwise. */
export function authenticate(state: ZohoState, config: ZohoFakeConfig, request: FakeRequest): ZohoAccessToken {
	const auth = authorization(request, config.acceptBearer ? ['Zoho-oauthtoken', 'Bearer'] : ['Zoho-oauthtoken']);
	if (!auth) fail(401, 'AUTHENTICATION_FAILURE', 'Authentication failed');
	const token = state.accessTokens.get(auth.credentials);
	if (!token || token.revoked || token.expiresAt <= request.now) fail(401, 'INVALID_TOKEN', 'invalid oauth token');
	return token;
}

const PREFIX: Record<ZohoProduct, string> = { crm: 'ZohoCRM', bigin: 'ZohoBigin' };

function grants(token: ZohoAccessToken, accepted: string[]): boolean {
	const granted = new Set(token.scopes.map((scope) => scope.toLowerCase()));
	return accepted.some((scope) => granted.has(scope.toLowerCase()));
}

function requireAny(token: ZohoAccessToken, accepted: string[]): void {
	if (!grants(token, accepted)) fail(401, 'OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL');
}

/** Module records or notes: `modules.ALL`, `modules.<module>.ALL`, `.<op>`, or `.WRITE` for writes. */
export function requireModuleScope(token: ZohoAccessToken, product: ZohoProduct, module: string, operation: ZohoOperation): void {
	const base = `${PREFIX[product]}.modules`;
	const name = module.toLowerCase();
	const accepted = [`${base}.ALL`, `${base}.${name}.ALL`, `${base}.${name}.${operation}`];
	if (operation !== 'READ') accepted.push(`${base}.${name}.WRITE`);
	requireAny(token, accepted);
}

export function requireSearchScope(token: ZohoAccessToken, product: ZohoProduct, module: string, config: ZohoFakeConfig): void {
	requireModuleScope(token, product, module, 'READ');
	if (config.searchNeedsSecureSearchScope) requireAny(token, ['ZohoSearch.securesearch.READ', 'ZohoSearch.securesearch.ALL']);
}

export function requireUsersScope(token: ZohoAccessToken, product: ZohoProduct): void {
	requireAny(token, [`${PREFIX[product]}.users.ALL`, `${PREFIX[product]}.users.READ`]);
}

export function requireFieldsScope(token: ZohoAccessToken, product: ZohoProduct): void {
	const base = `${PREFIX[product]}.settings`;
	requireAny(token, [`${base}.ALL`, `${base}.fields.ALL`, `${base}.fields.READ`]);
}
