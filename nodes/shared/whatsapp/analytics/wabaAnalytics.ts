/**
 * The WABA analytics fields (Meta: Analytics), read with GET /{waba-id}?fields=<field>.<filters>:
 *
 * - `analytics` (messaging analytics): messages sent and delivered by the WABA's phone numbers, per
 *   period: `{analytics:{phone_numbers, country_codes?, granularity, data_points:[{start, end, sent, delivered}]}}`.
 * - `pricing_analytics`: volume and cost of the messages delivered, broken down by the dimensions asked
 *   for: `{pricing_analytics:{data:[{data_points:[{start, end, country?, phone_number?, pricing_category?,
 *   pricing_type?, tier?, volume, cost}]}]}}`; cost in the currency the WABA is billed in.
 *
 * start and end are Unix seconds (UTC). Each field spells its granularities its own way.
 */
import { asObject, asObjects, asString } from '../webhook/jsonReaders';
import { epochToIsoAndDay } from './dateRange';
import { amountOf, countOf, fieldExpansion, ratio } from './graphFields';

export type AnalyticsGranularity = 'halfHour' | 'day' | 'month';

/** Meta's Analytics page: `analytics` takes HALF_HOUR, DAY, MONTH; `pricing_analytics` HALF_HOUR, DAILY, MONTHLY. */
const GRANULARITY_SPELLING: Record<'analytics' | 'pricing_analytics', Record<AnalyticsGranularity, string>> = {
	analytics: { halfHour: 'HALF_HOUR', day: 'DAY', month: 'MONTH' },
	pricing_analytics: { halfHour: 'HALF_HOUR', day: 'DAILY', month: 'MONTHLY' },
};

/** Meta's Analytics page: messaging analytics `product_types`: 0 = template messages, 2 = other messages. */
export const MESSAGING_PRODUCT_TYPES = { templates: 0, otherMessages: 2 } as const;
export type MessagingProduct = keyof typeof MESSAGING_PRODUCT_TYPES;

export interface MessagingAnalyticsQuery {
	/** Unix seconds, UTC; end excluded */
	start: number;
	end: number;
	granularity: AnalyticsGranularity;
	/** Display phone numbers, digits only (Meta filters by the number, not its ID) */
	phoneNumbers?: readonly string[];
	products?: readonly MessagingProduct[];
	/** ISO 3166 two-letter codes of the recipients' countries */
	countryCodes?: readonly string[];
}

/** The `fields` value for messaging analytics. */
export function messagingAnalyticsField(query: MessagingAnalyticsQuery): string {
	return fieldExpansion('analytics', [
		['start', query.start],
		['end', query.end],
		['granularity', GRANULARITY_SPELLING.analytics[query.granularity]],
		['phone_numbers', query.phoneNumbers],
		['product_types', query.products?.map((product) => MESSAGING_PRODUCT_TYPES[product])],
		['country_codes', query.countryCodes?.map((code) => code.toUpperCase())],
	]);
}

/** One period of one phone number. */
export interface MessagingAnalyticsRow {
	/** The display phone number (digits) the figures are for; null when Meta did not say */
	phoneNumber: string | null;
	/** The UTC day the period starts on, 2025-06-01 */
	date: string;
	start: string;
	end: string;
	/** HALF_HOUR, DAY or MONTH, as Meta answered */
	granularity: string;
	sent: number;
	delivered: number;
	/** delivered / sent, 4 decimals; null when nothing was sent */
	deliveryRate: number | null;
}

/** The `analytics` value of the answer → one row per period (Meta lists every period, empty ones too). */
export function messagingAnalyticsRows(body: unknown): MessagingAnalyticsRow[] {
	const analytics = asObject(asObject(body)?.analytics);
	const numbers = Array.isArray(analytics?.phone_numbers) ? analytics.phone_numbers.map((number) => asString(number)).filter(Boolean) : [];
	const phoneNumber = numbers.length === 1 ? (numbers[0] as string) : null;
	const granularity = asString(analytics?.granularity) ?? '';
	return asObjects(analytics?.data_points).map((point) => {
		const from = epochToIsoAndDay(countOf(point.start));
		const sent = countOf(point.sent);
		const delivered = countOf(point.delivered);
		return { phoneNumber, date: from.day, start: from.iso, end: epochToIsoAndDay(countOf(point.end)).iso, granularity, sent, delivered, deliveryRate: ratio(delivered, sent) };
	});
}

