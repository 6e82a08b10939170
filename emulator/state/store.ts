/**
 * Everything the emulator remembers: the seeded account, what was sent, uploaded, created and
 * received. Handlers read and change it; POST /__emulator/reset puts it back to the seed.
 */
import type { EmulatorConfig } from '../config';
import { seedBusinessProfiles, seedDialog360Keys, seedPhoneNumbers, SEED } from '../seed';
import type { BusinessProfile, PhoneNumberRecord } from '../seed';
import { seedTemplates } from '../seed-templates';
import { EmulatorEvents } from './events';
import type { FeatureState } from './features';
import { seedFeatureState } from './seed-features';
import { TokenBuckets } from './rate-limits';
import { ThroughputAccount } from './throughput';
import type { InboundMessage, MediaRecord, RequestLogEntry, SentMessage, StatusEvent, TemplateRecord, WebhookDelivery } from './types';
import { CustomerServiceWindows } from './window';

export interface AppSubscription {
	/** Subscribed WABA fields; null = every field (a callback set through the configuration). */
	fields: string[] | null;
	verifyToken?: string;
	includeValues: boolean;
}

export interface Dialog360Webhook {
	url: string;
	/** Sent with every webhook instead of a signature (docs/360dialog.md). */
	headers: Record<string, string>;
}

export interface WabaRecord {
	id: string;
	name: string;
	currency: string;
	timezone_id: string;
	message_template_namespace: string;
}

export class EmulatorState {
	readonly events = new EmulatorEvents();
	readonly windows = new CustomerServiceWindows();
	readonly rateBuckets = new TokenBuckets();
	/** Accepted and 130429-refused sends per phone number and second (GET /__emulator/throughput). */
	readonly throughputAccount = new ThroughputAccount();

	wabas = new Map<string, WabaRecord>();
	phoneNumbers = new Map<string, PhoneNumberRecord>();
	businessProfiles = new Map<string, BusinessProfile>();
	/** 360dialog API key → phone-number ID (docs/360dialog.md). */
	dialog360Keys = new Map<string, string>();
	accessTokens = new Set<string>();
	/** WABAs whose app subscription is on (Meta: Webhook overrides); webhooks go nowhere for the others. */
	subscribedWabas = new Set<string>();
	/** Alternate callback URLs by WABA or phone-number ID (Meta: Webhook overrides). */
	callbackOverrides = new Map<string, string>();
	/** The app's webhook subscription (POST /{app-id}/subscriptions); its callback URL is config.webhook.url. */
	appSubscription: AppSubscription = { fields: null, includeValues: true };
	/** App access tokens handed out by /oauth/access_token. */
	appAccessTokens = new Set<string>();
	/** 360dialog webhook per phone number (POST /v1/configs/webhook, docs/360dialog.md). */
	dialog360Webhooks = new Map<string, Dialog360Webhook>();
	templates = new Map<string, TemplateRecord>();
	media = new Map<string, MediaRecord>();
	/** Accepted outbound messages by wamid, each with its latest status. */
	messages = new Map<string, SentMessage>();
	/** Every status change in order (sent, failed 131047 …). */
	outcomes: StatusEvent[] = [];
	inbound: InboundMessage[] = [];
	requests: RequestLogEntry[] = [];
	/** Webhook POSTs made (url, field, HTTP status or error). */
	webhookDeliveries: WebhookDelivery[] = [];
	/** Insights and Marketing Messages settings, Flows, catalog, block lists, clicks, BSUIDs (features.ts). */
	features: FeatureState = seedFeatureState();
	/** Time travel for demos and tests (POST /__emulator/clock): added to the configured clock. */
	clockOffsetMs = 0;
	private requestSeq = 0;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(readonly config: EmulatorConfig) {
		this.reset();
	}

	now(): number {
		return this.config.now() + this.clockOffsetMs;
	}

	/** Back to the seed: forgets messages, media, windows, buckets, logs and created templates. */
	reset(): void {
		this.cancelTimers();
		this.clockOffsetMs = 0;
		const now = this.now();
		this.wabas = new Map([
			[SEED.wabaId, { id: SEED.wabaId, name: SEED.wabaName, currency: 'USD', timezone_id: '1', message_template_namespace: SEED.templateNamespace }],
		]);
		this.phoneNumbers = new Map(seedPhoneNumbers().map((phone) => [phone.id, phone]));
		this.businessProfiles = seedBusinessProfiles();
		this.dialog360Keys = seedDialog360Keys();
		this.accessTokens = new Set([SEED.accessToken]);
		this.subscribedWabas = new Set([SEED.wabaId]);
		this.callbackOverrides = new Map();
		this.appSubscription = { fields: null, includeValues: true };
		this.appAccessTokens = new Set();
		this.dialog360Webhooks = new Map();
		this.templates = new Map(seedTemplates(now).map((template) => [template.id, template]));
		this.media.clear();
		this.messages.clear();
		this.outcomes = [];
		this.inbound = [];
		this.requests = [];
		this.webhookDeliveries = [];
		this.windows.clear();
		this.rateBuckets.clear();
		this.throughputAccount.clear();
		this.features = seedFeatureState();
	}

	logRequest(entry: Omit<RequestLogEntry, 'seq' | 'timestamp'>): void {
		this.requestSeq += 1;
		this.requests.push({ seq: this.requestSeq, timestamp: new Date(this.now()).toISOString(), ...entry });
		const overflow = this.requests.length - this.config.requestLogLimit;
		if (overflow > 0) this.requests.splice(0, overflow);
	}

	/** A timer that reset() and close() cancel (template reviews). Uses real time, not the clock. */
	schedule(delayMs: number, task: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			task();
		}, delayMs);
		this.timers.add(timer);
	}

	cancelTimers(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	templatesOf(wabaId: string): TemplateRecord[] {
		return [...this.templates.values()].filter((template) => template.wabaId === wabaId);
	}
}
