/**
 * Send and Wait's open Free Text requests in Redis, so the worker that sends the question and the
 * webhook processor that receives the answer (queue mode) see the same requests
 * (docs/send-and-wait.md). Per request: its JSON under its own key, expiring at its wait limit (or
 * after 30 days); a sorted set per recipient (score: when it was added, ms) to find the newest; the
 * request's wamid pointing at it, for answers quoting the question.
 */
import {
	answersRequest,
	DEFAULT_MAX_AGE_SECONDS,
	requestLimit,
	type PendingTextQuery,
	type PendingTextRequest,
	type PendingTextRequestStore,
} from '../whatsapp/sendAndWait';
import { stateKey } from './keys';
import type { SharedState } from './redis';

/** Newest requests of one recipient read per look-up; older ones are only reached by quoting them. */
const NEWEST_READ = 20;

const requestKey = (request: Pick<PendingTextRequest, 'executionId' | 'requestId'>) => stateKey('text-request', request.executionId, request.requestId);
const recipientKey = (recipient: string) => stateKey('text-requests-of', recipient);
const messageKey = (messageId: string) => stateKey('text-request-message', messageId);
const member = (request: Pick<PendingTextRequest, 'executionId' | 'requestId'>) => `${request.executionId}:${request.requestId}`;

function parse(value: string | null): PendingTextRequest | undefined {
	if (value === null) return undefined;
	try {
		return JSON.parse(value) as PendingTextRequest;
	} catch {
		return undefined;
	}
}

export class RedisPendingTextRequests implements PendingTextRequestStore {
	constructor(private readonly state: SharedState) {}

	async add(request: PendingTextRequest): Promise<void> {
		const expireAt = requestLimit(request);
		await this.state.run(async (redis) => {
			const writes = redis.multi().set(requestKey(request), JSON.stringify(request), 'EXAT', expireAt);
			writes.zadd(recipientKey(request.recipient), Date.now(), member(request)).expire(recipientKey(request.recipient), DEFAULT_MAX_AGE_SECONDS);
			if (request.messageId) writes.set(messageKey(request.messageId), member(request), 'EXAT', expireAt);
			await writes.exec();
		});
	}

	async find(query: PendingTextQuery): Promise<PendingTextRequest | undefined> {
		return await this.state.run(async (redis) => {
			const isOpen = (request: PendingTextRequest | undefined): request is PendingTextRequest =>
				request !== undefined && query.nowSeconds <= requestLimit(request) && answersRequest(request, query);
			if (query.repliedToMessageId !== undefined) {
				const quoted = await redis.get(messageKey(query.repliedToMessageId));
				if (quoted === null) return undefined;
				const [executionId, requestId] = [quoted.slice(0, quoted.lastIndexOf(':')), quoted.slice(quoted.lastIndexOf(':') + 1)];
				const request = parse(await redis.get(requestKey({ executionId, requestId })));
				return isOpen(request) ? request : undefined;
			}
			let newest: { request: PendingTextRequest; addedAt: number } | undefined;
			for (const identity of new Set(query.senderIdentities)) {
				const entries = await redis.zrevrange(recipientKey(identity), 0, NEWEST_READ - 1, 'WITHSCORES');
				const members = entries.filter((_, index) => index % 2 === 0);
				if (members.length === 0) continue;
				const values = await redis.mget(members.map((entry) => stateKey('text-request', entry)));
				const gone = members.filter((_, index) => values[index] === null);
				if (gone.length > 0) await redis.zrem(recipientKey(identity), ...gone);
				values.forEach((value, index) => {
					const request = parse(value);
					const addedAt = Number(entries[index * 2 + 1]);
					if (!isOpen(request)) return;
					if (!newest || request.createdAt > newest.request.createdAt || (request.createdAt === newest.request.createdAt && addedAt > newest.addedAt)) {
						newest = { request, addedAt };
					}
				});
			}
			return newest?.request;
		});
	}

	async remove(request: Pick<PendingTextRequest, 'executionId' | 'requestId'>): Promise<void> {
		await this.state.run(async (redis) => {
			const stored = parse(await redis.get(requestKey(request)));
			const removal = redis.multi().del(requestKey(request));
			if (stored) removal.zrem(recipientKey(stored.recipient), member(request));
			if (stored?.messageId) removal.del(messageKey(stored.messageId));
			await removal.exec();
		});
	}
}
