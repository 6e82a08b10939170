/**
 * Bearer authentication and scopes (HubSpot "Private apps" and "Scopes" pages). Missing or unknown
 * token → 401 `INVALID_AUTHENTICATION`; an OAuth-style token past its expiry → 401
 * `EXPIRED_AUTHENTICATION` ("The OAuth token used to make this call expired N second(s) ago.");
 * a token without the scope → 403 `MISSING_SCOPES` naming the scopes.
 */
import { authorization, type FakeRequest } from '../common/http';
import { fail } from './errors';
import type { HubSpotState, HubSpotToken } from './state';

const NOT_FOUND_MESSAGE = 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export function authenticate(state: HubSpotState, request: FakeRequest): { token: string; info: HubSpotToken } {
	const bearer = authorization(request, ['Bearer']);
	const info = bearer ? state.tokens.get(bearer.credentials) : undefined;
	if (!bearer || !info || info.revoked) fail(401, 'INVALID_AUTHENTICATION', NOT_FOUND_MESSAGE);
	if (info.expiresAt !== undefined && info.expiresAt <= request.now) {
		const seconds = Math.max(1, Math.round((request.now - info.expiresAt) / 1000));
		fail(401, 'EXPIRED_AUTHENTICATION', `The OAuth token used to make this call expired ${seconds} second(s) ago.`);
	}
	return { token: bearer.credentials, info };
}

/** Authenticates and checks that the token has every scope in `required`. */
export function requireScopes(state: HubSpotState, request: FakeRequest, required: string[]): string {
	const { token, info } = authenticate(state, request);
	const missing = required.filter((scope) => !info.scopes.includes(scope));
	if (missing.length > 0) {
		fail(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
			errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: required } }],
			links: { scopes: 'https://developers.hubspot.com/scopes' },
		});
	}
	return token;
}

export const SCOPES = {
	contactsRead: ['crm.objects.contacts.read'],
	contactsWrite: ['crm.objects.contacts.write'],
	owners: ['crm.objects.owners.read'],
	schemaRead: ['crm.schemas.contacts.read'],
	schemaWrite: ['crm.schemas.contacts.write'],
};
