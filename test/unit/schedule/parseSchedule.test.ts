import { parseDayList, parseHolidayList, parseSchedule } from '../../../nodes/shared/whatsapp/schedule/businessHours';

describe('parseSchedule reads opening hours typed in n8n', () => {
	it('reads day spans, several ranges and several entries', () => {
		expect(parseSchedule('mon-fri 09:00-12:30, 13:30-17:30; sat 10:00-14:00')).toEqual({
			monday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:30' }],
			tuesday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:30' }],
			wednesday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:30' }],
			thursday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:30' }],
			friday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:30' }],
			saturday: [{ from: '10:00', to: '14:00' }],
		});
	});

	it('accepts new lines, full names, day lists, spaces, en dashes, single-digit hours and "closed"', () => {
		expect(parseSchedule('Monday, Wednesday 9:00 – 17:00\nsun closed\nFri 22:00-02:00')).toEqual({
			monday: [{ from: '09:00', to: '17:00' }],
			wednesday: [{ from: '09:00', to: '17:00' }],
			friday: [{ from: '22:00', to: '02:00' }],
			sunday: [],
		});
	});

	it('adds ranges when a day is named twice', () => {
		expect(parseSchedule('mon-tue 09:00-12:00; mon 14:00-18:00').monday).toEqual([
			{ from: '09:00', to: '12:00' },
			{ from: '14:00', to: '18:00' },
		]);
	});

	it('reads "daily" and 24:00', () => {
		const days = parseSchedule('daily 00:00-24:00');
		expect(Object.keys(days)).toHaveLength(7);
		expect(days.sunday).toEqual([{ from: '00:00', to: '24:00' }]);
	});

	it.each([
		['', /No opening hours were given\. Write them like "mon-fri 09:00-17:30; sat 10:00-14:00"/],
		['09:00-17:00', /Entry 1 "09:00-17:00" needs days then hours, e\.g\. "mon-fri 09:00-17:30"/],
		['mon-fri', /Entry 1 "mon-fri" needs days then hours/],
		['mon-fri 9-17', /Entry 1 "mon-fri 9-17": "9-17" is not a time range\. Write HH:mm-HH:mm, e\.g\. 09:00-17:30/],
		['mo 09:00-17:00', /"mo" is not a day\. Use mon, tue, wed, thu, fri, sat, sun/],
		['funday 09:00-17:00', /"funday" is not a day/],
		['mon-fri-sat 09:00-17:00', /"mon-fri-sat" is not a day or a span of days like mon-fri/],
		['mon 09:00-25:00', /"25:00" is not a time of day/],
		['mon 09:00-09:00', /starts and ends at the same time/],
	])('explains %p', (text, message) => {
		expect(() => parseSchedule(text)).toThrow(message);
	});

	it('lists every bad entry at once', () => {
		expect(() => parseSchedule('mon 9-5; tue 09:00-17:00; xyz 10:00-11:00')).toThrow(
			/Entry 1 "mon 9-5".*Entry 3 "xyz 10:00-11:00"/,
		);
	});
});

describe('parseDayList', () => {
	it('wraps a span over the weekend', () => {
		expect(parseDayList('fri-mon')).toEqual(['monday', 'friday', 'saturday', 'sunday']);
	});
});

describe('parseHolidayList', () => {
	it('splits on commas, spaces and new lines', () => {
		expect(parseHolidayList('2025-12-25, 2025-12-26\n2026-01-01')).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
		expect(parseHolidayList('')).toEqual([]);
		expect(parseHolidayList(['2025-12-25'])).toEqual(['2025-12-25']);
	});

	it('names the date format on error', () => {
		expect(() => parseHolidayList('2025-12-25, Christmas')).toThrow(/Holiday "Christmas" is not a date\. Write holidays as YYYY-MM-DD/);
	});
});
