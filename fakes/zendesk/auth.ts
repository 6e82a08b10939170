/**
 * API token authentication (Zendesk help "Generating a new API token" and the API introduction's
 * "Security and authentication"): `Authorization: Basic base64("{email}/token:{api_token}")`. The
 * token belongs to the account; the email picks the agent or admin acting. Anything else →
 * 401 `{"error":"Couldn't authenticate you"}`.
 */
import { authorization, FakeHttpError, type FakeRequest } from '../common/http';
import { ZENDESK_SEED } from './seed';
import type { ZendeskState, ZendeskUser } from './state';

export function authenticate(state: ZendeskState, request: FakeRequest): ZendeskUser {
	const deny = (): never => {
		throw new FakeHttpError({ status: 401, json: { error: "Couldn't authenticate you" } });
	};
	const basic = authorization(request, ['Basic']);
	if (!basic) return deny();
	const decoded = Buffer.from(basic.credentials, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const [login, secret] = colon < 0 ? [decoded, ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
	if (!login.endsWith('/token') || secret !== ZENDESK_SEED.apiToken) return deny();
	const user = state.userByEmail(login.slice(0, -'/token'.length));
	if (!user || user.role === 'end-user' || user.suspended) return deny();
	return user;
}
