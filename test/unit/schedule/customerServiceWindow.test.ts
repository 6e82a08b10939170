import fc from 'fast-check';
import { DateTime } from 'luxon';
import { customerServiceWindow, formatDuration } from '../../../nodes/shared/whatsapp/schedule/customerServiceWindow';

// messages[].timestamp of Meta's Messages webhook reference webhook example page: 2025-06-08T20:59:43Z.
const LAST_INBOUND = '1749416383';
const lastInbound = DateTime.fromISO('2025-06-08T20:59:43Z', { zone: 'utc' });
const after = (duration: { hours?: number; minutes?: number; seconds?: number; milliseconds?: number }) =>
	lastInbound.plus(duration);

describe('24 h customer-service window boundary (Meta: Customer service windows)', () => {
	it('is open at 23:59:59 with one second left', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: after({ hours: 23, minutes: 59, seconds: 59 }) });
		expect(state).toMatchObject({
			status: 'open',
			isOpen: true,
			lastInboundAt: '2025-06-08T20:59:43Z',
			closesAt: '2025-06-09T20:59:43Z',
			secondsLeft: 1,
			minutesLeft: 0,
			humanLeft: '1 s',
		});
	});

	it('is closed at exactly 24:00:00', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: after({ hours: 24 }) });
		expect(state).toMatchObject({ status: 'closed', isOpen: false, secondsLeft: 0, minutesLeft: 0, humanLeft: '0 min' });
		expect(state.reason).toMatch(/^Closed: the 24 h window ended at 2025-06-09T20:59:43Z\. Only approved templates/);
	});

	it('is closed at 24:00:01', () => {
		expect(customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: after({ hours: 24, seconds: 1 }) }).status).toBe('closed');
	});

	it('is open right after the message with the full 24 h left', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: lastInbound });
		expect(state).toMatchObject({ isOpen: true, secondsLeft: 86_400, minutesLeft: 1440, humanLeft: '24 h 0 min' });
	});

	it('reports the time left in hours and minutes', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: after({ hours: 20, minutes: 47, seconds: 30 }) });
		expect(state).toMatchObject({ secondsLeft: 3 * 3600 + 12 * 60 + 30, minutesLeft: 192, humanLeft: '3 h 12 min' });
		expect(state.reason).toBe('Open: the 24 h window closes at 2025-06-09T20:59:43Z (3 h 12 min left).');
	});

	it('is open exactly when now < last inbound + 24 h (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 48 * 3600 }), (elapsedSeconds) => {
				const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: after({ seconds: elapsedSeconds }) });
				expect(state.isOpen).toBe(elapsedSeconds < 86_400);
				expect(state.secondsLeft).toBe(Math.max(0, 86_400 - elapsedSeconds));
			}),
		);
	});
});

describe('safety margin', () => {
	it('treats the window as closed once only the margin is left', () => {
		const atMargin = customerServiceWindow({ lastInboundAt: LAST_INBOUND, safetyMarginMinutes: 10, now: after({ hours: 23, minutes: 50 }) });
		expect(atMargin).toMatchObject({ status: 'closed', isOpen: false, secondsLeft: 0, closesAt: '2025-06-09T20:59:43Z' });
		expect(atMargin.reason).toBe('Treated as closed: only 10 min left, within the 10 min safety margin. Send an approved template instead.');
	});

	it('stays open one second before the margin starts and counts down to it', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, safetyMarginMinutes: 10, now: after({ hours: 23, minutes: 49, seconds: 59 }) });
		expect(state).toMatchObject({ status: 'open', secondsLeft: 1, safetyMarginMinutes: 10 });
		expect(state.reason).toContain('before the 10 min safety margin');
	});

	it.each([-1, 1440, Number.NaN, Number.POSITIVE_INFINITY])('rejects a margin of %p with the allowed range', (margin) => {
		expect(() => customerServiceWindow({ lastInboundAt: LAST_INBOUND, safetyMarginMinutes: margin })).toThrow(
			/Safety margin must be a number of minutes from 0 to 1439/,
		);
	});
});

