import type { IExecuteFunctions } from 'n8n-workflow';
import { WhatsAppConfigurationError } from '../../shared/transport';

/**
 * Where the keys of messages WhatsApp accepted are kept, for "Skip Items Already Sent". The router
 * asks which keys are recorded before it sends, and records a key once its item was sent.
 * A store shared by several n8n processes (queue mode) implements the same interface.
 */
export interface AlreadySentStore {
	/** The keys among `keys` that earlier sends recorded. */
	recorded(keys: string[]): Promise<Set<string>>;
	/** Records the key of an item WhatsApp accepted; written soon after, in small batches. */
	record(key: string): void;
	/** Waits until every key recorded so far is written; answers the keys that could not be written. */
	flush(): Promise<string[]>;
}

/** How long a recorded key may wait before it is written, and the most written at once. */
const FLUSH_AFTER_MS = 100;
const FLUSH_AT_COUNT = 500;

/**
 * The store in n8n's deduplication data (n8n: `checkProcessedAndRecord` and `removeProcessed`,
 * per node, mode "entries"; kept in n8n's database, so it survives restarts and is seen by every
 * worker). n8n offers no look-up without recording, so `recorded` records the keys and removes
 * again those that were new; `maxEntries` keys are kept, the oldest forgotten first.
 *
 * Writes go one at a time: n8n reads, changes and writes the whole list without a lock, so two
 * writes at once would lose keys. Two executions of the node at once can still lose or see each
 * other's keys for that reason (n8n's store is not atomic); a shared atomic store replaces this one there.
 */
export function deduplicationStore(context: IExecuteFunctions, maxEntries: number): AlreadySentStore {
	let pending: string[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	let writing: Promise<void> = Promise.resolve();
	const failed: string[] = [];
	const write = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		if (pending.length === 0) return writing;
		const batch = pending;
		pending = [];
		writing = writing.then(async () => {
			try {
				await context.helpers.checkProcessedAndRecord(batch, 'node', { mode: 'entries', maxEntries });
			} catch {
				failed.push(...batch);
			}
		});
		return writing;
	};
	return {
		async recorded(keys) {
			const unique = [...new Set(keys)];
			if (unique.length === 0) return new Set();
			await writing;
			const options = { mode: 'entries' as const };
			try {
				// Room for the look-up's own entries, so it pushes out no key recorded earlier.
				const count = await context.helpers.getProcessedDataCount('node', options);
				const checked = await context.helpers.checkProcessedAndRecord(unique, 'node', { ...options, maxEntries: Math.max(maxEntries, count + unique.length) });
				if (checked.new.length > 0) await context.helpers.removeProcessed(checked.new, 'node', options);
				return new Set(checked.processed.map(String));
			} catch (error) {
				throw keysUnreadable(error);
			}
		},
		record(key) {
			pending.push(key);
			if (pending.length >= FLUSH_AT_COUNT) void write();
			else timer ??= setTimeout(() => void write(), FLUSH_AFTER_MS);
		},
		async flush() {
			await write();
			return failed.splice(0);
		},
	};
}

/** n8n's deduplication data could not be read (e.g. an unsaved workflow has no key space). */
function keysUnreadable(error: unknown): WhatsAppConfigurationError {
	return new WhatsAppConfigurationError(
		`n8n could not read the keys of the items already sent: ${(error as Error).message}`,
		'Save the workflow first (n8n keeps the keys per saved workflow and node), then run again; or turn off Skip Items Already Sent.',
	);
}
