/**
 * Posts webhook bodies the way Meta does (Meta: Create a webhook endpoint; docs/webhook-delivery.md): the same bytes to every target, signed with
 * X-Hub-Signature-256 for Meta targets, one POST at a time per URL (so "in order" really arrives in
 * order), retried with back-off until a 200 or config.webhook.maxAttempts, and recorded in
 * state.webhookDeliveries with the exact body, signature and every attempt.
 */
import { createHmac } from 'node:crypto';
import type { EmulatorState } from '../state/store';
import type { WebhookDelivery, WebhookKind } from '../state/types';
import { serialize, type WebhookPayload } from './payloads';
import { webhookTargets, type WebhookTarget } from './targets';

/** X-Hub-Signature-256 header value for a raw body (Meta: Create a webhook endpoint). */
export function signatureHeader(appSecret: string, rawBody: string | Buffer): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export interface DeliveryRequest {
	kind: WebhookKind;
	field: string;
	wabaId: string;
	/** For `messages`: the business number, which decides the override (Meta: Webhook overrides) and the 360dialog URL. */
	phoneNumberId?: string;
	payload: WebhookPayload;
}

export class WebhookDispatcher {
	private sequence = 0;
	private readonly queues = new Map<string, Promise<void>>();
	/** Full request headers per delivery, for byte-identical redelivery; kept out of the public record. */
	private readonly sentHeaders = new WeakMap<WebhookDelivery, Record<string, string>>();
	private readonly pendingWaits = new Set<() => void>();
	private readonly cancelListeners: Array<() => void> = [];
	private generation = 0;

	constructor(private readonly state: EmulatorState) {}

	/** Posts the payload to every target; resolves when each delivery has succeeded or given up. */
	deliver(request: DeliveryRequest): Promise<WebhookDelivery[]> {
		const targets = webhookTargets(this.state, request.field, request.wabaId, request.phoneNumberId);
		// Nobody listens (the usual case under load): skip serializing and signing.
		if (targets.length === 0) return Promise.resolve([]);
		const body = serialize(request.payload);
		return Promise.all(targets.map((target) => this.start(request.kind, request.field, body, target.url, this.headersFor(target, body), target.provider)));
	}

	/** docs/webhook-delivery.md duplicates: the same bytes and headers to the same URL, recorded as a new delivery. */
	redeliver(original: WebhookDelivery): Promise<WebhookDelivery> {
		const headers = this.sentHeaders.get(original) ?? { 'Content-Type': 'application/json' };
		return this.start(original.kind, original.field, original.body, original.url, headers, original.provider, original.id);
	}

	/** Stops retries and waiting (reset, close); deliveries already on the wire finish unrecorded. */
	cancel(): void {
		this.generation += 1;
		for (const wake of this.pendingWaits) wake();
		this.pendingWaits.clear();
		this.queues.clear();
		for (const listener of this.cancelListeners) listener();
	}

	onCancel(listener: () => void): void {
		this.cancelListeners.push(listener);
	}

	private headersFor(target: WebhookTarget, body: string): Record<string, string> {
		const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'facebookexternalua' };
		// docs/360dialog.md: 360dialog webhooks carry the configured headers instead of a signature.
		if (target.provider === 'meta') headers['X-Hub-Signature-256'] = signatureHeader(this.state.config.webhook.appSecret, body);
		return { ...headers, ...target.headers };
	}

	private start(kind: WebhookKind, field: string, body: string, url: string, headers: Record<string, string>, provider: WebhookDelivery['provider'], redeliveryOf?: string): Promise<WebhookDelivery> {
		this.sequence += 1;
		const custom = Object.keys(headers).filter((name) => !['Content-Type', 'User-Agent', 'X-Hub-Signature-256'].includes(name));
		const delivery: WebhookDelivery = {
			id: `d${this.sequence}`, kind, field, url, provider, body,
			...(headers['X-Hub-Signature-256'] ? { signature: headers['X-Hub-Signature-256'] } : {}),
			...(custom.length > 0 ? { customHeaders: custom } : {}),
			attempts: [], delivered: false, at: new Date(this.state.now()).toISOString(),
			...(redeliveryOf ? { redeliveryOf } : {}),
		};
		this.sentHeaders.set(delivery, headers);
		this.state.webhookDeliveries.push(delivery);
		const previous = this.queues.get(url) ?? Promise.resolve();
		const generation = this.generation;
		const done = previous.then(() => this.attempt(delivery, headers, generation));
		this.queues.set(url, done);
		return done.then(() => delivery);
	}

	/** Tries until a 200, maxAttempts, or a cancel() since the delivery was queued. */
	private async attempt(delivery: WebhookDelivery, headers: Record<string, string>, generation: number): Promise<void> {
		const { maxAttempts, retryBackoffMs, timeoutMs } = this.state.config.webhook;
		for (let attempt = 1; attempt <= maxAttempts && generation === this.generation; attempt += 1) {
			const started = performance.now();
			const at = new Date(this.state.now()).toISOString();
			const outcome = await post(delivery.url, headers, delivery.body, timeoutMs);
			delivery.attempts.push({ at, ...outcome, durationMs: Math.round(performance.now() - started) });
			delivery.statusCode = outcome.statusCode;
			if (outcome.error) delivery.error = outcome.error;
			else delete delivery.error;
			// Meta's Create a webhook endpoint page: only 200 acknowledges; anything else is retried.
			if (outcome.statusCode === 200) {
				delivery.delivered = true;
				return;
			}
			if (attempt < maxAttempts) await this.wait(retryBackoffMs * 2 ** (attempt - 1));
		}
	}

	/** A back-off pause that cancel() cuts short. */
	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				this.pendingWaits.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, ms);
			this.pendingWaits.add(wake);
		});
	}
}

async function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ statusCode?: number; error?: string }> {
	try {
		const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
		await response.arrayBuffer();
		return { statusCode: response.status };
	} catch (error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		const reason = cause?.code ?? cause?.message;
		return { error: reason ? `${url} could not be reached: ${reason}` : (error as Error).message };
	}
}
