/**
 * A bounded memory of event ids already handled. Meta delivers at least once and retries for up
 * to 7 days (docs/webhook-delivery.md), so the same message or status can arrive again; this lets a trigger drop it.
 * Bounded both in size (oldest evicted first) and in age; serialisable for n8n's static data.
 */

export interface SeenEventIdsOptions {
	/** At most this many ids are remembered; the oldest is forgotten first. */
	maxEntries: number;
	/** An id is forgotten this many seconds after it was first seen. */
	maxAgeSeconds: number;
	/** Clock in milliseconds (defaults to Date.now). */
	now?: () => number;
}

export interface SeenEventIdsData {
	version: 1;
	/** [event id, first seen at (ms since epoch)], oldest first. */
	entries: Array<[string, number]>;
}

export class SeenEventIds {
	/** id → first-seen time. A Map keeps insertion order, so the oldest entry is always first. */
	private readonly seenAt = new Map<string, number>();
	private readonly maxEntries: number;
	private readonly maxAgeMillis: number;
	private readonly now: () => number;

	constructor(options: SeenEventIdsOptions) {
		if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
			throw new RangeError(`maxEntries must be a whole number of at least 1 (got ${String(options.maxEntries)}).`);
		}
		if (!(options.maxAgeSeconds > 0) || !Number.isFinite(options.maxAgeSeconds)) {
			throw new RangeError(`maxAgeSeconds must be a positive number of seconds (got ${String(options.maxAgeSeconds)}).`);
		}
		this.maxEntries = options.maxEntries;
		this.maxAgeMillis = options.maxAgeSeconds * 1000;
		this.now = options.now ?? Date.now;
	}

	get size(): number {
		return this.seenAt.size;
	}

	/** true the first time an id is seen (within the age limit), false for a repeat. Amortised O(1). */
	checkAndRemember(id: string): boolean {
		const now = this.now();
		this.forgetExpired(now);
		const seenAt = this.seenAt.get(id);
		if (seenAt !== undefined && !this.isExpired(seenAt, now)) return false;
		this.seenAt.delete(id); // re-insert at the end, so order stays oldest first
		this.seenAt.set(id, now);
		if (this.seenAt.size > this.maxEntries) this.forgetOldest(this.seenAt.size - this.maxEntries);
		return true;
	}

	toJSON(): SeenEventIdsData {
		this.forgetExpired(this.now());
		return { version: 1, entries: [...this.seenAt.entries()] };
	}

	/** Restores a memory saved by toJSON. Unreadable data (or entries) are skipped, never fatal. */
	static fromJSON(data: unknown, options: SeenEventIdsOptions): SeenEventIds {
		const memory = new SeenEventIds(options);
		const entries = typeof data === 'object' && data !== null ? (data as { entries?: unknown }).entries : undefined;
		if (!Array.isArray(entries)) return memory;
		const valid = entries.filter(
			(entry): entry is [string, number] =>
				Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && Number.isFinite(entry[1]),
		);
		valid.sort((left, right) => left[1] - right[1]);
		for (const [id, seenAt] of valid.slice(-memory.maxEntries)) {
			memory.seenAt.delete(id);
			memory.seenAt.set(id, seenAt);
		}
		memory.forgetExpired(memory.now());
		return memory;
	}

	private isExpired(seenAt: number, now: number): boolean {
		return now - seenAt >= this.maxAgeMillis;
	}

	/** Oldest first, so stop at the first id still fresh. */
	private forgetExpired(now: number): void {
		for (const [id, seenAt] of this.seenAt) {
			if (!this.isExpired(seenAt, now)) return;
			this.seenAt.delete(id);
		}
	}

	private forgetOldest(count: number): void {
		let left = count;
		for (const id of this.seenAt.keys()) {
			if (left-- <= 0) return;
			this.seenAt.delete(id);
		}
	}
}
