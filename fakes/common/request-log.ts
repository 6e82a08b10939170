/**
 * The request log behind `GET /__fake/requests`: method, path, query, body and answer of every API
 * request, with secrets replaced by "[redacted]" (Authorization credentials, tokens, client
 * secrets, passwords, OAuth codes) — tests can read it, users can paste it, nothing leaks.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeResponse } from './http';

export interface RequestLogEntry {
	/** 1, 2, 3… in arrival order; `GET /__fake/requests?since=N` returns entries after N. */
	seq: number;
	/** ISO 8601 UTC. */
	at: string;
	method: string;
	path: string;
	query: Record<string, string>;
	/** `Bearer [redacted]`, `Basic [redacted]`… or absent. */
	authorization?: string;
	contentType?: string;
	/** Parsed JSON or form body (redacted); binary bodies as `{ bytes, contentType }`. */
	body?: unknown;
	status: number;
	/** The JSON answer (redacted), or `{ text }` for text answers. */
	response?: unknown;
	/** Set when an injected fault or the rate limit answered: `429`, `503`, `drop:before`… */
	fault?: string;
	durationMs: number;
}

const ALWAYS_SECRET = new Set(['access_token', 'refresh_token', 'client_secret', 'password', 'api_token', 'apitoken', 'apptoken', 'id_token']);
export const REDACTED = '[redacted]';

/** A deep copy with values of secret keys (plus `extraKeys`) replaced. */
export function redact(value: unknown, extraKeys: string[] = []): unknown {
	const extra = new Set(extraKeys.map((key) => key.toLowerCase()));
	const walk = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(walk);
		if (typeof node !== 'object' || node === null) return node;
		return Object.fromEntries(
			Object.entries(node).map(([key, child]) => [key, ALWAYS_SECRET.has(key.toLowerCase()) || extra.has(key.toLowerCase()) ? REDACTED : walk(child)]),
		);
	};
	return walk(value);
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private seq = 0;

	constructor(private readonly limit: () => number) {}

	record(input: {
		method: string;
		path: string;
		query: URLSearchParams;
		headers: IncomingHttpHeaders;
		body: Buffer;
		response: FakeResponse | undefined;
		fault?: string;
		startedAt: number;
		finishedAt: number;
		redactKeys?: string[];
	}): RequestLogEntry {
		const contentType = typeof input.headers['content-type'] === 'string' ? input.headers['content-type'] : undefined;
		const entry: RequestLogEntry = {
			seq: ++this.seq,
			at: new Date(input.startedAt).toISOString(),
			method: input.method,
			path: input.path,
			query: redact(Object.fromEntries(input.query), input.redactKeys) as Record<string, string>,
			authorization: describeAuthorization(input.headers.authorization),
			contentType,
			body: describeBody(input.body, contentType, input.redactKeys),
			status: input.response?.status ?? 0,
			response: describeResponse(input.response),
			fault: input.fault,
			durationMs: input.finishedAt - input.startedAt,
		};
		this.entries.push(entry);
		const overflow = this.entries.length - this.limit();
		if (overflow > 0) this.entries.splice(0, overflow);
		return entry;
	}

	/** Entries with `seq > since` (all when omitted). */
	list(since = 0): RequestLogEntry[] {
		return this.entries.filter((entry) => entry.seq > since);
	}

	clear(): void {
		this.entries = [];
	}
}

function describeAuthorization(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const scheme = header.split(' ')[0];
	return `${scheme} ${REDACTED}`;
}

function describeBody(body: Buffer, contentType: string | undefined, redactKeys?: string[]): unknown {
	if (body.length === 0) return undefined;
	const text = body.toString('utf8');
	if (!contentType || contentType.includes('json')) {
		try {
			return redact(JSON.parse(text), redactKeys);
		} catch {
			if (contentType) return { unparsedBytes: body.length };
		}
	}
	if (!contentType || contentType.includes('x-www-form-urlencoded')) return redact(Object.fromEntries(new URLSearchParams(text)), redactKeys);
	return { bytes: body.length, contentType };
}

function describeResponse(response: FakeResponse | undefined): unknown {
	if (!response) return undefined;
	if (response.json !== undefined) return redact(response.json);
	if (response.text !== undefined) return { text: response.text };
	if (response.bytes !== undefined) return { bytes: response.bytes.length };
	return undefined;
}
