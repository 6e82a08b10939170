/**
 * When a CRM answer is worth sending again, and after how long. 429 means the CRM refused the request,
 * so it is always safe to repeat; a 5xx may have been carried out, so only idempotent requests are
 * repeated. Retry-After (seconds or an HTTP date: the Retry-After field of RFC 9110, HTTP Semantics,
 * https://www.rfc-editor.org/rfc/rfc9110#name-retry-after) wins over our own back-off;
 * HubSpot's 429 body names its window (`policyName`), whose length we wait when no header says more.
 */

export interface CrmRetryPolicy {
	/** Attempts after the first. */
	maxRetries: number;
	/** The longest single wait, in seconds; a longer advised wait gives up instead of blocking the workflow. */
	maxWaitSeconds: number;
}

export const DEFAULT_CRM_RETRY_POLICY: CrmRetryPolicy = { maxRetries: 3, maxWaitSeconds: 30 };

const TRANSIENT_5XX = new Set([500, 502, 503, 504]);

/** Seconds from a Retry-After header value (delta-seconds or HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, (date - nowMs) / 1000);
}

/** HubSpot's documented windows: the ten-second burst limit and the per-second search limit. */
function hubspotPolicyWait(body: unknown): number | undefined {
	const policy = (body as { policyName?: unknown } | undefined)?.policyName;
	if (policy === 'TEN_SECONDLY_ROLLING') return 10;
	if (policy === 'SECONDLY') return 1;
	return undefined;
}

/**
 * Seconds to wait before attempt `attempt + 1` (attempt 0 = the first request failed), or undefined
 * when the answer must not be retried.
 */
export function retryDelaySeconds(
	response: { status: number; headers: Record<string, string | undefined>; body?: unknown },
	attempt: number,
	idempotent: boolean,
	policy: CrmRetryPolicy = DEFAULT_CRM_RETRY_POLICY,
): number | undefined {
	if (attempt >= policy.maxRetries) return undefined;
	const retryable = response.status === 429 || (TRANSIENT_5XX.has(response.status) && (idempotent || response.status === 503));
	if (!retryable) return undefined;
	const advised = parseRetryAfter(response.headers['retry-after']) ?? hubspotPolicyWait(response.body);
	const wait = advised ?? 2 ** attempt;
	return wait <= policy.maxWaitSeconds ? wait : undefined;
}
