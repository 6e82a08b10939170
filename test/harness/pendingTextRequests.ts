/**
 * A Send and Wait Free Text request and a look-up for it, as the sending node and the Trigger make
 * them: the same fixture for the in-process store's tests and the Redis store's.
 */
import type { PendingTextRequest } from '../../nodes/shared/whatsapp/sendAndWait';

/** A request of recipient 447700900123 on the emulator's number, created at `now` (Unix seconds). */
export function pendingTextRequest(now: number, overrides: Partial<PendingTextRequest> = {}): PendingTextRequest {
	return {
		executionId: '1',
		requestId: 'req-1',
		resumeToken: 'r',
		recipient: '447700900123',
		phoneNumberId: '106540352242922',
		messageId: 'wamid.ASK-1',
		createdAt: now,
		...overrides,
	};
}

/** The Trigger's look-up for a text of that recipient, 10 s after `now`. */
export function pendingTextQuery(now: number, overrides: object = {}) {
	return { senderIdentities: ['447700900123'], phoneNumberId: '106540352242922', nowSeconds: now + 10, ...overrides };
}
