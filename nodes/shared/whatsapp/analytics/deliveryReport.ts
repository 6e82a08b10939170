/**
 * The delivery report from our own data: statuses (Meta: Status messages webhook reference) joined to
 * the sends they belong to, one outcome per message, then totals per template, campaign (tracking
 * data), day and pricing category. No request to WhatsApp: everything comes from the items given.
 *
 * Statuses arrive more than once and out of order (docs/webhook-delivery.md), so each status counts
 * once per message (its earliest time), and the outcome is the furthest status reached:
 * sent < delivered < read < played; `failed` when a failure was reported and the message was never
 * delivered; `accepted` when a send has no status yet.
 */
import { DateTime } from 'luxon';
import { assertTimeZone } from '../schedule/timeZones';
import { ratio } from './graphFields';
import type { DeliveryRecord, SendRecord, StatusRecord } from './deliveryRecords';

export type DeliveryOutcomeStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'played' | 'failed';

const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, played: 4 };
type ReachedStatus = Exclude<DeliveryOutcomeStatus, 'accepted' | 'failed'>;

/** What happened to one message. Times are ISO instants (UTC); absent values are null, so every row has the same keys. */
export interface DeliveryOutcome {
	messageId: string;
	waId: string | null;
	/** The recipient's business-scoped user ID, when Meta gave one (the number may be withheld) */
	userId: string | null;
	templateName: string | null;
	templateId: string | null;
	/** The tracking data (biz_opaque_callback_data) the message was sent with */
	campaign: string | null;
	status: DeliveryOutcomeStatus;
	sentAt: string | null;
	deliveredAt: string | null;
	readAt: string | null;
	playedAt: string | null;
	failedAt: string | null;
	/** The calendar day of the send (its first status) in the report's time zone, 2025-06-01 */
	day: string | null;
	/** As Meta's pricing object reported it, on the furthest status that carried one */
	billable: boolean | null;
	pricingCategory: string | null;
	pricingType: string | null;
	errorCode: number | null;
	errorTitle: string | null;
	errorDetails: string | null;
	/** Whether a send result was found for this message (by message ID, else by tracking data) */
	matchedSend: boolean;
}

/** A record and the input item it came from. */
export interface IndexedRecord {
	record: DeliveryRecord;
	index: number;
}

export interface OutcomeWithSources {
	outcome: DeliveryOutcome;
	/** Input items the outcome was built from */
	sources: number[];
}

interface MessageState {
	messageId: string;
	statuses: Map<string, StatusRecord>;
	send?: SendRecord;
	sources: number[];
}

/**
 * One outcome per message ID seen in a status or a send, sorted by time.
 * @param zone IANA zone whose calendar days `day` names (UTC by default, as Meta's analytics).
 * @throws Error when the zone is not an IANA zone.
 */
export function deliveryOutcomes(records: readonly IndexedRecord[], zone = 'UTC'): OutcomeWithSources[] {
	const validZone = assertTimeZone(zone);
	const messages = new Map<string, MessageState>();
	const sendsByTracking = new Map<string, SendRecord[]>();
	const stateOf = (messageId: string) => {
		let state = messages.get(messageId);
		if (!state) messages.set(messageId, (state = { messageId, statuses: new Map(), sources: [] }));
		return state;
	};
	for (const { record, index } of records) {
		if (record.kind === 'send') {
			if (record.tracking) sendsByTracking.set(record.tracking, [...(sendsByTracking.get(record.tracking) ?? []), record]);
			if (!record.messageId) continue;
			const state = stateOf(record.messageId);
			state.send = { ...state.send, ...record };
			state.sources.push(index);
			continue;
		}
		const state = stateOf(record.messageId);
		const earlier = state.statuses.get(record.status);
		// A redelivered or repeated status counts once, at its earliest time.
		if (!earlier || (record.at !== undefined && (earlier.at === undefined || record.at < earlier.at))) state.statuses.set(record.status, { ...earlier, ...record });
		state.sources.push(index);
	}
	return [...messages.values()]
		.map((state) => ({ outcome: outcomeOf(state, sendsByTracking, validZone), sources: state.sources, first: firstTime(state) }))
		// By time; messages with no time yet (sends without status) last, in input order.
		.sort((a, b) => (a.first ?? Infinity) - (b.first ?? Infinity) || a.sources[0] - b.sources[0])
		.map(({ outcome, sources }) => ({ outcome, sources }));
}

function firstTime(state: MessageState): number | undefined {
	const times = [...state.statuses.values()].map((status) => status.at).filter((at): at is number => at !== undefined);
	if (state.send?.at !== undefined) times.push(state.send.at);
	return times.length > 0 ? Math.min(...times) : undefined;
}

/** The send of a message: by its ID, else the one send with the same tracking data (or several agreeing on the template). */
function sendOf(state: MessageState, tracking: string | undefined, sendsByTracking: Map<string, SendRecord[]>): SendRecord | undefined {
	if (state.send) return state.send;
	const candidates = tracking ? (sendsByTracking.get(tracking) ?? []) : [];
	const templates = new Set(candidates.map((send) => send.templateName ?? ''));
	return candidates.length > 0 && templates.size === 1 ? candidates[0] : undefined;
}

