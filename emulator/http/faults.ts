/**
 * Fault injection and latency (config.faults, config.latency): lets tests and demos see how a
 * client copes with Meta's 5xx answers (Meta's Error codes page: 1, 2, 131000, 131016), dropped connections and slow
 * responses. A rule with `count` disturbs that many matching requests, then removes itself.
 */
import type { EmulatorConfig, FaultKind, FaultRule } from '../config';
import { MetaApiError } from './errors';

/** Compiled path patterns: a busy emulator would otherwise compile each rule's RegExp per request. */
const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
	let compiled = patterns.get(source);
	if (!compiled) {
		compiled = new RegExp(source);
		patterns.set(source, compiled);
	}
	return compiled;
}

/**
 * Finds the first rule of one of `kinds` matching the request, spends one of its uses, and returns
 * it. Each matching rule draws its `probability` on its own, in the order of config.faults.
 */
export function takeFault(config: EmulatorConfig, method: string, pathname: string, kinds: readonly FaultKind[]): FaultRule | undefined {
	if (config.faults.length === 0) return undefined;
	const index = config.faults.findIndex(
		(rule) =>
			kinds.includes(rule.kind) &&
			(!rule.method || rule.method.toUpperCase() === method) &&
			pattern(rule.pathPattern).test(pathname) &&
			(rule.probability === undefined || Math.random() < rule.probability),
	);
	if (index < 0) return undefined;
	const rule = config.faults[index];
	if (rule.count !== undefined) {
		rule.count -= 1;
		if (rule.count <= 0) config.faults.splice(index, 1);
	}
	return rule;
}

/** The Meta error a 5xx fault answers with. */
export function faultError(rule: FaultRule): MetaApiError {
	if (rule.kind === 'http503') {
		const code = rule.code ?? 2;
		return new MetaApiError(code, 'Injected fault: the service is temporarily unavailable. Retry with back-off.', { httpStatus: 503 });
	}
	const code = rule.code ?? 131000;
	return new MetaApiError(code, 'Injected fault: something went wrong on the server. Retry with back-off.', { httpStatus: 500 });
}

export function latencyMs(config: EmulatorConfig): number {
	return config.latency.fixedMs + Math.random() * config.latency.jitterMs;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
