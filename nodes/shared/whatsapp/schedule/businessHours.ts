import { DateTime } from 'luxon';
import { toIsoUtc } from './instants';
import { assertTimeZone } from './timeZones';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface TimeRange {
	from: string;
	to: string;
}
export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;
export interface BusinessSchedule {
	timeZone: string;
	days: WeeklyHours;
	/** Dates (YYYY-MM-DD, in the schedule's zone) that are closed all day. */
	holidays?: string[];
}
export interface BusinessHoursState {
	open: boolean;
	timeZone: string;
	/** The current time in the schedule's zone, ISO 8601 with its offset. */
	localTime: string;
	holiday: boolean;
	nextOpenAt?: string;
	nextCloseAt?: string;
	reason: string;
}

/** How far ahead to look for the next opening or closing (a year of holidays plus slack). */
const HORIZON_DAYS = 400;
const MINUTES_PER_DAY = 24 * 60;
const CLOCK = /^(\d{1,2}):(\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Span {
	start: DateTime;
	end: DateTime;
}

/**
 * Is `now` inside the schedule's opening hours?
 * - A range whose end is earlier than its start crosses midnight: 22:00-02:00 on Monday runs to
 *   Tuesday 02:00. `24:00` ends a range at midnight.
 * - A holiday is closed for the whole local date: its own ranges (with their after-midnight part)
 *   are dropped, and the previous evening's range is cut at midnight.
 * - Local wall-clock times follow the zone's DST rules; returned instants are UTC ISO strings.
 */
export function isWithinBusinessHours(now: DateTime | Date, schedule: BusinessSchedule): BusinessHoursState {
	const timeZone = assertTimeZone(schedule.timeZone);
	const rangesByWeekday = validateWeeklyHours(schedule.days);
	const holidays = new Set(validateHolidays(schedule.holidays ?? []));
	const instant = DateTime.isDateTime(now) ? now : DateTime.fromJSDate(now);
	const local = instant.setZone(timeZone);
	const isHoliday = holidays.has(local.toISODate() as string);
	const base = {
		timeZone,
		localTime: local.toISO({ suppressMilliseconds: true }) as string,
		holiday: isHoliday,
	};
	const where = `${local.toFormat('cccc HH:mm')} in ${timeZone}`;
	const closedWhy = isHoliday ? `${local.toISODate()} is a holiday (${where})` : where;

	// Walk the spans in start order, merging touching ones (22:00-24:00 + 00:00-02:00), until the
	// block holding `now` has ended or the next block after `now` has begun.
	let current: Span | undefined;
	let settled = false;
	for (const span of openSpans(local, rangesByWeekday, holidays)) {
		if (current && span.start <= current.end) {
			if (span.end > current.end) current = { start: current.start, end: span.end };
			continue;
		}
		if (current && current.end > local) {
			settled = true;
			break;
		}
		current = span;
		if (current.start > local) break;
	}
	if (current && current.start <= local && current.end > local) {
		const closes = settled || current.end < horizonStart(local) ? toIsoUtc(current.end) : undefined;
		const closesText = closes ? `; closes at ${closes}.` : `; no closing in the next ${HORIZON_DAYS} days.`;
		return { ...base, open: true, ...(closes ? { nextCloseAt: closes } : {}), reason: `Open (${where})${closesText}` };
	}
	if (current && current.start > local) {
		const opens = toIsoUtc(current.start);
		return { ...base, open: false, nextOpenAt: opens, reason: `Closed: ${closedWhy}; opens at ${opens}.` };
	}
	return { ...base, open: false, reason: `Closed: ${closedWhy}; no opening hours in the next ${HORIZON_DAYS} days.` };
}

/** Start of the last day openSpans looks at: a block reaching it may continue beyond. */
function horizonStart(local: DateTime): DateTime {
	return local.startOf('day').plus({ days: HORIZON_DAYS - 1 });
}

/** Opening spans in start order, from the day before `local` to the horizon. */
function* openSpans(local: DateTime, rangesByWeekday: Array<Array<[number, number]>>, holidays: Set<string>): Generator<Span> {
	const firstDay = local.startOf('day').minus({ days: 1 });
	for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
		const day = firstDay.plus({ days: offset });
		if (holidays.has(day.toISODate() as string)) continue;
		const nextDay = day.plus({ days: 1 });
		const nextDayIsHoliday = holidays.has(nextDay.toISODate() as string);
		for (const [from, to] of rangesByWeekday[day.weekday - 1]) {
			const start = atMinute(day, from);
			const end = to > from ? atMinute(day, to) : atMinute(nextDay, to);
			const cut = nextDayIsHoliday && end > atMinute(nextDay, 0) ? atMinute(nextDay, 0) : end;
			if (cut > start) yield { start, end: cut };
		}
	}
}

