/**
 * Free Text requests waiting for their answer. A text message carries no token, so the Trigger must
 * know which of its sender's requests is open: the sending node records each request here, the
 * Trigger finds it by sender (and by the quoted message, when the person replies to our message).
 *
 * The store sits behind a small interface: `InMemoryPendingTextRequests` serves one n8n process
 * (n8n's default mode, where executions and webhooks run in the same process). In queue mode the
 * sending worker and the webhook processor are different processes and share a store in Redis
 * (nodes/shared/sharedState/pendingTextRequests.ts; docs/send-and-wait.md).
 */

export interface PendingTextRequest {
	executionId: string;
	requestId: string;
	/** n8n's resume token of the execution (in this process's memory, or in the shared Redis). */
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

/** What a text answer is matched on: who wrote (each identity of the sender), to which number, quoting which message; Unix seconds. */
export interface PendingTextQuery {
	senderIdentities: string[];
	phoneNumberId?: string;
	repliedToMessageId?: string;
	nowSeconds: number;
}

/**
 * Where open Free Text requests are kept. Asynchronous, as a shared store answers over the network;
 * a store that cannot be reached rejects (its own error, naming the fix).
 */
export interface PendingTextRequestStore {
	add(request: PendingTextRequest): Promise<void>;
	/**
	 * The request a text answers: with `repliedToMessageId`, only the request of that message;
	 * otherwise the newest open request of that sender on that number. Expired requests are dropped.
	 * A request without a phone number ID matches any number, and a query without one any request.
	 */
	find(query: PendingTextQuery): Promise<PendingTextRequest | undefined>;
	remove(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): Promise<void>;
}

/** Whether `request` is one a text matching `query` answers, expiry aside (both stores apply this rule). */
export function answersRequest(request: PendingTextRequest, query: PendingTextQuery): boolean {
	if (!query.senderIdentities.includes(request.recipient)) return false;
	if (request.phoneNumberId && query.phoneNumberId && request.phoneNumberId !== query.phoneNumberId) return false;
	return query.repliedToMessageId === undefined || request.messageId === query.repliedToMessageId;
}

/** Requests without a wait limit are forgotten after this many seconds by default (30 days). */
export const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Unix seconds after which the request is gone: its wait limit, else its creation plus `maxAgeSeconds`. */
export function requestLimit(request: PendingTextRequest, maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS): number {
	return request.expiresAt ?? request.createdAt + maxAgeSeconds;
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
		this.maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
	}

	private static key(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): string {
		return `${request.executionId}:${request.requestId}`;
	}

	async add(request: PendingTextRequest): Promise<void> {
		this.requests.set(InMemoryPendingTextRequests.key(request), request);
		while (this.requests.size > this.maxEntries) this.requests.delete(this.requests.keys().next().value as string);
	}

	async find(query: PendingTextQuery): Promise<PendingTextRequest | undefined> {
		let newest: PendingTextRequest | undefined;
		for (const [key, request] of this.requests) {
			if (query.nowSeconds > requestLimit(request, this.maxAgeSeconds)) {
				this.requests.delete(key);
				continue;
			}
			if (!answersRequest(request, query)) continue;
			if (query.repliedToMessageId !== undefined) return request;
			if (!newest || request.createdAt >= newest.createdAt) newest = request;
		}
		return newest;
	}

	async remove(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): Promise<void> {
		this.requests.delete(InMemoryPendingTextRequests.key(request));
	}

	get size(): number {
		return this.requests.size;
	}
}