/** Meta's Analytics page: pricing analytics breakdowns, and the keys they add to a data point. */
export const PRICING_DIMENSIONS = {
	COUNTRY: 'country',
	PHONE: 'phone_number',
	PRICING_CATEGORY: 'pricing_category',
	PRICING_TYPE: 'pricing_type',
	TIER: 'tier',
} as const;
export type PricingDimension = keyof typeof PRICING_DIMENSIONS;

/** Meta's Analytics page: the pricing categories and types pricing analytics filter on. */
export const PRICING_CATEGORIES = ['AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL', 'MARKETING', 'MARKETING_LITE', 'REFERRAL_CONVERSION', 'SERVICE', 'UTILITY'] as const;
export const PRICING_TYPES = ['FREE_CUSTOMER_SERVICE', 'FREE_ENTRY_POINT', 'REGULAR'] as const;

export interface PricingAnalyticsQuery {
	start: number;
	end: number;
	granularity: AnalyticsGranularity;
	dimensions: readonly PricingDimension[];
	phoneNumbers?: readonly string[];
	countryCodes?: readonly string[];
	pricingCategories?: readonly string[];
	pricingTypes?: readonly string[];
}

/** The `fields` value for pricing analytics; both metrics (VOLUME, COST) are always asked for. */
export function pricingAnalyticsField(query: PricingAnalyticsQuery): string {
	return fieldExpansion('pricing_analytics', [
		['start', query.start],
		['end', query.end],
		['granularity', GRANULARITY_SPELLING.pricing_analytics[query.granularity]],
		['phone_numbers', query.phoneNumbers],
		['country_codes', query.countryCodes?.map((code) => code.toUpperCase())],
		['metric_types', ['COST', 'VOLUME']],
		['pricing_types', query.pricingTypes],
		['pricing_categories', query.pricingCategories],
		['dimensions', query.dimensions],
	]);
}

/** Row keys of the breakdowns, in our naming. */
const DIMENSION_KEYS: Record<PricingDimension, keyof PricingAnalyticsRow> = {
	COUNTRY: 'country',
	PHONE: 'phoneNumber',
	PRICING_CATEGORY: 'pricingCategory',
	PRICING_TYPE: 'pricingType',
	TIER: 'tier',
};

/** One period × one combination of the breakdowns asked for; a breakdown not asked for is left out. */
export interface PricingAnalyticsRow {
	date: string;
	start: string;
	end: string;
	country?: string | null;
	phoneNumber?: string | null;
	pricingCategory?: string | null;
	pricingType?: string | null;
	tier?: string | null;
	/** Messages delivered */
	volume: number;
	cost: number;
}

/**
 * The `pricing_analytics` value → rows, sorted by period then breakdown values. Meta lists only the
 * combinations that had deliveries. A breakdown Meta left out of a point (e.g. no tier on free
 * messages) is null, so every row has the same keys.
 */
export function pricingAnalyticsRows(body: unknown, dimensions: readonly PricingDimension[]): PricingAnalyticsRow[] {
	const points = asObjects(asObject(asObject(body)?.pricing_analytics)?.data).flatMap((entry) => asObjects(entry.data_points));
	const rows = points.map((point) => {
		const from = epochToIsoAndDay(countOf(point.start));
		const row: PricingAnalyticsRow = { date: from.day, start: from.iso, end: epochToIsoAndDay(countOf(point.end)).iso, volume: countOf(point.volume), cost: amountOf(point.cost) ?? 0 };
		for (const dimension of dimensions) (row as unknown as Record<string, unknown>)[DIMENSION_KEYS[dimension]] = asString(point[PRICING_DIMENSIONS[dimension]]) ?? null;
		return row;
	});
	const sortKey = (row: PricingAnalyticsRow) => [row.start, ...dimensions.map((dimension) => String(row[DIMENSION_KEYS[dimension]] ?? ''))].join('|');
	return rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
