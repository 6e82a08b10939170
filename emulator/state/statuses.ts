/**
 * What happens to a message after the API accepted it (Meta: Status messages webhook reference, Error codes "asynchronous", (Meta: Customer service windows)): it goes
 * sent → delivered → read on the configured timers, or `failed` with an error that only a status
 * webhook reports (131047 outside the customer-service window, 131009 for a reaction to an unknown
 * message, config.recipientFailures for users who cannot be reached).
 */
import type { WebhookConfig } from '../config-webhook';
import { ERROR_CODES_HREF, errorCodeInfo } from '../error-codes';
import type { EmulatorState } from './store';
import type { OutboundStatus, Pricing, SentMessage, StatusEvent, WebhookError } from './types';

type Status = Exclude<OutboundStatus, 'accepted'>;
interface PlannedStatus {
	status: Status;
	afterMs: number;
}

const RANK: Record<OutboundStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export function webhookError(code: number, details: string): WebhookError {
	const { title } = errorCodeInfo(code);
	return { code, title, message: title, error_data: { details }, href: ERROR_CODES_HREF };
}

/** Stores an accepted message and plans its statuses; a status due at 0 ms is recorded before this returns. */
export function recordAcceptedMessage(state: EmulatorState, message: SentMessage): void {
	state.messages.set(message.id, message);
	const failure = asynchronousFailure(state, message);
	const plan: PlannedStatus[] = failure ? [{ status: 'failed', afterMs: state.config.webhook.sentAfterMs }] : statusPlan(message, state.config.webhook);
	message.plannedStatuses = plan.map((step) => step.status);
	for (const step of plan) {
		// A reset in between forgets the message; its timers must not bring it back.
		const happen = () => state.messages.get(message.id) === message && recordStatus(state, message, step.status, failure ? [failure] : undefined);
		if (step.afterMs <= 0) happen();
		else state.schedule(step.afterMs, happen);
	}
}

/** Meta's Status messages webhook reference page: up to three statuses; reactions only get `sent`; `read` no later than `delivered` replaces it. */
export function statusPlan(message: Pick<SentMessage, 'type'>, webhook: WebhookConfig): PlannedStatus[] {
	const plan: PlannedStatus[] = [{ status: 'sent', afterMs: webhook.sentAfterMs }];
	if (message.type === 'reaction' || webhook.finalStatus === 'sent') return plan;
	const deliveredAfterMs = Math.max(webhook.deliveredAfterMs, webhook.sentAfterMs);
	if (webhook.finalStatus === 'read' && webhook.readAfterMs <= webhook.deliveredAfterMs) return [...plan, { status: 'read', afterMs: deliveredAfterMs }];
	plan.push({ status: 'delivered', afterMs: deliveredAfterMs });
	if (webhook.finalStatus === 'read') plan.push({ status: 'read', afterMs: webhook.readAfterMs });
	return plan;
}

/** Records one status change (never moving a message backwards) and emits the `status` event. */
export function recordStatus(state: EmulatorState, message: SentMessage, status: Status, errors?: WebhookError[], options: { batched?: boolean } = {}): StatusEvent {
	if (RANK[status] > RANK[message.status]) message.status = status;
	if (errors) message.errors = errors;
	const pricing = status === 'failed' ? undefined : billingOf(message, status);
	const event: StatusEvent = {
		messageId: message.id,
		phoneNumberId: message.phoneNumberId,
		recipientId: message.waId,
		...(message.userId ? { recipientUserId: message.userId } : {}),
		status,
		timestamp: Math.floor(state.now() / 1000),
		...(errors ? { errors } : {}),
		...(message.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: message.bizOpaqueCallbackData } : {}),
		...(pricing && carriesConversation(message) ? { conversation: conversationOf(message, status, pricing) } : {}),
		...(pricing ? { pricing } : {}),
		...(options.batched ? { batched: true } : {}),
	};
	state.outcomes.push(event);
	state.events.emit('status', event);
	return event;
}

function asynchronousFailure(state: EmulatorState, message: SentMessage): WebhookError | undefined {
	const unreachable = state.config.recipientFailures.find((rule) => rule.waId === message.waId);
	if (unreachable) return webhookError(unreachable.code, unreachable.details ?? DEFAULT_DETAILS[unreachable.code] ?? errorCodeInfo(unreachable.code).title);
	// Meta's Customer service windows page: templates are the only messages allowed outside the window.
	if (message.type !== 'template' && !message.insideCustomerServiceWindow) {
		return webhookError(131047, 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
	}
	// Meta's Reaction messages page: a reaction to an unknown message is accepted, then fails with 131009.
	if (message.type === 'reaction') {
		const target = (message.body.reaction as { message_id?: string } | undefined)?.message_id ?? '';
		const known = state.messages.has(target) || state.inbound.some((inbound) => inbound.message.id === target);
		if (!known) return webhookError(131009, `The message ${target} to react to does not exist.`);
	}
	return undefined;
}

const DEFAULT_DETAILS: Record<number, string> = {
	130472: "The user's number is part of an experiment, so the marketing message was not sent.",
	131000: 'Something went wrong while delivering the message.',
	131026: 'Message undeliverable: the recipient is not on WhatsApp, uses an old client, or has not accepted the Terms of Service.',
	131049: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
	131050: 'The recipient has chosen to stop receiving marketing messages from your business.',
};

/** Meta's Status messages webhook reference page: pricing rides on `sent` and on whichever of delivered/read comes first after it. */
function billingOf(message: SentMessage, status: Status): Pricing | undefined {
	if (status !== 'sent') {
		if (message.billingReportedAfterSent) return undefined;
		message.billingReportedAfterSent = true;
	}
	return pricingOf(message);
}

/** Meta's Status messages webhook reference, Pricing per-message pricing pages: free inside the window except non-utility templates. */
function pricingOf(message: SentMessage): Pricing {
	if (message.type !== 'template') return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
	// Marketing Messages API sends are priced as marketing_lite ("Send marketing messages" page).
	const category = message.route === 'marketing_messages' ? 'marketing_lite' : (message.templateCategory ?? 'utility').toLowerCase();
	if (category === 'utility' && message.insideCustomerServiceWindow) {
		return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category };
	}
	return { billable: true, pricing_model: 'PMP', type: 'regular', category };
}

/** Meta's Status messages webhook reference page: from v24.0 `conversation` is omitted (free-entry-point windows are not emulated). */
function carriesConversation(message: SentMessage): boolean {
	const major = Number(/^v(\d+)/.exec(message.graphVersion ?? '')?.[1] ?? 0);
	return major < 24;
}

/** Meta's Status messages webhook reference page: one conversation per message in v23.0; expiration_timestamp only on `sent`. */
function conversationOf(message: SentMessage, status: Status, pricing: Pricing): NonNullable<StatusEvent['conversation']> {
	const expires = Math.floor(message.acceptedAt / 1000) + 24 * 60 * 60;
	return { id: message.conversationId, ...(status === 'sent' ? { expiration_timestamp: String(expires) } : {}), origin: { type: pricing.category } };
}
