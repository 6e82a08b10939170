/**
 * Round-robin owner choice whose state lives in the CRM, not in n8n. n8n's workflow static data is
 * not usable for it: in queue mode an execute node's static data starts empty on every execution,
 * and saving it replaces the trigger's own record. The CRM already knows the answer: the owner of
 * the newest record this node created (records carrying a WhatsApp ID). The next owner is the one
 * after it in the pool. That survives restarts, separate executions and any number of queue-mode
 * workers, and follows a pool the user reorders or shrinks.
 *
 * Under concurrency: two new senders whose records are created at the same moment both read the
 * same "newest" record and get the same next owner; the rotation then goes on from whichever
 * record is newest. A record whose owner is not in the pool (reassigned by hand) is skipped.
 */
import type { CrmOwner } from './types';

/** A record the node created, newest first, with its owner ID. */
export interface OwnedRecord {
	ownerId?: string;
	/** ISO 8601 or any string that sorts by time; used only to order records when the CRM did not. */
	createdAt?: string;
	/** The record ID; CRMs here hand out increasing numeric IDs, which orders records made in the same second. */
	id?: string;
}

/** Newer first: by creation time, then by the longer (then larger) ID. */
function newerFirst(a: OwnedRecord, b: OwnedRecord): number {
	const byTime = (b.createdAt ?? '').localeCompare(a.createdAt ?? '');
	if (byTime !== 0) return byTime;
	const idA = a.id ?? '';
	const idB = b.id ?? '';
	return idB.length - idA.length || idB.localeCompare(idA);
}

/**
 * The next owner: the one after the owner of the newest record (of `recent`) whose owner is in the
 * pool; the first of the pool when no record qualifies. Undefined for an empty pool.
 */
export function nextOwner(pool: CrmOwner[], recent: OwnedRecord[]): CrmOwner | undefined {
	if (pool.length === 0) return undefined;
	const newestFirst = [...recent].sort(newerFirst);
	for (const record of newestFirst) {
		const index = pool.findIndex((owner) => owner.id === record.ownerId);
		if (index >= 0) return pool[(index + 1) % pool.length];
	}
	return pool[0];
}
