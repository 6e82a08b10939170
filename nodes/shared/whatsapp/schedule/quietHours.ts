import { DateTime } from 'luxon';
import { clockToMinutes, isWithinBusinessHours, TimeRange, Weekday, WEEKDAYS, WeeklyHours } from './businessHours';
import { assertTimeZone, timeZoneFromPhoneNumber } from './timeZones';

export interface QuietHoursInput {
	/** wa_id or E.164 number of the person we are about to message. */
	recipient: unknown;
	now?: DateTime | Date;
	/** Local time (HH:mm) from which we stay silent, e.g. 21:00. */
	quietStart: string;
	/** Local time (HH:mm) at which sending may resume, e.g. 08:00. */
	quietEnd: string;
	/** Used when the number's country has several zones or cannot be told. */
	defaultTimeZone?: string;
	/** Days on which sending is allowed at all; every day when not given. */
	allowedDays?: Weekday[];
}

export interface QuietHoursDecision {
	allowed: boolean;
	timeZone: string;
	timeZoneSource: 'phone' | 'default';
	country?: string;
	/** The recipient's current local time, ISO 8601 with its offset. */
	localTime: string;
	/** When sending becomes allowed again (UTC ISO), for a Wait node; only when not allowed now. */
	nextAllowedAt?: string;
	reason: string;
}

/**
 * May we message this recipient now, in their local time? The zone comes from the phone number
 * when its country has a single zone, otherwise from `defaultTimeZone`.
 * Quiet hours whose end is earlier than their start cross midnight (21:00-08:00).
 */
export function quietHoursDecision(input: QuietHoursInput): QuietHoursDecision {
	const allowedRanges = rangesOutsideQuietHours(input.quietStart, input.quietEnd);
	const allowedDays = input.allowedDays ?? [...WEEKDAYS];
	for (const day of allowedDays) {
		if (!WEEKDAYS.includes(day)) throw new Error(`Unknown day "${day}". Use ${WEEKDAYS.join(', ')}.`);
	}
	if (allowedDays.length === 0) throw new Error('No sending days were chosen. Allow at least one day.');

	const phone = timeZoneFromPhoneNumber(input.recipient);
	let timeZone: string;
	let timeZoneSource: 'phone' | 'default';
	if (phone.timeZone) {
		timeZone = phone.timeZone;
		timeZoneSource = 'phone';
	} else {
		if (!input.defaultTimeZone?.trim()) {
			throw new Error(
				`Cannot tell the recipient's time zone (${phone.reason}). Set a default time zone such as America/New_York.`,
			);
		}
		timeZone = assertTimeZone(input.defaultTimeZone);
		timeZoneSource = 'default';
	}

	const days: WeeklyHours = {};
	for (const day of allowedDays) days[day] = allowedRanges;
	const now = input.now ?? DateTime.utc();
	const state = isWithinBusinessHours(now, { timeZone, days });
	const local = DateTime.fromISO(state.localTime, { setZone: true });
	const zoneNote = timeZoneSource === 'phone'
		? `${timeZone}: ${phone.reason}`
		: `default zone ${timeZone}, as ${phone.reason}`;
	const quiet = `${input.quietStart}-${input.quietEnd}`;
	const where = `${local.toFormat('cccc HH:mm')} (${zoneNote})`;

	if (state.open) {
		return { allowed: true, timeZone, timeZoneSource, ...country(phone.country), localTime: state.localTime,
			reason: `Send now: ${where} is outside quiet hours ${quiet}.` };
	}
	const dayAllowed = allowedDays.includes(WEEKDAYS[local.weekday - 1]);
	const why = dayAllowed ? `is inside quiet hours ${quiet}` : `is on a day without sending`;
	return {
		allowed: false,
		timeZone,
		timeZoneSource,
		...country(phone.country),
		localTime: state.localTime,
		...(state.nextOpenAt ? { nextAllowedAt: state.nextOpenAt } : {}),
		reason: `Later: ${where} ${why}` + (state.nextOpenAt ? `; next allowed at ${state.nextOpenAt}.` : '.'),
	};
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
