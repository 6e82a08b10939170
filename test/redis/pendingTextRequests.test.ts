/**
 * Send and Wait's open Free Text requests in the Redis for shared state: what the sending worker
 * adds, the Trigger on another process finds (its own store over the same Redis), by the newest
 * request of the sender, by the quoted question, and not once answered or expired.
 */
import { sharedStateAt } from '../../nodes/shared/sharedState';
import { RedisPendingTextRequests } from '../../nodes/shared/sharedState/pendingTextRequests';
import type { PendingTextRequest } from '../../nodes/shared/whatsapp/sendAndWait';
import { pendingTextQuery, pendingTextRequest } from '../harness/pendingTextRequests';
import { useRedisServer } from './redisServer';

const redis = useRedisServer();
const NOW = Math.floor(Date.now() / 1000);
const request = (overrides: Partial<PendingTextRequest>) => pendingTextRequest(NOW, overrides);
const query = (overrides: object = {}) => pendingTextQuery(NOW, overrides);

test('a request added by one process is found by another: the newest of the sender, or the one quoted; gone once removed', async () => {
	const worker = new RedisPendingTextRequests(sharedStateAt(redis.url));
	const webhookProcessor = new RedisPendingTextRequests(sharedStateAt(redis.url));
	await worker.add(request({}));
	await worker.add(request({ executionId: '2', requestId: 'req-2', messageId: 'wamid.ASK-2', createdAt: NOW + 5 }));
	expect((await webhookProcessor.find(query()))?.executionId).toBe('2');
	expect((await webhookProcessor.find(query({ repliedToMessageId: 'wamid.ASK-1' })))?.executionId).toBe('1');
	expect(await webhookProcessor.find(query({ senderIdentities: ['447700900999'] }))).toBeUndefined();
	expect(await webhookProcessor.find(query({ phoneNumberId: '106540352242923' }))).toBeUndefined();
	await webhookProcessor.remove({ executionId: '2', requestId: 'req-2' });
	expect((await worker.find(query()))?.executionId).toBe('1');
});

test('an expired request is not found, and Redis forgets it at its wait limit', async () => {
	const store = new RedisPendingTextRequests(sharedStateAt(redis.url));
	await store.add(request({ expiresAt: NOW + 5 }));
	expect(await store.find(query({ nowSeconds: NOW + 6 }))).toBeUndefined();
	const ttl = Number(await redis.cli('TTL', 'whatsapp-business:text-request:1:req-1'));
	expect(ttl).toBeGreaterThan(0);
	expect(ttl).toBeLessThanOrEqual(5);
});
