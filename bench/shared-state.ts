/**
 * The cost of the Redis for shared state per item, side by side with the in-process state it
 * replaces, in one run: a pacer grant (rate-limiter-flexible's consume: RateLimiterMemory vs
 * RateLimiterRedis), and Skip Items Already Sent's claim + record per item as the node does it (two
 * Lua scripts: the claim with its `sending:` entry, then the record with the entry dropped) beside
 * plain SET NX then SET (the same two round trips without the entry); and what the Trigger adds per
 * status webhook (confirmByStatuses: a look-up of waiting claims, then the number's "heard" time). Against a throw-away redis-server on 127.0.0.1 (e2e/queue/install.sh installs it):
 * one after the other (latency) and 200 at once (what a batch does). `npx tsx bench/shared-state.ts`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { startRedis } from '../e2e/queue/redis';
import { alreadySentRecordKey, claimAlreadySent, closeSharedStateClients, confirmByStatuses, markAlreadySent, redisPacingLedger, sharedStateAt, takeKeys } from '../nodes/shared/sharedState';

const ROUNDS = Number(process.env.BENCH_SHARED_STATE_ITEMS ?? 5000);
const AT_ONCE = 200;

async function timed(label: string, count: number, one: (index: number) => Promise<unknown>, atOnce: number): Promise<[string, string]> {
	const started = process.hrtime.bigint();
	for (let next = 0; next < count; next += atOnce) {
		await Promise.all(Array.from({ length: Math.min(atOnce, count - next) }, async (_, offset) => await one(next + offset)));
	}
	const microseconds = Number(process.hrtime.bigint() - started) / 1000 / count;
	return [label, `${microseconds.toFixed(1)} µs/item`];
}

async function main(): Promise<void> {
	const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-shared-state-'));
	const redis = await startRedis({ scratchDir });
	try {
		const state = sharedStateAt(redis.url);
		// Points far above what is consumed, so every consume is granted: the cost of the call alone.
		const memory = new RateLimiterMemory({ points: 1e9, duration: 60 });
		const shared = redisPacingLedger(state).ledger(1e9);
		await shared.consume('warm-up');
		const claim = async (run: string, index: number) => {
			const key = String(index);
			const claimed = { record: alreadySentRecordKey('bench', run, key), value: '{"state":"claimed"}', phoneNumberId: 'bench-number', key };
			await claimAlreadySent(state, claimed);
			await markAlreadySent(state, claimed, '{"state":"sent"}');
		};
		// The same two round trips without the `sending:` entry a status webhook confirms: what that entry costs.
		const plainClaim = async (run: string, index: number) => {
			const key = alreadySentRecordKey('bench-plain', run, String(index));
			await takeKeys(state, [key], '{"state":"claimed"}', 60);
			await state.run(async (client) => await client.set(key, '{"state":"sent"}', 'EX', 60));
		};
		// What the Trigger adds to a delivery carrying one keyed status when no claim waits for it (the usual case).
		const status = async (index: number) =>
			await confirmByStatuses(state, ['bench-number'], [{ phoneNumberId: 'bench-number', key: `none-${index}`, messageId: `wamid.${index}`, status: 'sent', timestampSeconds: Math.floor(Date.now() / 1000), waId: '16505551234' }]);
		const rows: [string, string][] = [];
		for (const atOnce of [1, AT_ONCE]) {
			rows.push(await timed(`pacer grant, in process (RateLimiterMemory), ${atOnce} at once`, ROUNDS, async () => await memory.consume('number'), atOnce));
			rows.push(await timed(`pacer grant, Redis (RateLimiterRedis), ${atOnce} at once`, ROUNDS, async () => await shared.consume('number'), atOnce));
			rows.push(await timed(`Already Sent claim + record, Redis, SET NX then SET (no sending: entry), ${atOnce} at once`, ROUNDS, async (index) => await plainClaim(`at-once-${atOnce}`, index), atOnce));
			rows.push(await timed(`Already Sent claim + record, Redis, as the node does it (Lua, with the sending: entry), ${atOnce} at once`, ROUNDS, async (index) => await claim(`at-once-${atOnce}`, index), atOnce));
			rows.push(await timed(`Trigger: one status webhook checked against waiting claims (none waiting), ${atOnce} at once`, ROUNDS, status, atOnce));
		}
		console.log(`| Redis for shared state, ${ROUNDS} items, ${redis.url.replace(/:\d+$/, '')} (same machine) | cost |\n|---|---|`);
		for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
	} finally {
		await closeSharedStateClients();
		await redis.stop();
		fs.rmSync(scratchDir, { recursive: true, force: true });
	}
}

void main();
