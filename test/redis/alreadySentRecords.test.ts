/**
 * The Lua scripts of Skip Items Already Sent's records (sharedState/alreadySentRecords.ts) against a
 * real redis-server: claims, and status webhooks applied to them while other deliveries do the same.
 */
import { alreadySentRecordKey, claimAlreadySent, confirmByStatuses, markAlreadySent, parseAlreadySentValue, releaseAlreadySent, sharedStateAt, type AlreadySentClaim, type KeyedStatus } from '../../nodes/shared/sharedState';
import { SEED } from '../../emulator';
import { useRedisServer } from './redisServer';

const redis = useRedisServer();
const PHONE_NUMBER_ID = SEED.phoneNumberId;

function claimOf(key: string, parts: number): AlreadySentClaim {
	const value = JSON.stringify({ state: 'claimed', executionId: '7', at: new Date().toISOString(), run: '7:abc' });
	return { record: alreadySentRecordKey('wf', 'node', key), value, key, phoneNumberId: PHONE_NUMBER_ID, recipient: '+16505551234', parts };
}

const sentStatus = (key: string, part: number): KeyedStatus => ({
	phoneNumberId: PHONE_NUMBER_ID,
	key,
	status: 'sent',
	messageId: `wamid.PART${part}`,
	timestampSeconds: Math.floor(Date.now() / 1000),
	waId: '16505551234',
});

test('a Long Text of 6 parts whose statuses arrive in 6 deliveries at once is confirmed: no status is dropped by the check-and-set', async () => {
	const state = sharedStateAt(redis.url);
	const claim = claimOf('LONG-6', 6);
	expect(await claimAlreadySent(state, claim)).toBe(true);
	const confirmed = await Promise.all([1, 2, 3, 4, 5, 6].map(async (part) => await confirmByStatuses(state, [PHONE_NUMBER_ID], [sentStatus('LONG-6', part)])));
	expect(confirmed.reduce((sum, count) => sum + count, 0)).toBe(1);
	expect(parseAlreadySentValue(await state.run(async (client) => await client.get(claim.record)))).toMatchObject({ state: 'sent', confirmedByStatus: 'sent' });
});

test('a rerun taking over a stale Long Text claim is refused when a status of one of its parts arrived after the rerun judged it: that part would go twice', async () => {
	const state = sharedStateAt(redis.url);
	const stale = claimOf('LONG-2', 2);
	expect(await claimAlreadySent(state, stale)).toBe(true);
	// The rerun judged the claim (no status yet) and takes it over later in its batch; meanwhile part 1's status came.
	await confirmByStatuses(state, [PHONE_NUMBER_ID], [sentStatus('LONG-2', 1)]);
	expect(await claimAlreadySent(state, claimOf('LONG-2', 2), stale.value)).toBe(false);
	expect(await state.run(async (client) => await client.get(stale.record))).toBe(stale.value);
});

test('two reruns taking over the same stale claim at once: exactly one gets it, and the loser\'s release leaves the winner\'s claim alone', async () => {
	const state = sharedStateAt(redis.url);
	const stale = claimOf('ORDER-1', 1);
	expect(await claimAlreadySent(state, stale)).toBe(true);
	const [first, second] = [claimOf('ORDER-1', 1), { ...claimOf('ORDER-1', 1), value: JSON.stringify({ state: 'claimed', executionId: '9', at: new Date().toISOString(), run: '9:def' }) }];
	const taken = await Promise.all([claimAlreadySent(state, first, stale.value), claimAlreadySent(state, second, stale.value)]);
	expect(taken.filter(Boolean)).toHaveLength(1);
	const [winner, loser] = taken[0] ? [first, second] : [second, first];
	await releaseAlreadySent(state, loser);
	await releaseAlreadySent(state, stale); // the run that was taken over wakes up and gives its claim back
	expect(await state.run(async (client) => await client.get(winner.record))).toBe(winner.value);
	expect(JSON.parse((await state.run(async (client) => await client.hget(`whatsapp-business:sending:${PHONE_NUMBER_ID}:ORDER-1`, winner.record)))!)).toMatchObject({ claim: winner.value });
});

test('the sending hash goes with its last field, and comes back with its 30-day expiry when a key is claimed again', async () => {
	const state = sharedStateAt(redis.url);
	const hash = `whatsapp-business:sending:${PHONE_NUMBER_ID}:ORDER-2`;
	const claim = claimOf('ORDER-2', 1);
	await claimAlreadySent(state, claim);
	await markAlreadySent(state, claim, JSON.stringify({ state: 'sent', executionId: '7', at: new Date().toISOString() }));
	expect(await redis.cli('EXISTS', hash)).toBe('0');
	const other = { ...claimOf('ORDER-2', 1), record: alreadySentRecordKey('wf', 'other-node', 'ORDER-2') };
	await claimAlreadySent(state, other);
	expect(Number(await redis.cli('TTL', hash))).toBeGreaterThan(29 * 24 * 3600);
});
