/**
 * The last inbound time on a record moves only forward. Meta redelivers webhooks late (hours, even
 * days: Meta's Webhooks overview page: retries), so a message can arrive after a newer one was recorded;
 * writing its time would make the Session Window think the customer wrote earlier than they did.
 */
import { parseInstant } from '../whatsapp/schedule/instants';
import type { CrmClient, RecordRef } from './types';

/** What Set Last Inbound Time did: the record's time afterwards (ISO 8601 UTC), and the one it had. */
export interface LastInboundResult {
	/** True when the time was written; false when the record already had this time or a newer one. */
	written: boolean;
	/** The record's last inbound time after the operation: the newer of the two. */
	lastInboundAt: string;
	/** The time the record had before, ISO 8601 UTC; null when it had none (or an unreadable one). */
	previousLastInboundAt: string | null;
}

/**
 * A time as a CRM stores it (ISO 8601 with or without an offset, a date, epoch milliseconds as
 * text) read with luxon in UTC, as ISO 8601 UTC with milliseconds; undefined when empty or unreadable.
 */
export function storedInstant(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return parseInstant(value)?.toISO() ?? undefined;
}

/**
 * True when `candidate` is later than `stored` at whole seconds (Zoho keeps seconds only, so the
 * same message redelivered compares equal), both read in UTC; true when `stored` is empty or unreadable.
 */
export function isLaterInstant(candidate: string, stored: unknown): boolean {
	const before = parseInstant(stored);
	const after = parseInstant(candidate);
	if (!before) return true;
	if (!after) return false;
	return after.startOf('second') > before.startOf('second');
}

/**
 * Reads the record's current last inbound time and writes `timestamp` (ISO 8601 UTC) only when it
 * is later. Not atomic: two messages of one customer handled in the same moment can still write in
 * the wrong order (the next message puts it right). Throws what the client's read and write throw.
 */
export async function setLastInboundIfLater(client: CrmClient, record: RecordRef, timestamp: string): Promise<LastInboundResult> {
	const stored = await client.readLastInbound(record);
	const previous = storedInstant(stored) ?? null;
	if (!isLaterInstant(timestamp, stored)) return { written: false, lastInboundAt: previous ?? timestamp, previousLastInboundAt: previous };
	await client.writeLastInbound(record, timestamp);
	return { written: true, lastInboundAt: timestamp, previousLastInboundAt: previous };
}
