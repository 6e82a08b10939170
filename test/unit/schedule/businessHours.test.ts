import { DateTime } from 'luxon';
import { BusinessSchedule, isWithinBusinessHours } from '../../../nodes/shared/whatsapp/schedule/businessHours';

const berlin = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Berlin' });

// 2025-03-03 is a Monday.
const office: BusinessSchedule = {
	timeZone: 'Europe/Berlin',
	days: {
		monday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:30' }],
		tuesday: [{ from: '09:00', to: '17:30' }],
		friday: [{ from: '09:00', to: '17:30' }, { from: '22:00', to: '02:00' }],
		saturday: [{ from: '10:00', to: '14:00' }],
	},
	holidays: ['2025-04-18'],
};

describe('isWithinBusinessHours', () => {
	it('is open inside a range and tells when it closes', () => {
		expect(isWithinBusinessHours(berlin('2025-03-03T10:15'), office)).toEqual({
			open: true,
			timeZone: 'Europe/Berlin',
			localTime: '2025-03-03T10:15:00+01:00',
			holiday: false,
			nextCloseAt: '2025-03-03T11:30:00Z',
			reason: 'Open (Monday 10:15 in Europe/Berlin); closes at 2025-03-03T11:30:00Z.',
		});
	});

	it('is closed in the lunch gap between two ranges and opens at the second', () => {
		expect(isWithinBusinessHours(berlin('2025-03-03T12:45'), office)).toMatchObject({ open: false, nextOpenAt: '2025-03-03T12:30:00Z' });
	});

	it('treats the start as open and the end as closed', () => {
		expect(isWithinBusinessHours(berlin('2025-03-03T09:00'), office).open).toBe(true);
		expect(isWithinBusinessHours(berlin('2025-03-04T17:30'), office)).toMatchObject({ open: false, nextOpenAt: '2025-03-07T08:00:00Z' });
	});

	it('skips days without hours when looking for the next opening', () => {
		expect(isWithinBusinessHours(berlin('2025-03-09T11:00'), office)).toMatchObject({
			open: false,
			nextOpenAt: '2025-03-10T08:00:00Z',
			reason: 'Closed: Sunday 11:00 in Europe/Berlin; opens at 2025-03-10T08:00:00Z.',
		});
	});

	it('keeps a range crossing midnight open after midnight on the next day', () => {
		expect(isWithinBusinessHours(berlin('2025-03-07T23:30'), office)).toMatchObject({ open: true, nextCloseAt: '2025-03-08T01:00:00Z' });
		expect(isWithinBusinessHours(berlin('2025-03-08T01:59'), office)).toMatchObject({ open: true, nextCloseAt: '2025-03-08T01:00:00Z' });
		expect(isWithinBusinessHours(berlin('2025-03-08T02:00'), office)).toMatchObject({ open: false, nextOpenAt: '2025-03-08T09:00:00Z' });
	});

	it('merges touching ranges across midnight into one opening', () => {
		const nightShift: BusinessSchedule = {
			timeZone: 'UTC',
			days: { monday: [{ from: '20:00', to: '24:00' }], tuesday: [{ from: '00:00', to: '06:00' }] },
		};
		expect(isWithinBusinessHours(DateTime.fromISO('2025-03-03T21:00Z'), nightShift).nextCloseAt).toBe('2025-03-04T06:00:00Z');
	});

	it('closes a holiday all day, including its own range past midnight', () => {
		const goodFriday = isWithinBusinessHours(berlin('2025-04-18T10:00'), office);
		expect(goodFriday).toMatchObject({ open: false, holiday: true, nextOpenAt: '2025-04-19T08:00:00Z' });
		expect(goodFriday.reason).toBe('Closed: 2025-04-18 is a holiday (Friday 10:00 in Europe/Berlin); opens at 2025-04-19T08:00:00Z.');
		expect(isWithinBusinessHours(berlin('2025-04-19T01:00'), office).open).toBe(false);
	});

	it('cuts the previous evening\'s range at the holiday\'s midnight', () => {
		const schedule: BusinessSchedule = { ...office, holidays: ['2025-03-08'] };
		expect(isWithinBusinessHours(berlin('2025-03-07T23:00'), schedule)).toMatchObject({ open: true, nextCloseAt: '2025-03-07T23:00:00Z' });
		expect(isWithinBusinessHours(berlin('2025-03-08T00:30'), schedule)).toMatchObject({ open: false, nextOpenAt: '2025-03-10T08:00:00Z' });
	});

	it('reads local hours in the schedule\'s zone across DST (Berlin summer time)', () => {
		expect(isWithinBusinessHours(DateTime.fromISO('2025-03-28T08:30Z'), office).open).toBe(true); // 09:30 CET
		expect(isWithinBusinessHours(DateTime.fromISO('2025-03-31T07:30Z'), office)).toMatchObject({
			open: true, // 09:30 CEST
			localTime: '2025-03-31T09:30:00+02:00',
		});
	});

	it('gives the same answer for the same local time in different zones', () => {
		const tokyo = { ...office, timeZone: 'Asia/Tokyo' };
		expect(isWithinBusinessHours(DateTime.fromISO('2025-03-03T01:00Z'), tokyo).open).toBe(true); // 10:00 JST
		expect(isWithinBusinessHours(DateTime.fromISO('2025-03-03T01:00Z'), office).open).toBe(false); // 02:00 CET
	});

	it('accepts a JS Date', () => {
		expect(isWithinBusinessHours(new Date('2025-03-03T09:15:00Z'), office).open).toBe(true);
	});

	it('reports a schedule that is always open as never closing', () => {
		const always: BusinessSchedule = { timeZone: 'UTC', days: Object.fromEntries(
			['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, [{ from: '00:00', to: '24:00' }]]),
		) };
		const state = isWithinBusinessHours(DateTime.fromISO('2025-03-03T12:00Z'), always);
		expect(state.open).toBe(true);
		expect(state.nextCloseAt).toBeUndefined();
		expect(state.reason).toContain('no closing in the next 400 days');
	});

	it('reports a schedule without any hours as closed with no next opening', () => {
		const state = isWithinBusinessHours(DateTime.fromISO('2025-03-03T12:00Z'), { timeZone: 'UTC', days: {} });
		expect(state).toMatchObject({ open: false });
		expect(state.nextOpenAt).toBeUndefined();
	});

	describe('rejects bad schedules with the fix', () => {
		it.each([
			[{ ...office, timeZone: 'Berlin' }, /Unknown time zone "Berlin"\. Use an IANA name such as Europe\/Berlin/],
			[{ ...office, timeZone: '' }, /No time zone was given/],
			[{ ...office, holidays: ['25.12.2025'] }, /Holiday "25\.12\.2025" is not a date\. Write holidays as YYYY-MM-DD/],
			[{ ...office, holidays: ['2025-02-30'] }, /Holiday "2025-02-30" is not a date/],
			[{ timeZone: 'UTC', days: { mon: [] } as never }, /Unknown day "mon" in opening hours\. Use monday, tuesday/],
			[{ timeZone: 'UTC', days: { monday: [{ from: '9am', to: '17:00' }] } }, /"9am" is not a time of day\. Write HH:mm from 00:00 to 23:59\./],
			[{ timeZone: 'UTC', days: { monday: [{ from: '24:00', to: '17:00' }] } }, /"24:00" is not a time of day/],
			[{ timeZone: 'UTC', days: { monday: [{ from: '09:00', to: '09:00' }] } }, /starts and ends at the same time\. For a whole day write 00:00-24:00/],
		])('%#', (schedule, message) => {
			expect(() => isWithinBusinessHours(DateTime.fromISO('2025-03-03T12:00Z'), schedule as BusinessSchedule)).toThrow(message);
		});
	});
});
