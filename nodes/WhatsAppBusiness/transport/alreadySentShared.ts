import type { IExecuteFunctions } from 'n8n-workflow';
import { deleteKeyIfSame, readKeys, stateKey, takeKeys, writeKey, type SharedState } from '../../shared/sharedState';
import type { AlreadySentRecord, AlreadySentStore } from './alreadySent';

/** How long a key is remembered in Redis (seconds): 30 days, sent or claimed. */
export const SHARED_KEY_TTL_SECONDS = 30 * 24 * 3600;

interface StoredRecord {
	state: 'sent' | 'claimed';
	executionId: string;
	at: string;
	/** A random name of the run that claimed: only that run may give the claim back. */
	run?: string;
}

function parse(value: string | null): AlreadySentRecord | undefined {
	if (value === null) return undefined;
	try {
		const stored = JSON.parse(value) as StoredRecord;
		return { state: stored.state === 'claimed' ? 'claimed' : 'sent', executionId: stored.executionId, at: stored.at };
	} catch {
		return { state: 'sent' };
	}
}

/**
 * Skip Items Already Sent in the credential's Redis, shared by every n8n process (queue mode), per
 * workflow and node. Each key is claimed atomically (SET NX) right before its message goes out, set
 * to `sent` once WhatsApp accepted it, and given back when its item failed. A claim that is never
 * confirmed (the worker was killed while the request was on its way) stays: a rerun skips that item
 * as unconfirmed rather than risk sending it twice. Keys expire after 30 days.
 * Connection failures throw WhatsAppConfigurationError (sharedState/redis.ts).
 */
export function sharedAlreadySentStore(context: IExecuteFunctions, state: SharedState): AlreadySentStore {
	const workflowId = String(context.getWorkflow().id ?? 'workflow');
	const nodeId = context.getNode().id || context.getNode().name;
	const executionId = String(context.getExecutionId() ?? '');
	const run = `${executionId}:${Math.random().toString(36).slice(2)}`;
	const keyOf = (key: string) => stateKey('sent', workflowId, nodeId, key);
	const claimValue = JSON.stringify({ state: 'claimed', executionId, at: new Date().toISOString(), run } satisfies StoredRecord);
	const writes: Array<Promise<string | undefined>> = [];
	return {
		async recorded(keys) {
			const unique = [...new Set(keys)];
			const values = await readKeys(state, unique.map(keyOf));
			const found = new Map<string, AlreadySentRecord>();
			unique.forEach((key, index) => {
				const record = parse(values[index]);
				if (record) found.set(key, record);
			});
			return found;
		},
		async claim(key) {
			const [taken] = await takeKeys(state, [keyOf(key)], claimValue, SHARED_KEY_TTL_SECONDS);
			return taken;
		},
		release(key) {
			writes.push(deleteKeyIfSame(state, keyOf(key), claimValue).then(() => undefined, () => undefined));
		},
		record(key) {
			const value = JSON.stringify({ state: 'sent', executionId, at: new Date().toISOString() } satisfies StoredRecord);
			writes.push(writeKey(state, keyOf(key), value, SHARED_KEY_TTL_SECONDS).then(() => undefined, () => key));
		},
		async flush() {
			const failed = await Promise.all(writes.splice(0));
			return failed.filter((key): key is string => key !== undefined);
		},
	};
}