function outcomeOf(state: MessageState, sendsByTracking: Map<string, SendRecord[]>, zone: string): DeliveryOutcome {
	const statuses = [...state.statuses.values()];
	const at = (status: string) => iso(state.statuses.get(status)?.at);
	const furthest = statuses.filter((status) => RANK[status.status] !== undefined).sort((a, b) => RANK[b.status] - RANK[a.status])[0];
	const failed = state.statuses.get('failed');
	const status: DeliveryOutcomeStatus = failed && (!furthest || RANK[furthest.status] < RANK.delivered) ? 'failed' : ((furthest?.status as DeliveryOutcomeStatus | undefined) ?? 'accepted');
	const priced = [...statuses].sort((a, b) => (RANK[b.status] ?? 0) - (RANK[a.status] ?? 0)).find((record) => record.billable !== undefined || record.pricingCategory !== undefined);
	const tracking = statuses.find((record) => record.tracking)?.tracking ?? state.send?.tracking;
	const send = sendOf(state, tracking, sendsByTracking);
	const joined = statuses.find((record) => record.templateName || record.templateId);
	const first = firstTime(state);
	return {
		messageId: state.messageId,
		// A send found by tracking data names the template and campaign, not this message's recipient.
		waId: statuses.find((record) => record.waId)?.waId ?? state.send?.waId ?? null,
		userId: statuses.find((record) => record.userId)?.userId ?? state.send?.userId ?? null,
		templateName: send?.templateName ?? joined?.templateName ?? null,
		templateId: send?.templateId ?? joined?.templateId ?? null,
		campaign: tracking ?? send?.tracking ?? null,
		status,
		sentAt: at('sent'),
		deliveredAt: at('delivered'),
		readAt: at('read'),
		playedAt: at('played'),
		failedAt: at('failed'),
		day: first === undefined ? null : (DateTime.fromSeconds(first, { zone }).toISODate() as string),
		billable: priced?.billable ?? null,
		pricingCategory: priced?.pricingCategory ?? null,
		pricingType: priced?.pricingType ?? null,
		errorCode: failed?.errorCode ?? null,
		errorTitle: failed?.errorTitle ?? null,
		errorDetails: failed?.errorDetails ?? null,
		matchedSend: send !== undefined,
	};
}

function iso(seconds: number | undefined): string | null {
	return seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}

/** What totals can be grouped by: the outcome keys of the same name. */
export const TOTALS_GROUPS = ['templateName', 'campaign', 'day', 'pricingCategory'] as const;
export type TotalsGroup = (typeof TOTALS_GROUPS)[number];

/**
 * Totals of one group. Counts are of messages that reached at least that status: a read message
 * counts as sent, delivered and read, so the counts read as a funnel.
 */
export interface DeliveryTotals {
	templateName?: string | null;
	campaign?: string | null;
	day?: string | null;
	pricingCategory?: string | null;
	messages: number;
	/** Sent to WhatsApp, no status received yet */
	accepted: number;
	sent: number;
	delivered: number;
	read: number;
	played: number;
	failed: number;
	/** Messages Meta's pricing object marked billable */
	billable: number;
	/** delivered / sent and read / delivered, 4 decimals; null when the divisor is 0 */
	deliveryRate: number | null;
	readRate: number | null;
}

export interface TotalsWithSources {
	totals: DeliveryTotals;
	sources: number[];
}

/** Totals per combination of the `groupBy` keys (one overall row when none), sorted by those keys. */
export function deliveryTotals(outcomes: readonly OutcomeWithSources[], groupBy: readonly TotalsGroup[]): TotalsWithSources[] {
	const groups = new Map<string, { key: Partial<Record<TotalsGroup, string | null>>; members: OutcomeWithSources[] }>();
	for (const entry of outcomes) {
		const key = Object.fromEntries(groupBy.map((group) => [group, entry.outcome[group]])) as Partial<Record<TotalsGroup, string | null>>;
		const id = JSON.stringify(groupBy.map((group) => key[group]));
		const found = groups.get(id) ?? { key, members: [] };
		found.members.push(entry);
		groups.set(id, found);
	}
	return [...groups.values()]
		.sort((a, b) => groupBy.map((group) => (a.key[group] ?? '').localeCompare(b.key[group] ?? '')).find((order) => order !== 0) ?? 0)
		.map(({ key, members }) => ({ totals: { ...key, ...count(members.map((member) => member.outcome)) }, sources: [...new Set(members.flatMap((member) => member.sources))].sort((a, b) => a - b) }));
}

function count(outcomes: DeliveryOutcome[]): Omit<DeliveryTotals, TotalsGroup> {
	const reached = (status: ReachedStatus) => outcomes.filter((outcome) => outcome[`${status}At`] !== null || (RANK[outcome.status] ?? 0) >= RANK[status]).length;
	const sent = reached('sent');
	const delivered = reached('delivered');
	const read = reached('read');
	return {
		messages: outcomes.length,
		accepted: outcomes.filter((outcome) => outcome.status === 'accepted').length,
		sent,
		delivered,
		read,
		played: reached('played'),
		failed: outcomes.filter((outcome) => outcome.status === 'failed').length,
		billable: outcomes.filter((outcome) => outcome.billable === true).length,
		deliveryRate: ratio(delivered, sent),
		readRate: ratio(read, delivered),
	};
}
