/**
 * The Trigger's own Drop Duplicates with the credential's Redis for shared state: the memory is kept
 * in Redis, so two webhook processors (two trigger beds of one workflow and node) receiving the same
 * event at once start one execution, and a restarted process still drops it. A Redis that cannot be
 * reached lets the events through, each saying why (Meta delivers at least once anyway).
 */
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { freePort } from '../../e2e/lib/n8n-process';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { inbound, signed, startTriggerTestBed, textMessage, type TriggerTestBed } from '../harness/triggerTestBed';
import { useRedisServer } from './redisServer';

const redis = useRedisServer();
let emulator: RunningEmulator;
const beds: TriggerTestBed[] = [];
beforeAll(async () => (emulator = await startEmulator({})));
afterEach(async () => {
	for (const bed of beds.splice(0)) await bed.close();
});
afterAll(async () => await emulator.close());

/** A webhook processor's copy of one workflow's trigger (same workflow and node IDs), on `url`. */
async function processor(url: string): Promise<TriggerTestBed> {
	const bed = await startTriggerTestBed({ emulator, workflowId: 'wf-queue', nodeId: 'trigger-node', credentials: { sharedStateRedisUrl: url }, parameters: { events: ['message'] } });
	beds.push(bed);
	return bed;
}

const deliver = async (bed: TriggerTestBed, eventId: string) => {
	const { body, headers } = signed(inbound(textMessage(eventId)));
	return await bed.post(body, headers);
};

test('the same event delivered 5 times at once to each of two webhook processors starts one execution; after a restart it is still dropped', async () => {
	const [one, two] = [await processor(redis.url), await processor(redis.url)];
	const runs = await Promise.all([one, two].flatMap((bed) => Array.from({ length: 5 }, async () => await deliver(bed, 'wamid.SHARED-1'))));
	expect(runs.filter((run) => run.executed)).toHaveLength(1);
	forgetAllDuplicates(); // each process's own memory gone, as after a restart
	expect((await deliver(one, 'wamid.SHARED-1')).executed).toBe(false);
	expect((await deliver(two, 'wamid.SHARED-2')).executed).toBe(true);
});

test('a Redis that cannot be reached: the event goes through with duplicateCheckError naming the Redis, without its password', async () => {
	const port = await freePort();
	const bed = await processor(`redis://:s3cret-pass@127.0.0.1:${port}`);
	const run = await deliver(bed, 'wamid.NO-REDIS');
	expect(run.executed).toBe(true);
	expect(run.items[0].json.duplicateCheckError).toEqual(expect.stringContaining(`Could not use the Redis for shared state at redis://127.0.0.1:${port}`));
	expect(JSON.stringify(run.items[0].json)).not.toContain('s3cret-pass');
});
