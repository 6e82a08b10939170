/**
 * Times in normalised events follow ONE naming rule: a time called `<name>` is an ISO 8601 UTC string
 * and `<name>Epoch` is the same instant in Unix seconds, as Meta sends it
 * (Meta: Messages webhook reference, Status messages webhook reference, account_update webhook reference).
 * A time Meta sent in a form that is not a time is `null` in both fields: never replaced by a guess.
 */
import { DateTime } from 'luxon';
import { asEpochSeconds, asObject, camelCase, epochToIso, type JsonObject } from './jsonReaders';

/** An instant read from Meta's payload, or null when there was none or it was unreadable. */
export interface ReadTime {
	iso: string | null;
	epoch: number | null;
	/** 'missing' when Meta sent no value, 'unreadable' when the value is not Unix seconds. */
	problem?: 'missing' | 'unreadable';
	/** With problem 'unreadable': the value exactly as Meta sent it. */
	asSent?: unknown;
}

/** No time at all, and none expected (value-level errors carry none, (Meta: Messages webhook reference)). */
export const NO_TIME: ReadTime = { iso: null, epoch: null };

/** Reads Unix seconds (integer or digit string, (Meta: Messages webhook reference)). */
export function readUnixTime(value: unknown): ReadTime {
	if (value === undefined || value === null || value === '') return { iso: null, epoch: null, problem: 'missing' };
	const epoch = asEpochSeconds(value);
	return epoch === undefined ? { iso: null, epoch: null, problem: 'unreadable', asSent: value } : { iso: epochToIso(epoch), epoch };
}

/**
 * `{[name]: iso, [name + 'Epoch']: seconds}` for a Unix-seconds value; `{}` when Meta sent no value
 * (the field is then simply absent), both null when the value is unreadable.
 */
export function timeFields(name: string, value: unknown): Record<string, string | number | null> {
	const time = readUnixTime(value);
	if (time.problem === 'missing') return {};
	return { [name]: time.iso, [`${name}Epoch`]: time.epoch };
}

/**
 * Meta writes `waba_ban_date` as an English date, "April 17, 2025"
 * (Meta: account_update webhook reference); some payloads use ISO dates or Unix seconds. Read as midnight UTC of that day.
 */
export function dateFields(name: string, value: unknown): Record<string, string | number | null> {
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))) return timeFields(name, value);
	if (typeof value !== 'string' || value.trim() === '') return {};
	const text = value.trim();
	const options = { zone: 'utc', locale: 'en-US' };
	const candidates = [
		DateTime.fromFormat(text, 'MMMM d, yyyy', options),
		DateTime.fromFormat(text, 'MMM d, yyyy', options),
		DateTime.fromISO(text, { zone: 'utc' }),
	];
	const date = candidates.find((candidate) => candidate.isValid);
	if (!date) return { [name]: null, [`${name}Epoch`]: null };
	const epoch = Math.floor(date.toSeconds());
	return { [name]: epochToIso(epoch), [`${name}Epoch`]: epoch };
}

const TIME_KEY = /(?:_time|_timestamp)$/;

/**
 * camelCaseDeep for objects Meta nests under WABA-level changes, with every `*_time` / `*_timestamp`
 * key (Unix seconds, e.g. auth_international_rate_eligibility.start_time, volume_tier_info.tier_update_time)
 * turned into the ISO + Epoch pair of the naming rule above.
 */
export function camelCaseWithTimes(value: unknown, depth = 0): unknown {
	if (depth > 64) return undefined;
	if (Array.isArray(value)) return value.map((item) => camelCaseWithTimes(item, depth + 1));
	const object = asObject(value);
	if (!object) return value;
	const copy: JsonObject = {};
	for (const [key, item] of Object.entries(object)) {
		const camelKey = camelCase(key);
		const entries = TIME_KEY.test(key) ? Object.entries(timeFields(camelKey, item)) : [[camelKey, camelCaseWithTimes(item, depth + 1)] as const];
		for (const [entryKey, entryValue] of entries) {
			// Defined, not assigned: a payload key such as "__proto__" stays plain data.
			Object.defineProperty(copy, entryKey, { value: entryValue, enumerable: true, writable: true, configurable: true });
		}
	}
	return copy;
}
