/**
 * The shared state in the credential's Redis (queue mode), against a real redis-server and the
 * emulator: Drop Duplicates and Skip Items Already Sent take each key with one atomic SET NX, so
 * executions at once (as on several workers) let it through once; pacers of different processes
 * draw from one ledger (rate-limiter-flexible's RateLimiterRedis), so together they stay under the
 * number's ceiling, counted by the emulator; a Redis that cannot be reached fails the items with the
 * fix, nothing sent. Each "process" here is a separate pacer or store over the same Redis.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { SEED } from '../../emulator';
import { redisPacingLedger, sharedStateAt } from '../../nodes/shared/sharedState';
import { LedgerSendPacer, SHARED_DELAY_TOLERANCE } from '../../nodes/shared/transport/pacing';
import { freePort } from '../../e2e/lib/n8n-process';
import { startNodeTestBed, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';
import { itemsFor, sendText } from './alreadySentFixtures';
import { useRedisServer } from './redisServer';

const redis = useRedisServer();
const credentials: Record<string, string> = {};
beforeAll(() => (credentials.sharedStateRedisUrl = redis.url));
const bed = useNodeTestBed({ beforeEachTest: { reset: false }, credentials });

const DEFAULTS = { faults: [], latency: { fixedMs: 0, jitterMs: 0 }, pairRate: { burst: 45, refillIntervalMs: 6000 }, throughput: { messagesPerSecond: 80, phoneNumbers: {} } };
const ceilingOfNumber = (messagesPerSecond: number) => ({ throughput: { ...DEFAULTS.throughput, phoneNumbers: { [SEED.phoneNumberId]: { messagesPerSecond } } } });
beforeEach(async () => await bed.reset(DEFAULTS));

const recipients = (count: number, from = 1000) => Array.from({ length: count }, (_, i) => `1650555${from + i}`);
const sentTo = async (): Promise<string[]> => ((await bed.admin('GET', 'messages')).data as { waId: string }[]).map((message) => message.waId);
const throughput = async () => (await bed.admin('GET', `throughput?phoneNumberId=${SEED.phoneNumberId}`)).data[0];

describe('Drop Duplicates with the Redis for shared state', () => {
	const dropDuplicates = { resource: 'event', operation: 'dropDuplicates', maxEntries: 10000 };
	const event = (eventId: string): INodeExecutionData => ({ json: { kind: 'message', eventId } });

	test('10 executions at once carrying the same event let it through exactly once; a later one drops it too', async () => {
		const runs = await Promise.all(Array.from({ length: 10 }, async () => await bed.run(dropDuplicates, [event('wamid.SAME')])));
		expect(runs.reduce((sum, run) => sum + run.items.length, 0)).toBe(1);
		expect((await bed.run(dropDuplicates, [event('wamid.SAME'), event('wamid.NEW')])).items.map((item) => item.json.eventId)).toEqual(['wamid.NEW']);
	});

	test('the same event twice in one execution passes once, paired with its first item', async () => {
		const { items } = await bed.run(dropDuplicates, [event('wamid.A'), event('wamid.A'), event('wamid.B')]);
		expect(items.map((item) => [item.json.eventId, item.pairedItem])).toEqual([
			['wamid.A', { item: 0 }],
			['wamid.B', { item: 2 }],
		]);
	});
});

describe('Skip Items Already Sent with the Redis for shared state', () => {
	test('two executions sending the same 20 keys at once send each message once; the other execution skips it and says why', async () => {
		const numbers = recipients(20);
		const runs = await Promise.all([bed.run(sendText(), itemsFor(numbers)), bed.run(sendText(), itemsFor(numbers))]);
		expect([...(await sentTo())].sort()).toEqual([...numbers].sort());
		const items = runs.flatMap((run) => run.items);
		expect(items.filter((item) => item.json.error)).toEqual([]);
		expect(items.filter((item) => item.json.skipped)).toHaveLength(20);
		for (const item of items.filter((entry) => entry.json.skipped)) expect(item.json.reason).toMatch(/Another execution claimed the same key|An earlier run/);

		const rerun = await bed.run(sendText(), itemsFor(numbers));
		expect(rerun.items.every((item) => item.json.skipped === true && /An earlier run/.test(String(item.json.reason)))).toBe(true);
		// QA2 M1: the shared store keeps when (and, in n8n, in which execution) a key was sent, and the reason says it.
		expect(String(rerun.items[0].json.reason)).toMatch(/^An earlier run of this node sent a message with the Already Sent Key "ORDER-0" \(at \d{4}-\d\d-\d\dT[^)]*\): it was not sent again\./);
		expect(await sentTo()).toHaveLength(20);
	});

	test('a key claimed by an execution that never confirmed it (its worker died) is skipped as unconfirmed, not sent again', async () => {
		await bed.run(sendText(), itemsFor(recipients(1)));
		const [key] = (await redis.cli('KEYS', 'whatsapp-business:sent:*')).split('\n');
		expect(key).toMatch(/ORDER-0$/);
		await redis.cli('SET', key, JSON.stringify({ state: 'claimed', executionId: '77', at: '2026-11-30T22:00:00.000Z' }));
		const { items } = await bed.run(sendText(), itemsFor(recipients(1)));
		expect(items[0].json).toMatchObject({ skipped: true, sent: false, alreadySentUnconfirmed: true, reason: expect.stringMatching(/execution 77 claimed this key/) });
		expect(await sentTo()).toHaveLength(1);
	});

	test('an item WhatsApp refused gives its claim back: a rerun sends it', async () => {
		await bed.reset({ ...DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'echoSecrets', status: 400, code: 100, count: 1 }] });
		const first = await bed.run(sendText(), itemsFor(recipients(2)), { continueOnFail: true });
		const refused = first.items.findIndex((item) => item.json.error);
		expect(refused).toBeGreaterThanOrEqual(0);
		expect(await sentTo()).toHaveLength(1);
		const rerun = await bed.run(sendText(), itemsFor(recipients(2)), { continueOnFail: true });
		expect(rerun.items.map((item) => item.json.skipped === true)).toEqual([0, 1].map((i) => i !== refused));
		expect((await sentTo()).sort()).toEqual(recipients(2));
	});
});

describe('Pacing shared by processes through Redis', () => {
	/** One "process": its own pacer over `ledger`, sending `count` texts to the emulator as fast as it grants. */
	async function sendFrom(pacer: LedgerSendPacer, numbers: string[]): Promise<void> {
		await Promise.all(
			numbers.map(async (to) => {
				await pacer.acquire();
				const response = await fetch(`${bed.emulator.url}/v24.0/${SEED.phoneNumberId}/messages`, {
					method: 'POST',
					headers: { authorization: `Bearer ${SEED.accessToken}`, 'content-type': 'application/json' },
					body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'paced' } }),
				});
				await response.text();
			}),
		);
	}
	const numberKey = `emulator|${SEED.phoneNumberId}`;
	const twoProcesses = (shared: boolean) =>
		[0, 1].map(() => {
			const pacer = shared ? new LedgerSendPacer(numberKey, redisPacingLedger(sharedStateAt(redis.url)).ledger, SHARED_DELAY_TOLERANCE) : new LedgerSendPacer(numberKey);
			pacer.setCeiling(20);
			return pacer;
		});

	test('two processes sending from one number at once stay under its ceiling together (emulator account); each pacing alone exceeds it', async () => {
		await bed.reset({ ...DEFAULTS, ...ceilingOfNumber(20) });
		const [one, two] = twoProcesses(true);
		await Promise.all([sendFrom(one, recipients(40, 1000)), sendFrom(two, recipients(40, 2000))]);
		const shared = await throughput();
		expect(shared).toMatchObject({ accepted: 80, refused: 0, violations: 0 });

		await bed.reset({ ...DEFAULTS, ...ceilingOfNumber(20) });
		const [alone1, alone2] = twoProcesses(false);
		await Promise.all([sendFrom(alone1, recipients(40, 3000)), sendFrom(alone2, recipients(40, 4000))]);
		const alone = await throughput();
		// The emulator refuses (130429) what goes above its ceiling: per-process pacers together send about twice it.
		expect(alone.refused).toBeGreaterThan(0);
		console.info(`pacing two processes at a ceiling of 20/s: shared busiest second ${shared.maxPerSecond} accepted, 0 refused; alone ${alone.refused} refused`);
	});
});

