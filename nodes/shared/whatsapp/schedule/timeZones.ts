import { IANAZone } from 'luxon';
import { cleanPhoneInput, countryOfNumber, normaliseRecipient } from '../phone';

/**
 * Countries whose civil time is the same everywhere, with the IANA zone to use for them.
 * Derived from tzdata 2025c zone.tab: a country is listed when all its zones give identical UTC
 * offsets, DST included, at every 6-hour sample of 2026–2028 (ICU data); the zone shown is the
 * first zone.tab row (the most populous; Asia/Tashkent chosen for UZ). AC, TA and XK are added
 * because libphonenumber uses these regions and zone.tab does not.
 * Kazakhstan is here: it moved to one zone (UTC+5) in 2024.
 */
const SINGLE_ZONE_COUNTRIES: Readonly<Record<string, string>> = {
	AC: 'Atlantic/St_Helena', AD: 'Europe/Andorra', AE: 'Asia/Dubai', AF: 'Asia/Kabul', AG: 'America/Antigua',
	AI: 'America/Anguilla', AL: 'Europe/Tirane', AM: 'Asia/Yerevan', AO: 'Africa/Luanda', AR: 'America/Argentina/Buenos_Aires',
	AS: 'Pacific/Pago_Pago', AT: 'Europe/Vienna', AW: 'America/Aruba', AX: 'Europe/Mariehamn', AZ: 'Asia/Baku',
	BA: 'Europe/Sarajevo', BB: 'America/Barbados', BD: 'Asia/Dhaka', BE: 'Europe/Brussels', BF: 'Africa/Ouagadougou',
	BG: 'Europe/Sofia', BH: 'Asia/Bahrain', BI: 'Africa/Bujumbura', BJ: 'Africa/Porto-Novo', BL: 'America/St_Barthelemy',
	BM: 'Atlantic/Bermuda', BN: 'Asia/Brunei', BO: 'America/La_Paz', BQ: 'America/Kralendijk', BS: 'America/Nassau',
	BT: 'Asia/Thimphu', BW: 'Africa/Gaborone', BY: 'Europe/Minsk', BZ: 'America/Belize', CC: 'Indian/Cocos',
	CF: 'Africa/Bangui', CG: 'Africa/Brazzaville', CH: 'Europe/Zurich', CI: 'Africa/Abidjan', CK: 'Pacific/Rarotonga',
	CM: 'Africa/Douala', CO: 'America/Bogota', CR: 'America/Costa_Rica', CU: 'America/Havana', CV: 'Atlantic/Cape_Verde',
	CW: 'America/Curacao', CX: 'Indian/Christmas', CY: 'Asia/Nicosia', CZ: 'Europe/Prague', DE: 'Europe/Berlin',
	DJ: 'Africa/Djibouti', DK: 'Europe/Copenhagen', DM: 'America/Dominica', DO: 'America/Santo_Domingo', DZ: 'Africa/Algiers',
	EE: 'Europe/Tallinn', EG: 'Africa/Cairo', EH: 'Africa/El_Aaiun', ER: 'Africa/Asmara', ET: 'Africa/Addis_Ababa',
	FI: 'Europe/Helsinki', FJ: 'Pacific/Fiji', FK: 'Atlantic/Stanley', FO: 'Atlantic/Faroe', FR: 'Europe/Paris',
	GA: 'Africa/Libreville', GB: 'Europe/London', GD: 'America/Grenada', GE: 'Asia/Tbilisi', GF: 'America/Cayenne',
	GG: 'Europe/Guernsey', GH: 'Africa/Accra', GI: 'Europe/Gibraltar', GM: 'Africa/Banjul', GN: 'Africa/Conakry',
	GP: 'America/Guadeloupe', GQ: 'Africa/Malabo', GR: 'Europe/Athens', GS: 'Atlantic/South_Georgia', GT: 'America/Guatemala',
	GU: 'Pacific/Guam', GW: 'Africa/Bissau', GY: 'America/Guyana', HK: 'Asia/Hong_Kong', HN: 'America/Tegucigalpa',
	HR: 'Europe/Zagreb', HT: 'America/Port-au-Prince', HU: 'Europe/Budapest', IE: 'Europe/Dublin', IL: 'Asia/Jerusalem',
	IM: 'Europe/Isle_of_Man', IN: 'Asia/Kolkata', IO: 'Indian/Chagos', IQ: 'Asia/Baghdad', IR: 'Asia/Tehran',
	IS: 'Atlantic/Reykjavik', IT: 'Europe/Rome', JE: 'Europe/Jersey', JM: 'America/Jamaica', JO: 'Asia/Amman',
	JP: 'Asia/Tokyo', KE: 'Africa/Nairobi', KG: 'Asia/Bishkek', KH: 'Asia/Phnom_Penh', KM: 'Indian/Comoro',
	KN: 'America/St_Kitts', KP: 'Asia/Pyongyang', KR: 'Asia/Seoul', KW: 'Asia/Kuwait', KY: 'America/Cayman',
	KZ: 'Asia/Almaty', LA: 'Asia/Vientiane', LB: 'Asia/Beirut', LC: 'America/St_Lucia', LI: 'Europe/Vaduz',
	LK: 'Asia/Colombo', LR: 'Africa/Monrovia', LS: 'Africa/Maseru', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg',
	LV: 'Europe/Riga', LY: 'Africa/Tripoli', MA: 'Africa/Casablanca', MC: 'Europe/Monaco', MD: 'Europe/Chisinau',
	ME: 'Europe/Podgorica', MF: 'America/Marigot', MG: 'Indian/Antananarivo', MH: 'Pacific/Majuro', MK: 'Europe/Skopje',
	ML: 'Africa/Bamako', MM: 'Asia/Yangon', MO: 'Asia/Macau', MP: 'Pacific/Saipan', MQ: 'America/Martinique',
	MR: 'Africa/Nouakchott', MS: 'America/Montserrat', MT: 'Europe/Malta', MU: 'Indian/Mauritius', MV: 'Indian/Maldives',
	MW: 'Africa/Blantyre', MY: 'Asia/Kuala_Lumpur', MZ: 'Africa/Maputo', NA: 'Africa/Windhoek', NC: 'Pacific/Noumea',
	NE: 'Africa/Niamey', NF: 'Pacific/Norfolk', NG: 'Africa/Lagos', NI: 'America/Managua', NL: 'Europe/Amsterdam',
	NO: 'Europe/Oslo', NP: 'Asia/Kathmandu', NR: 'Pacific/Nauru', NU: 'Pacific/Niue', OM: 'Asia/Muscat',
	PA: 'America/Panama', PE: 'America/Lima', PH: 'Asia/Manila', PK: 'Asia/Karachi', PL: 'Europe/Warsaw',
	PM: 'America/Miquelon', PN: 'Pacific/Pitcairn', PR: 'America/Puerto_Rico', PS: 'Asia/Gaza', PW: 'Pacific/Palau',
	PY: 'America/Asuncion', QA: 'Asia/Qatar', RE: 'Indian/Reunion', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade',
	RW: 'Africa/Kigali', SA: 'Asia/Riyadh', SB: 'Pacific/Guadalcanal', SC: 'Indian/Mahe', SD: 'Africa/Khartoum',
	SE: 'Europe/Stockholm', SG: 'Asia/Singapore', SH: 'Atlantic/St_Helena', SI: 'Europe/Ljubljana', SJ: 'Arctic/Longyearbyen',
	SK: 'Europe/Bratislava', SL: 'Africa/Freetown', SM: 'Europe/San_Marino', SN: 'Africa/Dakar', SO: 'Africa/Mogadishu',
	SR: 'America/Paramaribo', SS: 'Africa/Juba', ST: 'Africa/Sao_Tome', SV: 'America/El_Salvador', SX: 'America/Lower_Princes',
	SY: 'Asia/Damascus', SZ: 'Africa/Mbabane', TA: 'Atlantic/St_Helena', TC: 'America/Grand_Turk', TD: 'Africa/Ndjamena',
	TF: 'Indian/Kerguelen', TG: 'Africa/Lome', TH: 'Asia/Bangkok', TJ: 'Asia/Dushanbe', TK: 'Pacific/Fakaofo',
	TL: 'Asia/Dili', TM: 'Asia/Ashgabat', TN: 'Africa/Tunis', TO: 'Pacific/Tongatapu', TR: 'Europe/Istanbul',
	TT: 'America/Port_of_Spain', TV: 'Pacific/Funafuti', TW: 'Asia/Taipei', TZ: 'Africa/Dar_es_Salaam', UG: 'Africa/Kampala',
	UY: 'America/Montevideo', UZ: 'Asia/Tashkent', VA: 'Europe/Vatican', VC: 'America/St_Vincent', VE: 'America/Caracas',
	VG: 'America/Tortola', VI: 'America/St_Thomas', VN: 'Asia/Ho_Chi_Minh', VU: 'Pacific/Efate', WF: 'Pacific/Wallis',
	WS: 'Pacific/Apia', XK: 'Europe/Belgrade', YE: 'Asia/Aden', YT: 'Indian/Mayotte', ZA: 'Africa/Johannesburg',
	ZM: 'Africa/Lusaka', ZW: 'Africa/Harare',
};

