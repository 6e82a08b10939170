/**
 * Keys that are taken once, across every n8n process using one Redis: SET with NX (only when the key
 * is absent) and EX (its expiry in seconds) is atomic, so of several processes taking the same key
 * at once exactly one succeeds (Redis: SET). Used by Drop Duplicates, the Trigger's duplicate memory
 * and Skip Items Already Sent.
 */
import { KEY_PREFIX, type SharedState } from './redis';

/** The most keys read or written in one pipeline. */
const CHUNK = 1000;

/** A Redis key of the pack: the prefix, the kind, then the parts joined by `:`. */
export function stateKey(kind: string, ...parts: string[]): string {
	return `${KEY_PREFIX}${kind}:${parts.join(':')}`;
}

function chunks<T>(values: T[]): T[][] {
	const result: T[][] = [];
	for (let at = 0; at < values.length; at += CHUNK) result.push(values.slice(at, at + CHUNK));
	return result;
}

/**
 * Takes each key that nobody took before, with `value` and an expiry of `ttlSeconds`; answers, per
 * key in order, whether this call took it (false: it was taken already, by anyone).
 */
export async function takeKeys(state: SharedState, keys: string[], value: string, ttlSeconds: number): Promise<boolean[]> {
	if (keys.length === 0) return [];
	return await state.run(async (redis) => {
		const taken: boolean[] = [];
		for (const part of chunks(keys)) {
			const pipeline = redis.pipeline();
			for (const key of part) pipeline.set(key, value, 'EX', ttlSeconds, 'NX');
			for (const [error, answer] of (await pipeline.exec()) ?? []) {
				if (error) throw error;
				taken.push(answer === 'OK');
			}
		}
		return taken;
	});
}

/** The values of `keys`, in order (null where a key is absent or expired). */
export async function readKeys(state: SharedState, keys: string[]): Promise<Array<string | null>> {
	if (keys.length === 0) return [];
	return await state.run(async (redis) => {
		const values: Array<string | null> = [];
		for (const part of chunks(keys)) values.push(...(await redis.mget(part)));
		return values;
	});
}
