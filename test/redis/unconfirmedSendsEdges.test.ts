/**
 * Edge cases of unconfirmed sends with the Redis for shared state (see unconfirmedSends.test.ts):
 * when a claim is dated, what a status webhook may confirm, multi-part texts, and what a 360dialog
 * credential (no phone number ID) is told. Real redis-server, emulator, n8n-core contexts.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { startTriggerTestBed, type TriggerTestBed } from '../harness/triggerTestBed';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';
import { sendText } from './alreadySentFixtures';
import { useRedisServer } from './redisServer';

const redis = useRedisServer();
const credentials: Record<string, string> = {};
beforeAll(() => (credentials.sharedStateRedisUrl = redis.url));
const bed = useNodeTestBed({ beforeEachTest: { reset: false }, credentials });
let trigger: TriggerTestBed;
beforeAll(async () => {
	trigger = await startTriggerTestBed({ emulator: bed.emulator, credentials: { sharedStateRedisUrl: redis.url }, parameters: { events: ['message'] } });
});
afterAll(async () => await trigger?.close());

const DEFAULTS = { latency: { fixedMs: 0, jitterMs: 0 }, pairRate: { burst: 45, refillIntervalMs: 6000 }, throughput: { messagesPerSecond: 80, phoneNumbers: {} } };
const accepted = async () => (await bed.admin('GET', 'messages')).data as { id: string; waId: string }[];
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keyed = (numbers: string[], prefix: string): INodeExecutionData[] => numbers.map((to, i) => ({ json: { to, orderId: `${prefix}-${i}` } }));

test('a key claimed late in a long batch is dated when it was claimed: a rerun right after does not resend it while its status is still on its way', async () => {
	// Statuses arrive 2 s after acceptance; the fifth send is accepted, then its answer is lost.
	await bed.reset({
		...DEFAULTS,
		faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', count: 1, skip: 4 }],
		webhook: { url: trigger.url, sentAfterMs: 2000, deliveredAfterMs: 2050, readAfterMs: 2100 },
	});
	const recipients = ['16505550201', '16505550202', '16505550203', '16505550204', '16505550205'];
	const items = keyed(recipients, 'LATE');
	// One message per second: the fifth key is claimed about 4 s after the run started.
	const first = await bed.run(sendText({ throughput: 'custom', messagesPerSecond: 1 }), items, { continueOnFail: true });
	expect(first.items[4].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true });
	expect(await accepted()).toHaveLength(5);

	// Resend Unconfirmed After is 3 s: more than that since the run started, far less since the fifth claim.
	const rerun = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), items, { continueOnFail: true });
	expect(rerun.items[4].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true });
	expect(await accepted()).toHaveLength(5);
	await settle(2_500); // the statuses reach the trigger before the next test empties Redis
});
