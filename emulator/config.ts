/**
 * Emulator configuration: every knob a test, a demo or a user can turn.
 * All durations are milliseconds. `now` is the clock every time-based rule reads (window, rate
 * buckets, media URL expiry); tests inject a fake one. PATCH /__emulator/config changes the rest
 * at run time (see mergeConfigPatch).
 */
import { checkRecipientFailures, checkWebhookValues, defaultWebhookConfig, type RecipientFailure, type WebhookConfig } from './config-webhook';
import { checkPhoneNumberThroughputs, type PhoneNumberThroughput } from './state/throughput';

export const FAULT_KINDS = ['http500', 'http503', 'reset', 'delay', 'echoSecrets', 'acceptedThenReset', 'tokenExpired'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault rule: requests whose path matches `pathPattern` (a RegExp source) are disturbed. */
export interface FaultRule {
	pathPattern: string;
	/** Only this HTTP method (GET, POST …); every method when omitted. */
	method?: string;
	/**
	 * http500: answer 500 with Meta's envelope (code 131000 unless `code` says 1, 131016 …);
	 * http503: answer 503 (code 2, "Service temporarily unavailable", unless `code` says otherwise);
	 * reset: destroy the socket without answering; delay: wait `delayMs`, then answer normally;
	 * echoSecrets: repeat the credentials the request carried and the app secret, as a careless API
	 * does: in an error (HTTP `status`, default 400, code `code`, default 100) or, with a `status`
	 * below 400, in an `echo` field added to the normal answer.
	 * acceptedThenReset: handle the request as usual (a message is accepted, recorded and gets its
	 * statuses), then destroy the socket instead of answering, so the client cannot know it went out.
	 * Only requests that would have been answered 2xx spend a use of this kind.
	 * tokenExpired: answer as Meta does for an access token past its expiry (Graph API: Handling
	 * Errors): HTTP 401, code 190, error_subcode 463, "Error validating access token: Session has expired …".
	 */
	kind: FaultKind;
	/** How many more matching requests to disturb; the rule is removed at 0. Unlimited when omitted. */
	count?: number;
	/** How many matching requests to let through untouched before disturbing any (e.g. 1: the second send fails). */
	skip?: number;
	/** Chance (0..1) that a matching request is disturbed; 1 when omitted. */
	probability?: number;
	delayMs?: number;
	code?: number;
	/** echoSecrets only: the HTTP status of the answer. */
	status?: number;
}

export interface TemplateReviewConfig {
	/** Time from creation to the APPROVED / REJECTED decision. 0 = decided during the create call. */
	delayMs: number;
	/** Meta's Templates overview page: adjacent variables such as {{1}}{{2}} are rejected with INVALID_FORMAT. */
	rejectAdjacentVariables: boolean;
	/** Any of these words (case-insensitive) in a component text rejects the template. */
	forbiddenWords: string[];
	/** Reason given for a rejection (Meta: message_template_status_update webhook reference `reason` values). */
	rejectionReason: string;
}

export interface EmulatorConfig {
	host: string;
	port: number;
	/** Added to every Graph / 360dialog request (not to /__emulator). */
	latency: { fixedMs: number; jitterMs: number };
	/**
	 * Meta's Throughput page: 80 messages per second per phone number by default (numbers without an
	 * entry in `phoneNumbers`); above it → 130429. `phoneNumbers` sets a number's level (STANDARD 80,
	 * HIGH 1,000) or a custom ceiling, e.g. {"106540352242922": {"level": "HIGH"}} (state/throughput.ts).
	 */
	throughput: { messagesPerSecond: number; phoneNumbers: Record<string, PhoneNumberThroughput> };
	/** Meta's Throughput page: one message per 6 s to the same user, bursts of 45; above it → 131056. */
	pairRate: { burst: number; refillIntervalMs: number };
	/** Meta's Customer service windows page: a non-template message is allowed this long after the user's last inbound message. */
	customerServiceWindowMs: number;
	templateReview: TemplateReviewConfig;
	faults: FaultRule[];
	/** Webhook delivery: callback URL, app secret, status timing and order, retries (config-webhook.ts). */
	webhook: WebhookConfig;
	/** Users whose messages are accepted, then reported `failed` with the given code (Meta: Error codes). */
	recipientFailures: RecipientFailure[];
	/** Meta's Media page: media URLs returned by GET /{media-id} stop working after this long. */
	mediaUrlTtlMs: number;
	/** Oldest entries of GET /__emulator/requests are dropped beyond this many. */
	requestLogLimit: number;
	/**
	 * Also serve HTTPS with a certificate made at start, so clients that hard-code
	 * https://graph.facebook.com can be pointed here (http/tls.ts). null = HTTP only. Fixed once listening.
	 */
	tls: TlsOptions | null;
	now: () => number;
}

export interface TlsOptions {
	/** HTTPS port on the same host; 0 (default) picks a free one. */
	port?: number;
	/** Names the certificate is valid for (DNS names or IP addresses); default graph.facebook.com, localhost, 127.0.0.1. */
	hostnames?: string[];
	/** PEM key and certificate to use instead of generating them. */
	key?: string;
	cert?: string;
}

export type EmulatorOptions = Partial<{
	[K in keyof EmulatorConfig]: EmulatorConfig[K] extends (...args: never[]) => unknown
		? EmulatorConfig[K]
		: EmulatorConfig[K] extends unknown[]
			? EmulatorConfig[K]
			: EmulatorConfig[K] extends object
				? Partial<EmulatorConfig[K]>
				: EmulatorConfig[K];
}>;

export function defaultConfig(): EmulatorConfig {
	return {
		host: '127.0.0.1',
		port: 0,
		latency: { fixedMs: 0, jitterMs: 0 },
		throughput: { messagesPerSecond: 80, phoneNumbers: {} },
		pairRate: { burst: 45, refillIntervalMs: 6000 },
		customerServiceWindowMs: 24 * 60 * 60 * 1000,
		templateReview: {
			delayMs: 200,
			rejectAdjacentVariables: true,
			forbiddenWords: ['forbidden'],
			rejectionReason: 'INVALID_FORMAT',
		},
		faults: [],
		webhook: defaultWebhookConfig(),
		recipientFailures: [],
		mediaUrlTtlMs: 5 * 60 * 1000,
		requestLogLimit: 1000,
		tls: null,
		now: () => Date.now(),
	};
}

const NESTED_KEYS = ['latency', 'throughput', 'pairRate', 'templateReview', 'webhook'] as const;
/** host and port are fixed once listening, so only options (not PATCH) set them. */
const SCALAR_KEYS = ['customerServiceWindowMs', 'mediaUrlTtlMs', 'requestLogLimit'] as const;

/** Builds a full configuration from defaults plus options (nested objects are merged key by key). */
export function buildConfig(options: EmulatorOptions = {}): EmulatorConfig {
	const config = defaultConfig();
	applyOptions(config, options);
	if (options.now) config.now = options.now;
	return config;
}

/**
 * Applies a PATCH body (or CLI config file) onto a live configuration. Returns the list of problems;
 * nothing is applied when there is one, so a typo never half-changes the emulator.
 */
export function mergeConfigPatch(config: EmulatorConfig, patch: unknown): string[] {
	if (!isPlainObject(patch)) return ['The body must be a JSON object, e.g. {"latency":{"fixedMs":50}}'];
	const problems: string[] = [];
	for (const key of Object.keys(patch)) {
		if (key === 'now') problems.push('"now" can only be injected programmatically');
		else if (key === 'host' || key === 'port' || key === 'tls') problems.push(`"${key}" is fixed once the emulator listens; restart it with --${key === 'tls' ? 'tls-port' : key}`);
		else if (![...NESTED_KEYS, ...SCALAR_KEYS, 'faults', 'recipientFailures'].includes(key)) {
			problems.push(`Unknown setting "${key}"`);
		}
	}
	for (const key of NESTED_KEYS) {
		const value = patch[key];
		if (value === undefined) continue;
		if (!isPlainObject(value)) {
			problems.push(`"${key}" must be an object`);
			continue;
		}
		for (const [inner, innerValue] of Object.entries(value)) {
			const current = (config[key] as unknown as Record<string, unknown>)[inner];
			if (current === undefined && !(key === 'webhook' && inner === 'url')) problems.push(`Unknown setting "${key}.${inner}"`);
			else if (!sameKind(current, innerValue, key === 'webhook' && inner === 'url')) {
				problems.push(`"${key}.${inner}" must be ${describeKind(current)}`);
			}
		}
	}
	if (patch.faults !== undefined) problems.push(...checkFaults(patch.faults));
	if (patch.recipientFailures !== undefined) problems.push(...checkRecipientFailures(patch.recipientFailures));
	if (isPlainObject(patch.webhook)) problems.push(...checkWebhookValues(patch.webhook));
	if (isPlainObject(patch.throughput) && patch.throughput.phoneNumbers !== undefined) problems.push(...checkPhoneNumberThroughputs(patch.throughput.phoneNumbers));
	if (problems.length === 0) applyOptions(config, patch as EmulatorOptions);
	return problems;
}

function applyOptions(config: EmulatorConfig, options: EmulatorOptions): void {
	for (const key of NESTED_KEYS) {
		if (options[key]) Object.assign(config[key], options[key]);
	}
	for (const key of [...SCALAR_KEYS, 'host', 'port'] as const) {
		if (options[key] !== undefined) (config as unknown as Record<string, unknown>)[key] = options[key];
	}
	if (options.throughput?.phoneNumbers) config.throughput.phoneNumbers = structuredClone(options.throughput.phoneNumbers);
	if (options.tls !== undefined) config.tls = options.tls && { ...options.tls };
	if (options.faults) config.faults = options.faults.map((rule) => ({ ...rule }));
	if (options.recipientFailures) config.recipientFailures = options.recipientFailures.map((rule) => ({ ...rule }));
}

function checkFaults(faults: unknown): string[] {
	if (!Array.isArray(faults)) return ['"faults" must be an array of {pathPattern, kind, count?, delayMs?, code?}'];
	const problems: string[] = [];
	faults.forEach((rule, index) => {
		if (!isPlainObject(rule) || typeof rule.pathPattern !== 'string') {
			problems.push(`faults[${index}].pathPattern must be a regular-expression string such as "/messages$"`);
			return;
		}
		try {
			new RegExp(rule.pathPattern);
		} catch {
			problems.push(`faults[${index}].pathPattern is not a valid regular expression`);
		}
		if (!(FAULT_KINDS as readonly string[]).includes(rule.kind as string)) {
			problems.push(`faults[${index}].kind must be one of ${FAULT_KINDS.join(', ')}`);
		}
		if (rule.probability !== undefined && !(typeof rule.probability === 'number' && rule.probability >= 0 && rule.probability <= 1)) {
			problems.push(`faults[${index}].probability must be a number from 0 to 1`);
		}
		if (rule.skip !== undefined && (typeof rule.skip !== 'number' || rule.skip < 0)) problems.push(`faults[${index}].skip must be a number of requests (0 or more)`);
		if (rule.status !== undefined && (typeof rule.status !== 'number' || rule.status < 200 || rule.status > 599)) {
			problems.push(`faults[${index}].status must be an HTTP status between 200 and 599`);
		}
		if (rule.kind === 'delay' && typeof rule.delayMs !== 'number') problems.push(`faults[${index}].delayMs is required for kind "delay"`);
	});
	return problems;
}

function sameKind(current: unknown, next: unknown, nullable: boolean): boolean {
	if (nullable && (next === null || typeof next === 'string')) return true;
	if (Array.isArray(current)) return Array.isArray(next) && next.every((item) => typeof item === 'string');
	return typeof current === typeof next;
}

function describeKind(value: unknown): string {
	return Array.isArray(value) ? 'an array of strings' : `a ${typeof value}`;
}

/** The configuration as JSON (the clock is code, not data; the app secret and TLS key are never shown). */
export function publicConfig(config: EmulatorConfig): Omit<EmulatorConfig, 'now' | 'webhook' | 'tls'> & { webhook: Omit<WebhookConfig, 'appSecret'>; tls: Omit<TlsOptions, 'key'> | null } {
	const { now: _now, webhook, tls, ...rest } = config;
	const { appSecret: _secret, ...visibleWebhook } = webhook;
	const visibleTls = tls && (({ key: _key, ...others }) => others)(tls);
	return { ...rest, webhook: visibleWebhook, tls: visibleTls };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
