/** One outbound status (Meta: Status messages webhook reference) → one `status` event; one value-level error (Meta: Messages webhook reference) → one `error` event. */
import { eventBase, readWebhookErrors, toE164, type ChangeScope } from './common';
import { asBoolean, asEpochSeconds, asIsoTime, asObject, asString, compact, fingerprint, type JsonObject } from './jsonReaders';
import type { ErrorEvent, StatusEvent } from './types';

export function normaliseStatus(status: JsonObject, scope: ChangeScope): StatusEvent {
	const messageId = asString(status.id) ?? '';
	const state = asString(status.status) ?? '';
	// docs/webhook-delivery.md: deduplicate statuses on id + status, since each message gets several.
	const eventId =
		messageId !== ''
			? `${messageId}:${state}`
			: `status:${fingerprint([scope.wabaId, scope.phoneNumberId ?? '', status])}`;
	const waId = asString(status.recipient_id) ?? '';
	const errors = readWebhookErrors(status.errors);
	const conversation = asObject(status.conversation);
	const pricing = asObject(status.pricing);
	return compact<StatusEvent>({
		...eventBase(scope, 'status', eventId, asEpochSeconds(status.timestamp)),
		kind: 'status',
		status: state,
		messageId,
		recipient: { waId, e164: toE164(waId) },
		bizOpaqueCallbackData: asString(status.biz_opaque_callback_data),
		errors: errors.length > 0 ? errors : undefined,
		// Meta's Status messages webhook reference page: conversation is omitted from v24.0 except in free-entry-point windows.
		conversation: conversation
			? compact({
					id: asString(conversation.id),
					expiresAt: asIsoTime(conversation.expiration_timestamp),
					originType: asString(asObject(conversation.origin)?.type),
				})
			: undefined,
		pricing: pricing
			? compact({
					billable: asBoolean(pricing.billable),
					pricingModel: asString(pricing.pricing_model),
					type: asString(pricing.type),
					category: asString(pricing.category),
				})
			: undefined,
		raw: status,
	});
}

/**
 * Meta's Messages webhook reference page: system, app or account errors not tied to one message. They carry no id or time, so the
 * dedupe key is a fingerprint: identical errors in one dedupe window count as one.
 */
export function normaliseValueError(error: JsonObject, scope: ChangeScope): ErrorEvent {
	const eventId = `error:${fingerprint([scope.wabaId, scope.phoneNumberId ?? '', scope.entryTime ?? null, error])}`;
	return {
		...eventBase(scope, 'error', eventId, undefined),
		kind: 'error',
		errors: readWebhookErrors([error]),
		raw: error,
	};
}
