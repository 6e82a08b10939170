import type { IExecuteFunctions } from 'n8n-workflow';
import { WhatsAppConfigurationError, type SendPacer } from '../../shared/transport';
import type { UnconfirmedVerdict } from '../../shared/whatsapp/messages';

/** What a store knows of a key: sent (WhatsApp accepted its message), or claimed by a run that has not confirmed it yet. */
export interface AlreadySentRecord {
	state: 'sent' | 'claimed';
	/** The n8n execution that sent or claimed it (shared store only). */
	executionId?: string;
	/** When, ISO 8601 UTC (shared store only). */
	at?: string;
	/** WhatsApp's message ID, when a status webhook confirmed a claim (shared store only). */
	messageId?: string;
	/** The status (sent, delivered, read, failed) whose webhook confirmed a claim (shared store only). */
	confirmedByStatus?: string;
	/** A claim's value as stored, so a rerun can take it over only if it is still the same (shared store only). */
	stored?: string;
}

/**
 * Where the keys of messages WhatsApp accepted are kept, for "Skip Items Already Sent". The router
 * asks which keys are recorded before it sends, and records a key once its item was sent.
 * A store shared by several n8n processes (queue mode, alreadySentShared.ts) also claims each key
 * right before its message goes out, so two executions sending the same key at once send it once.
 */
export interface AlreadySentStore {
	/** The keys among `keys` that earlier sends recorded (or, shared store, that a run claimed). */
	recorded(keys: string[]): Promise<Map<string, AlreadySentRecord>>;
	/**
	 * Shared store: what to do with a key `recorded` found claimed by a run that never confirmed it
	 * (judgeUnconfirmedSend); `phoneNumberId` is the number the item sends from (none for 360dialog).
	 * A `resend` verdict lets this run's `claim` take the stale claim over.
	 */
	unconfirmed?(key: string, record: AlreadySentRecord, phoneNumberId?: string): Promise<UnconfirmedVerdict>;
	/** Takes the key just before its message goes out (to `target`); false when another execution has it. */
	claim?(key: string, target?: ClaimTarget): Promise<boolean>;
	/** Shared store: gives a claimed key back after its item failed (its key is not recorded). */
	release?(key: string): void;
	/** Records the key of an item WhatsApp accepted; written soon after, in small batches. */
	record(key: string): void;
	/** Waits until every key recorded (or released) so far is written; answers the keys that could not be recorded. */
	flush(): Promise<string[]>;
}

/** Where a claimed key's message goes, so status webhooks can be matched to the claim (shared store). */
export interface ClaimTarget {
	/** The number it goes out from; none (360dialog): no status can confirm the claim. */
	phoneNumberId?: string;
	/** The `to` of the request (phone number or business-scoped user ID). */
	recipient?: string;
	/** How many messages the item sends (a Long Text split sends several). */
	parts?: number;
}

/** Thrown by claimBeforeSending when another execution claimed the item's key first: nothing was sent. */
export class ClaimedElsewhereError extends Error {
	constructor(readonly key: string) {
		super(`Another execution is sending the Already Sent Key "${key}".`);
		this.name = 'ClaimedElsewhereError';
	}
}

/**
 * The item's pacer, claiming its key in the shared store once, right after the first grant and
 * before the request goes out (so a claim stands for a request on its way, not for one waiting for
 * its turn). Throws ClaimedElsewhereError when another execution took the key.
 */