describe('DST changes do not shift the 24 h', () => {
	it('Europe/London spring forward (2025-03-30): closes 24 real hours later, 13:00 local', () => {
		const state = customerServiceWindow({
			lastInboundAt: '2025-03-29T12:00:00[Europe/London]',
			now: DateTime.fromISO('2025-03-30T12:59:59', { zone: 'Europe/London' }),
		});
		expect(state).toMatchObject({ isOpen: true, closesAt: '2025-03-30T12:00:00Z', secondsLeft: 1 });
		const closed = customerServiceWindow({
			lastInboundAt: '2025-03-29T12:00:00[Europe/London]',
			now: DateTime.fromISO('2025-03-30T13:00:00', { zone: 'Europe/London' }),
		});
		expect(closed.isOpen).toBe(false);
	});

	it('America/New_York fall back (2025-11-02): closes 24 real hours later, 11:00 local', () => {
		const lastInboundAt = '2025-11-01T12:00:00-04:00';
		const oneSecondBefore = DateTime.fromISO('2025-11-02T10:59:59', { zone: 'America/New_York' });
		expect(customerServiceWindow({ lastInboundAt, now: oneSecondBefore })).toMatchObject({
			isOpen: true,
			closesAt: '2025-11-02T16:00:00Z',
			secondsLeft: 1,
		});
		const atElevenLocal = DateTime.fromISO('2025-11-02T11:00:00', { zone: 'America/New_York' });
		expect(customerServiceWindow({ lastInboundAt, now: atElevenLocal }).isOpen).toBe(false);
	});
});

describe('last inbound time formats', () => {
	const now = after({ hours: 1 });
	it.each([
		['ISO from the trigger', '2025-06-08T20:59:43Z'],
		['ISO with an offset', '2025-06-08T13:59:43-07:00'],
		['epoch seconds number', 1749416383],
		['epoch milliseconds from a Data table', 1749416383000],
		['numeric string in milliseconds', '1749416383000'],
		['a JS Date', new Date('2025-06-08T20:59:43Z')],
	])('%s', (_label, lastInboundAt) => {
		expect(customerServiceWindow({ lastInboundAt, now })).toMatchObject({ isOpen: true, humanLeft: '23 h 0 min' });
	});

	it('a last inbound time hours in the future (a local time stored as UTC) is Unknown, never open', () => {
		const state = customerServiceWindow({ lastInboundAt: '2025-06-09T01:59:43Z', now: lastInbound });
		expect(state).toMatchObject({ status: 'unknown', isOpen: false, secondsLeft: 0, humanLeft: 'unknown', lastInboundAt: '2025-06-09T01:59:43Z' });
		expect(state.closesAt).toBeUndefined();
		expect(state.reason).toMatch(/^Unknown: the last inbound time 2025-06-09T01:59:43Z is 5 h 0 min in the future \(more than the 5 min allowed for clock differences\)/);
	});

	it('a last inbound time up to 5 minutes ahead (clocks that differ) counts as just now', () => {
		const state = customerServiceWindow({ lastInboundAt: after({ minutes: 5 }).toISO(), now: lastInbound });
		expect(state).toMatchObject({ status: 'open', closesAt: '2025-06-09T21:04:43Z' });
		expect(customerServiceWindow({ lastInboundAt: after({ minutes: 5, seconds: 1 }).toISO(), now: lastInbound }).status).toBe('unknown');
	});
});