describe('A Redis that cannot be reached', () => {
	test('items fail with the fix and nothing is sent; the password in the URL never shows', async () => {
		const closedPort = await freePort();
		const unreachable = await startNodeTestBed({}, { sharedStateRedisUrl: `redis://:s3cret-pass@127.0.0.1:${closedPort}` });
		try {
			// Skip Items Already Sent cannot tell which items went out: the run stops before sending anything.
			const error = await unreachable.run(sendText(), itemsFor(recipients(2)), { continueOnFail: true }).then(
				() => undefined,
				(thrown: { message: string; description?: string }) => thrown,
			);
			expect(error?.message).toBe(`Could not use the Redis for shared state at redis://127.0.0.1:${closedPort}: no connection (refused, or no answer in time)`);
			expect(error?.description).toMatch(/Start that Redis or make it reachable from every n8n process/);
			expect(JSON.stringify(error)).not.toContain('s3cret-pass');
			// Without it, each item fails on the shared pacer, with the same fix.
			const plain = await unreachable.run({ resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'Hi' }, itemsFor(recipients(2)), { continueOnFail: true });
			for (const item of plain.items) {
				expect(item.json.error).toMatchObject({ message: expect.stringContaining(`Could not use the Redis for shared state at redis://127.0.0.1:${closedPort}`) });
				expect(JSON.stringify(item.json)).not.toContain('s3cret-pass');
			}
			expect((await unreachable.admin('GET', 'messages')).data).toEqual([]);
		} finally {
			await unreachable.close();
		}
	});
});