/**
 * Countries with more than one civil time, with one IANA zone for each of their distinct civil times
 * (tzdata zone.tab; e.g. the US from New York to Honolulu, Spain with the Canaries). A number tells
 * the country, not where in it the person is, so quiet hours must hold in every one of these zones.
 */
const MULTI_ZONE_COUNTRY_ZONES: Readonly<Record<string, readonly string[]>> = {
	AU: ['Australia/Sydney', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Perth', 'Australia/Eucla', 'Australia/Lord_Howe'],
	BR: ['America/Noronha', 'America/Sao_Paulo', 'America/Manaus', 'America/Rio_Branco'],
	CA: ['America/St_Johns', 'America/Halifax', 'America/Toronto', 'America/Winnipeg', 'America/Regina', 'America/Edmonton', 'America/Vancouver'],
	CD: ['Africa/Kinshasa', 'Africa/Lubumbashi'],
	CL: ['America/Santiago', 'America/Punta_Arenas', 'Pacific/Easter'],
	CN: ['Asia/Shanghai', 'Asia/Urumqi'],
	EC: ['America/Guayaquil', 'Pacific/Galapagos'],
	ES: ['Europe/Madrid', 'Atlantic/Canary'],
	FM: ['Pacific/Chuuk', 'Pacific/Pohnpei', 'Pacific/Kosrae'],
	GL: ['America/Nuuk', 'America/Danmarkshavn', 'America/Scoresbysund', 'America/Thule'],
	ID: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'],
	KI: ['Pacific/Tarawa', 'Pacific/Kanton', 'Pacific/Kiritimati'],
	MN: ['Asia/Ulaanbaatar', 'Asia/Hovd'],
	MX: ['America/Mexico_City', 'America/Cancun', 'America/Mazatlan', 'America/Hermosillo', 'America/Tijuana', 'America/Ciudad_Juarez'],
	NZ: ['Pacific/Auckland', 'Pacific/Chatham'],
	PF: ['Pacific/Tahiti', 'Pacific/Marquesas', 'Pacific/Gambier'],
	PG: ['Pacific/Port_Moresby', 'Pacific/Bougainville'],
	PT: ['Europe/Lisbon', 'Atlantic/Azores'],
	RU: [
		'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk',
		'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka',
	],
	UA: ['Europe/Kyiv', 'Europe/Simferopol'],
	UM: ['Pacific/Midway', 'Pacific/Wake'],
	US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'America/Adak', 'Pacific/Honolulu'],
};

