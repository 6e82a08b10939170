/**
 * What happens to a message after the API accepted it (§2.5, §6.2 "asynchronous", §7.3): it is
 * `sent`, or it `failed` with an error that only a status webhook reports (131047 outside the
 * customer-service window, 131009 for a reaction to an unknown message).
 */
import { ERROR_CODES_HREF, errorCodeInfo } from '../error-codes';
import type { EmulatorState } from './store';
import type { SentMessage, StatusEvent, WebhookError } from './types';

export function webhookError(code: number, details: string): WebhookError {
	const { title } = errorCodeInfo(code);
	return { code, title, message: title, error_data: { details }, href: ERROR_CODES_HREF };
}

/** Stores an accepted message, decides its first status, records it and emits the `status` event. */
export function recordAcceptedMessage(state: EmulatorState, message: SentMessage): StatusEvent {
	state.messages.set(message.id, message);
	const failure = asynchronousFailure(state, message);
	return recordStatus(state, message, failure ? 'failed' : 'sent', failure ? [failure] : undefined);
}

export function recordStatus(
	state: EmulatorState,
	message: SentMessage,
	status: StatusEvent['status'],
	errors?: WebhookError[],
): StatusEvent {
	message.status = status;
	if (errors) message.errors = errors;
	const event: StatusEvent = {
		messageId: message.id,
		phoneNumberId: message.phoneNumberId,
		recipientId: message.waId,
		status,
		timestamp: Math.floor(state.now() / 1000),
		...(errors ? { errors } : {}),
		...(message.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: message.bizOpaqueCallbackData } : {}),
		...(status === 'sent' ? { pricing: pricingOf(message) } : {}),
	};
	state.outcomes.push(event);
	state.events.emit('status', event);
	return event;
}

function asynchronousFailure(state: EmulatorState, message: SentMessage): WebhookError | undefined {
	// §7.3: templates are the only messages allowed outside the window.
	if (message.type !== 'template' && !message.insideCustomerServiceWindow) {
		return webhookError(
			131047,
			'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
		);
	}
	// §1.6: a reaction to an unknown message is accepted, then fails with 131009.
	if (message.type === 'reaction') {
		const target = (message.body.reaction as { message_id?: string } | undefined)?.message_id ?? '';
		const known = state.messages.has(target) || state.inbound.some((inbound) => inbound.message.id === target);
		if (!known) return webhookError(131009, `The message ${target} to react to does not exist.`);
	}
	return undefined;
}

/** §2.5 / §7.5 per-message pricing: free inside the window except non-utility templates. */
function pricingOf(message: SentMessage): NonNullable<StatusEvent['pricing']> {
	if (message.type !== 'template') {
		return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
	}
	const category = (message.templateCategory ?? 'utility').toLowerCase();
	if (category === 'utility' && message.insideCustomerServiceWindow) {
		return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category };
	}
	return { billable: true, pricing_model: 'PMP', type: 'regular', category };
}
