import { DateTime } from 'luxon';
import { clockToMinutes, isWithinBusinessHours, type BusinessHoursState, TimeRange, Weekday, WEEKDAYS, WeeklyHours } from './businessHours';
import { assertTimeZone, recipientWaId, timeZoneFromPhoneNumber } from './timeZones';

export interface QuietHoursInput {
	/** wa_id or E.164 number of the person we are about to message. */
	recipient: unknown;
	now?: DateTime | Date;
	/** Local time (HH:mm) from which we stay silent, e.g. 21:00. */
	quietStart: string;
	/** Local time (HH:mm) at which sending may resume, e.g. 08:00. */
	quietEnd: string;
	/** Used when the number's country cannot be told or has no known zone (never for a country with several zones). */
	defaultTimeZone?: string;
	/** Days on which sending is allowed at all; every day when not given. */
	allowedDays?: Weekday[];
}

export interface QuietHoursDecision {
	allowed: boolean;
	/** The zone decided on; for a country with several zones, the first of `timeZones`. */
	timeZone: string;
	/** Every zone of a country with several civil times: allowed only when all are outside quiet hours. */
	timeZones?: string[];
	timeZoneSource: 'phone' | 'default';
	country?: string;
	/** The recipient's number as a wa_id (digits with country code), when it is a number that can be read. */
	waId?: string;
	/** The recipient's current local time, ISO 8601 with its offset. */
	localTime: string;
	/** When sending becomes allowed again (UTC ISO), for a Wait node; only when not allowed now. */
	nextAllowedAt?: string;
	reason: string;
}

/**
 * May we message this recipient now, in their local time? The zone comes from the phone number (or a
 * business-scoped user ID's country prefix) when its country has a single zone. For a country with
 * several (the US, Brazil, Russia …) the number does not tell where the person is, so sending is
 * allowed only when it is outside quiet hours in every zone of that country, and `nextAllowedAt` is
 * the first such time. `defaultTimeZone` serves numbers whose country cannot be told.
 * Quiet hours whose end is earlier than their start cross midnight (21:00-08:00).
 * `waId` is the recipient's number as a wa_id, to look the contact up by.
 * Throws (with the fix) for bad hours, days or zones, a number without its country code, and when no
 * hour is outside quiet hours in all zones.
 */
export function quietHoursDecision(input: QuietHoursInput): QuietHoursDecision {
	const allowedRanges = rangesOutsideQuietHours(input.quietStart, input.quietEnd);
	const allowedDays = input.allowedDays ?? [...WEEKDAYS];
	for (const day of allowedDays) {
		if (!WEEKDAYS.includes(day)) throw new Error(`Unknown day "${day}". Use ${WEEKDAYS.join(', ')}.`);
	}
	if (allowedDays.length === 0) throw new Error('No sending days were chosen. Allow at least one day.');

	const waId = recipientWaId(input.recipient);
	const phone = timeZoneFromPhoneNumber(input.recipient);
	let zones: string[];
	let timeZoneSource: 'phone' | 'default';
	if (phone.timeZone || phone.timeZones) {
		zones = phone.timeZone ? [phone.timeZone] : [...phone.timeZones!];
		timeZoneSource = 'phone';
	} else {
		if (!input.defaultTimeZone?.trim()) {
			throw new Error(
				`Cannot tell the recipient's time zone (${phone.reason}). Set a default time zone such as America/New_York.`,
			);
		}
		zones = [assertTimeZone(input.defaultTimeZone)];
		timeZoneSource = 'default';
	}

	const days: WeeklyHours = {};
	for (const day of allowedDays) days[day] = allowedRanges;
	const statesAt = (at: DateTime) => zones.map((timeZone) => isWithinBusinessHours(at, { timeZone, days }));
	const now = input.now ? (DateTime.isDateTime(input.now) ? input.now : DateTime.fromJSDate(input.now)) : DateTime.utc();
	const states = statesAt(now);
	const [first] = states;
	const quiet = `${input.quietStart}-${input.quietEnd}`;
	const zoneNote = timeZoneSource === 'phone' ? phone.reason : `default zone ${zones[0]}, as ${phone.reason}`;
	const where = zones.length === 1 ? `${localClock(first)} (${timeZoneSource === 'phone' ? `${zones[0]}: ` : ''}${zoneNote})` : `${states.map((state) => `${localClock(state)} in ${state.timeZone}`).join(', ')} (${zoneNote})`;
	const common = { timeZone: zones[0], ...(zones.length > 1 ? { timeZones: zones } : {}), timeZoneSource, ...country(phone.country), ...(waId ? { waId } : {}), localTime: first.localTime };

	if (states.every((state) => state.open)) {
		return { allowed: true, ...common, reason: `Send now: ${where} is outside quiet hours ${quiet}.` };
	}
	const nextAllowedAt = zones.length === 1 ? first.nextOpenAt : firstCommonOpening(now, statesAt, quiet, phone.country);
	const closed = states.find((state) => !state.open)!;
	const dayAllowed = allowedDays.includes(WEEKDAYS[DateTime.fromISO(closed.localTime, { setZone: true }).weekday - 1]);
	const why = dayAllowed ? `is inside quiet hours ${quiet}${zones.length > 1 ? ` in ${closed.timeZone}` : ''}` : `is on a day without sending${zones.length > 1 ? ` in ${closed.timeZone}` : ''}`;
	return {
		allowed: false,
		...common,
		...(nextAllowedAt ? { nextAllowedAt } : {}),
		reason: `Later: ${where} ${why}` + (nextAllowedAt ? `; next allowed at ${nextAllowedAt}.` : '.'),
	};
}

