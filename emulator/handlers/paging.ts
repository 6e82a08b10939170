/**
 * Graph cursor paging (Meta: Template management, Phone numbers): `limit`, `after`, `before` → `paging.cursors.{before,after}`
 * plus `paging.next` / `paging.previous` URLs when there is more. Cursors are opaque base64 of the
 * item key, so a page stays stable when other items are added.
 */
import type { RequestContext } from '../http/context';
import { MetaApiError } from '../http/errors';

export interface Paging {
	cursors: { before: string; after: string };
	next?: string;
	previous?: string;
}

const encodeCursor = (key: string) => Buffer.from(`emu:${key}`).toString('base64url');
const decodeCursor = (cursor: string) => {
	const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
	if (!decoded.startsWith('emu:')) throw new MetaApiError(100, `The cursor "${cursor}" is not valid; use paging.cursors from a previous response.`);
	return decoded.slice(4);
};

export function paginate<T>(context: RequestContext, items: T[], keyOf: (item: T) => string, defaultLimit = 25): { items: T[]; paging?: Paging } {
	const limit = Number(context.query.get('limit') ?? defaultLimit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new MetaApiError(100, 'Param limit must be an integer between 1 and 1000.');
	const after = context.query.get('after');
	const before = context.query.get('before');
	let start = 0;
	let end = items.length;
	if (after) {
		start = indexOfCursor(items, keyOf, after) + 1;
		end = Math.min(items.length, start + limit);
	} else if (before) {
		end = indexOfCursor(items, keyOf, before);
		start = Math.max(0, end - limit);
	} else {
		end = Math.min(items.length, limit);
	}
	const page = items.slice(start, end);
	if (page.length === 0) return { items: page };
	const paging: Paging = { cursors: { before: encodeCursor(keyOf(page[0])), after: encodeCursor(keyOf(page[page.length - 1])) } };
	if (end < items.length) paging.next = pageUrl(context, { after: paging.cursors.after });
	if (start > 0) paging.previous = pageUrl(context, { before: paging.cursors.before });
	return { items: page, paging };
}

function indexOfCursor<T>(items: T[], keyOf: (item: T) => string, cursor: string): number {
	const key = decodeCursor(cursor);
	const index = items.findIndex((item) => keyOf(item) === key);
	if (index < 0) throw new MetaApiError(100, 'The paging cursor points at an item that no longer exists; start again without after/before.');
	return index;
}

/** The same request with new cursors; the access token is never echoed into URLs. */
function pageUrl(context: RequestContext, cursor: { after?: string; before?: string }): string {
	const query = new URLSearchParams(context.query);
	for (const name of ['after', 'before', 'access_token']) query.delete(name);
	for (const [name, value] of Object.entries(cursor)) if (value) query.set(name, value);
	return `${context.baseUrl}${context.pathname}?${query}`;
}
