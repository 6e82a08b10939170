import { DateTime } from 'luxon';
import { quietHoursDecision } from '../../../nodes/shared/whatsapp/schedule/quietHours';
import {
	assertTimeZone,
	MULTI_ZONE_COUNTRIES,
	singleTimeZoneOfCountry,
	timeZoneFromPhoneNumber,
	timeZonesOfCountry,
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
		[US_WA_ID, 'US', 8],
		['14165550123', 'CA', 7],
		['5511987654321', 'BR', 4],
		['79161234567', 'RU', 11],
	])('%s is in multi-zone %s: every one of its %s zones is given, none picked', (number, country, count) => {
		const result = timeZoneFromPhoneNumber(number);
		expect(result).toMatchObject({ country, reason: `the number is from ${country}, which has ${count} time zones: quiet hours must hold in all of them` });
		expect(result.timeZone).toBeUndefined();
		expect(result.timeZones).toHaveLength(count);
	});

	it("a business-scoped user ID's country prefix tells the country", () => {
		expect(timeZoneFromPhoneNumber('GB.13491208655302741918')).toMatchObject({ country: 'GB', timeZone: 'Europe/London', reason: 'the user ID is from GB, which has one time zone' });
		expect(timeZoneFromPhoneNumber('US.13491208655302741918')).toMatchObject({ country: 'US', timeZones: expect.arrayContaining(['America/New_York', 'Pacific/Honolulu']) });
	});

	it('ships only zone names this runtime knows, for every multi-zone country', () => {
		for (const country of MULTI_ZONE_COUNTRIES) for (const zone of timeZonesOfCountry(country)!) expect(() => assertTimeZone(zone)).not.toThrow();
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
			waId: GB_WA_ID,
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

	it('a US number at 16:18 in New York (11:18 in Honolulu) may be sent to: daytime in all 8 US zones; the default zone is not used', () => {
		const decision = quietHoursDecision({ recipient: '+1 (212) 555-0100', now: utc('2025-01-10T21:18:00'), ...quiet, defaultTimeZone: 'Europe/London' });
		expect(decision).toMatchObject({ allowed: true, timeZone: 'America/New_York', timeZoneSource: 'phone', country: 'US', localTime: '2025-01-10T16:18:00-05:00' });
		expect(decision.timeZones).toHaveLength(8);
		expect(decision.reason).toMatch(/^Send now: Friday 16:18 in America\/New_York, .*Friday 11:18 in Pacific\/Honolulu \(the number is from US, which has 8 time zones/);
	});

	it('a US number at 22:00 in New York waits until it is 08:00 in Honolulu (13:00 in New York), never 03:00 anywhere', () => {
		const decision = quietHoursDecision({ recipient: US_WA_ID, now: utc('2025-01-11T03:00:00'), ...quiet, defaultTimeZone: 'Europe/London' });
		expect(decision).toMatchObject({ allowed: false, timeZoneSource: 'phone', nextAllowedAt: '2025-01-11T18:00:00Z' });
		expect(decision.reason).toMatch(/is inside quiet hours 21:00-08:00 in America\/New_York; next allowed at 2025-01-11T18:00:00Z\.$/);
		expect(quietHoursDecision({ recipient: US_WA_ID, now: utc('2025-01-11T18:00:00'), ...quiet }).allowed).toBe(true);
		expect(quietHoursDecision({ recipient: US_WA_ID, now: utc('2025-01-11T17:59:00'), ...quiet }).allowed).toBe(false);
	});

	it('quiet hours that leave no common daytime across a country (Russia, 10 h apart, with 10 h to send) are an error naming the fix', () => {
		expect(() => quietHoursDecision({ recipient: '79161234567', now: utc('2025-01-11T03:00:00'), quietStart: '20:00', quietEnd: '10:00' })).toThrow(
			/no time that is outside them in every time zone of RU\. Shorten the quiet hours/,
		);
	});

	it('a number whose country cannot be told uses the default zone; without one, an error naming the fix', () => {
		expect(quietHoursDecision({ recipient: '999123456789', now: utc('2025-01-11T01:30:00'), ...quiet, defaultTimeZone: 'America/Los_Angeles' })).toMatchObject({
			allowed: true,
			timeZone: 'America/Los_Angeles',
			timeZoneSource: 'default',
		});
		expect(() => quietHoursDecision({ recipient: '999123456789', ...quiet })).toThrow(/Cannot tell the recipient's time zone \(the country could not be told from the phone number\)\. Set a default time zone/);
	});

	it('a number written without its country code fails at once, not after waiting for the morning; +, 00 and (0) forms give the wa_id', () => {
		expect(() => quietHoursDecision({ recipient: '07400 123456', now: utc('2025-01-10T22:00:00'), ...quiet, defaultTimeZone: 'Europe/London' })).toThrow(
			/"07400 123456" has no country code.*international form, e\.g\. \+44 7400 123456/,
		);
		for (const written of ['+44 7400 123456', '0044 7400 123456', '+44 (0)7400 123456']) {
			expect(quietHoursDecision({ recipient: written, now: utc('2025-01-10T22:00:00'), ...quiet }).waId).toBe(GB_WA_ID);
		}
	});

	it('rejects an unknown default zone', () => {
		expect(() => quietHoursDecision({ recipient: '999123456789', ...quiet, defaultTimeZone: 'Pacific Time' })).toThrow(
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
