/**
 * Webhook settings (config.webhook) and the asynchronous failures per recipient
 * (config.recipientFailures): how the emulator plays Meta's webhook delivery (Meta: Create a webhook endpoint, Status messages webhook reference; docs/webhook-delivery.md).
 */
import { SEED } from './seed';

export type StatusName = 'sent' | 'delivered' | 'read';
export type StatusOrder = 'in-order' | 'reverse' | 'shuffle';

export interface WebhookConfig {
	/** The app's callback URL (Meta: Webhook overrides "app callback"); POST /{app-id}/subscriptions sets it too. null = none. */
	url: string | null;
	/** Signs X-Hub-Signature-256 (Meta: Create a webhook endpoint) and checks /oauth/access_token client secrets. Never shown. */
	appSecret: string;
	/** Milliseconds after acceptance at which each status happens (0 = during the send call). */
	sentAfterMs: number;
	deliveredAfterMs: number;
	/** Meta's Status messages webhook reference page: when read is not later than delivered, only `read` is sent (delivery is implied). */
	readAfterMs: number;
	/** The last status a message reaches: 'delivered' models a user who never opens the chat. */
	finalStatus: StatusName;
	/** docs/webhook-delivery.md: order in which one message's status webhooks are posted; not in-order waits for the final one. */
	statusOrder: StatusOrder;
	/** docs/webhook-delivery.md: a POST not answered with 200 is tried this many times in all… */
	maxAttempts: number;
	/** …waiting retryBackoffMs, then twice as long, and so on. */
	retryBackoffMs: number;
	/** A receiver that has not answered after this long counts as failed. */
	timeoutMs: number;
}

/** Messages to this user are accepted, then reported `failed` with this code (Meta: Error codes asynchronous codes). */
export interface RecipientFailure {
	waId: string;
	code: number;
	/** Plain words for error_data.details; a sensible default per code otherwise. */
	details?: string;
}

/** Meta's Error codes page: failures Meta reports only through a status webhook. */
export const ASYNC_FAILURE_CODES = [130472, 131000, 131026, 131049, 131050] as const;

export function defaultWebhookConfig(): WebhookConfig {
	return {
		url: null,
		appSecret: SEED.appSecret,
		sentAfterMs: 0,
		deliveredAfterMs: 50,
		readAfterMs: 100,
		finalStatus: 'read',
		statusOrder: 'in-order',
		maxAttempts: 3,
		retryBackoffMs: 200,
		timeoutMs: 5000,
	};
}

const ENUMS: Record<string, readonly string[]> = {
	finalStatus: ['sent', 'delivered', 'read'],
	statusOrder: ['in-order', 'reverse', 'shuffle'],
};

/** Value checks beyond "same type as the default" for a webhook patch. */
export function checkWebhookValues(patch: Record<string, unknown>): string[] {
	const problems: string[] = [];
	for (const [key, value] of Object.entries(patch)) {
		const allowed = ENUMS[key];
		if (allowed && !allowed.includes(value as string)) problems.push(`"webhook.${key}" must be one of ${allowed.join(', ')}`);
		if (typeof value === 'number' && (value < 0 || !Number.isFinite(value))) problems.push(`"webhook.${key}" must be a non-negative number`);
	}
	if (typeof patch.maxAttempts === 'number' && patch.maxAttempts < 1) problems.push('"webhook.maxAttempts" must be at least 1');
	if (typeof patch.url === 'string' && !/^https?:\/\/\S+$/.test(patch.url)) problems.push('"webhook.url" must be an http(s) URL or null');
	return problems;
}

export function checkRecipientFailures(value: unknown): string[] {
	const usage = `"recipientFailures" must be an array of {waId, code} with code one of ${ASYNC_FAILURE_CODES.join(', ')}`;
	if (!Array.isArray(value)) return [usage];
	return value.flatMap((rule, index) => {
		const valid =
			typeof rule === 'object' && rule !== null && typeof rule.waId === 'string' && /^\d+$/.test(rule.waId) &&
			(ASYNC_FAILURE_CODES as readonly number[]).includes(rule.code) && (rule.details === undefined || typeof rule.details === 'string');
		return valid ? [] : [`recipientFailures[${index}]: ${usage}`];
	});
}
