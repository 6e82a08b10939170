/**
 * POST /crm/v3/objects/contacts/search (HubSpot CRM v3 "Search"): `filterGroups` OR-ed, filters
 * inside a group AND-ed (at most 5 groups, 6 filters per group, 18 in all), `query` free text,
 * `properties`, `sorts`, `limit` ≤ 200, `after`. Over the lagging index: a contact created a
 * moment ago is not found yet. No match → 200 `{"total":0,"results":[]}`. `EQ` compares the stored
 * string case-insensitively; `hs_searchable_calculated_phone_number` holds the digits of `phone`.
 */
import { FakeHttpError, json, type FakeRequest, type FakeResponse } from '../common/http';
import { requireScopes, SCOPES } from './auth';
import { fail, hubspotError } from './errors';
import type { HubSpotObject, HubSpotState } from './state';
import { presentObject, requestedProperties } from './values';
import { readBody } from './contacts';

interface Filter {
	propertyName: string;
	operator: string;
	value?: string;
	highValue?: string;
	values?: string[];
}

const OPERATORS = new Set(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']);
const QUERY_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'company'];

export function searchContacts(state: HubSpotState, request: FakeRequest): FakeResponse {
	const token = requireScopes(state, request, SCOPES.contactsRead);
	limitSearchRate(state, token, request.now);
	const body = readBody(request);
	const groups = validateGroups(state, body.filterGroups);
	const limit = body.limit === undefined ? 10 : Number(body.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 200) fail(400, 'VALIDATION_ERROR', 'limit must be between 1 and 200.');
	const offset = body.after === undefined ? 0 : Number(body.after);
	const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
	const found = state.contactIndex
		.visible()
		.filter((contact) => groups.length === 0 || groups.some((filters) => filters.every((filter) => filterMatches(contact, filter))))
		.filter((contact) => !query || QUERY_PROPERTIES.some((name) => contact.properties[name]?.toLowerCase().includes(query)));
	sortContacts(found, body.sorts);
	const page = found.slice(offset, offset + limit);
	const requested = requestedProperties(body.properties);
	return json(200, {
		total: found.length,
		results: page.map((contact) => presentObject(contact, 'contacts', requested)),
		...(offset + limit < found.length ? { paging: { next: { after: String(offset + limit), link: '' } } } : {}),
	});
}

function validateGroups(state: HubSpotState, value: unknown): Filter[][] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) fail(400, 'VALIDATION_ERROR', 'filterGroups must be an array.');
	if (value.length > 5) fail(400, 'VALIDATION_ERROR', 'Too many filter groups: at most 5 are allowed.');
	const groups = value.map((group) => (Array.isArray(group?.filters) ? (group.filters as Filter[]) : fail(400, 'VALIDATION_ERROR', 'Each filter group needs a filters array.')));
	if (groups.some((filters) => filters.length > 6) || groups.flat().length > 18) fail(400, 'VALIDATION_ERROR', 'Too many filters: at most 6 per group and 18 in total.');
	for (const filter of groups.flat()) {
		if (!OPERATORS.has(filter.operator)) fail(400, 'VALIDATION_ERROR', `Unknown operator ${String(filter.operator)}.`);
		if (!state.properties.contacts.has(filter.propertyName)) fail(400, 'VALIDATION_ERROR', `There was a problem with the request: property ${String(filter.propertyName)} does not exist.`);
	}
	return groups;
}

function filterMatches(contact: HubSpotObject, filter: Filter): boolean {
	const stored = contact.properties[filter.propertyName];
	const has = stored !== undefined && stored !== '';
	const value = String(filter.value ?? '').toLowerCase();
	const text = (stored ?? '').toLowerCase();
	switch (filter.operator) {
		case 'HAS_PROPERTY':
			return has;
		case 'NOT_HAS_PROPERTY':
			return !has;
		case 'EQ':
			return has && text === value;
		case 'NEQ':
			return text !== value;
		case 'IN':
			return has && (filter.values ?? []).some((item) => String(item).toLowerCase() === text);
		case 'NOT_IN':
			return !(filter.values ?? []).some((item) => String(item).toLowerCase() === text);
		case 'CONTAINS_TOKEN':
			return has && tokenMatches(text, value);
		case 'NOT_CONTAINS_TOKEN':
			return !has || !tokenMatches(text, value);
		default:
			return has && compare(stored, filter);
	}
}

/** `value` against the whole value or any word of it; `*` is a wildcard. */
function tokenMatches(text: string, value: string): boolean {
	const pattern = new RegExp(`^${value.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
	return pattern.test(text) || text.split(/[^\p{L}\p{N}@.]+/u).some((word) => pattern.test(word));
}

function compare(stored: string, filter: Filter): boolean {
	const toNumber = (value: unknown) => (/^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : Date.parse(String(value)));
	const have = toNumber(stored);
	const low = toNumber(filter.value);
	switch (filter.operator) {
		case 'LT':
			return have < low;
		case 'LTE':
			return have <= low;
		case 'GT':
			return have > low;
		case 'GTE':
			return have >= low;
		default:
			return have >= low && have <= toNumber(filter.highValue);
	}
}

function sortContacts(contacts: HubSpotObject[], sorts: unknown): void {
	const first = Array.isArray(sorts) ? sorts[0] : undefined;
	const spec = typeof first === 'string' ? { propertyName: first.replace(/^-/, ''), direction: first.startsWith('-') ? 'DESCENDING' : 'ASCENDING' } : (first as { propertyName?: string; direction?: string } | undefined);
	const name = spec?.propertyName ?? 'hs_object_id';
	const sign = spec?.direction === 'DESCENDING' ? -1 : 1;
	contacts.sort((a, b) => sign * String(a.properties[name] ?? '').localeCompare(String(b.properties[name] ?? ''), undefined, { numeric: true }));
}

/** HubSpot's search-specific per-second limit, per token (off unless `searchRequestsPerSecond` > 0). */
function limitSearchRate(state: HubSpotState, token: string, now: number): void {
	const perSecond = state.config.searchRequestsPerSecond;
	if (perSecond <= 0) return;
	const recent = (state.searchCalls.get(token) ?? []).filter((at) => at > now - 1000);
	if (recent.length >= perSecond) throw new FakeHttpError(hubspotError(429, 'RATE_LIMITS', 'You have reached your secondly limit.', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' }, { 'Retry-After': '1' }));
	state.searchCalls.set(token, [...recent, now]);
}
