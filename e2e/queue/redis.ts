/**
 * A throw-away Redis for the queue-mode tests: Debian's redis-server (e2e/queue/install.sh) on a
 * free port of 127.0.0.1, without persistence (no RDB snapshots, no AOF), as n8n's queue mode uses it
 * (Bull's job queue and pub/sub). Never touches the machine's own Redis. Node built-ins only.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort, killOnExit, logTail, spawnInGroup, stopGroup } from '../lib/n8n-process';

const run = promisify(execFile);

export interface RunningRedis {
  host: '127.0.0.1';
  port: number;
  /** `redis://127.0.0.1:<port>` (no password, no database number). */
  url: string;
  logFile: string;
  pid: number;
  /** The QUEUE_BULL_REDIS_* variables n8n needs to use this Redis. */
  n8nEnv: Record<string, string>;
  /** Runs one command with redis-cli and returns its raw output, e.g. `cli('KEYS', 'bull:jobs:*')`. */
  cli(...args: string[]): Promise<string>;
  /** SIGTERM, then SIGKILL after 5 s; removes its folder. */
  stop(): Promise<void>;
}

export async function startRedis(options: { scratchDir: string; port?: number; readyTimeoutMs?: number }): Promise<RunningRedis> {
  const port = options.port ?? (await freePort());
  const dir = path.join(options.scratchDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(options.scratchDir, 'redis.log');
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  const server = spawnInGroup('redis-server', args, process.env, logFile, dir);
  const forgetExitHook = killOnExit(server);
  const cli = async (...command: string[]): Promise<string> =>
    (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...command], { timeout: 10_000 })).stdout.trim();
  const stop = async (): Promise<void> => {
    forgetExitHook();
    await stopGroup(server, 5_000);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let exitedWith: string | undefined;
  void server.exited.then((how) => (exitedWith = how));
  for (;;) {
    if (exitedWith !== undefined) {
      await stop();
      const hint = exitedWith.startsWith('spawn error') ? ' Is redis-server installed? Run `bash e2e/queue/install.sh`.' : '';
      throw new Error(`redis-server exited (${exitedWith}) at start.${hint} Last lines of ${logFile}:\n${logTail(logFile)}`);
    }
    if ((await cli('PING').catch(() => '')) === 'PONG') break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Redis did not answer PING on port ${port}. Last lines of ${logFile}:\n${logTail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    logFile,
    pid: server.child.pid ?? -1,
    n8nEnv: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
    cli,
    stop,
  };
}
