/**
 * Request bodies: the raw bytes (kept for multipart and for logging) and the parsed JSON or form
 * fields. Graph accepts JSON and url-encoded forms whose values may themselves be JSON (Meta: Send messages).
 */
import type { IncomingMessage } from 'node:http';
import { MetaApiError } from './errors';

/** Meta's Media page: documents may be 100 MB; anything larger cannot be a valid upload. */
const MAX_BODY_BYTES = 101 * 1024 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new MetaApiError(100, 'The request body is larger than 100 MB, the biggest file Meta accepts.');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** Parses a JSON or url-encoded body; an empty body is an empty object. */
export function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
	if (raw.length === 0) return {};
	const text = raw.toString('utf8');
	if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
		const fields: Record<string, unknown> = {};
		for (const [key, value] of new URLSearchParams(text)) fields[key] = /^[[{]/.test(value.trim()) ? parseJsonOr(value, value) : value;
		return fields;
	}
	const parsed = parseJsonOr(text, undefined);
	if (parsed === undefined) {
		throw new MetaApiError(100, 'The request body is not valid JSON. Send Content-Type: application/json with a JSON object.');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new MetaApiError(100, 'The request body must be a JSON object.');
	}
	return parsed as Record<string, unknown>;
}

function parseJsonOr<T>(text: string, fallback: T): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return fallback;
	}
}
