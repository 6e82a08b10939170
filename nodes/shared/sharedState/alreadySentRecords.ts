/**
 * Skip Items Already Sent's records in the credential's Redis, written by the WhatsApp Business node
 * and completed by the WhatsApp Trigger, so a rerun after a worker died knows which claimed messages
 * reached WhatsApp:
 * - `sent:<workflow ID>:<node ID>:<key>`: the node's record of a key (AlreadySentValue JSON): `claimed`
 *   just before its message goes out, `sent` once WhatsApp accepted it;
 * - `sending:<phone number ID>:<key>`: a hash of the claims of that key whose messages are on their
 *   way from that number, one field per record (PendingSend JSON: the claim, the recipient, how many
 *   parts, what statuses said so far); a field goes once its record says `sent` or is given back. A
 *   worker killed mid-request leaves its field behind;
 * - `statuses-heard:<phone number ID>`: when a Trigger using this Redis last received a status webhook
 *   of that number (ms since 1970, UTC).
 * WhatsApp echoes a message's tracking data, which starts with its key and a `|`, in every status
 * webhook of the message (Meta: Status messages webhook reference), so statuses applied to a field
 * (applyStatusToClaim) turn its claim into `sent` (confirmByStatuses). Each change is one Lua script
 * (Redis: EVAL, with its cjson library), atomic against every other process.
 */
import { applyStatusToClaim, type ClaimAwaitingStatus, type KeyedStatusSeen } from '../whatsapp/messages';
import type { Redis } from 'ioredis';
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

/** A claim's field in its `sending:` hash. */
interface PendingSend {
	/** The record's value while claimed. */
	claim: string;
	recipient?: string;
	parts: number;
	seen?: string[];
	otherRecipient?: string;
}

/** The Redis key of a node's record of an Already Sent Key. */
export function alreadySentRecordKey(workflowId: string, nodeId: string, key: string): string {
	return stateKey('sent', workflowId, nodeId, key);
}

const pendingKey = (phoneNumberId: string, key: string) => stateKey('sending', phoneNumberId, key);
const heardKey = (phoneNumberId: string) => stateKey('statuses-heard', phoneNumberId);

/**
 * KEYS: record, [sending hash]; ARGV: new value, ttl, value it must hold now ('' = must be absent), field value.
 * Writes the claim only when the record holds what the caller read (or nothing), then its field. A
 * stale claim is not taken over once statuses were applied to it since the caller judged it (some
 * parts of a Long Text arrived, or a message with the key went to another recipient).
 */
const CLAIM = `local current = redis.call('get', KEYS[1])
if ARGV[3] == '' then if current then return 0 end elseif current ~= ARGV[3] then return 0 end
if ARGV[3] ~= '' and #KEYS > 1 then
  local field = redis.call('hget', KEYS[2], KEYS[1])
  if field then
    local ok, pending = pcall(cjson.decode, field)
    if ok and pending.claim == ARGV[3] and ((type(pending.seen) == 'table' and #pending.seen > 0) or type(pending.otherRecipient) == 'string') then return 0 end
  end
end
redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2])
if #KEYS > 1 then
  redis.call('hset', KEYS[2], KEYS[1], ARGV[4])
  redis.call('expire', KEYS[2], ARGV[2])
end
return 1`;

/** Drops the record's field from the hash (KEYS[2]) when it is still for the claim ARGV[n]. */
const DROP_OWN_FIELD = (claimArg: string) => `if #KEYS > 1 then
  local field = redis.call('hget', KEYS[2], KEYS[1])
  if field then
    local ok, pending = pcall(cjson.decode, field)
    if ok and pending.claim == ${claimArg} then redis.call('hdel', KEYS[2], KEYS[1]) end
  end
end`;

/** KEYS: record, [sending hash]; ARGV: record value, ttl, claim. Sets the record, drops this claim's field. */
const MARK_SENT = `redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2])
${DROP_OWN_FIELD('ARGV[3]')}
return 1`;

