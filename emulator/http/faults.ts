/**
 * Fault injection and latency (config.faults, config.latency): lets tests and demos see how a
 * client copes with Meta's 5xx answers (Meta's Error codes page: 1, 2, 131000, 131016), dropped connections and slow
 * responses, and with an API that echoes secrets. A rule with `count` disturbs that many matching
 * requests, then removes itself.
 */
import type { IncomingMessage } from 'node:http';
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
 * Finds the first rule of one of `kinds` matching the request, spends one of its skips or else one
 * of its uses, and returns it (undefined while skipping). Each matching rule draws its
 * `probability` on its own, in the order of config.faults.
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
	if (rule.skip !== undefined && rule.skip > 0) {
		rule.skip -= 1;
		return undefined;
	}
	if (rule.count !== undefined) {
		rule.count -= 1;
		if (rule.count <= 0) config.faults.splice(index, 1);
	}
	return rule;
}

/** The Meta error a 5xx or tokenExpired fault answers with. */
export function faultError(rule: FaultRule): MetaApiError {
	if (rule.kind === 'tokenExpired') {
		// Graph API, Handling Errors: subcode 463 "Expired"; Meta words the message this way.
		const expiredAt = new Date(Date.now() - 3600_000).toUTCString();
		return new MetaApiError(190, `Session has expired on ${expiredAt}.`, { httpStatus: 401, subcode: 463, title: 'Error validating access token' });
	}
	if (rule.kind === 'http503') {
		const code = rule.code ?? 2;
		return new MetaApiError(code, 'Injected fault: the service is temporarily unavailable. Retry with back-off.', { httpStatus: 503 });
	}
	const code = rule.code ?? 131000;
	return new MetaApiError(code, 'Injected fault: something went wrong on the server. Retry with back-off.', { httpStatus: 500 });
}

/** Whether an echoSecrets rule answers normally with the echo added, instead of failing. */
export function echoesInAnswer(rule: FaultRule | undefined): boolean {
	return rule?.kind === 'echoSecrets' && rule.status !== undefined && rule.status < 400;
}

/**
 * The secrets an echoing API repeats: the access token (Authorization header or access_token
 * parameter), the D360-API-KEY, a client_secret parameter, and (on Meta's API) the app secret the
 * emulator signs webhooks with.
 */
export function echoedSecrets(config: EmulatorConfig, req: IncomingMessage, url: URL): string {
	const value = (name: string) => {
		const raw = req.headers[name];
		return Array.isArray(raw) ? raw[0] : raw;
	};
	const token = /^Bearer\s+(.+)$/i.exec(value('authorization') ?? '')?.[1] ?? url.searchParams.get('access_token') ?? undefined;
	const parts = [
		token ? `access token ${token}` : undefined,
		value('d360-api-key') ? `D360-API-KEY ${value('d360-api-key')}` : undefined,
		url.searchParams.get('client_secret') ? `client_secret ${url.searchParams.get('client_secret')}` : undefined,
		// The Meta app's secret; a 360dialog request has nothing to do with it.
		value('d360-api-key') ? undefined : `app secret ${config.webhook.appSecret}`,
	];
	return `Request credentials: ${parts.filter(Boolean).join('; ')}.`;
}

/** The error an echoSecrets rule answers with: the secrets in both the message (title) and the details. */
export function echoError(rule: FaultRule, echo: string): MetaApiError {
	return new MetaApiError(rule.code ?? 100, echo, { httpStatus: rule.status ?? 400, title: `Invalid parameter (${echo})` });
}

export function latencyMs(config: EmulatorConfig): number {
	return config.latency.fixedMs + Math.random() * config.latency.jitterMs;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
