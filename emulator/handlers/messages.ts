/**
 * POST /{phone-number-id}/messages (Meta: Send messages) and 360dialog POST /messages (docs/360dialog.md).
 * Order: schema (OpenAPI) → semantic rules (Meta: Text messages, Template components) → throughput 130429 and pair rate 131056
 * (Meta: Throughput) → accepted with a wamid (Meta: Send messages). The customer-service window (Meta: Customer service windows) is judged after
 * acceptance: outside it a non-template message is reported `failed` with 131047.
 */
import { jsonBody, phoneNumberOf, type Handler, type RequestContext } from '../http/context';
import { MetaApiError } from '../http/errors';
import { conversationId, wamid } from '../state/ids';
import { recordAcceptedMessage } from '../state/statuses';
import { throughputOf } from '../state/throughput';
import type { SentMessage } from '../state/types';
import { checkAccountInteractive } from './interactive-rules';
import { markAsRead } from './mark-read';
import { checkMessageRules } from './message-rules';
import { checkTemplateRecipient, contactOf, resolveRecipient, type Recipient } from './recipients';
import { checkTemplateParameters, findSendableTemplate } from './template-send';

type Json = Record<string, any>;

/** (Meta: Send messages, Mark messages as read, Error codes, Throughput, Customer service windows); 360dialog POST /messages (docs/360dialog.md). */
export const sendMessage: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const body = jsonBody(context);
	// Meta's Mark messages as read page: read receipts and typing indicators share the endpoint but are not messages.
	if (body.status !== undefined) return markAsRead(context, phoneNumber.id, body);

	const message = withDefaultType(body) as Json;
	context.validator.validate('sendMessage', message);
	if (message.messaging_product !== 'whatsapp') throw new MetaApiError(100, 'Param messaging_product must be "whatsapp".');
	if ((message.recipient_type ?? 'individual') !== 'individual') {
		throw new MetaApiError(131009, 'Only recipient_type "individual" is emulated; the Groups API is not.');
	}
	const recipient = resolveRecipient(context.state, phoneNumber, message);

	const findMedia = (id: string) => context.state.media.get(id);
	checkMessageRules(message, findMedia);
	checkAccountInteractive(context.state, phoneNumber, message);
	let template: { templateCategory: string; templateId: string } | undefined;
	if (message.type === 'template') {
		const found = findSendableTemplate(context.state.templatesOf(phoneNumber.wabaId), message.template.name, message.template.language.code);
		checkTemplateParameters(found, message.template.components ?? [], findMedia);
		checkTemplateRecipient(recipient, found);
		template = { templateCategory: found.category, templateId: found.id };
	}
	enforceRateLimits(context, phoneNumber.id, recipient.waId);
	return accept(context, message, phoneNumber.id, recipient, { route: 'cloud_api', ...template });
};

/**
 * Meta's messages reference says `type` defaults to "text", and two of the OpenAPI document's own
 * examples ("Send Text Message with Preview URL", "Send Sample Text Message") omit it.
 */
export function withDefaultType(body: Record<string, unknown>): Record<string, unknown> {
	return body.type === undefined && body.text !== undefined ? { ...body, type: 'text' } : body;
}

/** Meta's Throughput page: per-number throughput (130429), then per-recipient pair rate (131056). */
export function enforceRateLimits(context: RequestContext, phoneNumberId: string, waId: string): void {
	const { state } = context;
	const { pairRate } = state.config;
	const now = state.now();
	const { messagesPerSecond } = throughputOf(state.config, phoneNumberId);
	const perSecond = { capacity: messagesPerSecond, refillPerMs: messagesPerSecond / 1000 };
	if (!state.rateBuckets.tryTake(`throughput:${phoneNumberId}`, perSecond, now)) {
		state.throughputAccount.recordRefused(phoneNumberId, now, messagesPerSecond);
		throw new MetaApiError(130429, `Cloud API message throughput (${messagesPerSecond} messages per second for this number) has been reached. Retry with back-off.`);
	}
	const pair = { capacity: pairRate.burst, refillPerMs: 1 / pairRate.refillIntervalMs };
	if (!state.rateBuckets.tryTake(`pair:${phoneNumberId}:${waId}`, pair, now)) {
		throw new MetaApiError(
			131056,
			`Too many messages to ${waId} in a short time (one every ${pairRate.refillIntervalMs / 1000} s, bursts of ${pairRate.burst}). Wait before messaging this user again; other users are not affected.`,
		);
	}
}

/** Records an accepted message (statuses follow) and answers {messaging_product, contacts, messages} (Meta's Send messages page). */
export function accept(context: RequestContext, message: Json, phoneNumberId: string, recipient: Recipient, extra: Partial<SentMessage> = {}) {
	const { state } = context;
	const now = state.now();
	const { waId } = recipient;
	const sent: SentMessage = {
		id: wamid(waId),
		phoneNumberId,
		provider: context.provider,
		to: recipient.input,
		waId,
		type: message.type,
		body: message,
		...extra,
		...(recipient.userId ? { userId: recipient.userId } : {}),
		insideCustomerServiceWindow: state.windows.isOpen(phoneNumberId, waId, state.config.customerServiceWindowMs, now),
		status: 'accepted',
		bizOpaqueCallbackData: message.biz_opaque_callback_data,
		acceptedAt: now,
		graphVersion: context.version,
		plannedStatuses: [],
		conversationId: conversationId(),
	};
	recordAcceptedMessage(state, sent);
	state.throughputAccount.recordAccepted(phoneNumberId, now, throughputOf(state.config, phoneNumberId).messagesPerSecond);
	// Meta's Send messages page: message_status only for templates (pacing); "accepted" as no template is paced here.
	const messageEntry = message.type === 'template' ? { id: sent.id, message_status: 'accepted' } : { id: sent.id };
	return {
		json: { messaging_product: 'whatsapp', contacts: [contactOf(recipient)], messages: [messageEntry] },
		responseId: sent.id,
	};
}
