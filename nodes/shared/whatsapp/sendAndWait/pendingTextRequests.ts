/**
 * Free Text requests waiting for their answer. A text message carries no token, so the Trigger must
 * know which of its sender's requests is open: the sending node records each request here, the
 * Trigger finds it by sender (and by the quoted message, when the person replies to our message).
 *
 * The store sits behind a small interface: `InMemoryPendingTextRequests` serves one n8n process
 * (n8n's default mode, where executions and webhooks run in the same process). In queue mode the
 * sending worker and the webhook processor are different processes and need a shared store
 * (docs/send-and-wait.md).
 */

export interface PendingTextRequest {
	executionId: string;
	requestId: string;
	/** n8n's resume token of the execution (kept in memory only). */
	resumeToken: string;
	/** Who may answer: `recipientIdentity` of the request message (replyToken.ts). */
	recipient: string;
	/** Business phone number ID the request was sent from; answers must reach the same number. */
	phoneNumberId?: string;
	/** The request's wamid: a text quoting it answers this request. */
	messageId?: string;
	/** Unix seconds; undefined = no limit. */
	expiresAt?: number;
	/** Unix seconds. */
	createdAt: number;
}

export interface PendingTextRequestStore {
	add(request: PendingTextRequest): void;
	/**
	 * The request a text answers: with `repliedToMessageId`, only the request of that message;
	 * otherwise the newest open request of that sender on that number. Expired requests are dropped.
	 */
	find(query: { senderIdentities: string[]; phoneNumberId?: string; repliedToMessageId?: string; nowSeconds: number }): PendingTextRequest | undefined;
	remove(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): void;
}

export interface InMemoryPendingTextRequestsOptions {
	/** Oldest requests are forgotten first beyond this many (default 10,000). */
	maxEntries?: number;
	/** Requests without a wait limit are forgotten after this many seconds (default 30 days). */
	maxAgeSeconds?: number;
}

/** The single-process store: a bounded map, oldest first. */
export class InMemoryPendingTextRequests implements PendingTextRequestStore {
	private readonly requests = new Map<string, PendingTextRequest>();
	private readonly maxEntries: number;
	private readonly maxAgeSeconds: number;

	constructor(options: InMemoryPendingTextRequestsOptions = {}) {
		this.maxEntries = options.maxEntries ?? 10_000;
		this.maxAgeSeconds = options.maxAgeSeconds ?? 30 * 24 * 3600;
	}

	private static key(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): string {
		return `${request.executionId}:${request.requestId}`;
	}

	add(request: PendingTextRequest): void {
		this.requests.set(InMemoryPendingTextRequests.key(request), request);
		while (this.requests.size > this.maxEntries) this.requests.delete(this.requests.keys().next().value as string);
	}

	find(query: { senderIdentities: string[]; phoneNumberId?: string; repliedToMessageId?: string; nowSeconds: number }): PendingTextRequest | undefined {
		let newest: PendingTextRequest | undefined;
		for (const [key, request] of this.requests) {
			const limit = request.expiresAt ?? request.createdAt + this.maxAgeSeconds;
			if (query.nowSeconds > limit) {
				this.requests.delete(key);
				continue;
			}
			if (!query.senderIdentities.includes(request.recipient)) continue;
			if (request.phoneNumberId && query.phoneNumberId && request.phoneNumberId !== query.phoneNumberId) continue;
			if (query.repliedToMessageId !== undefined) {
				if (request.messageId === query.repliedToMessageId) return request;
				continue;
			}
			if (!newest || request.createdAt >= newest.createdAt) newest = request;
		}
		return newest;
	}

	remove(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): void {
		this.requests.delete(InMemoryPendingTextRequests.key(request));
	}

	get size(): number {
		return this.requests.size;
	}
}
