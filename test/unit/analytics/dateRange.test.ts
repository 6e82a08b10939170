import { DateTime } from 'luxon';
import {
	isoUtc,
	resolveDateRange,
	templateAnalyticsDays,
	wabaAnalyticsSeconds,
} from '../../../nodes/shared/whatsapp/analytics';
import { expectValidationError } from '../../harness/expectValidationError';

/** 2025-06-10 15:30 UTC */
const NOW = Date.UTC(2025, 5, 10, 15, 30);
const range = (start: unknown, end: unknown, zone = 'UTC') => resolveDateRange({ preset: 'custom', start, end, zone, now: NOW });

describe('date ranges: presets are whole UTC days ending at 00:00 UTC today', () => {
	it.each([
		['yesterday', '2025-06-09T00:00:00.000Z'],
		['last7Days', '2025-06-03T00:00:00.000Z'],
		['last30Days', '2025-05-11T00:00:00.000Z'],
	] as const)('%s starts at %s and ends at 00:00 UTC today', (preset, start) => {
		const resolved = resolveDateRange({ preset, zone: 'America/New_York', now: NOW });
		expect([isoUtc(resolved.start), isoUtc(resolved.end)]).toEqual([start, '2025-06-10T00:00:00.000Z']);
	});
});

describe('date ranges: custom Start and End', () => {
	it('reads a date-time without offset in the workflow time zone, and keeps explicit offsets', () => {
		const resolved = range('2025-06-01T00:00:00', '2025-06-02T00:00:00+00:00', 'Europe/Berlin');
		expect([isoUtc(resolved.start), isoUtc(resolved.end)]).toEqual(['2025-05-31T22:00:00.000Z', '2025-06-02T00:00:00.000Z']);
	});

	it('reads luxon DateTimes ($today), JS Dates and epoch seconds', () => {
		const resolved = range(DateTime.fromISO('2025-06-01T00:00:00Z'), 1748822400);
		expect([isoUtc(resolved.start), isoUtc(resolved.end)]).toEqual(['2025-06-01T00:00:00.000Z', '2025-06-02T00:00:00.000Z']);
		expect(isoUtc(range(new Date('2025-06-01T12:00:00Z'), '2025-06-03').start)).toBe('2025-06-01T12:00:00.000Z');
	});

	it('an unreadable Start names the field and shows an example', () => {
		expectValidationError(() => range('last tuesday', '2025-06-02'), 'startDate', /\$today\.minus/);
		expectValidationError(() => range('2025-06-01', ''), 'endDate', /date-time/);
	});

	it('End must come after Start', () => {
		expectValidationError(() => range('2025-06-02T10:00:00', '2025-06-02T10:00:00'), 'endDate', /later/);
		expectValidationError(() => range('2025-06-03', '2025-06-02'), 'endDate', /later/);
	});

	it("a date alone as End means the end of that day, in the workflow's zone: 2026-11-30 to 2026-11-30 is that whole day", () => {
		const resolved = range('2026-11-30', '2026-11-30', 'America/New_York');
		expect([isoUtc(resolved.start), isoUtc(resolved.end)]).toEqual(['2026-11-30T05:00:00.000Z', '2026-12-01T05:00:00.000Z']);
		// A date-time End stays the first instant not included.
		expect(isoUtc(range('2026-11-29', '2026-11-30T00:00:00', 'America/New_York').end)).toBe('2026-11-30T05:00:00.000Z');
		// Across a DST change the day ends at local midnight (2025-03-30 in Berlin has 23 hours).
		expect(isoUtc(range('2025-03-30', '2025-03-30', 'Europe/Berlin').end)).toBe('2025-03-30T22:00:00.000Z');
	});
});

describe('template analytics days (Meta: Analytics, UTC days, 90 days back)', () => {
	it('a whole-day range asks from 00:00 UTC of the first day to the last second of the last day', () => {
		const days = templateAnalyticsDays(range('2025-06-01', '2025-06-02'), NOW);
		expect(days).toMatchObject({ days: 2, start: Date.UTC(2025, 5, 1) / 1000, end: Date.UTC(2025, 5, 3) / 1000 - 1 });
	});

	it('times inside a day widen the range to the whole UTC days they touch', () => {
		const days = templateAnalyticsDays(range('2025-06-01T18:00:00Z', '2025-06-02T06:00:00Z'), NOW);
		expect([days.firstDay.toISODate(), days.lastDay.toISODate(), days.days]).toEqual(['2025-06-01', '2025-06-02', 2]);
	});

	it('the 90th day back is allowed, the 91st names the first allowed day', () => {
		expect(templateAnalyticsDays(range('2025-03-12', '2025-03-12'), NOW).days).toBe(1);
		expectValidationError(() => templateAnalyticsDays(range('2025-03-11', '2025-03-12'), NOW), 'startDate', /2025-03-12/);
	});

	it('a range starting after today is refused', () => {
		expectValidationError(() => templateAnalyticsDays(range('2025-06-11', '2025-06-11'), NOW), 'startDate', /2025-06-10/);
	});
});

describe('messaging and pricing analytics seconds (one year back)', () => {
	it('gives Unix seconds, end excluded', () => {
		expect(wabaAnalyticsSeconds(range('2025-06-01T00:00:00Z', '2025-06-01T12:00:00.500Z'), NOW)).toEqual({ start: 1748736000, end: 1748779201 });
	});

	it('more than a year back is refused with the earliest start that works', () => {
		expectValidationError(() => wabaAnalyticsSeconds(range('2024-06-01', '2024-07-01'), NOW), 'startDate', /2024-06-11/);
	});
});
