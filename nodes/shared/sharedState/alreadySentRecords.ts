/**
 * Skip Items Already Sent's records in the credential's Redis, written by the WhatsApp Business node
 * and completed by the WhatsApp Trigger, so a rerun after a worker died knows which claimed messages
 * reached WhatsApp:
 * - `sent:<workflow ID>:<node ID>:<key>`: the node's record of a key (AlreadySentValue JSON): `claimed`
 *   just before its message goes out, `sent` once WhatsApp accepted it;
 * - `sending:<phone number ID>:<key>`: while a claimed message is on its way from that number, which
 *   record holds the claim (PendingSend JSON); deleted once the record says `sent`. A worker killed
 *   mid-request leaves it behind;
 * - `statuses-heard:<phone number ID>`: when a Trigger using this Redis last received a status webhook
 *   of that number (ms since 1970, UTC).
 * WhatsApp echoes a message's tracking data, which starts with its key, in every status webhook of the
 * message (Meta: Status messages webhook reference), so a status finding a `sending:` entry turns the
 * claim into `sent` (confirmByStatuses). Each change is one Lua script (Redis: EVAL), atomic against
 * every other process.
 */
import { stateKey } from './keys';
import type { SharedState } from './redis';

/** How long records, claims and their `sending:` entries live in Redis (seconds): 30 days. */
export const ALREADY_SENT_TTL_SECONDS = 30 * 24 * 3600;

/** A key's record in Redis. */
export interface AlreadySentValue {
	state: 'sent' | 'claimed';
	/** The n8n execution that claimed (and sent) the message. */
	executionId: string;
	/** When it was claimed or sent: ISO 8601, UTC. */
	at: string;
	/** A random name of the run that claimed: only that run may give the claim back. */
	run?: string;
	/** WhatsApp's message ID, when a status webhook confirmed the claim (wamid.…). */
	messageId?: string;
	/** The status whose webhook confirmed the claim (sent, delivered, read or failed). */
	confirmedByStatus?: string;
	/** When the Trigger received that status: ISO 8601, UTC. */
	confirmedAt?: string;
}

/** Where a claim of a message on its way is (the `sending:` entry's value). */
interface PendingSend {
	record: string;
	claim: string;
}

/** The Redis key of a node's record of an Already Sent Key. */
export function alreadySentRecordKey(workflowId: string, nodeId: string, key: string): string {
	return stateKey('sent', workflowId, nodeId, key);
}

const pendingKey = (phoneNumberId: string, key: string) => stateKey('sending', phoneNumberId, key);
const heardKey = (phoneNumberId: string) => stateKey('statuses-heard', phoneNumberId);

/**
 * KEYS: record, [sending entry]; ARGV: new value, ttl, value it must hold now ('' = must be absent), sending entry.
 * Writes the claim only when the record holds what the caller read (or nothing), then the entry.
 */
const CLAIM = `local current = redis.call('get', KEYS[1])
if ARGV[3] == '' then if current then return 0 end elseif current ~= ARGV[3] then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2])
if #KEYS > 1 then redis.call('set', KEYS[2], ARGV[4], 'EX', ARGV[2]) end
return 1`;

/** KEYS: record, [sending entry]; ARGV: record value, ttl, sending entry's expected value. Sets the record, drops the entry if still this claim's. */
const MARK_SENT = `redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2])
if #KEYS > 1 and redis.call('get', KEYS[2]) == ARGV[3] then redis.call('del', KEYS[2]) end
return 1`;

