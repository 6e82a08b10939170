/**
 * Date ranges of the analytics requests (Meta: Analytics): what the user picked (a preset or two
 * date-times) → the Unix seconds (UTC) Meta's endpoints take, checked against Meta's limits first so
 * a bad range fails before any request with an error that names the fix.
 *
 * Every range is half-open: from `start` (included) up to `end` (not included); a date alone as End
 * (2025-06-30) includes that day, up to the next midnight. Presets are whole UTC days ending at 00:00
 * UTC today, because Meta counts template analytics per UTC day.
 */
import { DateTime } from 'luxon';
import { parseInstant } from '../schedule/instants';
import { WhatsAppValidationError } from '../validationError';

export type DateRangePreset = 'yesterday' | 'last7Days' | 'last30Days' | 'custom';

/** Whole UTC days each preset covers, ending at 00:00 UTC today (today is not over yet). */
const PRESET_DAYS: Record<Exclude<DateRangePreset, 'custom'>, number> = { yesterday: 1, last7Days: 7, last30Days: 30 };

export interface DateRangeInput {
	preset: DateRangePreset;
	/** Custom range only: anything parseInstant reads (ISO text, epoch seconds or ms, Date, luxon DateTime). */
	start?: unknown;
	end?: unknown;
	/** IANA zone for custom date-times written without an offset: the workflow's time zone. */
	zone: string;
	/** The current time, milliseconds since the epoch. */
	now: number;
}

/** A half-open range of instants, both in UTC. */
export interface InstantRange {
	start: DateTime;
	end: DateTime;
}

const EXAMPLE_EXPRESSIONS = 'e.g. 2025-06-01T00:00:00, or an expression such as {{ $today.minus({ days: 7 }) }}';

/**
 * The instants of a preset or custom range. Date-times without an offset, and a date alone, are read
 * in `zone`; a date alone as End means the end of that day (the next midnight, excluded).
 * @throws WhatsAppValidationError (field startDate or endDate) when a date cannot be read or End is not after Start.
 */
export function resolveDateRange(input: DateRangeInput): InstantRange {
	if (input.preset !== 'custom') {
		const days = PRESET_DAYS[input.preset];
		if (days === undefined) {
			throw new WhatsAppValidationError(`Unknown date range "${String(input.preset)}".`, 'dateRange', 'Choose Yesterday, Last 7 Days, Last 30 Days or Custom.');
		}
		const end = startOfUtcDay(DateTime.fromMillis(input.now, { zone: 'utc' }));
		return { start: end.minus({ days }), end };
	}
	const start = readDate(input.start, input.zone, 'startDate', 'Start');
	// A date alone as End means that whole day: the range runs to the next midnight, in the same zone.
	const endOfDay = isDateOnly(input.end);
	const read = readDate(input.end, input.zone, 'endDate', 'End');
	const end = endOfDay ? read.setZone(input.zone).plus({ days: 1 }).startOf('day').toUTC() : read;
	if (end <= start) {
		throw new WhatsAppValidationError(
			`End (${isoUtc(end)}) must be after Start (${isoUtc(start)}).`,
			'endDate',
			'Set End to a later date-time than Start: the range runs from Start up to, not including, End.',
		);
	}
	return { start, end };
}

/** 2025-06-01: a calendar date without a time. */
function isDateOnly(value: unknown): boolean {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
}

function readDate(value: unknown, zone: string, field: string, label: string): DateTime {
	const parsed = parseInstant(value, { zone });
	if (parsed) return parsed;
	const shown = typeof value === 'string' && value.trim() !== '' ? `"${value.slice(0, 60)}"` : 'an empty value';
	throw new WhatsAppValidationError(`${label} is ${shown}, which is not a date-time.`, field, `Enter ${label} as a date-time, ${EXAMPLE_EXPRESSIONS}.`);
}

