import { InMemoryPendingTextRequests, type PendingTextRequest } from '../../../nodes/shared/whatsapp/sendAndWait';
import { pendingTextQuery, pendingTextRequest } from '../../harness/pendingTextRequests';

const NOW = 1_780_000_000;
const request = (overrides: Partial<PendingTextRequest>) => pendingTextRequest(NOW, overrides);
const query = (overrides: Partial<Parameters<InMemoryPendingTextRequests['find']>[0]> = {}) => pendingTextQuery(NOW, overrides);

describe('pending Free Text requests (one n8n process)', () => {
	test("a text answers its sender's newest open request on that number", async () => {
		const store = new InMemoryPendingTextRequests();
		await store.add(request({}));
		await store.add(request({ executionId: '2', requestId: 'req-2', messageId: 'wamid.ASK-2', createdAt: NOW + 5 }));
		expect((await store.find(query()))?.executionId).toBe('2');
		expect(await store.find(query({ senderIdentities: ['447700900999'] }))).toBeUndefined();
		expect(await store.find(query({ phoneNumberId: '106540352242923' }))).toBeUndefined();
	});

	test('a text quoting a request answers that request only', async () => {
		const store = new InMemoryPendingTextRequests();
		await store.add(request({}));
		await store.add(request({ executionId: '2', requestId: 'req-2', messageId: 'wamid.ASK-2', createdAt: NOW + 5 }));
		expect((await store.find(query({ repliedToMessageId: 'wamid.ASK-1' })))?.executionId).toBe('1');
		expect(await store.find(query({ repliedToMessageId: 'wamid.SOMETHING-ELSE' }))).toBeUndefined();
	});

	test('answered requests are removed; expired ones are dropped when met', async () => {
		const store = new InMemoryPendingTextRequests({ maxAgeSeconds: 60 });
		await store.add(request({ expiresAt: NOW + 5 }));
		await store.add(request({ executionId: '2', requestId: 'req-2' }));
		expect((await store.find(query({ nowSeconds: NOW + 6 })))?.executionId).toBe('2');
		expect(store.size).toBe(1);
		await store.remove({ executionId: '2', requestId: 'req-2' });
		expect(await store.find(query())).toBeUndefined();
	});

	test('the store is bounded: the oldest request is forgotten first', async () => {
		const store = new InMemoryPendingTextRequests({ maxEntries: 2 });
		for (const n of [1, 2, 3]) await store.add(request({ executionId: String(n), requestId: `req-${n}`, recipient: `4477009001${n}` }));
		expect(store.size).toBe(2);
		expect(await store.find(query({ senderIdentities: ['44770090011'] }))).toBeUndefined();
		expect((await store.find(query({ senderIdentities: ['44770090013'] })))?.executionId).toBe('3');
	});
});
