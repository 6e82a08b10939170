/**
 * A throw-away PostgreSQL server for the queue-mode tests: Debian's binaries (e2e/queue/install.sh),
 * a fresh cluster (initdb), its own free port on 127.0.0.1, no Unix socket, and a login role that
 * owns one database, as n8n's queue-mode docs ask (one Postgres shared by every process). Never
 * touches the machine's own clusters. Node built-ins only.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort, killOnExit, logTail, spawnInGroup, stopGroup, type SpawnedN8n } from '../lib/n8n-process';

const run = promisify(execFile);

export interface RunningPostgres {
  host: '127.0.0.1';
  port: number;
  database: string;
  user: string;
  password: string;
  /** Major version of the server, e.g. 15 (Debian 12). */
  version: number;
  /** The cluster's folder (removed by stop()). */
  dataDir: string;
  logFile: string;
  /** PID of the postmaster, leader of the process group of its backends. */
  pid: number;
  /** The DB_* variables n8n needs to use this database. */
  n8nEnv: Record<string, string>;
  /** Runs SQL with psql as the database's owner; returns the rows, each as its column values (text). */
  query(sql: string): Promise<string[][]>;
  /** Fast shutdown (SIGINT), SIGKILL of the group after 10 s; removes the cluster's folder. */
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL in /usr/lib/postgresql/<major>/bin; throws with the install command when there is none. */
export function postgresBinDir(): { binDir: string; version: number } {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).map(Number).filter((version) => fs.existsSync(path.join(root, String(version), 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: run `bash e2e/queue/install.sh` (as root; it runs apt-get install postgresql).');
  const version = Math.max(...versions);
  return { binDir: path.join(root, String(version), 'bin'), version };
}

/** Postgres refuses to run as root: as root, Debian's `postgres` user runs it. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('Running as root, but there is no `postgres` user to run PostgreSQL as: run `bash e2e/queue/install.sh`.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** `<scratchDir>/postgres`, or a folder in the system temp folder when the server's user cannot reach the scratch folder (a checkout under /root). */
async function clusterParent(scratchDir: string, user: { uid: number; gid: number } | undefined): Promise<string> {
  const dir = path.join(scratchDir, 'postgres');
  fs.mkdirSync(dir, { recursive: true });
  if (!user) return dir;
  fs.chownSync(dir, user.uid, user.gid);
  try {
    await run('test', ['-w', dir], { ...user });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    const fallback = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-postgres-'));
    fs.chownSync(fallback, user.uid, user.gid);
    return fallback;
  }
}

export async function startPostgres(options: { scratchDir: string; port?: number; readyTimeoutMs?: number }): Promise<RunningPostgres> {
  const { binDir, version } = postgresBinDir();
  const user = serverUser();
  const port = options.port ?? (await freePort());
  const parent = await clusterParent(options.scratchDir, user);
  const dataDir = path.join(parent, 'cluster');
  const logFile = path.join(options.scratchDir, 'postgres.log');
  const superPassword = randomBytes(12).toString('hex');
  const password = randomBytes(12).toString('hex');

  const passwordFile = path.join(parent, 'initdb-password');
  fs.writeFileSync(passwordFile, superPassword, { mode: 0o600 });
  if (user) fs.chownSync(passwordFile, user.uid, user.gid);
  try {
    const initdbArgs = ['-D', dataDir, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--no-locale', '-E', 'UTF8', '--no-sync'];
    await run(path.join(binDir, 'initdb'), initdbArgs, { cwd: parent, ...user }).catch((error: { stderr?: string }) => {
      throw new Error(`initdb failed: ${error.stderr ?? error}`);
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }

  // Durability off (fsync, full pages): the data is thrown away after the run.
  const serverArgs = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=60'];
  const server = spawnInGroup(path.join(binDir, 'postgres'), serverArgs, process.env, logFile, parent, user);
  const forgetExitHook = killOnExit(server);
  const stop = async (): Promise<void> => {
    forgetExitHook();
    await stopGroup(server, 10_000, 'SIGINT'); // fast shutdown: ends the backends and frees shared memory
    fs.rmSync(parent, { recursive: true, force: true });
  };

  const psql = async (role: string, rolePassword: string, database: string, sql: string): Promise<string[][]> => {
    const args = ['-h', '127.0.0.1', '-p', String(port), '-U', role, '-d', database, '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql];
    const { stdout } = await run(path.join(binDir, 'psql'), args, { env: { ...process.env, PGPASSWORD: rolePassword, PGCONNECT_TIMEOUT: '3' } });
    return stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t'));
  };

  try {
    await waitForPostgres(server, () => psql('postgres', superPassword, 'postgres', 'SELECT 1'), options.readyTimeoutMs ?? 60_000);
    await psql('postgres', superPassword, 'postgres', `CREATE ROLE n8n LOGIN PASSWORD '${password}'`); // hex: nothing to escape
    await psql('postgres', superPassword, 'postgres', 'CREATE DATABASE n8n OWNER n8n');
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    host: '127.0.0.1',
    port,
    database: 'n8n',
    user: 'n8n',
    password,
    version,
    dataDir,
    logFile,
    pid: server.child.pid ?? -1,
    n8nEnv: {
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(port),
      DB_POSTGRESDB_DATABASE: 'n8n',
      DB_POSTGRESDB_USER: 'n8n',
      DB_POSTGRESDB_PASSWORD: password,
    },
    query: (sql) => psql('n8n', password, 'n8n', sql),
    stop,
  };
}

async function waitForPostgres(server: SpawnedN8n, probe: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: string | undefined;
  void server.exited.then((how) => (exitedWith = how));
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`PostgreSQL exited (${exitedWith}) at start. Last lines of ${server.logFile}:\n${logTail(server.logFile)}`);
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PostgreSQL was not ready within ${timeoutMs / 1000} s (${lastError}). Last lines of ${server.logFile}:\n${logTail(server.logFile)}`);
}
