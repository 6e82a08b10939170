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
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, maxWaitSeconds: 30 };

export type Failure =
	| { kind: 'meta'; info: MetaErrorInfo }
	| { kind: 'network'; code: string; requestMayHaveArrived: boolean; timedOut?: boolean };

/** Seconds to wait before attempt `attempt + 1`, or undefined when it must not be retried. */
export function retryDelaySeconds(failure: Failure, attempt: number, idempotent: boolean, policy: RetryPolicy): number | undefined {
	if (attempt >= policy.maxRetries) return undefined;
	let wait: number;
	if (failure.kind === 'meta') {
		if (!failure.info.retryable) return undefined;
		const base = failure.info.retryAfterSeconds ?? 1;
		// Pair rate limit: Meta suggests 4^X seconds (Meta: Throughput).
		wait = failure.info.code === 131056 ? Math.max(base, 4 ** attempt) : base * 2 ** attempt;
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
