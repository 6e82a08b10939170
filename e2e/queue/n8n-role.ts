/**
 * One n8n process of a queue-mode cluster (main, webhook processor or worker), each with its own
 * user folder as on separate hosts, that a test can kill (SIGKILL mid-batch) and start again.
 * Facts it relies on (ports, readiness URLs, log lines): e2e/queue/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { killOnExit, n8nEnvironment, spawnN8n, stopGroup, waitForReady, type SpawnedN8n } from '../lib/n8n-process';

export type N8nRole = 'main' | 'webhook' | 'worker';

export interface QueueN8nProcess {
  role: N8nRole;
  /** 'main', 'webhook', 'worker1', 'worker2' … (also the name of its folder). */
  name: string;
  /** main and webhook: the HTTP base URL (`http://127.0.0.1:<N8N_PORT>`); worker: its health server. */
  url: string;
  port: number;
  userFolder: string;
  /** stdout + stderr of every start of this process (restarts append). */
  logFile: string;
  /** The n8n process of the current start (its task runner is a child in the same process group). */
  readonly pid: number;
  /** Milliseconds from spawn to `/healthz/readiness` 200, of the latest start. */
  readonly startupMs: number;
  readonly alive: boolean;
  /** Resolves with the exit code or signal of the current start. */
  readonly exited: Promise<string>;
  /** Sends `signal` (default SIGKILL) to the n8n process alone, as a crash would; the task runner follows it. */
  kill(signal?: NodeJS.Signals): void;
  /** Waits until the process has exited (after kill()); then sweeps its process group. */
  waitForExit(timeoutMs?: number): Promise<string>;
  /** Starts it again with the same folder, ports and environment, and waits until it is ready. */
  restart(): Promise<void>;
  /** SIGTERM to the process group, SIGKILL after `graceMs` (default 10 s). */
  stop(graceMs?: number): Promise<void>;
  /** The whole log so far. */
  log(): string;
}

export interface RoleOptions {
  role: N8nRole;
  name: string;
  dir: string;
  /** N8N_PORT (main, webhook) or QUEUE_HEALTH_CHECK_PORT (worker). */
  port: number;
  brokerPort: number;
  env: Record<string, string>;
  args: string[];
  readyTimeoutMs: number;
}

export async function startN8nRole(options: RoleOptions): Promise<QueueN8nProcess> {
  const userFolder = path.join(options.dir, options.name);
  fs.mkdirSync(userFolder, { recursive: true });
  const logFile = path.join(options.dir, `${options.name}.log`);
  const url = `http://127.0.0.1:${options.port}`;
  // Workers listen only with their health server; main and webhook processors on N8N_PORT.
  const portEnv: Record<string, string> = options.role === 'worker' ? { QUEUE_HEALTH_CHECK_PORT: String(options.port) } : {};
  const env = n8nEnvironment({ port: options.role === 'worker' ? 0 : options.port, brokerPort: options.brokerPort, userFolder, extra: { ...options.env, ...portEnv } });
  if (options.role === 'worker') delete env.N8N_PORT; // a worker's N8N_PORT is unused; n8n's default would be wrong for nobody

  let spawned: SpawnedN8n;
  let forgetExitHook: () => void = () => undefined;
  let startupMs = 0;
  let alive = false;
  const launch = async (): Promise<void> => {
    forgetExitHook(); // of the previous start, if any
    const startedAt = Date.now();
    spawned = spawnN8n(env, logFile, options.args);
    alive = true;
    void spawned.exited.then(() => (alive = false));
    forgetExitHook = killOnExit(spawned);
    await waitForReady(url, spawned, options.readyTimeoutMs);
    startupMs = Date.now() - startedAt;
  };
  const stop = async (graceMs = 10_000): Promise<void> => {
    forgetExitHook();
    await stopGroup(spawned, graceMs);
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    throw new Error(`n8n ${options.name}: ${(error as Error).message}`);
  }
  return {
    role: options.role,
    name: options.name,
    url,
    port: options.port,
    userFolder,
    logFile,
    get pid() {
      return spawned.child.pid ?? -1;
    },
    get startupMs() {
      return startupMs;
    },
    get alive() {
      return alive;
    },
    get exited() {
      return spawned.exited;
    },
    kill: (signal: NodeJS.Signals = 'SIGKILL') => {
      if (alive && spawned.child.pid !== undefined) process.kill(spawned.child.pid, signal);
    },
    waitForExit: async (timeoutMs = 60_000) => {
      const how = await Promise.race([spawned.exited, new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref())]);
      if (how === 'timeout') throw new Error(`n8n ${options.name} (pid ${spawned.child.pid}) was still running ${timeoutMs / 1000} s later.`);
      await stop(0); // the task runner, if it outlived its worker
      return how;
    },
    restart: async () => {
      if (alive) await stop();
      await launch();
    },
    stop,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
  };
}
