import { DateTime } from 'luxon';
import { quietHoursDecision } from '../../../nodes/shared/whatsapp/schedule/quietHours';
import {
	assertTimeZone,
	MULTI_ZONE_COUNTRIES,
	singleTimeZoneOfCountry,
	timeZoneFromPhoneNumber,
} from '../../../nodes/shared/whatsapp/schedule/timeZones';

const GB_WA_ID = '447400123456';
const JP_WA_ID = '819012345678';
const US_WA_ID = '16505551234'; // Meta's Messages webhook reference page: webhook example's wa_id
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const quiet = { quietStart: '21:00', quietEnd: '08:00' };

describe('timeZoneFromPhoneNumber', () => {
	it.each([
		[GB_WA_ID, 'GB', 'Europe/London'],
		['+44 7400 123456', 'GB', 'Europe/London'],
		[JP_WA_ID, 'JP', 'Asia/Tokyo'],
		['4915123456789', 'DE', 'Europe/Berlin'],
		['5491123456789', 'AR', 'America/Argentina/Buenos_Aires'],
		['77011234567', 'KZ', 'Asia/Almaty'],
	])('%s is in %s, a single-zone country (%s)', (number, country, timeZone) => {
		expect(timeZoneFromPhoneNumber(number)).toMatchObject({ country, timeZone });
	});

	it.each([
		[US_WA_ID, 'US'],
		['14165550123', 'CA'],
		['5511987654321', 'BR'],
		['79161234567', 'RU'],
	])('%s is in multi-zone %s, so no zone is inferred', (number, country) => {
		const result = timeZoneFromPhoneNumber(number);
		expect(result).toEqual({ country, reason: `the number is from ${country}, which has several time zones` });
	});

	it('gives an unassigned number on a shared calling code its main country (+44 → GB)', () => {
		expect(timeZoneFromPhoneNumber('447700900123')).toMatchObject({ country: 'GB', timeZone: 'Europe/London' });
	});

	it('cannot tell the country of an empty or impossible number', () => {
		expect(timeZoneFromPhoneNumber('')).toEqual({ reason: 'no phone number was given' });
		expect(timeZoneFromPhoneNumber('abc')).toEqual({ reason: 'no phone number was given' });
		expect(timeZoneFromPhoneNumber('4412')).toEqual({ reason: 'the country could not be told from the phone number' });
		expect(timeZoneFromPhoneNumber('999123456789')).toEqual({ reason: 'the country could not be told from the phone number' });
	});

	it('keeps multi-zone countries out of the single-zone table', () => {
		for (const country of MULTI_ZONE_COUNTRIES) expect(singleTimeZoneOfCountry(country)).toBeUndefined();
		expect(MULTI_ZONE_COUNTRIES).toEqual(expect.arrayContaining(['US', 'CA', 'BR', 'MX', 'RU', 'AU', 'ID']));
		expect(singleTimeZoneOfCountry('ar')).toBe('America/Argentina/Buenos_Aires');
	});

	it('only ships zone names this runtime knows', () => {
		for (const country of ['GB', 'JP', 'AR', 'KZ', 'XK', 'AC', 'IN', 'ZA']) {
			expect(() => assertTimeZone(singleTimeZoneOfCountry(country))).not.toThrow();
		}
	});
});

