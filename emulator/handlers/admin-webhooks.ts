/**
 * Admin calls that make webhooks happen on demand: a user's message (POST /__emulator/inbound),
 * several messages and statuses in ONE POST (POST /__emulator/webhooks/batch, or /inbound with
 * `messages: [...]`), a byte-identical duplicate (POST /__emulator/webhooks/redeliver) and the
 * delivery log (GET / DELETE /__emulator/webhook-deliveries). Bodies follow (Meta: Messages webhook reference, Status messages webhook reference).
 */
import type { StatusOrder } from '../config-webhook';
import { SEED } from '../seed';
import { InboundInputError, recordInbound, type InboundInput } from '../state/inbound';
import { recordStatus, webhookError } from '../state/statuses';
import type { EmulatorState } from '../state/store';
import type { InboundMessage, StatusEvent, WebhookDelivery } from '../state/types';
import { arrange } from '../webhook-sender';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { envelope, inboundChange, serialize, statusesChange, type WebhookPayload } from '../webhooks/payloads';

export interface WebhookAdminContext {
	state: EmulatorState;
	webhooks: WebhookDispatcher;
	baseUrl: string;
}

export class AdminInputError extends Error {}

/** POST /__emulator/inbound: one message (or `messages: [...]` as a batch), posted as a signed webhook. */
export async function postInbound(context: WebhookAdminContext, body: unknown) {
	const input = (body ?? {}) as InboundInput & { messages?: unknown };
	if (Array.isArray(input.messages)) return postBatch(context, { phoneNumberId: input.phoneNumberId, inbound: input.messages });
	const inbound = guard(() => recordInbound(context.state, input, context.baseUrl));
	const phone = context.state.phoneNumbers.get(inbound.phoneNumberId)!;
	const payload = envelope([{ wabaId: phone.wabaId, change: inboundChange(phone, [inbound]) }]);
	const closesAt = context.state.windows.closesAt(inbound.phoneNumberId, inbound.contact.wa_id, context.state.config.customerServiceWindowMs);
	return { ...inbound, windowClosesAt: closesAt === undefined ? null : new Date(closesAt).toISOString(), webhook: await post(context, 'inbound', phone.wabaId, phone.id, payload) };
}

interface StatusInput {
	messageId?: unknown;
	status?: unknown;
	errorCode?: unknown;
	errorDetails?: unknown;
}

/** POST /__emulator/webhooks/batch {phoneNumberId?, inbound?: [...], statuses?: [{messageId, status}], order?}. */
export async function postBatch(context: WebhookAdminContext, body: unknown) {
	const { state } = context;
	const request = (body ?? {}) as { phoneNumberId?: string; inbound?: unknown; messages?: unknown; statuses?: unknown; order?: unknown };
	const inboundInputs = request.inbound ?? request.messages ?? [];
	const statusInputs = request.statuses ?? [];
	const order = (request.order ?? 'in-order') as StatusOrder;
	if (!Array.isArray(inboundInputs) || !Array.isArray(statusInputs) || inboundInputs.length + statusInputs.length === 0) {
		throw new AdminInputError('Send {"inbound": [{"from": "16505551234", "text": "Hi"}, …], "statuses": [{"messageId": "wamid…", "status": "delivered"}, …]} with at least one item.');
	}
	if (!['in-order', 'reverse', 'shuffle'].includes(order)) throw new AdminInputError('"order" must be in-order, reverse or shuffle.');
	const phoneNumberId = request.phoneNumberId ?? SEED.phoneNumberId;
	const phone = state.phoneNumbers.get(phoneNumberId);
	if (!phone) throw new AdminInputError(`Unknown phoneNumberId "${phoneNumberId}".`);

	// One POST goes to one callback, and callbacks are per phone number (Meta: Webhook overrides): one number per batch.
	const inbound: InboundMessage[] = inboundInputs.map((input, index) => {
		const item = { ...(input as InboundInput) };
		if (item.phoneNumberId !== undefined && item.phoneNumberId !== phone.id) throw new AdminInputError(`inbound[${index}]: a batch holds one phone number (${phone.id}).`);
		return guard(() => recordInbound(state, { ...item, phoneNumberId: phone.id }, context.baseUrl), `inbound[${index}]`);
	});
	const statuses = arrange(statusInputs.map((input, index) => batchStatus(state, phone.id, input as StatusInput, index)), order);

	const changes = [
		...(inbound.length > 0 ? [{ wabaId: phone.wabaId, change: inboundChange(phone, inbound) }] : []),
		...(statuses.length > 0 ? [{ wabaId: phone.wabaId, change: statusesChange(phone, statuses) }] : []),
	];
	return { inbound, statuses, webhook: await post(context, 'batch', phone.wabaId, phone.id, envelope(changes)) };
}

const STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;

function batchStatus(state: EmulatorState, phoneNumberId: string, input: StatusInput, index: number): StatusEvent {
	const message = typeof input.messageId === 'string' ? state.messages.get(input.messageId) : undefined;
	if (!message || message.phoneNumberId !== phoneNumberId) {
		throw new AdminInputError(`statuses[${index}].messageId must be the wamid of a message this number sent (see GET /__emulator/messages).`);
	}
	const status = input.status as (typeof STATUSES)[number];
	if (!STATUSES.includes(status)) throw new AdminInputError(`statuses[${index}].status must be one of ${STATUSES.join(', ')}.`);
	const code = typeof input.errorCode === 'number' ? input.errorCode : 131000;
	const errors = status === 'failed' ? [webhookError(code, typeof input.errorDetails === 'string' ? input.errorDetails : 'The message could not be delivered.')] : undefined;
	return recordStatus(state, message, status, errors, { batched: true });
}

/** POST /__emulator/webhooks/redeliver {deliveryId} | {last: true}: the same bytes and signature again. */
export async function redeliver(context: WebhookAdminContext, body: unknown): Promise<{ delivery: WebhookDelivery }> {
	const { deliveryId, last } = (body ?? {}) as { deliveryId?: unknown; last?: unknown };
	const deliveries = context.state.webhookDeliveries;
	const original = last === true ? deliveries.at(-1) : deliveries.find((delivery) => delivery.id === deliveryId);
	if (!original) {
		throw new AdminInputError(last === true ? 'No webhook has been delivered yet.' : 'Send {"deliveryId": "d3"} (an id from GET /__emulator/webhook-deliveries) or {"last": true}.');
	}
	return { delivery: await context.webhooks.redeliver(original) };
}

/** GET /__emulator/webhook-deliveries[?kind=&url=&delivered=true|false]. */
export function listDeliveries(state: EmulatorState, query: URLSearchParams): WebhookDelivery[] {
	const kind = query.get('kind');
	const url = query.get('url');
	const delivered = query.get('delivered');
	return state.webhookDeliveries.filter(
		(delivery) => (!kind || delivery.kind === kind) && (!url || delivery.url.includes(url)) && (delivered === null || String(delivery.delivered) === delivered),
	);
}

async function post(context: WebhookAdminContext, kind: 'inbound' | 'batch', wabaId: string, phoneNumberId: string, payload: WebhookPayload) {
	const deliveries = await context.webhooks.deliver({ kind, field: 'messages', wabaId, phoneNumberId, payload });
	return {
		body: JSON.parse(serialize(payload)) as unknown,
		deliveries: deliveries.map(({ id, url, provider, statusCode, delivered, attempts, error }) => ({ id, url, provider, statusCode, delivered, attempts: attempts.length, ...(error ? { error } : {}) })),
		...(deliveries.length === 0 ? { note: 'No callback is configured: set webhook.url (PATCH /__emulator/config), a subscription, an override or a 360dialog webhook.' } : {}),
	};
}

function guard<T>(action: () => T, where?: string): T {
	try {
		return action();
	} catch (error) {
		if (error instanceof InboundInputError) throw new AdminInputError(where ? `${where}: ${error.message}` : error.message);
		throw error;
	}
}