/** KEYS: record, [sending entry]; ARGV: claim value, sending entry's value. Deletes each while it still holds this claim. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end
if #KEYS > 1 and redis.call('get', KEYS[2]) == ARGV[2] then redis.call('del', KEYS[2]) end
return 1`;

/** KEYS: record, sending entry; ARGV: claim value, sent value, ttl. The claim becomes `sent` only if nothing changed it meanwhile. */
const CONFIRM = `redis.call('del', KEYS[2])
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

/** A claim of one key: the record's Redis key and value, and the number its message goes out from (none: no `sending:` entry). */
export interface AlreadySentClaim {
	record: string;
	value: string;
	phoneNumberId?: string;
	key: string;
}

function claimKeys(claim: AlreadySentClaim): { keys: string[]; pending: string } {
	const pending = JSON.stringify({ record: claim.record, claim: claim.value } satisfies PendingSend);
	return { keys: claim.phoneNumberId ? [claim.record, pendingKey(claim.phoneNumberId, claim.key)] : [claim.record], pending };
}

/**
 * Takes the key for `claim`: when nobody holds it, or, with `replacing`, only while the record
 * still holds exactly that value (a stale claim being taken over by a rerun). Answers whether it took it.
 */
export async function claimAlreadySent(state: SharedState, claim: AlreadySentClaim, replacing?: string): Promise<boolean> {
	const { keys, pending } = claimKeys(claim);
	const taken = await state.run(async (redis) => await redis.eval(CLAIM, keys.length, ...keys, claim.value, ALREADY_SENT_TTL_SECONDS, replacing ?? '', pending));
	return taken === 1;
}

/** Records the claimed key as sent (`sentValue`) and drops its `sending:` entry. */
export async function markAlreadySent(state: SharedState, claim: AlreadySentClaim, sentValue: string): Promise<void> {
	const { keys, pending } = claimKeys(claim);
	await state.run(async (redis) => await redis.eval(MARK_SENT, keys.length, ...keys, sentValue, ALREADY_SENT_TTL_SECONDS, pending));
}

/** Gives the claim back (its item failed and was not sent): the record and entry go, if still this claim's. */
export async function releaseAlreadySent(state: SharedState, claim: AlreadySentClaim): Promise<void> {
	const { keys, pending } = claimKeys(claim);
	await state.run(async (redis) => await redis.eval(RELEASE, keys.length, ...keys, claim.value, pending));
}

/** A status webhook of a message sent with an Already Sent Key (the first part of its tracking data). */
export interface KeyedStatus {
	phoneNumberId: string;
	key: string;
	messageId: string;
	status: string;
}

/**
 * For the Trigger: notes that statuses of `phoneNumberIds` were heard now, and turns every claim
 * still waiting for one of `statuses` (a `sending:` entry: its worker never recorded WhatsApp's
 * answer) into `sent`, with the message ID and status. One round trip, plus one per claim confirmed.
 * Answers how many claims it confirmed. Throws WhatsAppConfigurationError when Redis cannot be reached (redis.ts).
 */
export async function confirmByStatuses(state: SharedState, phoneNumberIds: string[], statuses: KeyedStatus[], now: Date = new Date()): Promise<number> {
	return await state.run(async (redis) => {
		const pipeline = redis.pipeline();
		for (const id of new Set(phoneNumberIds)) pipeline.set(heardKey(id), String(now.getTime()), 'EX', ALREADY_SENT_TTL_SECONDS);
		if (statuses.length > 0) pipeline.mget(statuses.map((status) => pendingKey(status.phoneNumberId, status.key)));
		const answers = (await pipeline.exec()) ?? [];
		for (const [error] of answers) if (error) throw error;
		if (statuses.length === 0) return 0;
		const entries = answers[answers.length - 1]![1] as Array<string | null>;
		let confirmed = 0;
		for (const [index, entry] of entries.entries()) {
			const pending = parsePending(entry);
			if (!pending) continue;
			const status = statuses[index]!;
			const claim = parseAlreadySentValue(pending.claim);
			if (!claim) continue;
			const sent: AlreadySentValue = {
				state: 'sent',
				executionId: claim.executionId,
				at: claim.at,
				messageId: status.messageId,
				confirmedByStatus: status.status,
				confirmedAt: now.toISOString(),
			};
			const done = await redis.eval(CONFIRM, 2, pending.record, pendingKey(status.phoneNumberId, status.key), pending.claim, JSON.stringify(sent), ALREADY_SENT_TTL_SECONDS);
			if (done === 1) confirmed++;
		}
		return confirmed;
	});
}

/** When a Trigger using this Redis last received a status webhook of the number (ms since 1970, UTC); undefined: never, or over 30 days ago. */
export async function statusesHeardAt(state: SharedState, phoneNumberId: string): Promise<number | undefined> {
	const value = await state.run(async (redis) => await redis.get(heardKey(phoneNumberId)));
	const ms = Number(value);
	return value !== null && Number.isFinite(ms) ? ms : undefined;
}

/** A record's JSON; undefined when it is not one of ours. */
export function parseAlreadySentValue(value: string | null): AlreadySentValue | undefined {
	if (value === null) return undefined;
	try {
		const parsed = JSON.parse(value) as AlreadySentValue;
		return parsed && typeof parsed === 'object' && typeof parsed.at === 'string' ? parsed : undefined;
	} catch {
		return undefined;
	}
}

function parsePending(value: string | null): PendingSend | undefined {
	if (value === null) return undefined;
	try {
		const parsed = JSON.parse(value) as PendingSend;
		return typeof parsed?.record === 'string' && typeof parsed.claim === 'string' ? parsed : undefined;
	} catch {
		return undefined;
	}
}