describe('quietHoursDecision across zones', () => {
	it('GB number at 22:00 UTC in winter is in quiet hours until 08:00 London', () => {
		expect(quietHoursDecision({ recipient: GB_WA_ID, now: utc('2025-01-10T22:00:00'), ...quiet })).toEqual({
			allowed: false,
			timeZone: 'Europe/London',
			timeZoneSource: 'phone',
			country: 'GB',
			localTime: '2025-01-10T22:00:00+00:00',
			nextAllowedAt: '2025-01-11T08:00:00Z',
			reason: 'Later: Friday 22:00 (Europe/London: the number is from GB, which has one time zone) is inside quiet hours 21:00-08:00; next allowed at 2025-01-11T08:00:00Z.',
		});
	});

	it('GB number at 22:00 UTC in summer: 23:00 BST, next allowed at 07:00 UTC', () => {
		expect(quietHoursDecision({ recipient: GB_WA_ID, now: utc('2025-07-10T22:00:00'), ...quiet })).toMatchObject({
			allowed: false,
			localTime: '2025-07-10T23:00:00+01:00',
			nextAllowedAt: '2025-07-11T07:00:00Z',
		});
	});

	it('GB number at 20:59 London is allowed', () => {
		expect(quietHoursDecision({ recipient: GB_WA_ID, now: utc('2025-01-10T20:59:00'), ...quiet })).toMatchObject({ allowed: true });
	});

	it('JP number at 22:00 UTC is 07:00 in Tokyo: still quiet for one hour', () => {
		expect(quietHoursDecision({ recipient: JP_WA_ID, now: utc('2025-01-10T22:00:00'), ...quiet })).toMatchObject({
			allowed: false,
			timeZone: 'Asia/Tokyo',
			localTime: '2025-01-11T07:00:00+09:00',
			nextAllowedAt: '2025-01-10T23:00:00Z',
		});
	});

	it('JP number at 00:00 UTC is 09:00 in Tokyo: send now', () => {
		const decision = quietHoursDecision({ recipient: JP_WA_ID, now: utc('2025-01-11T00:00:00'), ...quiet });
		expect(decision).toMatchObject({ allowed: true, timeZoneSource: 'phone' });
		expect(decision.nextAllowedAt).toBeUndefined();
		expect(decision.reason).toMatch(/^Send now: Saturday 09:00 \(Asia\/Tokyo/);
	});

	it('US number uses the default zone, since the US has several', () => {
		const decision = quietHoursDecision({ recipient: US_WA_ID, now: utc('2025-01-11T01:30:00'), ...quiet, defaultTimeZone: 'America/Los_Angeles' });
		expect(decision).toMatchObject({
			allowed: true, // 17:30 in Los Angeles
			timeZone: 'America/Los_Angeles',
			timeZoneSource: 'default',
			country: 'US',
			localTime: '2025-01-10T17:30:00-08:00',
		});
		expect(decision.reason).toContain('default zone America/Los_Angeles, as the number is from US, which has several time zones');
	});

	it('US number without a default zone is an error naming the fix', () => {
		expect(() => quietHoursDecision({ recipient: US_WA_ID, now: utc('2025-01-11T01:30:00'), ...quiet })).toThrow(
			/Cannot tell the recipient's time zone \(the number is from US, which has several time zones\)\. Set a default time zone/,
		);
	});

	it('rejects an unknown default zone', () => {
		expect(() => quietHoursDecision({ recipient: US_WA_ID, ...quiet, defaultTimeZone: 'Pacific Time' })).toThrow(
			/Unknown time zone "Pacific Time"/,
		);
	});
});

describe('quiet hours shapes and allowed days', () => {
	it('quiet hours inside one day (12:00-14:00)', () => {
		const lunch = { quietStart: '12:00', quietEnd: '14:00', defaultTimeZone: 'UTC', recipient: '' };
		expect(quietHoursDecision({ ...lunch, now: utc('2025-01-10T13:00:00') })).toMatchObject({ allowed: false, nextAllowedAt: '2025-01-10T14:00:00Z' });
		expect(quietHoursDecision({ ...lunch, now: utc('2025-01-10T23:59:00') }).allowed).toBe(true);
		expect(quietHoursDecision({ ...lunch, now: utc('2025-01-11T00:00:00') }).allowed).toBe(true);
	});

	it('a day without sending waits for the next allowed day at the end of quiet hours', () => {
		const decision = quietHoursDecision({
			recipient: GB_WA_ID, ...quiet, now: utc('2025-01-11T12:00:00'), // Saturday noon
			allowedDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
		});
		expect(decision).toMatchObject({ allowed: false, nextAllowedAt: '2025-01-13T08:00:00Z' });
		expect(decision.reason).toContain('is on a day without sending');
	});

	it.each([
		[{ quietStart: '21:00', quietEnd: '21:00' }, /Quiet hours start and end at the same time \(21:00\)/],
		[{ quietStart: '00:00', quietEnd: '24:00' }, /leave no time to send/],
		[{ quietStart: '9pm', quietEnd: '08:00' }, /"9pm" is not a time of day/],
		[{ ...quiet, allowedDays: [] }, /Allow at least one day/],
		[{ ...quiet, allowedDays: ['someday'] as never }, /Unknown day "someday"/],
	])('rejects %p', (settings, message) => {
		expect(() => quietHoursDecision({ recipient: GB_WA_ID, ...settings })).toThrow(message);
	});
});
