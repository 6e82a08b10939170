/**
 * POST /{phone-number-id}/messages (§1) and 360dialog POST /messages (§8).
 * Order: schema (OpenAPI) → semantic rules (§1.2–§1.8) → throughput 130429 and pair rate 131056
 * (§7.1) → accepted with a wamid (§1.1). The customer-service window (§7.3) is judged after
 * acceptance: outside it a non-template message is reported `failed` with 131047.
 */
import { jsonBody, phoneNumberOf, type Handler, type RequestContext } from '../http/context';
import { MetaApiError } from '../http/errors';
import { conversationId, wamid } from '../state/ids';
import { recordAcceptedMessage } from '../state/statuses';
import { throughputOf } from '../state/throughput';
import type { SentMessage } from '../state/types';
import { markAsRead } from './mark-read';
import { checkMessageRules } from './message-rules';
import { checkTemplateParameters, findSendableTemplate } from './template-send';

type Json = Record<string, any>;

/** §1.1–§1.10, §6.2, §7.1, §7.3; 360dialog POST /messages (§8). */
export const sendMessage: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const body = jsonBody(context);
	// §1.10: read receipts and typing indicators share the endpoint but are not messages.
	if (body.status !== undefined) return markAsRead(context, phoneNumber.id, body);

	const message = withDefaultType(body) as Json;
	context.validator.validate('sendMessage', message);
	if (message.messaging_product !== 'whatsapp') throw new MetaApiError(100, 'Param messaging_product must be "whatsapp".');
	if ((message.recipient_type ?? 'individual') !== 'individual') {
		throw new MetaApiError(131009, 'Only recipient_type "individual" is emulated; the Groups API is not.');
	}
	const waId = String(message.to).replace(/\D/g, ''); // §1.1: +, -, (, ) and spaces are accepted
	if (!waId) throw new MetaApiError(131009, `Param to must be the user's phone number with country code, e.g. "+16505551234"; got "${message.to}".`);
	if (waId === phoneNumber.display_phone_number.replace(/\D/g, '')) throw new MetaApiError(131021, 'The recipient is the sending phone number itself.');

	const findMedia = (id: string) => context.state.media.get(id);
	checkMessageRules(message, findMedia);
	let templateCategory: string | undefined;
	if (message.type === 'template') {
		const template = findSendableTemplate(context.state.templatesOf(phoneNumber.wabaId), message.template.name, message.template.language.code);
		checkTemplateParameters(template, message.template.components ?? [], findMedia);
		templateCategory = template.category;
	}
	enforceRateLimits(context, phoneNumber.id, waId);
	return accept(context, message, phoneNumber.id, waId, templateCategory);
};

/**
 * Meta's messages reference says `type` defaults to "text", and two of the OpenAPI document's own
 * examples ("Send Text Message with Preview URL", "Send Sample Text Message") omit it.
 */
export function withDefaultType(body: Record<string, unknown>): Record<string, unknown> {
	return body.type === undefined && body.text !== undefined ? { ...body, type: 'text' } : body;
}

/** §7.1: per-number throughput (130429), then per-recipient pair rate (131056). */
function enforceRateLimits(context: RequestContext, phoneNumberId: string, waId: string): void {
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

function accept(context: RequestContext, message: Json, phoneNumberId: string, waId: string, templateCategory?: string) {
	const { state } = context;
	const now = state.now();
	const sent: SentMessage = {
		id: wamid(waId),
		phoneNumberId,
		provider: context.provider,
		to: String(message.to),
		waId,
		type: message.type,
		body: message,
		templateCategory,
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
	// §1.1: message_status only for templates (pacing); "accepted" as no template is paced here.
	const messageEntry = message.type === 'template' ? { id: sent.id, message_status: 'accepted' } : { id: sent.id };
	return {
		json: { messaging_product: 'whatsapp', contacts: [{ input: sent.to, wa_id: waId }], messages: [messageEntry] },
		responseId: sent.id,
	};
}