/** KEYS: record, [sending hash]; ARGV: claim. Deletes the record and field while they still hold this claim. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end
${DROP_OWN_FIELD('ARGV[1]')}
return 1`;

/**
 * KEYS: sending hash, record; ARGV: field value read, new field value ('' = confirmed), claim, sent value, ttl.
 * -1 when the field changed since it was read (read again); 1 when the claim became `sent`.
 */
const APPLY_STATUS = `if redis.call('hget', KEYS[1], KEYS[2]) ~= ARGV[1] then return -1 end
if ARGV[2] ~= '' then redis.call('hset', KEYS[1], KEYS[2], ARGV[2]) return 0 end
redis.call('hdel', KEYS[1], KEYS[2])
if redis.call('get', KEYS[2]) ~= ARGV[3] then return 0 end
redis.call('set', KEYS[2], ARGV[4], 'EX', ARGV[5])
return 1`;

/**
 * A claim of one key: the record's Redis key and value, and where its message goes: the number it
 * goes out from (none: no `sending:` field, so no status can confirm it), the recipient as sent,
 * and how many messages the item sends.
 */
export interface AlreadySentClaim {
	record: string;
	value: string;
	key: string;
	phoneNumberId?: string;
	recipient?: string;
	parts?: number;
}

function claimKeys(claim: AlreadySentClaim): string[] {
	return claim.phoneNumberId ? [claim.record, pendingKey(claim.phoneNumberId, claim.key)] : [claim.record];
}

/**
 * Takes the key for `claim`: when nobody holds it, or, with `replacing`, only while the record
 * still holds exactly that value (a stale claim being taken over by a rerun). Answers whether it took it.
 */
export async function claimAlreadySent(state: SharedState, claim: AlreadySentClaim, replacing?: string): Promise<boolean> {
	const pending: PendingSend = { claim: claim.value, parts: claim.parts ?? 1, ...(claim.recipient ? { recipient: claim.recipient } : {}) };
	const keys = claimKeys(claim);
	const taken = await state.run(async (redis) => await redis.eval(CLAIM, keys.length, ...keys, claim.value, ALREADY_SENT_TTL_SECONDS, replacing ?? '', JSON.stringify(pending)));
	return taken === 1;
}

/** Records the claimed key as sent (`sentValue`) and drops its `sending:` field. */
export async function markAlreadySent(state: SharedState, claim: AlreadySentClaim, sentValue: string): Promise<void> {
	const keys = claimKeys(claim);
	await state.run(async (redis) => await redis.eval(MARK_SENT, keys.length, ...keys, sentValue, ALREADY_SENT_TTL_SECONDS, claim.value));
}

/** Gives the claim back (its item failed and was not sent): the record and field go, if still this claim's. */
export async function releaseAlreadySent(state: SharedState, claim: AlreadySentClaim): Promise<void> {
	const keys = claimKeys(claim);
	await state.run(async (redis) => await redis.eval(RELEASE, keys.length, ...keys, claim.value));
}

/** What statuses said so far of a claim still on its way (its `sending:` field), for a rerun; undefined when there is none. */
export async function awaitingStatusOf(state: SharedState, record: string, phoneNumberId: string, key: string): Promise<Pick<ClaimAwaitingStatus, 'parts' | 'seenMessageIds' | 'otherRecipient'> | undefined> {
	const pending = parsePending(await state.run(async (redis) => await redis.hget(pendingKey(phoneNumberId, key), record)));
	return pending && { parts: pending.parts, seenMessageIds: pending.seen ?? [], ...(pending.otherRecipient ? { otherRecipient: pending.otherRecipient } : {}) };
}

/** A status webhook of a message whose tracking data starts with an Already Sent Key and a `|`. */
export interface KeyedStatus extends KeyedStatusSeen {
	phoneNumberId: string;
	key: string;
}