/** Countries with more than one civil time (e.g. the US, Spain with the Canaries, China with Xinjiang time). */
export const MULTI_ZONE_COUNTRIES: readonly string[] = Object.keys(MULTI_ZONE_COUNTRY_ZONES);

/** The zones of a country with several civil times (MULTI_ZONE_COUNTRY_ZONES), else undefined. */
export function timeZonesOfCountry(country: string): readonly string[] | undefined {
	return MULTI_ZONE_COUNTRY_ZONES[country.toUpperCase()];
}

export interface PhoneTimeZone {
	/** ISO 3166 region that libphonenumber assigns to the number (or a business-scoped user ID's prefix), when it can. */
	country?: string;
	/** Set only when that country has a single zone. */
	timeZone?: string;
	/** Set when that country has several civil times: one zone for each (timeZonesOfCountry). */
	timeZones?: readonly string[];
	reason: string;
}

/** The trimmed zone name, or an error naming the fix. "UTC" is accepted. */
export function assertTimeZone(name: unknown): string {
	const zone = typeof name === 'string' ? name.trim() : '';
	if (zone === '' || !IANAZone.isValidZone(zone)) {
		throw new Error(
			`${zone === '' ? 'No time zone was given' : `Unknown time zone "${zone}"`}. ` +
				'Use an IANA name such as Europe/Berlin, America/New_York or UTC.',
		);
	}
	return zone;
}

