/**
 * A throw-away Redis for the shared-state tests: Debian's redis-server (installed by
 * e2e/queue/install.sh, which `npm run test:redis` runs first) on a free port of 127.0.0.1, started
 * in beforeAll and stopped in afterAll, emptied before each test. The pack's Redis clients are closed
 * after the suite, so jest exits.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startRedis, type RunningRedis } from '../../e2e/queue/redis';
import { closeSharedStateClients } from '../../nodes/shared/sharedState';
import { suiteScoped } from '../harness/suiteScoped';

export function useRedisServer(): RunningRedis {
	const redis = suiteScoped(
		async () => {
			const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatsapp-redis-test-'));
			const running = await startRedis({ scratchDir });
			return { ...running, stop: async () => (await running.stop(), fs.rmSync(scratchDir, { recursive: true, force: true })) };
		},
		async (running) => {
			await closeSharedStateClients();
			await running.stop();
		},
	);
	beforeEach(async () => await redis.cli('FLUSHALL'));
	return redis;
}
