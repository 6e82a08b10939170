/**
 * The WABA analytics fields of GET /{waba-id}?fields=… (Meta's Analytics page):
 * `analytics` (messages sent and delivered), `pricing_analytics` (delivered volume and cost by
 * pricing category, type, country, phone) and `conversation_analytics` (one conversation per
 * message, as per-message pricing gives). Figures come from the emulator's own sends and statuses
 * (state/analytics.ts) and its rate card (state/rate-card.ts); the lookback is one year.
 */
import { MetaApiError } from '../http/errors';
import { buckets, groupBy, messageFacts, type Bucket, type Granularity, type MessageFacts } from '../state/analytics';
import type { EmulatorState } from '../state/store';
import { enumList, listArgument, timeArgument, type FieldRequest } from './analytics-fields';

export const ANALYTICS_FIELDS = ['analytics', 'pricing_analytics', 'conversation_analytics'] as const;
const LOOKBACK_SECONDS = 366 * 86_400;

const GRANULARITY: Record<string, Granularity> = { HALF_HOUR: 'HALF_HOUR', DAY: 'DAY', DAILY: 'DAY', MONTH: 'MONTH', MONTHLY: 'MONTH' };
/** The spelling each field documents, used in the answer. */
const GRANULARITY_NAMES: Record<string, Record<Granularity, string>> = {
	analytics: { HALF_HOUR: 'HALF_HOUR', DAY: 'DAY', MONTH: 'MONTH' },
	pricing_analytics: { HALF_HOUR: 'HALF_HOUR', DAY: 'DAILY', MONTH: 'MONTHLY' },
	conversation_analytics: { HALF_HOUR: 'HALF_HOUR', DAY: 'DAILY', MONTH: 'MONTHLY' },
};

interface Range {
	list: Bucket[];
	granularity: Granularity;
	/** Display numbers (digits) the request is limited to; every number of the WABA when none given. */
	phoneNumbers: string[];
	facts: MessageFacts[];
}

/** Computes one analytics field for the WABA: the value to put under its name. */
export function analyticsField(state: EmulatorState, wabaId: string, field: FieldRequest): Record<string, unknown> {
	const range = readRange(state, wabaId, field);
	if (field.name === 'analytics') return messagingAnalytics(range, field);
	if (field.name === 'pricing_analytics') return pricingAnalytics(range, field);
	return conversationAnalytics(range, field);
}

function readRange(state: EmulatorState, wabaId: string, field: FieldRequest): Range {
	const start = timeArgument(field.modifiers.get('start'), 'start', field.name);
	const end = timeArgument(field.modifiers.get('end'), 'end', field.name);
	if (end <= start) throw new MetaApiError(100, `${field.name}: end (${end}) must be after start (${start}).`);
	if (start < Math.floor(state.now() / 1000) - LOOKBACK_SECONDS) throw new MetaApiError(100, `${field.name} looks back at most one year; move start forward.`);
	const rawGranularity = (field.modifiers.get('granularity') ?? '').toUpperCase();
	const granularity = GRANULARITY[rawGranularity];
	const names = Object.values(GRANULARITY_NAMES[field.name]);
	if (!granularity || !names.includes(rawGranularity)) throw new MetaApiError(100, `${field.name} requires granularity ${names.join(', ')}; got "${rawGranularity}".`);
	const numbersOfWaba = [...state.phoneNumbers.values()].filter((phone) => phone.wabaId === wabaId).map((phone) => phone.display_phone_number);
	const asked = listArgument(field.modifiers.get('phone_numbers')).map((value) => value.replace(/\D/g, ''));
	const phoneNumbers = asked.length > 0 ? numbersOfWaba.filter((number) => asked.includes(number)) : numbersOfWaba;
	const countries = listArgument(field.modifiers.get('country_codes')).map((value) => value.toUpperCase());
	const facts = messageFacts(state, wabaId).filter((fact) => phoneNumbers.includes(fact.phone.display_phone_number) && (countries.length === 0 || countries.includes(fact.country)));
	return { list: buckets(start, end, granularity), granularity, phoneNumbers, facts };
}

/** `analytics`: sent and delivered per bucket, every bucket listed. product_types 0 = templates, 2 = other messages. */
function messagingAnalytics(range: Range, field: FieldRequest): Record<string, unknown> {
	const types = enumList(field.modifiers.get('product_types'), ['0', '2'], 'analytics.product_types');
	const facts = range.facts.filter((fact) => types.length === 0 || types.includes(fact.message.type === 'template' ? '0' : '2'));
	const sent = groupBy(facts, range.list, (fact) => fact.sentAt, () => ({}), () => ({ sent: 1 }));
	const delivered = groupBy(facts, range.list, (fact) => fact.deliveredAt, () => ({}), () => ({ delivered: 1 }));
	const count = (points: typeof sent, start: number, key: string) => Number(points.find((point) => point.start === start)?.[key] ?? 0);
	const countries = listArgument(field.modifiers.get('country_codes')).map((value) => value.toUpperCase());
	return {
		phone_numbers: range.phoneNumbers,
		country_codes: countries.length > 0 ? countries : [...new Set(facts.map((fact) => fact.country))],
		granularity: GRANULARITY_NAMES.analytics[range.granularity],
		data_points: range.list.map((bucket) => ({ start: bucket.start, end: bucket.end, sent: count(sent, bucket.start, 'sent'), delivered: count(delivered, bucket.start, 'delivered') })),
	};
}