export function singleTimeZoneOfCountry(country: string): string | undefined {
	return SINGLE_ZONE_COUNTRIES[country.toUpperCase()];
}

/** A business-scoped user ID starts with its ISO country and a dot (Meta: Business-scoped user IDs), e.g. US.13491208655302741918. */
const BSUID_COUNTRY = /^([A-Z]{2})\.[0-9A-Za-z]+$/;

/**
 * Infers the recipient's zone from a wa_id, an E.164 number or a business-scoped user ID (its country
 * prefix): `timeZone` when the country has one zone, `timeZones` (every one of its civil times) when
 * it has several, neither when the country cannot be told or has no known zone.
 */
export function timeZoneFromPhoneNumber(recipient: unknown): PhoneTimeZone {
	const bsuid = typeof recipient === 'string' ? BSUID_COUNTRY.exec(recipient.trim()) : null;
	const digits = bsuid ? '' : (readWaId(recipient) ?? cleanPhoneInput(recipient).replace(/\D/g, ''));
	if (!bsuid && digits === '') return { reason: 'no phone number was given' };
	const country = bsuid ? bsuid[1] : countryOfNumber(digits);
	if (!country) return { reason: 'the country could not be told from the phone number' };
	const from = bsuid ? `the user ID is from ${country}` : `the number is from ${country}`;
	const timeZone = singleTimeZoneOfCountry(country);
	if (timeZone) return { country, timeZone, reason: `${from}, which has one time zone` };
	const timeZones = timeZonesOfCountry(country);
	if (timeZones) return { country, timeZones, reason: `${from}, which has ${timeZones.length} time zones: quiet hours must hold in all of them` };
	return { country, reason: `${from}, for which no time zone is known` };
}

/**
 * The recipient's wa_id (digits with country code, as webhooks and the Data table examples key
 * contacts), read as the send operations read numbers (normaliseRecipient); undefined for a
 * business-scoped user ID or what cannot be read. Throws for a number written without its country
 * code (e.g. 07400 123456): WhatsApp can never be sent to it, so waiting for quiet hours to end
 * would only delay the failure.
 */
export function recipientWaId(recipient: unknown): string | undefined {
	if (typeof recipient !== 'string' && typeof recipient !== 'number') return undefined;
	const text = cleanPhoneInput(recipient).trim();
	if (text === '' || BSUID_COUNTRY.test(text)) return undefined;
	if (/^0[1-9]/.test(text.replace(/[^0-9+]/g, ''))) {
		throw new Error(`The phone number "${text}" has no country code, so it cannot be messaged. Write it in international form, e.g. +44 7400 123456 (normalise it where it comes from).`);
	}
	return readWaId(text);
}

/** The wa_id of a number in any form the send operations take (+, 00, "(0)"), or undefined. */
function readWaId(recipient: unknown): string | undefined {
	try {
		return normaliseRecipient(cleanPhoneInput(recipient)).waId;
	} catch {
		return undefined;
	}
}
