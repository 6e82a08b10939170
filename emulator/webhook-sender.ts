/**
 * Posts status changes to the callback URL (§2.9 overrides, else config.webhook.url) the way Meta does (§2.2, §2.3, §2.5): the
 * `whatsapp_business_account` envelope, `statuses[]` for the phone number, and
 * X-Hub-Signature-256 = HMAC-SHA256(app secret, exact body bytes). It listens to the state's
 * `status` events; inbound-message webhooks can hook `inbound` events the same way.
 */
import { createHmac } from 'node:crypto';
import type { EmulatorState } from './state/store';
import type { StatusEvent, WebhookDelivery } from './state/types';

/** X-Hub-Signature-256 header value for a raw body (§2.2). */
export function signatureHeader(appSecret: string, rawBody: string | Buffer): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function statusWebhookPayload(state: EmulatorState, event: StatusEvent): Record<string, unknown> | undefined {
	const phoneNumber = state.phoneNumbers.get(event.phoneNumberId);
	if (!phoneNumber) return undefined;
	const status = {
		id: event.messageId,
		status: event.status,
		timestamp: String(event.timestamp), // §0.2: strings in messages webhooks
		recipient_id: event.recipientId,
		...(event.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: event.bizOpaqueCallbackData } : {}),
		...(event.pricing ? { pricing: event.pricing } : {}),
		...(event.errors ? { errors: event.errors } : {}),
	};
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: phoneNumber.wabaId,
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: phoneNumber.display_phone_number, phone_number_id: phoneNumber.id },
							statuses: [status],
						},
					},
				],
			},
		],
	};
}

/** POSTs one signed payload to the phone number's callback (§2.9) and records the outcome in state.webhookDeliveries. */
export async function deliverWebhook(state: EmulatorState, phoneNumberId: string, field: string, payload: unknown): Promise<void> {
	const url = state.callbackUrlFor(phoneNumberId);
	const { appSecret } = state.config.webhook;
	if (!url) return;
	const body = JSON.stringify(payload);
	const delivery: WebhookDelivery = { url, field, at: new Date(state.now()).toISOString() };
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signatureHeader(appSecret, body) },
			body,
		});
		delivery.statusCode = response.status;
		await response.arrayBuffer();
	} catch (error) {
		delivery.error = (error as Error).message;
	}
	state.webhookDeliveries.push(delivery);
}

/** Starts forwarding status events; returns the function that stops it. */
export function attachWebhookSender(state: EmulatorState): () => void {
	return state.events.on('status', (event) => {
		const payload = statusWebhookPayload(state, event);
		if (payload) void deliverWebhook(state, event.phoneNumberId, 'messages', payload);
	});
}
