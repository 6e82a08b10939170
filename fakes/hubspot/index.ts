/**
 * The HubSpot fake: CRM v3 contacts, notes, owners and properties, v4 contact → note associations
 * and account details, as served by https://api.hubapi.com. A client reaches it by using its URL
 * as that base.
 */
import { randomUUID } from 'node:crypto';
import { adminBody } from '../common/admin';
import { json, type FakeRequest, type FakeResponse, type Route } from '../common/http';
import { startVendorFake, type RunningVendorFake, type VendorFakeOptions } from '../common/vendor';
import { defaultHubSpotConfig, HUBSPOT_CONFIG_CHECKS, type HubSpotFakeConfig } from './config';
import { contactNoteAssociations, createContact, getContact, updateContact, upsertContacts } from './contacts';
import { hubspotError } from './errors';
import { accountDetails, createProperty, getOwner, getProperty, listOwners, listProperties } from './metadata';
import { createNote, getNote } from './notes';
import { searchContacts } from './search';
import { HUBSPOT_SEED } from './seed';
import { HubSpotState } from './state';

export { HUBSPOT_SEED } from './seed';
export type { HubSpotFakeConfig } from './config';
export { HubSpotState } from './state';

export type HubSpotFakeOptions = VendorFakeOptions<HubSpotFakeConfig>;
export type RunningHubSpotFake = RunningVendorFake<'hubspot', HubSpotFakeConfig, HubSpotState>;

function routes(state: HubSpotState): Route[] {
	const table: Array<[string, string, (state: HubSpotState, request: FakeRequest) => FakeResponse]> = [
		['POST', '/crm/v3/objects/contacts/search', searchContacts],
		['POST', '/crm/v3/objects/contacts/batch/upsert', upsertContacts],
		['POST', '/crm/v3/objects/contacts', createContact],
		['GET', '/crm/v3/objects/contacts/:id', getContact],
		['PATCH', '/crm/v3/objects/contacts/:id', updateContact],
		['GET', '/crm/v4/objects/contacts/:id/associations/notes', contactNoteAssociations],
		['POST', '/crm/v3/objects/notes', createNote],
		['GET', '/crm/v3/objects/notes/:id', getNote],
		['GET', '/crm/v3/owners', listOwners],
		['GET', '/crm/v3/owners/:id', getOwner],
		['GET', '/crm/v3/properties/:objectType', listProperties],
		['POST', '/crm/v3/properties/:objectType', createProperty],
		['GET', '/crm/v3/properties/:objectType/:name', getProperty],
		['GET', '/account-info/v3/details', accountDetails],
	];
	return table.map(([method, pattern, handler]) => ({ method, pattern, handler: (request) => handler(state, request) }));
}

/** Admin: mint a token with chosen scopes (optionally expiring, like OAuth), revoke one. */
function tokenAdminRoutes(state: HubSpotState): Route[] {
	return [
		{
			method: 'POST',
			pattern: '/__fake/tokens',
			handler: (request) => {
				const body = adminBody(request);
				if (body.error) return body.error;
				const input = (body.value ?? {}) as { scopes?: unknown; expiresInSeconds?: unknown };
				const scopes = Array.isArray(input.scopes) ? input.scopes.map(String) : [...HUBSPOT_SEED.scopes.all];
				const token = `pat-na1-${randomUUID()}`;
				const expiresAt = typeof input.expiresInSeconds === 'number' ? request.now + input.expiresInSeconds * 1000 : undefined;
				state.tokens.set(token, { scopes, revoked: false, expiresAt });
				return json(201, { token, scopes, ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt).toISOString() } : {}) });
			},
		},
		{
			method: 'POST',
			pattern: '/__fake/tokens/revoke',
			handler: (request) => {
				const token = (adminBody(request).value as { token?: unknown } | undefined)?.token;
				const info = typeof token === 'string' ? state.tokens.get(token) : undefined;
				if (!info) return json(404, { error: 'No such token.' });
				info.revoked = true;
				return json(200, { revoked: true });
			},
		},
	];
}

/** Starts the HubSpot fake on 127.0.0.1 (port 0 = any free port). */
export function startHubSpotFake(options: HubSpotFakeOptions = {}): Promise<RunningHubSpotFake> {
	return startVendorFake(
		{
			kind: 'hubspot',
			label: 'HubSpot',
			defaults: defaultHubSpotConfig,
			checks: HUBSPOT_CONFIG_CHECKS,
			createState: (clock, config) => new HubSpotState(clock, config),
			parts: (state) => ({
				routes: routes(state),
				adminRoutes: tokenAdminRoutes(state),
				errors: {
					notFound: () => hubspotError(404, 'OBJECT_NOT_FOUND', 'resource not found'),
					// 429 body with `policyName` as HubSpot's SDK reads it (RetryDecorator); Retry-After added by the fake.
					fault: (status) => {
						if (status !== 429) return hubspotError(status, 'INTERNAL_ERROR', 'internal error');
						const limits = { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '0' };
						return hubspotError(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }, limits);
					},
					badRequest: (message) => hubspotError(400, 'VALIDATION_ERROR', message),
					internal: () => hubspotError(500, 'INTERNAL_ERROR', 'internal error'),
				},
			}),
		},
		options,
	);
}
