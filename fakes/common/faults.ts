/**
 * Injected faults and a fixed-window rate limit. Each vendor turns a fault into its own response
 * shape (Zoho JSON `TOO_MANY_REQUESTS`, Zendesk text/plain 429, HubSpot `policyName`), always with
 * `Retry-After` in seconds.
 */

/** One queued fault. Exactly one of `status`, `drop` or `echo`. */
export interface FaultSpec {
	/** Answer with this HTTP status instead of handling the request. */
	status?: 429 | 500 | 502 | 503 | 504;
	/** Seconds for the `Retry-After` header (default 1 for 429 and 503, none for other 5xx). */
	retryAfterSeconds?: number;
	/**
	 * `before`: close the connection without handling the request (a network failure);
	 * `after`: handle the request (the write happens) and close the connection without answering —
	 * the case where a client cannot know that its create succeeded.
	 */
	drop?: 'before' | 'after';
	/**
	 * An API that repeats the credentials the request carried (the Authorization header as sent,
	 * and a Basic one decoded), as a careless API or proxy does. `error`: a 400 in the vendor's
	 * error shape whose message holds them; `answer`: the request is handled and every object of
	 * the JSON answer gets an `echo` field holding them. The log keeps no echoed answer.
	 */
	echo?: 'error' | 'answer';
	/** How many matching requests this fault hits (default 1). */
	count?: number;
	/** Only requests with this method (GET, POST…). */
	method?: string;
	/** Only requests whose path starts with this prefix (e.g. `/crm/v8/Leads/upsert`). */
	path?: string;
}

export function validateFault(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return 'a fault is an object';
	const fault = value as FaultSpec;
	if ([fault.status, fault.drop, fault.echo].filter((value) => value !== undefined).length !== 1) return 'a fault has exactly one of status, drop or echo';
	if (fault.status !== undefined && ![429, 500, 502, 503, 504].includes(fault.status)) return 'status must be 429, 500, 502, 503 or 504';
	if (fault.drop !== undefined && fault.drop !== 'before' && fault.drop !== 'after') return "drop must be 'before' or 'after'";
	if (fault.echo !== undefined && fault.echo !== 'error' && fault.echo !== 'answer') return "echo must be 'error' or 'answer'";
	if (fault.count !== undefined && (!Number.isInteger(fault.count) || fault.count < 1)) return 'count must be a positive integer';
	if (fault.retryAfterSeconds !== undefined && !(fault.retryAfterSeconds >= 0)) return 'retryAfterSeconds must be ≥ 0';
	return undefined;
}

export class FaultQueue {
	private faults: Array<FaultSpec & { remaining: number }> = [];

	/** Queues faults; throws an Error naming the problem when one is invalid. */
	add(faults: FaultSpec | FaultSpec[]): void {
		for (const fault of Array.isArray(faults) ? faults : [faults]) {
			const problem = validateFault(fault);
			if (problem) throw new Error(problem);
			this.faults.push({ ...fault, remaining: fault.count ?? 1 });
		}
	}

	/** The first queued fault matching this request (and uses it up once). */
	take(method: string, path: string): FaultSpec | undefined {
		const index = this.faults.findIndex((fault) => (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || path.startsWith(fault.path)));
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}

	list(): Array<FaultSpec & { remaining: number }> {
		return this.faults.map((fault) => ({ ...fault }));
	}

	clear(): void {
		this.faults = [];
	}
}

/** What an echo fault repeats: the Authorization header as sent and, for Basic, its decoded user:password. */
export function echoedCredentials(authorization: string | undefined): string {
	if (!authorization) return 'Request credentials: none.';
	const basic = /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
	const decoded = basic ? `; decoded ${Buffer.from(basic, 'base64').toString('utf8')}` : '';
	return `Request credentials: Authorization ${authorization}${decoded}.`;
}

/** A copy of a JSON answer in which every object has an `echo` field with `text`. */
export function withEcho(value: unknown, text: string): unknown {
	if (Array.isArray(value)) return value.map((entry) => withEcho(entry, text));
	if (value === null || typeof value !== 'object') return value;
	return { ...Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withEcho(entry, text)])), echo: text };
}

/** `Retry-After` seconds for a status fault: given, else 1 s for 429/503, else none. */
export function retryAfterOf(fault: FaultSpec): number | undefined {
	if (fault.retryAfterSeconds !== undefined) return fault.retryAfterSeconds;
	return fault.status === 429 || fault.status === 503 ? 1 : undefined;
}

/** A fixed window: at most `requests` per `windowSeconds`, counted over all API requests. */
export interface RateLimitConfig {
	requests: number;
	windowSeconds: number;
}

export class RateLimiter {
	private windowStart = 0;
	private used = 0;

	/** `undefined` when allowed, else the seconds until the window resets (≥ 1). */
	take(limit: RateLimitConfig | null, now: number): number | undefined {
		if (!limit) return undefined;
		const windowMs = limit.windowSeconds * 1000;
		if (now - this.windowStart >= windowMs) {
			this.windowStart = now;
			this.used = 0;
		}
		if (this.used < limit.requests) {
			this.used += 1;
			return undefined;
		}
		return Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000));
	}

	/** Requests left in the current window (for `X-Rate-Limit-Remaining`-style headers). */
	remaining(limit: RateLimitConfig | null): number | undefined {
		return limit ? Math.max(0, limit.requests - this.used) : undefined;
	}

	reset(): void {
		this.windowStart = 0;
		this.used = 0;
	}
}
