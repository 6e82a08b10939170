/**
 * n8n 2.41 in queue mode on one machine, from scratch and on free ports of 127.0.0.1: a scratch
 * Postgres and Redis, then main (`n8n start`: editor, API, activation), a webhook processor
 * (`n8n webhook`: production webhook URLs) and workers (`n8n worker`: every execution), each with
 * its own user folder and this package installed there as a community package, the Cloud API
 * emulator, and the owner, API key and WhatsApp credential set up against main. n8n's docs page
 * "Queue mode" (docs.n8n.io/hosting/scaling/queue-mode/) describes the processes and variables;
 * e2e/queue/README.md has the recipe as measured and the figures. Node built-ins only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { workflowHelpers, type RunningN8n } from '../n8n';
import { installAsCommunityPackage } from '../lib/community-package';
import { E2E_OWNER, createApiKey, publicApiClient, restClient, signInOwner } from '../lib/n8n-clients';
import { RUNTIME_DIR, freePort } from '../lib/n8n-process';
import { REPOSITORY_DIR, emulatorCredentialData } from '../lib/whatsapp-stack';
import { startN8nRole, type QueueN8nProcess } from './n8n-role';
import { startPostgres, type RunningPostgres } from './postgres';
import { groupRssMb } from './process-memory';
import { startRedis, type RunningRedis } from './redis';

export type { QueueN8nProcess } from './n8n-role';
export type { RunningPostgres } from './postgres';
export type { RunningRedis } from './redis';

export interface QueueClusterOptions {
  /** Built package folder (package.json + dist); default $WHATSAPP_PACKAGE_DIR, else the repository. */
  packageDir?: string;
  /**
   * Production concurrency of each worker; default [2, 3] (two workers). As in the measured recipe,
   * the first gets it through N8N_CONCURRENCY_PRODUCTION_LIMIT and the others through `--concurrency`.
   */
  workerConcurrency?: number[];
  /** Emulator settings (throughput, latency, faults …); it always listens on a free port of 127.0.0.1. */
  emulator?: Omit<EmulatorOptions, 'host' | 'port'>;
  /** Merged over the credential a user would enter for the emulator (emulatorCredentialData). */
  credentialData?: Record<string, unknown>;
  /** Extra environment for every n8n process, then per role (wins over the defaults). */
  env?: Record<string, string>;
  roleEnv?: Partial<Record<'main' | 'webhook' | 'worker', Record<string, string>>>;
  /** Per n8n process; default 240 s (a loaded 2-core machine needed up to 120 s for one n8n). */
  readyTimeoutMs?: number;
  /** Keep the scratch folder (logs, user folders) after stop(); default when E2E_QUEUE_KEEP_RUNTIME=1. */
  keepRuntime?: boolean;
}

export interface QueueWorker extends QueueN8nProcess {
  concurrency: number;
  /** Ids of the executions this worker started ("Worker started execution N" in its log), oldest first. */
  executionIds(): string[];
}

export interface QueueCluster {
  /**
   * The public and internal API of main, with the same helpers as a single n8n (importWorkflow,
   * activate, executions, waitForExecutions …); its webhookUrl() is the webhook processor's.
   * `main.stop()` stops main alone; use `cluster.stop()` to end everything.
   */
  main: RunningN8n;
  mainProcess: QueueN8nProcess;
  /** The webhook processor: production URLs (`<url>/webhook/<path>`); test URLs stay on main. */
  webhook: QueueN8nProcess;
  workers: QueueWorker[];
  emulator: RunningEmulator;
  /** The WhatsApp Cloud API credential (type whatsAppCloudApi) created on main, pointing at the emulator. */
  credential: { id: string; name: string };
  postgres: RunningPostgres;
  redis: RunningRedis;
  /** Production webhook URL on the webhook processor: `<webhook.url>/webhook/<path>`. */
  webhookUrl(webhookPath: string): string;
  /** Name of the worker whose log says it started this execution ('worker1' …), or undefined. */
  workerOf(executionId: string): string | undefined;
  /** Whether the webhook processor's log says it enqueued this execution. */
  enqueuedByWebhook(executionId: string): boolean;
  /** Resident memory now, in MB, per process group (an n8n and its task runner; Postgres and its backends). */
  memoryMb(): Record<string, number>;
  /** Milliseconds: Postgres + Redis + emulator (in parallel), main, webhook processor and workers (in parallel), set-up, and all of start. */
  timings: { servicesMs: number; mainMs: number; othersMs: number; setupMs: number; totalMs: number };
  scratchDir: string;
  /** Stops every process (even after a failed test), then removes the scratch folder unless keepRuntime. */
  stop(): Promise<void>;
}

