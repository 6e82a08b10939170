/**
 * Turns the state's events into webhooks (Meta: Status messages webhook reference, message_template_status_update webhook reference; docs/webhook-delivery.md): each status change of an outbound
 * message is POSTed to the phone number's callback(s) — in order, or, with webhook.statusOrder
 * 'reverse' / 'shuffle', held until the message's last planned status and then posted out of order —
 * and each finished template review goes to the app's callback. Inbound messages and batches are
 * posted by the admin API itself so it can answer with the delivery result.
 */
import type { EmulatorState } from './state/store';
import type { StatusEvent } from './state/types';
import type { WebhookDispatcher } from './webhooks/dispatcher';
import { statusesPayload, templateStatusPayload, type WebhookPayload } from './webhooks/payloads';
import { webhookTargets } from './webhooks/targets';

export { signatureHeader } from './webhooks/dispatcher';

/** The body Meta would post for one status event (Meta: Status messages webhook reference), or undefined for an unknown phone number. */
export function statusWebhookPayload(state: EmulatorState, event: StatusEvent): WebhookPayload | undefined {
	return statusesPayload(state, [event]);
}

/** Starts forwarding status and template-review events; returns the function that stops it. */
export function attachWebhookSender(state: EmulatorState, dispatcher: WebhookDispatcher): () => void {
	const held = new Map<string, StatusEvent[]>();
	dispatcher.onCancel(() => held.clear());

	const post = (event: StatusEvent) => {
		const wabaId = state.phoneNumbers.get(event.phoneNumberId)?.wabaId;
		// Building the body costs more than the check: skip it when no callback would receive it.
		if (!wabaId || webhookTargets(state, 'messages', wabaId, event.phoneNumberId).length === 0) return;
		const payload = statusWebhookPayload(state, event);
		if (payload) void dispatcher.deliver({ kind: 'status', field: 'messages', wabaId, phoneNumberId: event.phoneNumberId, payload });
	};

	const stopStatuses = state.events.on('status', (event) => {
		if (event.batched) return; // the batch endpoint posts its own statuses in one body
		if (!state.messages.has(event.messageId)) return; // forgotten by a reset before the event was sent
		const order = state.config.webhook.statusOrder;
		if (order === 'in-order') return post(event);
		const events = [...(held.get(event.messageId) ?? []), event];
		const planned = state.messages.get(event.messageId)?.plannedStatuses ?? [];
		if (events.length < planned.length) return void held.set(event.messageId, events);
		held.delete(event.messageId);
		for (const next of arrange(events, order)) post(next);
	});

	const stopTemplates = state.events.on('templateStatus', (event) => {
		// Meta's Webhook overrides page: template webhooks always go to the app's callback, never to overrides.
		void dispatcher.deliver({ kind: 'template_status', field: 'message_template_status_update', wabaId: event.wabaId, payload: templateStatusPayload(event) });
	});

	return () => {
		stopStatuses();
		stopTemplates();
	};
}

/** docs/webhook-delivery.md ordering is not guaranteed: reverse, or a random order. */
export function arrange<T>(items: T[], order: 'in-order' | 'reverse' | 'shuffle'): T[] {
	if (order === 'in-order') return [...items];
	if (order === 'reverse') return [...items].reverse();
	const shuffled = [...items];
	for (let index = shuffled.length - 1; index > 0; index -= 1) {
		const other = Math.floor(Math.random() * (index + 1));
		[shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
	}
	return shuffled;
}
