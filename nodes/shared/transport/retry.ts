import type { MetaErrorInfo } from '../whatsapp/errors';

/**
 * When a failed request may be sent again. A send (POST) is repeated only when Meta answered
 * that it refused it (a rate limit or a temporary fault), never after a dropped connection,
 * because then nobody knows whether the message went out (Meta: Error codes, Throughput).
 */
export interface RetryPolicy {
	maxRetries: number;
	/** The longest single wait; longer advised waits give up instead of blocking the workflow. */
	maxWaitSeconds: number;
	/**
	 * Retries after 130429 (the number's throughput ceiling): the request was refused, so repeating
	 * it is safe, and the pacer slows the number down meanwhile. Default: maxRetries.
	 */
	throughputRetries?: number;
	/** Retries after 131056 (pair rate limit), waiting 4^x seconds (1, 4, 16…). Default: maxRetries. */
	pairRateRetries?: number;
	/** Waits of `maintenanceWaitSeconds` after 131057 (maintenance mode, about a minute). Default: none. */
	maintenanceRetries?: number;
	maintenanceWaitSeconds?: number;
	/**
	 * The first wait after any other refusal Meta says can succeed soon (131000, 5xx) is at most
	 * this, doubling after; without it, the code's advised wait (errors.ts). Advised waits longer
	 * than maxWaitSeconds still give up. Waits of one item hold up no other, but the last item's
	 * waits make the whole run longer.
	 */
	maxFirstWaitSeconds?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, maxWaitSeconds: 30 };

/**
 * Sends of messages: more patience with the refusals that only say "later" (Meta: Throughput),
 * since a waiting item holds up no other item: 130429 up to 5 times, 131056 after 1, 4 and 16 s,
 * 131057 every 10 s for up to 2 minutes (a throughput upgrade takes about a minute); other
 * temporary refusals (131000, 5xx) after 0.5 s, then 1 s, so a batch is not held up by its last items.
 */
export const SEND_RETRY_POLICY: RetryPolicy = {
	maxRetries: 2,
	maxWaitSeconds: 30,
	throughputRetries: 5,
	pairRateRetries: 3,
	maintenanceRetries: 12,
	maintenanceWaitSeconds: 10,
	maxFirstWaitSeconds: 0.5,
};

export type Failure =
	| { kind: 'meta'; info: MetaErrorInfo }
	| { kind: 'network'; code: string; requestMayHaveArrived: boolean; timedOut?: boolean };

/** The most retries the policy allows after this failure. */
export function retriesAllowed(failure: Failure, policy: RetryPolicy): number {
	if (failure.kind !== 'meta') return policy.maxRetries;
	switch (failure.info.code) {
		case 130429:
			return policy.throughputRetries ?? policy.maxRetries;
		case 131056:
			return policy.pairRateRetries ?? policy.maxRetries;
		case 131057:
			return policy.maintenanceRetries ?? policy.maxRetries;
		default:
			return policy.maxRetries;
	}
}

/** Seconds to wait before attempt `attempt + 1`, or undefined when it must not be retried. */
export function retryDelaySeconds(failure: Failure, attempt: number, idempotent: boolean, policy: RetryPolicy): number | undefined {
	if (attempt >= retriesAllowed(failure, policy)) return undefined;
	let wait: number;
	if (failure.kind === 'meta') {
		if (!failure.info.retryable) return undefined;
		const base = failure.info.retryAfterSeconds ?? 1;
		if (failure.info.code === 131056) {
			// Pair rate limit: Meta suggests 4^X seconds (Meta: Throughput), for this recipient only.
			wait = policy.pairRateRetries !== undefined ? 4 ** attempt : Math.max(base, 4 ** attempt);
		} else if (failure.info.code === 131057 && policy.maintenanceWaitSeconds !== undefined) {
			wait = policy.maintenanceWaitSeconds;
		} else {
			// A code whose advised wait is longer than a run waits (132069: an hour) is still not retried.
			const first = base <= policy.maxWaitSeconds ? Math.min(base, policy.maxFirstWaitSeconds ?? base) : base;
			wait = first * 2 ** attempt;
		}
	} else {
		if (!idempotent && failure.requestMayHaveArrived) return undefined;
		wait = 2 ** attempt;
	}
	return wait <= policy.maxWaitSeconds ? wait : undefined;
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A request that got no answer; a timeout may have reached WhatsApp like a broken connection. */
export function networkFailure(code: string | undefined, timedOut = false): Failure {
	const known = code ?? 'UNKNOWN';
	return { kind: 'network', code: known, requestMayHaveArrived: timedOut || !NEVER_CONNECTED.has(known), timedOut };
}
