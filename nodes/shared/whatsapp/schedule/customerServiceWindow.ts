import { DateTime } from 'luxon';
import { isEmptyValue, parseInstant, parseInstantOrThrow, toIsoUtc } from './instants';

/** Meta's Customer service windows page: every inbound message opens or refreshes a 24-hour customer-service window. */
const CUSTOMER_SERVICE_WINDOW_HOURS = 24;
/** Meta's Pricing page: a reply within 24 h of a click-to-WhatsApp referral opens a 72-hour free entry point window. */
const FREE_ENTRY_POINT_HOURS = 72;
const MAX_SAFETY_MARGIN_MINUTES = CUSTOMER_SERVICE_WINDOW_HOURS * 60;
/**
 * How far a last inbound time may lie in the future and still be read as "just now": the clocks of
 * Meta, n8n and a database differ by seconds, not minutes. Anything later is a wrong clock or a
 * local time stored as UTC, and the window is Unknown (never open for hours after it really closed).
 */
export const FUTURE_TOLERANCE_MINUTES = 5;

export type WindowStatus = 'open' | 'closed' | 'unknown';

export interface FreeEntryPointState {
	applies: boolean;
	isOpen: boolean;
	opensAt?: string;
	closesAt?: string;
	/** True when opensAt/closesAt were estimated from the referral time (first reply unknown). */
	approximate: boolean;
}

export interface WindowState {
	status: WindowStatus;
	isOpen: boolean;
	lastInboundAt?: string;
	/** When Meta closes the window: exactly 24 h after the last inbound message. */
	closesAt?: string;
	/** Time left for free-form messages, counting down to closesAt minus the safety margin. */
	secondsLeft: number;
	minutesLeft: number;
	humanLeft: string;
	safetyMarginMinutes: number;
	freeEntryPoint?: FreeEntryPointState;
	reason: string;
}

export interface CustomerServiceWindowInput {
	lastInboundAt: unknown;
	now?: DateTime | Date;
	safetyMarginMinutes?: number;
	/** Inbound time of a message that carried a click-to-WhatsApp `referral` (Meta: Messages webhook reference). */
	referralAt?: unknown;
	/** Time of the business's first reply after that referral message. */
	firstReplyAt?: unknown;
}

/**
 * Is the 24 h customer-service window open? All maths is on UTC instants, so DST never matters.
 *
 * Boundary: the window is open while `now < lastInboundAt + 24 h`. At 23:59:59 it is open;
 * at exactly 24:00:00 it is closed. With a safety margin of N minutes it is treated as closed
 * once N minutes or fewer are left, so a slow send cannot land after Meta closes it. A last inbound
 * time more than FUTURE_TOLERANCE_MINUTES ahead of `now` gives `unknown` (see there).
 */
export function customerServiceWindow(input: CustomerServiceWindowInput): WindowState {
	const safetyMarginMinutes = validateSafetyMargin(input.safetyMarginMinutes ?? 0);
	const now = toUtc(input.now);
	const freeEntryPoint = freeEntryPointWindow(input.referralAt, input.firstReplyAt, now);
	const fepNote = freeEntryPoint ? ' ' + freeEntryPoint.note : '';
	const fep = freeEntryPoint?.state;

	const base = { safetyMarginMinutes, ...(fep ? { freeEntryPoint: fep } : {}) };
	let lastInbound: DateTime;
	try {
		lastInbound = parseInstantOrThrow(input.lastInboundAt);
	} catch (error) {
		const why = isEmptyValue(input.lastInboundAt)
			? 'No last inbound message time was given. Map the trigger\'s "timestamp" or a stored last_inbound_at column.'
			: (error as Error).message;
		return { ...base, status: 'unknown', isOpen: false, secondsLeft: 0, minutesLeft: 0, humanLeft: 'unknown', reason: `Unknown: ${why}${fepNote}` };
	}

	if (lastInbound > now.plus({ minutes: FUTURE_TOLERANCE_MINUTES })) {
		const ahead = formatDuration(Math.round((lastInbound.toMillis() - now.toMillis()) / 1000));
		return {
			...base,
			lastInboundAt: toIsoUtc(lastInbound),
			status: 'unknown',
			isOpen: false,
			secondsLeft: 0,
			minutesLeft: 0,
			humanLeft: 'unknown',
			reason:
				`Unknown: the last inbound time ${toIsoUtc(lastInbound)} is ${ahead} in the future (more than the ${FUTURE_TOLERANCE_MINUTES} min allowed for clock differences). ` +
				'A local time was probably stored as UTC, or a clock is wrong: store the trigger\'s "timestamp" (UTC) as it is.' +
				fepNote,
		};
	}
	const closesAt = lastInbound.plus({ hours: CUSTOMER_SERVICE_WINDOW_HOURS });
	const remainingMs = closesAt.toMillis() - now.toMillis();
	const usableMs = remainingMs - safetyMarginMinutes * 60_000;
	const isOpen = usableMs > 0;
	const secondsLeft = isOpen ? Math.ceil(usableMs / 1000) : 0;
	const times = { lastInboundAt: toIsoUtc(lastInbound), closesAt: toIsoUtc(closesAt) };

	let reason: string;
	if (isOpen) {
		reason = `Open: the 24 h window closes at ${times.closesAt} (${formatDuration(secondsLeft)} left` +
			(safetyMarginMinutes > 0 ? ` before the ${safetyMarginMinutes} min safety margin).` : ').');
	} else if (remainingMs > 0) {
		reason = `Treated as closed: only ${formatDuration(Math.ceil(remainingMs / 1000))} left, within the ` +
			`${safetyMarginMinutes} min safety margin. Send an approved template instead.`;
	} else {
		reason = `Closed: the 24 h window ended at ${times.closesAt}. Only approved templates can be sent.`;
	}
	return {
		...base,
		...times,
		status: isOpen ? 'open' : 'closed',
		isOpen,
		secondsLeft,
		minutesLeft: Math.floor(secondsLeft / 60),
		humanLeft: formatDuration(secondsLeft),
		reason: reason + fepNote,
	};
}

