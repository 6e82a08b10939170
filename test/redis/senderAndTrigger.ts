/**
 * For the suites of sends never confirmed: a throw-away Redis, the WhatsApp Business node with the
 * Redis for shared state in its credential, and a WhatsApp Trigger (messages only, same Redis) on the
 * same emulator, where Meta's status webhooks can be sent. The emulator's settings every test starts from.
 */
import type { RunningRedis } from '../../e2e/queue/redis';
import { startTriggerTestBed, type TriggerTestBed } from '../harness/triggerTestBed';
import { useNodeTestBed, type NodeTestBed } from '../harness/whatsAppBusinessTestBed';
import { useRedisServer } from './redisServer';
import { sleep } from '../harness/webhookReceiver';

export const EMULATOR_DEFAULTS = { latency: { fixedMs: 0, jitterMs: 0 }, pairRate: { burst: 45, refillIntervalMs: 6000 }, throughput: { messagesPerSecond: 80, phoneNumbers: {} } };

export interface SenderAndTrigger {
	redis: RunningRedis;
	bed: NodeTestBed;
	/** The trigger bed, once beforeAll has started it. */
	trigger(): TriggerTestBed;
	/** What the emulator accepted so far, oldest first. */
	accepted(): Promise<{ id: string; waId: string }[]>;
	/** Until the trigger has heard a status and no more than `waiting` claims wait for one (bounded, 5 s). */
	statusesHandled(waiting?: number): Promise<void>;
}


export function useSenderAndTrigger(): SenderAndTrigger {
	const redis = useRedisServer();
	const credentials: Record<string, string> = {};
	beforeAll(() => (credentials.sharedStateRedisUrl = redis.url));
	const bed = useNodeTestBed({ beforeEachTest: { reset: false }, credentials });
	let trigger: TriggerTestBed | undefined;
	beforeAll(async () => {
		trigger = await startTriggerTestBed({ emulator: bed.emulator, credentials: { sharedStateRedisUrl: redis.url }, parameters: { events: ['message'] } });
	});
	afterAll(async () => await trigger?.close());
	return {
		redis,
		bed,
		trigger: () => trigger!,
		accepted: async () => (await bed.admin('GET', 'messages')).data as { id: string; waId: string }[],
		statusesHandled: async (waiting = 0) => {
			const count = async (pattern: string) => (await redis.cli('KEYS', `whatsapp-business:${pattern}`)).split('\n').filter(Boolean).length;
			for (let tries = 0; tries < 50 && ((await count('statuses-heard:*')) === 0 || (await count('sending:*')) > waiting); tries++) await sleep(100);
			await sleep(300);
		},
	};
}
