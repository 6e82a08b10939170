/**
 * The Zendesk fake: Zendesk Support API v2 (`/api/v2/…`) for one account. Real Zendesk lives at
 * `https://{subdomain}.zendesk.com`; a client reaches the fake by using its URL as that base.
 * Paths work with or without `.json`, as on Zendesk.
 */
import type { FakeRequest, FakeResponse, Route } from '../common/http';
import { startVendorFake, type RunningVendorFake, type VendorFakeOptions } from '../common/vendor';
import { defaultZendeskConfig, ZENDESK_CONFIG_CHECKS, type ZendeskFakeConfig } from './config';
import { zendeskError } from './present';
import { searchAll, searchUsers } from './search';
import { ZendeskState } from './state';
import { createTicket, listComments, listTicketFields, requestedTickets, showTicket, updateTicket } from './tickets';
import { attachmentContent, showAttachment, uploadFile } from './uploads';
import { createOrUpdateUser, createUser, listUserFields, listUsers, me, showManyUsers, showUser, updateUser, type ZendeskContext } from './users';

export { ZENDESK_SEED } from './seed';
export type { ZendeskFakeConfig } from './config';
export { ZendeskState } from './state';

export type ZendeskFakeOptions = VendorFakeOptions<ZendeskFakeConfig>;
export type RunningZendeskFake = RunningVendorFake<'zendesk', ZendeskFakeConfig, ZendeskState>;

function routes(context: ZendeskContext): Route[] {
	const table: Array<[string, string, (context: ZendeskContext, request: FakeRequest) => FakeResponse]> = [
		['GET', '/api/v2/users/me', me],
		['GET', '/api/v2/users/search', searchUsers],
		['GET', '/api/v2/users/show_many', showManyUsers],
		['POST', '/api/v2/users/create_or_update', createOrUpdateUser],
		['GET', '/api/v2/users/:id/tickets/requested', requestedTickets],
		['GET', '/api/v2/users/:id', showUser],
		['PUT', '/api/v2/users/:id', updateUser],
		['GET', '/api/v2/users', listUsers],
		['POST', '/api/v2/users', createUser],
		['GET', '/api/v2/user_fields', listUserFields],
		['GET', '/api/v2/search', searchAll],
		['POST', '/api/v2/tickets', createTicket],
		['GET', '/api/v2/tickets/:id/comments', listComments],
		['GET', '/api/v2/tickets/:id', showTicket],
		['PUT', '/api/v2/tickets/:id', updateTicket],
		['GET', '/api/v2/ticket_fields', listTicketFields],
		['POST', '/api/v2/uploads', uploadFile],
		['GET', '/api/v2/attachments/:id', showAttachment],
		['GET', '/attachments/token/:token', attachmentContent],
	];
	return table.map(([method, pattern, handler]) => ({ method, pattern, handler: (request) => handler(context, request) }));
}

/** Starts the Zendesk fake on 127.0.0.1 (port 0 = any free port). */
export function startZendeskFake(options: ZendeskFakeOptions = {}): Promise<RunningZendeskFake> {
	return startVendorFake(
		{
			kind: 'zendesk',
			label: 'Zendesk',
			defaults: defaultZendeskConfig,
			checks: ZENDESK_CONFIG_CHECKS,
			createState: (clock, config) => new ZendeskState(clock, config),
			parts: (state, config, runtime) => ({
				routes: routes({ state, config, url: runtime.url }),
				normalisePath: (path) => path.replace(/\.json$/, ''),
				errors: {
					notFound: () => zendeskError(404, 'InvalidEndpoint', 'Not found'),
					// Zendesk's 429 is plain text with Retry-After and X-Rate-Limit headers (API introduction "Rate limits").
					fault: (status) =>
						status === 429
							? { status, text: 'Too Many Requests', headers: { 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '0' } }
							: zendeskError(status, status === 503 ? 'ServiceUnavailable' : 'InternalError', 'Sorry, we could not complete your request. Please try again in a moment.'),
					badRequest: (message) => zendeskError(400, 'InvalidValue', message),
					internal: () => zendeskError(500, 'InternalError', 'Sorry, something went wrong.'),
				},
			}),
		},
		options,
	);
}