function localClock(state: BusinessHoursState): string {
	return DateTime.fromISO(state.localTime, { setZone: true }).toFormat('cccc HH:mm');
}

/**
 * The first instant (UTC ISO) after `now` outside quiet hours in every zone: jumps to the latest next
 * opening of the zones still quiet until all are open (never past the common opening, which lies at
 * or after each of those). Throws when the zones share no such time within a few weeks.
 */
function firstCommonOpening(now: DateTime, statesAt: (at: DateTime) => BusinessHoursState[], quiet: string, countryCode?: string): string {
	let at = now;
	for (let step = 0; step < 200; step++) {
		const states = statesAt(at);
		if (states.every((state) => state.open)) return at.toUTC().toISO({ suppressMilliseconds: true })!;
		const next = states.filter((state) => !state.open).map((state) => (state.nextOpenAt ? DateTime.fromISO(state.nextOpenAt, { zone: 'utc' }).toMillis() : Number.NaN));
		if (next.some((millis) => Number.isNaN(millis))) break;
		at = DateTime.fromMillis(Math.max(...next), { zone: 'utc' });
		if (at.diff(now, 'days').days > 21) break;
	}
	throw new Error(
		`Quiet hours ${quiet} leave no time that is outside them in every time zone of ${countryCode ?? 'the recipient\'s country'}. Shorten the quiet hours (or allow more days), or route these numbers another way.`,
	);
}

/** The part of each day outside the quiet hours, as opening ranges. */
function rangesOutsideQuietHours(quietStart: string, quietEnd: string): TimeRange[] {
	const start = clockToMinutes(quietStart, false);
	const end = clockToMinutes(quietEnd, true);
	if (start === end) {
		throw new Error(`Quiet hours start and end at the same time (${quietStart}). Give a start and an end, e.g. 21:00 and 08:00.`);
	}
	if (start > end) return [{ from: quietEnd, to: quietStart }];
	const ranges: TimeRange[] = [];
	if (start > 0) ranges.push({ from: '00:00', to: quietStart });
	if (end < 24 * 60) ranges.push({ from: quietEnd, to: '24:00' });
	if (ranges.length === 0) throw new Error('Quiet hours 00:00-24:00 leave no time to send. Shorten them.');
	return ranges;
}

function country(code: string | undefined): { country?: string } {
	return code ? { country: code } : {};
}