/**
 * How often one status is tried on a claim whose field other deliveries keep changing: each conflict
 * is another status of it written meanwhile, and the statuses of every part of a Long Text can
 * arrive at once, in as many deliveries (with 3 tries, the 4th of 6 such statuses was dropped and
 * the claim read as partly sent).
 */
const STATUS_WRITE_ATTEMPTS = 32;

/**
 * For the Trigger: applies each of `statuses` to the claims of its key still waiting on its number
 * (applyStatusToClaim); a claim every part of which has a status becomes `sent`, with the message ID
 * and status. Then notes that statuses of `phoneNumberIds` were heard now: after, so a rerun that
 * sees them heard also sees what they settled. Two round trips, plus one per claim changed. Answers
 * how many claims it confirmed. Throws WhatsAppConfigurationError when Redis cannot be reached (redis.ts).
 */
export async function confirmByStatuses(state: SharedState, phoneNumberIds: string[], statuses: KeyedStatus[], now: Date = new Date()): Promise<number> {
	return await state.run(async (redis) => {
		const confirmed = statuses.length > 0 ? await applyStatuses(redis, statuses, now) : 0;
		const pipeline = redis.pipeline();
		for (const id of new Set(phoneNumberIds)) pipeline.set(heardKey(id), String(now.getTime()), 'EX', ALREADY_SENT_TTL_SECONDS);
		for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
		return confirmed;
	});
}

/** Applies each status to the claims of its key (confirmByStatuses); answers how many became `sent`. */
async function applyStatuses(redis: Redis, statuses: KeyedStatus[], now: Date): Promise<number> {
	const pipeline = redis.pipeline();
	for (const status of statuses) pipeline.hgetall(pendingKey(status.phoneNumberId, status.key));
	const answers = (await pipeline.exec()) ?? [];
	for (const [error] of answers) if (error) throw error;
	const claimsByStatus = answers.map(([, fields]) => (fields ?? {}) as Record<string, string>);
	let confirmed = 0;
	for (const [index, fields] of claimsByStatus.entries()) {
		const status = statuses[index]!;
		const hash = pendingKey(status.phoneNumberId, status.key);
		for (const [record, first] of Object.entries(fields)) {
			let read: string | null = first;
			// A field another delivery changed meanwhile (a status of another part) is read again.
			for (let attempt = 0; attempt < STATUS_WRITE_ATTEMPTS && read !== null; attempt++) {
				const pending = parsePending(read);
				const claim = pending && parseAlreadySentValue(pending.claim);
				if (!pending || !claim) break;
				const awaiting: ClaimAwaitingStatus = { claimedAtMs: Date.parse(claim.at), recipient: pending.recipient, parts: pending.parts, seenMessageIds: pending.seen ?? [], otherRecipient: pending.otherRecipient };
				const outcome = applyStatusToClaim(awaiting, status);
				if (outcome.kind === 'ignore') break;
				const next = outcome.kind === 'update' ? JSON.stringify({ ...pending, seen: outcome.claim.seenMessageIds, ...(outcome.claim.otherRecipient ? { otherRecipient: outcome.claim.otherRecipient } : {}) }) : '';
				const sent: AlreadySentValue = { state: 'sent', executionId: claim.executionId, at: claim.at, messageId: status.messageId, confirmedByStatus: status.status, confirmedAt: now.toISOString() };
				const done = await redis.eval(APPLY_STATUS, 2, hash, record, read, next, pending.claim, JSON.stringify(sent), ALREADY_SENT_TTL_SECONDS);
				if (done === 1) confirmed++;
				if (done !== -1) break;
				read = await redis.hget(hash, record);
			}
		}
	}
	return confirmed;
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
		return typeof parsed?.claim === 'string' && typeof parsed.parts === 'number' ? parsed : undefined;
	} catch {
		return undefined;
	}
}
