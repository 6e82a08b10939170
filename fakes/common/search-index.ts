/**
 * A search index that lags behind the store, like the vendors' search back-ends: every write
 * becomes searchable `lagMs` after it happened (Zendesk: "up to a few minutes"; Bigin ~10–20 s;
 * HubSpot "may not appear at once"). Reads by id, upserts and uniqueness checks never use it.
 */
export class SearchIndex<T> {
	/** Per document: versions in write order; `doc: null` is a deletion. */
	private readonly versions = new Map<string, Array<{ visibleAt: number; doc: T | null }>>();

	constructor(
		private readonly clock: () => number,
		private readonly lagMs: () => number,
	) {}

	/** Records a write (a copy of the document as it is now). */
	put(id: string, doc: T): void {
		this.push(id, structuredClone(doc));
	}

	remove(id: string): void {
		this.push(id, null);
	}

	/** The documents search can see now: for each id, the newest version already visible. */
	visible(): T[] {
		const now = this.clock();
		const result: T[] = [];
		for (const versions of this.versions.values()) {
			let current: T | null = null;
			let seen = false;
			for (const version of versions) {
				if (version.visibleAt > now) break;
				current = version.doc;
				seen = true;
			}
			if (seen && current !== null) result.push(current);
		}
		return result;
	}

	/** Makes every pending write visible now (admin `POST /__fake/index/flush`). */
	flush(): void {
		const now = this.clock();
		for (const versions of this.versions.values()) for (const version of versions) version.visibleAt = Math.min(version.visibleAt, now);
	}

	/** Writes not yet visible, for the state dump. */
	pending(): number {
		const now = this.clock();
		let count = 0;
		for (const versions of this.versions.values()) count += versions.filter((version) => version.visibleAt > now).length;
		return count;
	}

	clear(): void {
		this.versions.clear();
	}

	private push(id: string, doc: T | null): void {
		const now = this.clock();
		const versions = this.versions.get(id) ?? [];
		// Older versions that are already superseded by a visible one are never read again.
		const lastVisible = versions.map((version) => version.visibleAt <= now).lastIndexOf(true);
		const kept = lastVisible > 0 ? versions.slice(lastVisible) : versions;
		kept.push({ visibleAt: now + Math.max(0, this.lagMs()), doc });
		this.versions.set(id, kept);
	}
}