describe('missing or unreadable time gives status unknown', () => {
	it.each([undefined, null, ''])('no time (%p) says what to map', (lastInboundAt) => {
		const state = customerServiceWindow({ lastInboundAt, now: lastInbound });
		expect(state).toMatchObject({ status: 'unknown', isOpen: false, secondsLeft: 0, humanLeft: 'unknown' });
		expect(state.reason).toMatch(/No last inbound message time was given\. Map the trigger's "timestamp" or a stored last_inbound_at/);
		expect(state.closesAt).toBeUndefined();
	});

	it('an unreadable time names the formats', () => {
		const state = customerServiceWindow({ lastInboundAt: 'soon', now: lastInbound });
		expect(state.status).toBe('unknown');
		expect(state.reason).toMatch(/Cannot read "soon" as a point in time\. Use an ISO 8601/);
	});
});

describe('free entry point window (Meta: Pricing)', () => {
	const referralAt = LAST_INBOUND; // the inbound message carried a CTWA `referral`

	it('opens 72 h from the first reply sent within 24 h of the referral', () => {
		const firstReplyAt = '2025-06-08T21:10:00Z';
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, referralAt, firstReplyAt, now: after({ hours: 30 }) });
		expect(state.freeEntryPoint).toEqual({
			applies: true,
			isOpen: true,
			opensAt: '2025-06-08T21:10:00Z',
			closesAt: '2025-06-11T21:10:00Z',
			approximate: false,
		});
		// The FEP affects price only: the 24 h window is closed, so free-form is still not allowed.
		expect(state.isOpen).toBe(false);
		expect(state.reason).toContain('the 24 h window still decides what can be sent.');
	});

	it('closes at the end of the 72 h', () => {
		const state = customerServiceWindow({
			lastInboundAt: LAST_INBOUND, referralAt, firstReplyAt: '2025-06-08T21:10:00Z', now: DateTime.fromISO('2025-06-11T21:10:00Z'),
		});
		expect(state.freeEntryPoint).toMatchObject({ applies: true, isOpen: false });
	});

	it('does not apply when the first reply came after the referral message\'s 24 h', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, referralAt, firstReplyAt: after({ hours: 24 }).toISO(), now: after({ hours: 25 }) });
		expect(state.freeEntryPoint).toEqual({ applies: false, isOpen: false, approximate: false });
		expect(state.reason).toContain('more than 24 h after the referral message');
	});

	it('approximates from the referral time when the first reply is unknown, and says so', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, referralAt, now: after({ hours: 71 }) });
		expect(state.freeEntryPoint).toEqual({
			applies: true, isOpen: true, opensAt: '2025-06-08T20:59:43Z', closesAt: '2025-06-11T20:59:43Z', approximate: true,
		});
		expect(state.reason).toContain('approximate: first reply time unknown');
	});

	it('ignores a first reply older than the referral (an earlier conversation)', () => {
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, referralAt, firstReplyAt: '2025-06-01T10:00:00Z', now: lastInbound });
		expect(state.freeEntryPoint).toMatchObject({ approximate: true, opensAt: '2025-06-08T20:59:43Z' });
		expect(state.reason).toContain('the first reply time is before the referral message');
	});

	it('is absent without a referral, and not applied for an unreadable referral time', () => {
		expect(customerServiceWindow({ lastInboundAt: LAST_INBOUND, now: lastInbound }).freeEntryPoint).toBeUndefined();
		const state = customerServiceWindow({ lastInboundAt: LAST_INBOUND, referralAt: 'n/a', now: lastInbound });
		expect(state.freeEntryPoint).toEqual({ applies: false, isOpen: false, approximate: false });
	});

	it('is still reported when the last inbound time is unknown', () => {
		const state = customerServiceWindow({ lastInboundAt: undefined, referralAt, now: lastInbound });
		expect(state.status).toBe('unknown');
		expect(state.freeEntryPoint?.isOpen).toBe(true);
	});
});

describe('formatDuration', () => {
	it.each([
		[0, '0 min'], [-5, '0 min'], [45, '45 s'], [60, '1 min'], [3599, '59 min'], [3600, '1 h 0 min'], [11_520, '3 h 12 min'],
	])('%p seconds → %p', (seconds, text) => {
		expect(formatDuration(seconds)).toBe(text);
	});
});
