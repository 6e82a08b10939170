/**
 * What the analytics endpoints count, computed from the emulator's own record: every accepted
 * message joined with the statuses it went through (state.outcomes, the same events the status
 * webhooks carry), plus time buckets and a group-by. All times are Unix seconds; buckets start at
 * the requested `start` and step by 30 minutes, one UTC day or one UTC calendar month.
 */
import type { PhoneNumberRecord } from '../seed';
import { countryOf, rateOf, roundMoney } from './rate-card';
import type { EmulatorState } from './store';
import type { Pricing, SentMessage } from './types';

export interface MessageFacts {
	message: SentMessage;
	phone: PhoneNumberRecord;
	/** The recipient's ISO country. */
	country: string;
	/** Unix seconds of the first sent / delivered-or-read / read status. */
	sentAt?: number;
	deliveredAt?: number;
	readAt?: number;
	/** The pricing the status webhooks reported (first status that carried one). */
	pricing?: Pricing;
	/** USD per the rate card; 0 when not billable or not delivered. */
	cost: number;
}

/** One row per accepted message of the WABA's numbers, in send order. */
export function messageFacts(state: EmulatorState, wabaId: string): MessageFacts[] {
	const facts = new Map<string, MessageFacts>();
	for (const message of state.messages.values()) {
		const phone = state.phoneNumbers.get(message.phoneNumberId);
		if (phone?.wabaId === wabaId) facts.set(message.id, { message, phone, country: countryOf(message.waId), cost: 0 });
	}
	for (const event of state.outcomes) {
		const fact = facts.get(event.messageId);
		if (!fact) continue;
		if (event.status === 'sent') fact.sentAt ??= event.timestamp;
		if (event.status === 'delivered' || event.status === 'read') fact.deliveredAt ??= event.timestamp;
		if (event.status === 'read') fact.readAt ??= event.timestamp;
		if (event.pricing) fact.pricing ??= event.pricing;
	}
	for (const fact of facts.values()) {
		if (fact.pricing && fact.deliveredAt !== undefined) fact.cost = rateOf(fact.country, fact.pricing.category, fact.pricing.billable);
	}
	return [...facts.values()];
}

export type Granularity = 'HALF_HOUR' | 'DAY' | 'MONTH';

export interface Bucket {
	start: number;
	end: number;
}

/** Most buckets one request may ask for (a year of half hours). */
export const MAX_BUCKETS = 17_568;

/** Buckets from `start` until `end` (the last one may reach past `end`). */
export function buckets(start: number, end: number, granularity: Granularity): Bucket[] {
	const result: Bucket[] = [];
	let cursor = start;
	while (cursor < end && result.length < MAX_BUCKETS) {
		const next = granularity === 'HALF_HOUR' ? cursor + 1800 : granularity === 'DAY' ? cursor + 86_400 : nextMonth(cursor);
		result.push({ start: cursor, end: next });
		cursor = next;
	}
	return result;
}

function nextMonth(seconds: number): number {
	const date = new Date(seconds * 1000);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()) / 1000;
}

export function bucketIndex(list: Bucket[], at: number | undefined): number {
	if (at === undefined || list.length === 0 || at < list[0].start || at >= list[list.length - 1].end) return -1;
	return list.findIndex((bucket) => at >= bucket.start && at < bucket.end);
}

export type Point = Record<string, string | number>;

/**
 * Sums `measure` per bucket and dimension values. `dimensions` returns the breakdown keys of an
 * item (undefined values are left out of the point). Points come bucket by bucket, then in
 * first-seen order; money keys are rounded.
 */
export function groupBy<T>(
	items: T[],
	list: Bucket[],
	timeOf: (item: T) => number | undefined,
	dimensions: (item: T) => Record<string, string | undefined>,
	measure: (item: T) => Record<string, number>,
): Point[] {
	const groups = new Map<string, { index: number; point: Point }>();
	for (const item of items) {
		const index = bucketIndex(list, timeOf(item));
		if (index < 0) continue;
		const dims = Object.fromEntries(Object.entries(dimensions(item)).filter(([, value]) => value !== undefined)) as Record<string, string>;
		const key = `${index}|${JSON.stringify(dims)}`;
		let group = groups.get(key);
		if (!group) {
			group = { index, point: { start: list[index].start, end: list[index].end, ...dims } };
			groups.set(key, group);
		}
		for (const [name, value] of Object.entries(measure(item))) group.point[name] = ((group.point[name] as number | undefined) ?? 0) + value;
	}
	return [...groups.values()]
		.sort((a, b) => a.index - b.index)
		.map(({ point }) => (typeof point.cost === 'number' ? { ...point, cost: roundMoney(point.cost) } : point));
}