function atMinute(day: DateTime, minuteOfDay: number): DateTime {
	const date = minuteOfDay === MINUTES_PER_DAY ? day.plus({ days: 1 }) : day;
	const minutes = minuteOfDay % MINUTES_PER_DAY;
	return DateTime.fromObject(
		{ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
		{ zone: day.zone },
	);
}

/** Ranges as [fromMinute, toMinute] per weekday (Monday first), sorted by start. */
function validateWeeklyHours(days: WeeklyHours): Array<Array<[number, number]>> {
	for (const key of Object.keys(days ?? {})) {
		if (!(WEEKDAYS as readonly string[]).includes(key)) {
			throw new Error(`Unknown day "${key}" in opening hours. Use ${WEEKDAYS.join(', ')}.`);
		}
	}
	return WEEKDAYS.map((weekday) =>
		(days?.[weekday] ?? [])
			.map((range): [number, number] => {
				const from = clockToMinutes(range.from, false);
				const to = clockToMinutes(range.to, true);
				if (from === to) {
					throw new Error(
						`The ${weekday} range ${range.from}-${range.to} starts and ends at the same time. For a whole day write 00:00-24:00.`,
					);
				}
				return [from, to];
			})
			.sort((a, b) => a[0] - b[0]),
	);
}

/** Minutes since midnight for "HH:mm"; "24:00" only where a range ends. */
export function clockToMinutes(text: string, isEnd: boolean): number {
	const match = CLOCK.exec(String(text ?? '').trim());
	const hours = match ? Number(match[1]) : NaN;
	const minutes = match ? Number(match[2]) : NaN;
	const isMidnightEnd = isEnd && hours === 24 && minutes === 0;
	if (!match || minutes > 59 || (hours > 23 && !isMidnightEnd)) {
		throw new Error(
			`"${text}" is not a time of day. Write HH:mm from 00:00 to 23:59` + (isEnd ? ' (24:00 may end a range).' : '.'),
		);
	}
	return hours * 60 + minutes;
}

function validateHolidays(holidays: string[]): string[] {
	return holidays.map((holiday) => {
		const text = String(holiday).trim();
		if (!ISO_DATE.test(text) || !DateTime.fromISO(text).isValid) {
			throw new Error(`Holiday "${holiday}" is not a date. Write holidays as YYYY-MM-DD, e.g. 2025-12-25.`);
		}
		return text;
	});
}

/**
 * Opening hours as users type them in n8n, e.g. "mon-fri 09:00-12:30, 13:30-17:30; sat 10:00-14:00".
 * - Entries are separated by ";" or new lines; each is DAYS then RANGES.
 * - DAYS: a day (mon, tue, wednesday: any 3+ letter start of the English name), a span (mon-fri;
 *   fri-mon wraps over the weekend), several joined by commas (mon,wed,fri), or "daily".
 * - RANGES: HH:mm-HH:mm joined by commas. An end earlier than the start crosses midnight
 *   (22:00-02:00); 24:00 ends at midnight; "closed" gives no hours. Days not mentioned are closed.
 */
export function parseSchedule(text: string): WeeklyHours {
	const entries = String(text ?? '').split(/[;\n]/).map((entry) => entry.trim()).filter(Boolean);
	if (entries.length === 0) {
		throw new Error('No opening hours were given. Write them like "mon-fri 09:00-17:30; sat 10:00-14:00".');
	}
	const problems: string[] = [];
	const days: WeeklyHours = {};
	entries.forEach((entry, index) => {
		const label = `Entry ${index + 1} "${entry}"`;
		const match = /^(.*?)(\d.*|closed)$/i.exec(entry);
		if (!match || match[1].trim() === '') {
			problems.push(`${label} needs days then hours, e.g. "mon-fri 09:00-17:30".`);
			return;
		}
		try {
			const weekdays = parseDayList(match[1]);
			const ranges = /^closed$/i.test(match[2].trim()) ? [] : parseRanges(match[2]);
			for (const weekday of weekdays) days[weekday] = [...(days[weekday] ?? []), ...ranges];
		} catch (error) {
			problems.push(`${label}: ${(error as Error).message}`);
		}
	});
	if (problems.length > 0) throw new Error(`Opening hours could not be read. ${problems.join(' ')}`);
	validateWeeklyHours(days);
	return days;
}

/** "mon-fri", "mon,wed,fri", "fri-mon", "daily" → weekdays. */
export function parseDayList(text: string): Weekday[] {
	const result = new Set<Weekday>();
	for (const token of text.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
		if (token === 'daily' || token === 'every day' || token === 'everyday') {
			WEEKDAYS.forEach((weekday) => result.add(weekday));
			continue;
		}
		const [first, last, ...rest] = token.split(/\s*[-–]\s*/);
		if (rest.length > 0) throw new Error(`"${token}" is not a day or a span of days like mon-fri.`);
		const start = WEEKDAYS.indexOf(toWeekday(first));
		const end = last === undefined ? start : WEEKDAYS.indexOf(toWeekday(last));
		for (let i = start; ; i = (i + 1) % 7) {
			result.add(WEEKDAYS[i]);
			if (i === end) break;
		}
	}
	if (result.size === 0) throw new Error('no days were named; start with days such as mon-fri.');
	return WEEKDAYS.filter((weekday) => result.has(weekday));
}

function toWeekday(word: string): Weekday {
	const found = word.length >= 3 ? WEEKDAYS.find((weekday) => weekday.startsWith(word)) : undefined;
	if (!found) throw new Error(`"${word}" is not a day. Use mon, tue, wed, thu, fri, sat, sun (or full names).`);
	return found;
}

function parseRanges(text: string): TimeRange[] {
	return text.split(',').map((part) => {
		const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part.trim());
		if (!match) throw new Error(`"${part.trim()}" is not a time range. Write HH:mm-HH:mm, e.g. 09:00-17:30.`);
		clockToMinutes(match[1], false);
		clockToMinutes(match[2], true);
		return { from: match[1].padStart(5, '0'), to: match[2].padStart(5, '0') };
	});
}

/** Holidays typed as a list: "2025-12-25, 2025-12-26" (commas, spaces, ";" or new lines). */
export function parseHolidayList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	return validateHolidays(parts.map((part) => part.trim()).filter(Boolean));
}
