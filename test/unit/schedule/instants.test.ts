import { DateTime } from 'luxon';
import {
	EPOCH_MILLISECONDS_FROM,
	parseInstant,
	parseInstantOrThrow,
	toIsoUtc,
} from '../../../nodes/shared/whatsapp/schedule/instants';

// The webhook's messages[].timestamp from Meta's Messages webhook reference page: and the same instant in other spellings.
const META_TIMESTAMP = '1749416383';
const SAME_INSTANT = '2025-06-08T20:59:43Z';

function iso(value: unknown, zone?: string): string | undefined {
	const parsed = parseInstant(value, zone ? { zone } : {});
	return parsed ? toIsoUtc(parsed) : undefined;
}

describe('parseInstant reads every time format a workflow may hold', () => {
	it.each([
		['Meta epoch seconds as a string', META_TIMESTAMP],
		['epoch seconds as a number', 1749416383],
		['epoch milliseconds as a number', 1749416383000],
		['epoch milliseconds as a string', '1749416383000'],
		['ISO 8601 in UTC with Z', SAME_INSTANT],
		['ISO 8601 with a positive offset', '2025-06-08T22:59:43+02:00'],
		['ISO 8601 with a negative offset', '2025-06-08T16:59:43-04:00'],
		['ISO 8601 with milliseconds', '2025-06-08T20:59:43.000Z'],
		['ISO 8601 without offset (read as UTC)', '2025-06-08T20:59:43'],
		['ISO 8601 with a bracketed IANA zone', '2025-06-08T22:59:43[Europe/Berlin]'],
		['SQL style date-time (read as UTC)', '2025-06-08 20:59:43'],
		['a JS Date', new Date(SAME_INSTANT)],
		['a luxon DateTime in another zone', DateTime.fromISO(SAME_INSTANT).setZone('Asia/Tokyo')],
		['text with surrounding spaces', `  ${META_TIMESTAMP}  `],
	])('%s', (_label, value) => {
		expect(iso(value)).toBe(SAME_INSTANT);
	});

	it('reads a date-time without offset in the zone it is given', () => {
		expect(iso('2025-06-08T22:59:43', 'Europe/Berlin')).toBe(SAME_INSTANT);
		expect(iso('2025-01-08T12:00:00', 'America/New_York')).toBe('2025-01-08T17:00:00Z');
	});

	it('keeps an explicit offset even when a zone is given', () => {
		expect(iso('2025-06-08T20:59:43Z', 'Asia/Tokyo')).toBe(SAME_INSTANT);
	});

	it('tells seconds from milliseconds at 1e11', () => {
		expect(iso(EPOCH_MILLISECONDS_FROM - 1)).toBe('5138-11-16T09:46:39Z');
		expect(iso(EPOCH_MILLISECONDS_FROM)).toBe('1973-03-03T09:46:40Z');
	});

	it('keeps fractional epoch seconds to the millisecond', () => {
		expect(parseInstant('1749416383.25')?.toMillis()).toBe(1749416383250);
	});

	it.each([
		['undefined', undefined],
		['null', null],
		['an empty string', ''],
		['blank text', '   '],
		['zero (an empty number column)', 0],
		['a negative number', -5],
		['microseconds', 1749416383000000],
		['NaN', Number.NaN],
		['words', 'yesterday'],
		['a bad ISO date', '2025-13-40T10:00:00Z'],
		['an invalid Date', new Date('nope')],
		['an object', { timestamp: META_TIMESTAMP }],
		['a boolean', true],
	])('returns undefined for %s', (_label, value) => {
		expect(parseInstant(value)).toBeUndefined();
	});

	it('rejects an unknown zone with a message naming the fix', () => {
		expect(() => parseInstant('2025-06-08T20:59:43', { zone: 'Europe/Berln' })).toThrow(
			/Unknown time zone "Europe\/Berln".*IANA name such as Europe\/Berlin/,
		);
	});
});

describe('parseInstantOrThrow', () => {
	it('returns the UTC instant', () => {
		expect(parseInstantOrThrow(META_TIMESTAMP).toISO()).toBe('2025-06-08T20:59:43.000Z');
	});

	it('names the accepted formats when the value is unreadable', () => {
		expect(() => parseInstantOrThrow('last tuesday')).toThrow(
			/Cannot read "last tuesday" as a point in time\. Use an ISO 8601 date-time .*epoch seconds .*epoch milliseconds/,
		);
	});

	it('says that no time was given for an empty value', () => {
		expect(() => parseInstantOrThrow(undefined)).toThrow(/^No time was given\. Provide an ISO 8601/);
	});
});
