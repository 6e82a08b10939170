/**
 * n8n's deduplication store (the `processed_data` table of packages/cli) stands in memory for the
 * node tests, with the same contract: per node or per workflow, mode "entries", maxEntries
 * dropping the oldest, removeProcessed. Like n8n's it reads, changes and writes without a lock.
 */
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
} from 'n8n-workflow';

export class InMemoryDeduplicator implements IDataDeduplicator {
	private readonly seen = new Map<string, DeduplicationItemTypes[]>();

	private key(scope: DeduplicationScope, context: ICheckProcessedContextData): string {
		return scope === 'node' ? `${context.workflow.id}:${context.node?.id}` : context.workflow.id;
	}

	async checkProcessedAndRecord(items: DeduplicationItemTypes[], scope: DeduplicationScope, context: ICheckProcessedContextData, options: ICheckProcessedOptions) {
		const known = this.seen.get(this.key(scope, context)) ?? [];
		const result = { new: [] as DeduplicationItemTypes[], processed: [] as DeduplicationItemTypes[] };
		for (const item of items) (known.includes(item) ? result.processed : result.new).push(item);
		this.seen.set(this.key(scope, context), [...known, ...result.new].slice(-(options.maxEntries ?? Infinity)));
		return result;
	}

	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		const known = this.seen.get(this.key(scope, context)) ?? [];
		this.seen.set(this.key(scope, context), known.filter((entry) => !items.includes(entry)));
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.seen.delete(this.key(scope, context));
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return (this.seen.get(this.key(scope, context)) ?? []).length;
	}

	/** Everything recorded for the node under test (every scope), for assertions. */
	entries(): DeduplicationItemTypes[] {
		return [...this.seen.values()].flat();
	}

	clear(): void {
		this.seen.clear();
	}
}

/** Installs an in-memory store as n8n's deduplication service for this test file (n8n-core allows one per process). */
export function useInMemoryDeduplicator(): InMemoryDeduplicator {
	const store = new InMemoryDeduplicator();
	beforeAll(async () => await DataDeduplicationService.init(store));
	beforeEach(() => store.clear());
	return store;
}
