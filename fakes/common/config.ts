/**
 * Settings every fake shares, and a small validator so `PATCH /__fake/config`, the CLI's
 * `--config` file and `startCrmFake(kind, { config })` accept the same keys with the same checks.
 */
import type { RateLimitConfig } from './faults';

export interface CommonFakeConfig {
	/** Milliseconds before a write becomes visible to search (default 3000). Reads by id and upserts are never delayed. */
	searchLagMs: number;
	/** Milliseconds added before every API answer (default 0). */
	latencyMs: number;
	/** A fixed-window rate limit over all API requests, or `null` (default: none). */
	rateLimit: RateLimitConfig | null;
	/** Entries kept in the request log (default 1000; oldest dropped first). */
	requestLogLimit: number;
}

export function defaultCommonConfig(): CommonFakeConfig {
	return { searchLagMs: 3000, latencyMs: 0, rateLimit: null, requestLogLimit: 1000 };
}

/** A check returns a problem sentence, or `undefined` when the value is fine. */
export type ConfigCheck = (value: unknown) => string | undefined;

export const check = {
	nonNegative: ((value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'must be a number ≥ 0')) as ConfigCheck,
	positiveInteger: ((value) => (Number.isInteger(value) && (value as number) > 0 ? undefined : 'must be a positive integer')) as ConfigCheck,
	boolean: ((value) => (typeof value === 'boolean' ? undefined : 'must be true or false')) as ConfigCheck,
	nullableString: ((value) => (value === null || typeof value === 'string' ? undefined : 'must be a string or null')) as ConfigCheck,
	oneOf: (...allowed: unknown[]): ConfigCheck => (value) => (allowed.includes(value) ? undefined : `must be one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`),
	stringArrayRecord: ((value) =>
		typeof value === 'object' && value !== null && Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'))
			? undefined
			: 'must be an object of string arrays') as ConfigCheck,
	rateLimit: ((value) => {
		if (value === null) return undefined;
		const limit = value as RateLimitConfig;
		return typeof limit === 'object' && Number.isInteger(limit.requests) && limit.requests > 0 && limit.windowSeconds > 0
			? undefined
			: 'must be null or { requests: positive integer, windowSeconds: > 0 }';
	}) as ConfigCheck,
};

export const COMMON_CONFIG_CHECKS: Record<keyof CommonFakeConfig, ConfigCheck> = {
	searchLagMs: check.nonNegative,
	latencyMs: check.nonNegative,
	rateLimit: check.rateLimit,
	requestLogLimit: check.positiveInteger,
};

/**
 * Applies `patch` to `target` in place when every key is known and valid; otherwise changes
 * nothing and returns the problems (one sentence per key).
 */
export function applyConfigPatch<C extends object>(target: C, patch: unknown, checks: Record<string, ConfigCheck>): string[] {
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return ['the configuration must be a JSON object'];
	const problems: string[] = [];
	for (const [key, value] of Object.entries(patch)) {
		const checkValue = checks[key];
		if (!checkValue) problems.push(`unknown setting "${key}" (known: ${Object.keys(checks).join(', ')})`);
		else {
			const problem = checkValue(value);
			if (problem) problems.push(`${key} ${problem}`);
		}
	}
	if (problems.length === 0) Object.assign(target, patch);
	return problems;
}