/** Meta's Analytics page: template analytics reach back 90 days. */
export const TEMPLATE_ANALYTICS_LOOKBACK_DAYS = 90;

/** The UTC days of a template analytics request and the Unix seconds sent for them. */
export interface TemplateAnalyticsDays {
	/** 00:00 UTC of the first and of the last day asked for. */
	firstDay: DateTime;
	lastDay: DateTime;
	days: number;
	/** Unix seconds: 00:00 UTC of the first day. */
	start: number;
	/**
	 * Unix seconds: the last second (23:59:59 UTC) of the last day. Meta rounds both ends to whole UTC
	 * days; a time inside the last day keeps that day in whichever direction `end` is rounded.
	 */
	end: number;
}

/**
 * Template analytics count whole UTC days (Meta: Analytics): the range becomes the days from Start's
 * UTC day to the UTC day of the last instant before End.
 * @throws WhatsAppValidationError when the range starts more than 90 days back or in the future.
 */
export function templateAnalyticsDays(range: InstantRange, now: number): TemplateAnalyticsDays {
	const firstDay = startOfUtcDay(range.start);
	const lastDay = startOfUtcDay(range.end.minus({ milliseconds: 1 }));
	const today = startOfUtcDay(DateTime.fromMillis(now, { zone: 'utc' }));
	const oldest = today.minus({ days: TEMPLATE_ANALYTICS_LOOKBACK_DAYS });
	if (firstDay < oldest) {
		throw new WhatsAppValidationError(
			`Template analytics reach back ${TEMPLATE_ANALYTICS_LOOKBACK_DAYS} days; the range starts on ${isoDay(firstDay)}.`,
			'startDate',
			`Start on ${isoDay(oldest)} or later (UTC days).`,
		);
	}
	if (firstDay > today) {
		throw new WhatsAppValidationError(`The range starts on ${isoDay(firstDay)}, in the future.`, 'startDate', `Start on ${isoDay(today)} (today, UTC) or earlier.`);
	}
	const days = Math.round(lastDay.diff(firstDay, 'days').days) + 1;
	return { firstDay, lastDay, days, start: firstDay.toSeconds(), end: lastDay.toSeconds() + 86_399 };
}

/** Meta's Analytics page: messaging, conversation and pricing analytics reach back one year (since December 2025). */
export const WABA_ANALYTICS_LOOKBACK_YEARS = 1;

/**
 * Unix seconds (UTC) of a messaging or pricing analytics range, `end` excluded.
 * @throws WhatsAppValidationError when the range starts more than a year back.
 */
export function wabaAnalyticsSeconds(range: InstantRange, now: number): { start: number; end: number } {
	const oldest = DateTime.fromMillis(now, { zone: 'utc' }).minus({ years: WABA_ANALYTICS_LOOKBACK_YEARS });
	if (range.start < oldest) {
		throw new WhatsAppValidationError(
			`Messaging and pricing analytics reach back one year; the range starts at ${isoUtc(range.start)}.`,
			'startDate',
			`Start at ${isoUtc(startOfUtcDay(oldest).plus({ days: 1 }))} or later.`,
		);
	}
	return { start: Math.floor(range.start.toSeconds()), end: Math.ceil(range.end.toSeconds()) };
}

export function startOfUtcDay(instant: DateTime): DateTime {
	return instant.toUTC().startOf('day');
}

/** 2025-06-01 (the UTC calendar day). */
export function isoDay(instant: DateTime): string {
	return instant.toUTC().toISODate() as string;
}

/** 2025-06-01T00:00:00.000Z */
export function isoUtc(instant: DateTime): string {
	return instant.toUTC().toISO() as string;
}

/** Unix seconds → the ISO instant and its UTC day, as the analytics rows show them. */
export function epochToIsoAndDay(seconds: number): { iso: string; day: string } {
	const instant = DateTime.fromSeconds(seconds, { zone: 'utc' });
	return { iso: isoUtc(instant), day: isoDay(instant) };
}
