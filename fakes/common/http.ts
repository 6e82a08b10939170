/**
 * The HTTP vocabulary every fake shares: a parsed request, a response description, routes with
 * `:param` segments, and an error that carries a ready vendor-shaped response.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** One request as a handler sees it. `body` is the raw bytes; `json()` and `form()` parse them. */
export interface FakeRequest {
	method: string;
	/** Path after the vendor's normalisation (Zendesk: no `.json` suffix). */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
	params: Record<string, string>;
	/** Milliseconds since the epoch, from the fake's clock. */
	now: number;
}

/** What a handler answers: JSON (`json`), plain text (`text`), bytes (`bytes`) or nothing (204). */
export interface FakeResponse {
	status: number;
	headers?: Record<string, string>;
	json?: unknown;
	text?: string;
	bytes?: Buffer;
}

export type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface Route {
	method: string;
	/** `/crm/v8/:module/search`; a `:param` matches one path segment. */
	pattern: string;
	handler: Handler;
	/** Extra body/query keys to redact in the request log for this route (e.g. an OAuth `code`). */
	redactKeys?: string[];
}

/** Thrown by handlers (or their helpers) to answer with a vendor-shaped error at once. */
export class FakeHttpError extends Error {
	constructor(readonly response: FakeResponse) {
		super(`HTTP ${response.status}`);
	}
}

export function json(status: number, body: unknown, headers?: Record<string, string>): FakeResponse {
	return { status, json: body, headers };
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

/** First route whose method and pattern match; `undefined` when none does. */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch | undefined {
	const segments = path.split('/').filter(Boolean);
	for (const route of routes) {
		if (route.method !== method) continue;
		const params = matchPattern(route.pattern, segments);
		if (params) return { route, params };
	}
	return undefined;
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
	const parts = pattern.split('/').filter(Boolean);
	if (parts.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index];
		if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segments[index]);
		else if (part !== segments[index]) return undefined;
	}
	return params;
}

/** The JSON body, or `undefined` when empty; throws `onInvalid()` when it is not JSON. */
export function parseJsonBody(request: FakeRequest, onInvalid: () => FakeResponse): unknown {
	if (request.body.length === 0) return undefined;
	try {
		return JSON.parse(request.body.toString('utf8'));
	} catch {
		throw new FakeHttpError(onInvalid());
	}
}

/** Form fields from an `application/x-www-form-urlencoded` body merged over the query string. */
export function formAndQuery(request: FakeRequest): URLSearchParams {
	const merged = new URLSearchParams(request.query);
	const type = String(request.headers['content-type'] ?? '');
	if (request.body.length > 0 && !type.includes('json')) {
		for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) merged.set(key, value);
	}
	return merged;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The credentials part of `Authorization: <scheme> <credentials>` when the scheme matches (case-insensitive). */
export function authorization(request: FakeRequest, schemes: string[]): { scheme: string; credentials: string } | undefined {
	const header = request.headers.authorization;
	if (typeof header !== 'string') return undefined;
	const space = header.indexOf(' ');
	if (space < 0) return undefined;
	const scheme = header.slice(0, space);
	const known = schemes.find((candidate) => candidate.toLowerCase() === scheme.toLowerCase());
	return known ? { scheme: known, credentials: header.slice(space + 1).trim() } : undefined;
}