export function claimBeforeSending(pacer: SendPacer, claim: () => Promise<boolean>, key: string): SendPacer {
	let claimed = false;
	return {
		async acquire() {
			await pacer.acquire();
			if (claimed) return;
			if (!(await claim())) throw new ClaimedElsewhereError(key);
			claimed = true;
		},
		throttled: () => pacer.throttled(),
		pause: (ms) => pacer.pause(ms),
		setCeiling: (messagesPerSecond) => pacer.setCeiling(messagesPerSecond),
	};
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
 * Writes go one at a time, for every execution of the node in this n8n process: n8n reads, changes
 * and writes the whole list without a lock, so two writes at once would lose keys. Two executions
 * of the node at once in this process claim each key (`claim`) before sending it, in the process's
 * memory, so a key one of them sent or is sending is not sent by the other, even when the other's
 * look-up ran before the key reached n8n's list; n8n's list stays the record between runs. Across processes (queue mode) n8n's store is not atomic: the credential's Redis
 * (alreadySentShared.ts) replaces this store there.
 */
export function deduplicationStore(context: IExecuteFunctions, maxEntries: number): AlreadySentStore {
	const scope = processScope(`${String(context.getWorkflow().id ?? '')}\u0000${context.getNode().id || context.getNode().name}`);
	let pending: string[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** The number of writes to n8n's list this run's look-up saw (`ProcessScope.version`). */
	let seenVersion = 0;
	const failed: string[] = [];
	const serially = (task: () => Promise<void>) => (scope.writing = scope.writing.then(task));
	const write = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		if (pending.length === 0) return scope.writing;
		const batch = pending;
		pending = [];
		return serially(async () => {
			try {
				await context.helpers.checkProcessedAndRecord(batch, 'node', { mode: 'entries', maxEntries });
				scope.version++;
				for (const key of batch) scope.claims.set(key, { written: scope.version });
			} catch {
				// Not in n8n's list: the process keeps the key as sent but unwritten, so it is not sent again here.
				failed.push(...batch);
			}
		});
	};
	return {
		async recorded(keys) {
			const unique = [...new Set(keys)];
			if (unique.length === 0) return new Map();
			const options = { mode: 'entries' as const };
			let processed: string[] = [];
			let unreadable: unknown;
			await serially(async () => {
				seenVersion = scope.version;
				try {
					// Room for the look-up's own entries, so it pushes out no key recorded earlier.
					const count = await context.helpers.getProcessedDataCount('node', options);
					const checked = await context.helpers.checkProcessedAndRecord(unique, 'node', { ...options, maxEntries: Math.max(maxEntries, count + unique.length) });
					if (checked.new.length > 0) await context.helpers.removeProcessed(checked.new, 'node', options);
					processed = checked.processed.map(String);
				} catch (error) {
					unreadable = error;
				}
			});
			if (unreadable !== undefined) throw keysUnreadable(unreadable);
			return new Map(processed.map((key) => [key, { state: 'sent' as const }]));
		},
		async claim(key) {
			// Taken: on its way, sent and not yet written, or written after this run's look-up (which missed it).
			const claim = scope.claims.get(key);
			if (claim && (claim.written === undefined || claim.written > seenVersion)) return false;
			// Written before the look-up that did not find it: n8n's list has forgotten it (Keys to Remember).
			scope.claims.delete(key);
			scope.claims.set(key, {});
			forgetOldest(scope.claims, maxEntries);
			return true;
		},
		release(key) {
			scope.claims.delete(key);
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

/**
 * What every execution of one node in this n8n process shares (by workflow ID and node ID): the
 * queue of writes to n8n's deduplication data, and the keys claimed or sent by this process (key →
 * claim time, ms), at most the node's Keys to Remember, oldest forgotten first. Module scope: n8n
 * runs every execution of a main process (or of one worker) in this one module instance.
 */
interface ProcessScope {
	writing: Promise<void>;
	/** Writes to n8n's list done so far. */
	version: number;
	/** Key → the write (version) that put it in n8n's list; undefined while on its way or unwritten. */
	claims: Map<string, { written?: number }>;
}

const scopes = new Map<string, ProcessScope>();

function processScope(id: string): ProcessScope {
	let scope = scopes.get(id);
	if (!scope) {
		scope = { writing: Promise.resolve(), version: 0, claims: new Map() };
		scopes.set(id, scope);
	}
	return scope;
}

/** Forgets the oldest keys already in n8n's list; a key on its way or unwritten is kept whatever the count. */
function forgetOldest(claims: ProcessScope['claims'], maxEntries: number): void {
	for (const [key, claim] of claims) {
		if (claims.size <= maxEntries) return;
		if (claim.written !== undefined) claims.delete(key);
	}
}

/** n8n's deduplication data could not be read (e.g. an unsaved workflow has no key space). */
function keysUnreadable(error: unknown): WhatsAppConfigurationError {
	return new WhatsAppConfigurationError(
		`n8n could not read the keys of the items already sent: ${(error as Error).message}`,
		'Save the workflow first (n8n keeps the keys per saved workflow and node), then run again; or turn off Skip Items Already Sent.',
	);
}