/** "3 h 12 min", "45 min", "20 s"; "0 min" when nothing is left. */
export function formatDuration(totalSeconds: number): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	if (seconds === 0) return '0 min';
	if (seconds < 60) return `${seconds} s`;
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

function freeEntryPointWindow(
	referralAtValue: unknown,
	firstReplyAtValue: unknown,
	now: DateTime,
): { state: FreeEntryPointState; note: string } | undefined {
	if (isEmptyValue(referralAtValue)) return undefined;
	const priceOnly = 'It affects price only: the 24 h window still decides what can be sent.';
	const referralAt = parseInstant(referralAtValue);
	if (!referralAt) {
		return {
			state: { applies: false, isOpen: false, approximate: false },
			note: 'Free entry point: the referral time could not be read, so it was ignored.',
		};
	}
	const replyDeadline = referralAt.plus({ hours: CUSTOMER_SERVICE_WINDOW_HOURS });
	const firstReply = parseInstant(firstReplyAtValue);
	const replyUsable = firstReply !== undefined && firstReply >= referralAt;

	if (replyUsable && firstReply >= replyDeadline) {
		return {
			state: { applies: false, isOpen: false, approximate: false },
			note: 'Free entry point: none, the first reply came more than 24 h after the referral message.',
		};
	}
	const replyProblem = firstReply ? 'the first reply time is before the referral message' : 'first reply time unknown';
	const opensAt = replyUsable ? firstReply : referralAt;
	const closesAt = opensAt.plus({ hours: FREE_ENTRY_POINT_HOURS });
	const isOpen = now >= opensAt && now < closesAt;
	const note = replyUsable
		? `Free entry point: ${isOpen ? 'open' : 'closed'}, 72 h from the first reply until ${toIsoUtc(closesAt)}. ${priceOnly}`
		: `Free entry point: ${isOpen ? 'open' : 'closed'} (approximate: ${replyProblem}, so the 72 h ` +
			`are counted from the referral message; the real window starts at the first reply, if sent within ` +
			`24 h of the referral, and may end up to 24 h later). ${priceOnly}`;
	return {
		state: { applies: true, isOpen, opensAt: toIsoUtc(opensAt), closesAt: toIsoUtc(closesAt), approximate: !replyUsable },
		note,
	};
}

function validateSafetyMargin(minutes: number): number {
	if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes >= MAX_SAFETY_MARGIN_MINUTES) {
		throw new RangeError(
			`Safety margin must be a number of minutes from 0 to ${MAX_SAFETY_MARGIN_MINUTES - 1}; got ${String(minutes)}.`,
		);
	}
	return minutes;
}

function toUtc(now: DateTime | Date | undefined): DateTime {
	if (now === undefined) return DateTime.utc();
	const parsed = parseInstant(now);
	if (!parsed) throw new Error('"now" is not a valid date-time.');
	return parsed;
}
