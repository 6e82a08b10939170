import { DateTime } from 'luxon';
import { assertTimeZone } from './timeZones';

/**
 * Reading "a point in time" from whatever a workflow hands us: the trigger's `timestamp` (ISO UTC)
 * or `timestampEpoch` (seconds, as Meta sends it, (Meta: Messages webhook reference)), a Data table column, a JS Date or a luxon
 * DateTime (n8n's `$now`).
 *
 * Epoch numbers are told apart by magnitude:
 *   0 < n < 1e11          seconds       (1e11 s is the year 5138, so every real timestamp fits)
 *   1e11 <= n < 1e14      milliseconds  (1e11 ms is 1973-03-03, so no real date is lost)
 *   n <= 0 or n >= 1e14   rejected      (0 is usually an empty column; 1e14+ looks like microseconds)
 */
export const EPOCH_MILLISECONDS_FROM = 1e11;
const EPOCH_TOO_LARGE_FROM = 1e14;

/** The forms parseInstant reads, for error messages that name them. */
export const ACCEPTED_INSTANT_FORMATS =
	'an ISO 8601 date-time (2025-03-01T14:30:00Z, 2025-03-01T15:30:00+01:00, or 2025-03-01T14:30:00 ' +
	'read as UTC), "2025-03-01 14:30:00" (SQL style, read as UTC), epoch seconds (1740839400), ' +
	'epoch milliseconds (1740839400000), a JavaScript Date or a luxon DateTime';

export interface ParseInstantOptions {
	/** IANA zone for date-times written without an offset; UTC when not given. */
	zone?: string;
}

const NUMERIC_TEXT = /^[+]?\d+(\.\d+)?$/;

/** Returns the instant in UTC, or undefined when the value is empty or not a readable time. */
export function parseInstant(value: unknown, options: ParseInstantOptions = {}): DateTime | undefined {
	const zone = options.zone === undefined ? 'utc' : assertTimeZone(options.zone);
	const parsed = parseAny(value, zone);
	return parsed?.isValid ? parsed.toUTC() : undefined;
}

/** Like parseInstant, but an empty or unreadable value is an error that names the accepted formats. */
export function parseInstantOrThrow(value: unknown, options: ParseInstantOptions = {}): DateTime {
	const parsed = parseInstant(value, options);
	if (parsed) return parsed;
	if (isEmptyValue(value)) {
		throw new Error(`No time was given. Provide ${ACCEPTED_INSTANT_FORMATS}.`);
	}
	throw new Error(`Cannot read ${describeValue(value)} as a point in time. Use ${ACCEPTED_INSTANT_FORMATS}.`);
}

/** True for undefined, null and blank strings: "no time stored yet" rather than "a bad time". */
export function isEmptyValue(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** ISO 8601 in UTC without needless milliseconds, e.g. 2025-03-01T14:30:00Z. */
export function toIsoUtc(instant: DateTime): string {
	return instant.toUTC().toISO({ suppressMilliseconds: true }) as string;
}

function parseAny(value: unknown, zone: string): DateTime | undefined {
	if (DateTime.isDateTime(value)) {
		// May come from another copy of luxon (n8n's own), so rebuild it from its epoch.
		return value.isValid ? DateTime.fromMillis(value.toMillis(), { zone: 'utc' }) : undefined;
	}
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : DateTime.fromJSDate(value, { zone: 'utc' });
	}
	if (typeof value === 'number') return fromEpoch(value);
	if (typeof value === 'string') return fromText(value.trim(), zone);
	return undefined;
}

function fromText(text: string, zone: string): DateTime | undefined {
	if (text === '') return undefined;
	if (NUMERIC_TEXT.test(text)) return fromEpoch(Number(text));
	const iso = DateTime.fromISO(text, { zone });
	if (iso.isValid) return iso;
	const sql = DateTime.fromSQL(text, { zone });
	return sql.isValid ? sql : undefined;
}

function fromEpoch(value: number): DateTime | undefined {
	if (!Number.isFinite(value) || value <= 0 || value >= EPOCH_TOO_LARGE_FROM) return undefined;
	const millis = value < EPOCH_MILLISECONDS_FROM ? value * 1000 : value;
	return DateTime.fromMillis(Math.round(millis), { zone: 'utc' });
}

function describeValue(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 60 ? value.slice(0, 60) + '…' : value}"`;
	if (typeof value === 'number') return String(value);
	if (value instanceof Date) return 'an invalid Date';
	if (DateTime.isDateTime(value)) return 'an invalid DateTime';
	return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
