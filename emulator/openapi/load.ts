/**
 * Loads Meta's official OpenAPI description (business-messaging-api_v23.0.yaml, MIT, copied from
 * facebook/openapi next to this file). Parsing the 1 MB YAML takes 0.5–1 s, so the parsed document
 * is cached as JSON in the OS temp folder, keyed by the YAML's SHA-256: later start-ups take ~15 ms.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const OPENAPI_FILE = join(__dirname, 'business-messaging-api_v23.0.yaml');

export type OpenApiDocument = {
	paths: Record<string, Record<string, unknown>>;
	components: { schemas: Record<string, Record<string, unknown>> };
	[key: string]: unknown;
};

export function loadOpenApiDocument(file = OPENAPI_FILE): OpenApiDocument {
	const text = readFileSync(file, 'utf8');
	const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
	const cacheDir = join(tmpdir(), 'whatsapp-cloud-emulator');
	const cacheFile = join(cacheDir, `openapi-${digest}.json`);
	try {
		return JSON.parse(readFileSync(cacheFile, 'utf8')) as OpenApiDocument;
	} catch {
		// No cache yet (or unreadable): parse the YAML and write the cache for next time.
	}
	const document = parse(text, { uniqueKeys: false }) as OpenApiDocument;
	try {
		mkdirSync(cacheDir, { recursive: true });
		// Write then rename, so parallel test workers never read a half-written cache.
		const partial = `${cacheFile}.${process.pid}.tmp`;
		writeFileSync(partial, JSON.stringify(document));
		renameSync(partial, cacheFile);
	} catch {
		// A read-only temp folder only costs start-up time.
	}
	return document;
}
