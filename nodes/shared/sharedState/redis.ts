/**
 * The Redis the pack keeps shared state in when n8n runs in queue mode (several workers and webhook
 * processors): the URL comes from the credential's "Redis URL for Shared State (Queue Mode)" field,
 * so it reaches every process. One ioredis client per URL per process, connected on first use and
 * closed after a minute without use; its socket never keeps n8n from exiting.
 * Redis's own pages: SET (NX, EX), Lua scripting (EVAL), pipelining.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { WhatsAppConfigurationError } from '../transport/errors';

/** Every key the pack writes starts with this, so it can share n8n's own Redis (Bull uses `bull:`). */
export const KEY_PREFIX = 'whatsapp-business:';

/** A client unused this long is closed (ms); the next use connects again. */
const IDLE_CLOSE_MS = 60_000;
/** How long connecting, or one command, may take before the item fails (ms). */
const CONNECT_TIMEOUT_MS = 5_000;
const COMMAND_TIMEOUT_MS = 5_000;

/** Shared state in one Redis: what the pacer, the stores and the Trigger call. Holds no password in a readable field. */
export interface SharedState {
	/** Names this Redis without its password, e.g. `redis://127.0.0.1:6379/0`: for keys of process-level caches and messages. */
	readonly label: string;
	/**
	 * Runs commands on the client; a failure to reach Redis (refused, timed out, wrong password)
	 * becomes a WhatsAppConfigurationError naming the Redis and the fix. Other errors pass as they are.
	 */
	run<T>(commands: (redis: Redis) => Promise<T>): Promise<T>;
}

interface Entry {
	client: Redis;
	lastUsed: number;
}

const clients = new Map<string, Entry>();
let sweeper: ReturnType<typeof setInterval> | undefined;

function sweepIdle(): void {
	const now = Date.now();
	for (const [key, entry] of clients) {
		if (now - entry.lastUsed < IDLE_CLOSE_MS) continue;
		clients.delete(key);
		entry.client.quit().catch(() => entry.client.disconnect());
	}
	if (clients.size === 0 && sweeper) {
		clearInterval(sweeper);
		sweeper = undefined;
	}
}

/** The URL with its password (and user name) left out: safe in messages and as a map key. */
export function redisLabel(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname && parsed.pathname !== '/' ? parsed.pathname : ''}`;
	} catch {
		return 'the Redis URL of the credential';
	}
}

function clientFor(url: string): Redis {
	const key = createHash('sha256').update(url).digest('hex');
	const known = clients.get(key);
	if (known && known.client.status !== 'end') {
		known.lastUsed = Date.now();
		return known.client;
	}
	const client = new Redis(url, {
		lazyConnect: true,
		connectTimeout: CONNECT_TIMEOUT_MS,
		commandTimeout: COMMAND_TIMEOUT_MS,
		// Fail the items rather than wait: one new attempt per command, then the error names the fix.
		maxRetriesPerRequest: 1,
		retryStrategy: (times) => (times > 3 ? null : 200 * times),
		enableAutoPipelining: true,
	});
	// Errors reach the commands that fail; an 'error' listener keeps them from crashing the process.
	client.on('error', () => undefined);
	client.on('connect', () => (client.stream as { unref?: () => void } | undefined)?.unref?.());
	clients.set(key, { client, lastUsed: Date.now() });
	sweeper ??= setInterval(sweepIdle, IDLE_CLOSE_MS / 2);
	sweeper.unref();
	return client;
}

/** Whether an error means Redis could not be reached or refused us, rather than a command's own error. */
function isConnectionError(error: unknown): boolean {
	const { code, message = '', name = '' } = (error ?? {}) as { code?: string; message?: string; name?: string };
	if (code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)$/.test(code)) return true;
	return name === 'MaxRetriesPerRequestError' || /Connection is closed|Command timed out|connect ETIMEDOUT|Stream isn't writeable|WRONGPASS|NOAUTH|invalid password/i.test(message);
}

/** The URL of the credential field as given (trimmed), or undefined when the field is empty. */
export function sharedStateUrl(value: unknown): string | undefined {
	const url = typeof value === 'string' ? value.trim() : '';
	return url === '' ? undefined : url;
}

/**
 * The shared state in the Redis at `url` (`redis://[[user]:password@]host[:port][/db]`, or
 * `rediss://` for TLS). Nothing connects until the first `run`; a URL that is not a Redis URL makes
 * every `run` throw WhatsAppConfigurationError, so operations that need no shared state still work.
 */
export function sharedStateAt(url: string): SharedState {
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		// reported by run()
	}
	const label = redisLabel(url);
	const valid = protocol === 'redis:' || protocol === 'rediss:';
	return {
		label,
		async run(commands) {
			if (!valid) {
				throw new WhatsAppConfigurationError(
					'The Redis URL for Shared State of the credential is not a Redis URL.',
					'Write it as redis://host:6379 (redis://:password@host:6379/0 with a password, rediss:// for TLS), or leave the field empty when n8n runs as a single process.',
				);
			}
			const client = clientFor(url);
			try {
				return await commands(client);
			} catch (error) {
				if (!isConnectionError(error)) throw error;
				// ioredis names its own retry option when it gives up: say what happened instead.
				const raw = (error as Error).name === 'MaxRetriesPerRequestError' ? 'no connection (refused, or no answer in time)' : String((error as Error).message ?? error);
				const reason = raw.split(url).join(label);
				throw new WhatsAppConfigurationError(
					`Could not use the Redis for shared state at ${label}: ${reason}`,
					"Start that Redis or make it reachable from every n8n process, or correct the credential's Redis URL for Shared State. Emptying the field keeps the state in each n8n process instead (pacing, duplicate checks and Free Text answers are then not shared between workers).",
				);
			}
		},
	};
}

/** Closes every client now (tests, and a clean exit); the next use connects again. */
export async function closeSharedStateClients(): Promise<void> {
	const entries = [...clients.values()];
	clients.clear();
	if (sweeper) clearInterval(sweeper);
	sweeper = undefined;
	await Promise.all(entries.map(async (entry) => await entry.client.quit().catch(() => entry.client.disconnect())));
}