export const CREDENTIAL_NAME = 'WhatsApp Cloud API (local emulator)';
const ENCRYPTION_KEY = 'e2e-queue-local-only-encryption-key'; // one key for every process, as queue mode requires

/** `count` different free ports (the OS may hand a just-released port out twice). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function executionIdsIn(log: string, pattern: RegExp): string[] {
  return [...log.matchAll(pattern)].map((match) => match[1]);
}

export async function startQueueCluster(options: QueueClusterOptions = {}): Promise<QueueCluster> {
  const startedAt = Date.now();
  const packageDir = options.packageDir ?? process.env.WHATSAPP_PACKAGE_DIR ?? REPOSITORY_DIR;
  const concurrency = options.workerConcurrency ?? [2, 3];
  const keepRuntime = options.keepRuntime ?? process.env.E2E_QUEUE_KEEP_RUNTIME === '1';
  const readyTimeoutMs = options.readyTimeoutMs ?? 240_000;
  const scratchDir = path.join(RUNTIME_DIR, `queue-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  fs.mkdirSync(scratchDir, { recursive: true });

  // Everything started so far, stopped in reverse order by stop() (also when start-up fails half-way).
  const stoppers: { name: string; stop: () => Promise<void> }[] = [];
  const removeScratch = (): void => {
    if (!keepRuntime) fs.rmSync(scratchDir, { recursive: true, force: true });
  };
  process.once('exit', removeScratch);
  const stop = async (): Promise<void> => {
    const n8nFirst = stoppers.splice(0).reverse();
    const failures: string[] = [];
    for (const group of [n8nFirst.filter((entry) => entry.name.startsWith('n8n')), n8nFirst.filter((entry) => !entry.name.startsWith('n8n'))]) {
      const results = await Promise.allSettled(group.map((entry) => entry.stop()));
      results.forEach((result, index) => result.status === 'rejected' && failures.push(`${group[index].name}: ${result.reason}`));
    }
    process.removeListener('exit', removeScratch);
    removeScratch();
    if (failures.length > 0) throw new Error(`Stopping the queue-mode cluster failed for ${failures.join('; ')}`);
  };

  try {
    const [postgres, redis, emulator] = await Promise.all([
      startPostgres({ scratchDir }).then((running) => (stoppers.push({ name: 'postgres', stop: running.stop }), running)),
      startRedis({ scratchDir }).then((running) => (stoppers.push({ name: 'redis', stop: running.stop }), running)),
      startEmulator({ ...options.emulator, host: '127.0.0.1', port: 0 }).then((running) => (stoppers.push({ name: 'emulator', stop: running.close }), running)),
    ]);
    const servicesMs = Date.now() - startedAt;

    const [mainPort, webhookPort, ...otherPorts] = await freePorts(2 + 2 * concurrency.length + 2);
    const brokerPorts = otherPorts.slice(0, concurrency.length + 2);
    const healthPorts = otherPorts.slice(concurrency.length + 2);
    const mainUrl = `http://127.0.0.1:${mainPort}`;
    const webhookUrlBase = `http://127.0.0.1:${webhookPort}`;
    const shared: Record<string, string> = {
      NODE_ENV: '', // jest sets NODE_ENV=test, with which n8n 2.41 exits at once
      EXECUTIONS_MODE: 'queue',
      OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
      N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
      // Main registers this URL with Meta: it must be the webhook processor's (or its load balancer's).
      N8N_WEBHOOK_URL: `${webhookUrlBase}/`,
      N8N_EDITOR_BASE_URL: `${mainUrl}/`,
      ...postgres.n8nEnv,
      ...redis.n8nEnv,
      ...options.env,
    };
    const role = (extra: Record<string, string | undefined>) =>
      Object.fromEntries(Object.entries({ ...shared, ...extra }).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const track = <T extends QueueN8nProcess>(running: T): T => (stoppers.push({ name: `n8n ${running.name}`, stop: () => running.stop() }), running);

    for (const name of ['main', 'webhook', ...concurrency.map((_, index) => `worker${index + 1}`)]) {
      installAsCommunityPackage(path.join(scratchDir, name), packageDir);
    }

    // Main first: it runs the database migrations under a lock.
    let phaseStarted = Date.now();
    const mainProcess = track(
      await startN8nRole({
        role: 'main', name: 'main', dir: scratchDir, port: mainPort, brokerPort: brokerPorts[0], args: ['start'], readyTimeoutMs,
        env: role({ N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', ...options.roleEnv?.main }),
      }),
    );
    const mainMs = Date.now() - phaseStarted;

    phaseStarted = Date.now();
    const [webhook, ...workerProcesses] = await Promise.all([
      startN8nRole({
        role: 'webhook', name: 'webhook', dir: scratchDir, port: webhookPort, brokerPort: brokerPorts[1], args: ['webhook'], readyTimeoutMs,
        env: role({ ...options.roleEnv?.webhook }),
      }).then(track),
      ...concurrency.map((limit, index) =>
        startN8nRole({
          role: 'worker', name: `worker${index + 1}`, dir: scratchDir, port: healthPorts[index], brokerPort: brokerPorts[index + 2], readyTimeoutMs,
          args: index === 0 ? ['worker'] : ['worker', `--concurrency=${limit}`],
          env: role({
            QUEUE_HEALTH_CHECK_ACTIVE: 'true',
            N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
            N8N_CONCURRENCY_PRODUCTION_LIMIT: index === 0 ? String(limit) : undefined,
            ...options.roleEnv?.worker,
          }),
        }).then(track),
      ),
    ]);
    const othersMs = Date.now() - phaseStarted;

    phaseStarted = Date.now();
    const rest = restClient(mainUrl, await signInOwner(mainUrl));
    const apiKey = await createApiKey(rest);
    const api = publicApiClient(mainUrl, apiKey);
    const helpers = workflowHelpers(api, rest, webhookUrlBase);
    const credentialId = await helpers.createCredential({
      name: CREDENTIAL_NAME,
      type: 'whatsAppCloudApi',
      data: { ...emulatorCredentialData(emulator.url), ...options.credentialData },
    });
    const setupMs = Date.now() - phaseStarted;

    const main: RunningN8n = {
      url: mainUrl, port: mainPort, userFolder: mainProcess.userFolder, logFile: mainProcess.logFile, apiKey, owner: E2E_OWNER,
      startupMs: mainProcess.startupMs, api, rest, stop: () => mainProcess.stop(), ...helpers,
    };
    const workers: QueueWorker[] = workerProcesses.map((worker, index) =>
      Object.assign(worker, {
        concurrency: concurrency[index],
        executionIds: () => executionIdsIn(worker.log(), /Worker started execution (\d+) \(job/g),
      }),
    );
    const groups = (): [string, number][] => [
      ['postgres', postgres.pid], ['redis', redis.pid], ['main', mainProcess.pid], ['webhook', webhook.pid],
      ...workers.map((worker): [string, number] => [worker.name, worker.pid]),
    ];
    return {
      main, mainProcess, webhook, workers, emulator, postgres, redis, scratchDir, stop,
      credential: { id: credentialId, name: CREDENTIAL_NAME },
      webhookUrl: helpers.webhookUrl,
      workerOf: (executionId) => workers.find((worker) => worker.executionIds().includes(executionId))?.name,
      enqueuedByWebhook: (executionId) => executionIdsIn(webhook.log(), /Enqueued execution (\d+) \(job/g).includes(executionId),
      memoryMb: () => Object.fromEntries(groups().map(([name, pid]) => [name, groupRssMb(pid)])),
      timings: { servicesMs, mainMs, othersMs, setupMs, totalMs: Date.now() - startedAt },
    };
  } catch (error) {
    await stop().catch((stopError) => console.warn(String(stopError)));
    throw error;
  }
}
