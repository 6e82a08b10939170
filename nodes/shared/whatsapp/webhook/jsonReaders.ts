/**
 * Tolerant readers over untrusted webhook JSON. Each returns `undefined` (or an empty array) for a
 * value of the wrong shape instead of throwing, so the normaliser can keep whatever it can read.
 */
import { createHash } from 'node:crypto';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as JsonObject)
		: undefined;
}

function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** The object items of an array; anything else in it is skipped. */
export function asObjects(value: unknown): JsonObject[] {
	const objects: JsonObject[] = [];
	for (const item of asArray(value)) {
		const object = asObject(item);
		if (object) objects.push(object);
	}
	return objects;
}

/** Strings as they are; finite numbers as text, because Meta sends some ids as integers (Meta: message_template_status_update webhook reference). */
export function asString(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Finite numbers, or strings holding one (coordinates and counts are numbers, but be lenient). */
export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

const MAX_DATE_SECONDS = 8.64e12; // the largest instant a JS Date can hold

/** Unix seconds from an integer or a digit string ("1749416383", (Meta: Messages webhook reference)); otherwise undefined. */
export function asEpochSeconds(value: unknown): number | undefined {
	const seconds = typeof value === 'string' && !/^\d+$/.test(value.trim()) ? undefined : asNumber(value);
	if (seconds === undefined || seconds < 0 || seconds > MAX_DATE_SECONDS) return undefined;
	return Math.floor(seconds);
}

let lastEpoch: number | undefined;
let lastIso = '';

/** Unix seconds → ISO 8601 UTC. Messages of one batch often share a second, so the last answer is kept. */
export function epochToIso(seconds: number): string {
	if (seconds !== lastEpoch) {
		lastIso = new Date(seconds * 1000).toISOString();
		lastEpoch = seconds;
	}
	return lastIso;
}

/** Drops keys whose value is undefined, so events carry only what the payload held. */
export function compact<T extends object>(object: T): T {
	for (const key of Object.keys(object) as Array<keyof T>) {
		if (object[key] === undefined) delete object[key];
	}
	return object;
}

/** "formatted_name" → "formattedName"; leading underscores ("__proto__") are left alone. */
export function camelCase(key: string): string {
	return key.replace(/(?<=[A-Za-z0-9])_+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * A deep copy with snake_case keys turned into camelCase. Keys are defined, not assigned, so a
 * payload key such as "__proto__" stays plain data and cannot change an object's prototype.
 */
export function camelCaseDeep(value: unknown, depth = 0): unknown {
	if (depth > 64) return undefined; // JSON this deep is not a Meta payload
	if (Array.isArray(value)) return value.map((item) => camelCaseDeep(item, depth + 1));
	const object = asObject(value);
	if (!object) return value;
	const copy: JsonObject = {};
	for (const [key, item] of Object.entries(object)) {
		Object.defineProperty(copy, camelCase(key), {
			value: camelCaseDeep(item, depth + 1),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return copy;
}

/** JSON text with object keys sorted, so equal payloads give equal text whatever their key order. */
function stableStringify(value: unknown, depth = 0): string {
	if (depth > 64) return '"…"';
	if (Array.isArray(value)) return `[${value.map((item) => stableStringify(item, depth + 1)).join(',')}]`;
	const object = asObject(value);
	if (object) {
		const parts = Object.keys(object)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${stableStringify(object[key], depth + 1)}`);
		return `{${parts.join(',')}}`;
	}
	if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
	return 'null';
}

/** A short, stable fingerprint of any JSON value, used as a dedupe key when Meta gives no id. */
export function fingerprint(value: unknown): string {
	return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}