const PRICING_DIMENSIONS = ['COUNTRY', 'PHONE', 'PRICING_CATEGORY', 'PRICING_TYPE', 'TIER'] as const;
const PRICING_CATEGORIES = ['AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL', 'MARKETING', 'MARKETING_LITE', 'SERVICE', 'UTILITY', 'REFERRAL_CONVERSION'] as const;
const PRICING_TYPES = ['FREE_CUSTOMER_SERVICE', 'FREE_ENTRY_POINT', 'REGULAR'] as const;

/**
 * `pricing_analytics`: messages delivered in each bucket, by the pricing the status webhooks
 * carried. Only non-empty points are listed. `tier` is "0:MAX" for billable points (no volume
 * tiers are emulated) and absent for free ones.
 */
function pricingAnalytics(range: Range, field: FieldRequest): Record<string, unknown> {
	const dimensions = enumList(field.modifiers.get('dimensions'), PRICING_DIMENSIONS, 'pricing_analytics.dimensions');
	const metrics = enumList(field.modifiers.get('metric_types'), ['COST', 'VOLUME'], 'pricing_analytics.metric_types');
	const categories = enumList(field.modifiers.get('pricing_categories'), PRICING_CATEGORIES, 'pricing_analytics.pricing_categories');
	const types = enumList(field.modifiers.get('pricing_types'), PRICING_TYPES, 'pricing_analytics.pricing_types');
	const has = (name: string) => dimensions.includes(name);
	const wants = (metric: string) => metrics.length === 0 || metrics.includes(metric);
	const facts = range.facts.filter(
		(fact) => fact.pricing && (categories.length === 0 || categories.includes(fact.pricing.category.toUpperCase())) && (types.length === 0 || types.includes(fact.pricing.type.toUpperCase())),
	);
	const points = groupBy(
		facts,
		range.list,
		(fact) => fact.deliveredAt,
		(fact) => ({
			country: has('COUNTRY') ? fact.country : undefined,
			phone_number: has('PHONE') ? fact.phone.display_phone_number : undefined,
			tier: has('TIER') && fact.pricing!.billable ? '0:MAX' : undefined,
			pricing_type: has('PRICING_TYPE') ? fact.pricing!.type.toUpperCase() : undefined,
			pricing_category: has('PRICING_CATEGORY') ? fact.pricing!.category.toUpperCase() : undefined,
		}),
		(fact) => ({ ...(wants('VOLUME') ? { volume: 1 } : {}), ...(wants('COST') ? { cost: fact.cost } : {}) }),
	);
	return { data: [{ data_points: points }] };
}

const CONVERSATION_DIMENSIONS = ['CONVERSATION_CATEGORY', 'CONVERSATION_DIRECTION', 'CONVERSATION_TYPE', 'COUNTRY', 'PHONE'] as const;

/**
 * `conversation_analytics`: with per-message pricing every message is its own conversation
 * (the status webhooks give each a conversation ID), counted when sent. All are REGULAR;
 * templates are BUSINESS_INITIATED, other messages USER_INITIATED.
 */
function conversationAnalytics(range: Range, field: FieldRequest): Record<string, unknown> {
	const dimensions = enumList(field.modifiers.get('dimensions'), CONVERSATION_DIMENSIONS, 'conversation_analytics.dimensions');
	const metrics = enumList(field.modifiers.get('metric_types'), ['COST', 'CONVERSATION'], 'conversation_analytics.metric_types');
	const categories = enumList(field.modifiers.get('conversation_categories'), ['AUTHENTICATION', 'MARKETING', 'MARKETING_LITE', 'SERVICE', 'UTILITY'], 'conversation_analytics.conversation_categories');
	const types = enumList(field.modifiers.get('conversation_types'), ['FREE_ENTRY', 'FREE_TIER', 'REGULAR'], 'conversation_analytics.conversation_types');
	const directions = enumList(field.modifiers.get('conversation_directions'), ['BUSINESS_INITIATED', 'USER_INITIATED', 'UNKNOWN'], 'conversation_analytics.conversation_directions');
	const has = (name: string) => dimensions.includes(name);
	const wants = (metric: string) => metrics.length === 0 || metrics.includes(metric);
	const directionOf = (fact: MessageFacts) => (fact.message.type === 'template' ? 'BUSINESS_INITIATED' : 'USER_INITIATED');
	const facts = range.facts.filter(
		(fact) =>
			fact.pricing &&
			(categories.length === 0 || categories.includes(fact.pricing.category.toUpperCase())) &&
			(types.length === 0 || types.includes('REGULAR')) &&
			(directions.length === 0 || directions.includes(directionOf(fact))),
	);
	const points = groupBy(
		facts,
		range.list,
		(fact) => fact.sentAt,
		(fact) => ({
			phone_number: has('PHONE') ? fact.phone.display_phone_number : undefined,
			country: has('COUNTRY') ? fact.country : undefined,
			conversation_type: has('CONVERSATION_TYPE') ? 'REGULAR' : undefined,
			conversation_direction: has('CONVERSATION_DIRECTION') ? directionOf(fact) : undefined,
			conversation_category: has('CONVERSATION_CATEGORY') ? fact.pricing!.category.toUpperCase() : undefined,
		}),
		(fact) => ({ ...(wants('CONVERSATION') ? { conversation: 1 } : {}), ...(wants('COST') ? { cost: fact.cost } : {}) }),
	);
	return { data: [{ data_points: points }] };
}
