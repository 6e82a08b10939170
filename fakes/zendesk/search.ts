/**
 * Search (Zendesk Support API v2 "Search" and "Users › Search Users"), both over the lagging index
 * ("it can take up to a few minutes for new tickets and users to be indexed"):
 *   GET /api/v2/search.json?query=…       → {results:[…result_type], facets:null, next_page, previous_page, count}
 *   GET /api/v2/users/search?query=…       → {users, next_page, previous_page, count}
 *   GET /api/v2/users/search?external_id=… → exact id lookup, no search syntax (read from the store
 *                                            unless `externalIdLookupLags`)
 * No match is a 200 with an empty list.
 */
import { json, type FakeRequest, type FakeResponse } from '../common/http';
import { authenticate } from './auth';
import { fail, paginate, presentTicket } from './present';
import { parseQuery, ticketMatches, typeOf, userMatches } from './query';
import { present, userFieldKeys, type ZendeskContext } from './users';

export function searchAll(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const query = request.query.get('query');
	if (!query) fail(400, 'invalid', 'The query parameter is required.');
	const terms = parseQuery(query);
	const type = typeOf(terms);
	const fieldKeys = userFieldKeys(context);
	const results: Array<{ created_at: number; item: Record<string, unknown> }> = [];
	if (type === undefined || type === 'user') {
		for (const user of context.state.userIndex.visible()) if (userMatches(user, terms, fieldKeys)) results.push({ created_at: user.created_at, item: { ...present(context, user), result_type: 'user' } });
	}
	if (type === undefined || type === 'ticket') {
		for (const ticket of context.state.ticketIndex.visible()) if (ticketMatches(ticket, terms)) results.push({ created_at: ticket.created_at, item: { ...presentTicket(ticket, context.url()), result_type: 'ticket' } });
	}
	results.sort((a, b) => a.created_at - b.created_at);
	const page = paginate(results, request.query, (number) => `${context.url()}/api/v2/search.json?query=${encodeURIComponent(query)}&page=${number}`);
	return json(200, { results: page.slice.map((result) => result.item), facets: null, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}

export function searchUsers(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const externalId = request.query.get('external_id');
	const query = request.query.get('query');
	let users;
	if (externalId !== null) {
		const pool = context.config.externalIdLookupLags ? context.state.userIndex.visible() : [...context.state.users.values()];
		users = pool.filter((user) => user.external_id !== null && user.external_id.toLowerCase() === externalId.toLowerCase());
	} else if (query !== null) {
		const terms = parseQuery(query).filter((term) => term.key !== 'type');
		users = context.state.userIndex.visible().filter((user) => userMatches(user, terms, userFieldKeys(context)));
	} else fail(400, 'InvalidParameter', 'query or external_id is required');
	users.sort((a, b) => a.id - b.id);
	const page = paginate(users, request.query, (number) => `${context.url()}/api/v2/users/search.json?page=${number}`);
	return json(200, { users: page.slice.map((user) => present(context, user)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}
