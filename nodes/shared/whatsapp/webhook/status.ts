/** One outbound status (Meta: Status messages webhook reference) → one `status` event; one value-level error (Meta: Messages webhook reference) → one `error` event. */
import { eventBase, readWebhookErrors, type ChangeScope } from './common';
import { asBoolean, asObject, asString, compact, fingerprint, type JsonObject } from './jsonReaders';
import { readPerson, waIdOf, type ContactIndex } from './people';
import { NO_TIME, readUnixTime, timeFields } from './times';
import type { ErrorEvent, StatusEvent } from './types';

/**
 * One statuses[] item. `contacts` is the change's contacts[] (sent with sent, delivered and read
 * statuses from 2026, (Meta: Business-scoped user IDs)), indexed once per change.
 */
export function normaliseStatus(status: JsonObject, contacts: ContactIndex, scope: ChangeScope): StatusEvent {
	const messageId = asString(status.id) ?? '';
	const state = asString(status.status) ?? '';
	// docs/webhook-delivery.md: deduplicate statuses on id + status, since each message gets several.
	const eventId =
		messageId !== ''
			? `${messageId}:${state}`
			: `status:${fingerprint([scope.wabaId, scope.phoneNumberId ?? '', status])}`;
	const errors = readWebhookErrors(status.errors, 'status');
	const conversation = asObject(status.conversation);
	const pricing = asObject(status.pricing);
	return compact<StatusEvent>({
		...eventBase(scope, 'status', eventId, readUnixTime(status.timestamp)),
		kind: 'status',
		status: state,
		messageId,
		...readRecipient(status, contacts),
		bizOpaqueCallbackData: asString(status.biz_opaque_callback_data),
		errors: errors.length > 0 ? errors : undefined,
		// Meta's Status messages webhook reference page: conversation is omitted from v24.0 except in free-entry-point windows.
		conversation: conversation
			? compact({
					id: asString(conversation.id),
					...timeFields('expiresAt', conversation.expiration_timestamp),
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
 * The recipient, as the status names them (recipient_id, recipient_user_id, recipient_parent_user_id,
 * recipient_identity_key_hash) and as contacts[] completes them. For a group message recipient_id
 * is the group and recipient_participant_id the person (Meta: Status messages webhook reference).
 */
function readRecipient(status: JsonObject, contacts: ContactIndex): Pick<StatusEvent, 'recipient' | 'recipientType' | 'groupId'> {
	const recipientType = asString(status.recipient_type);
	const isGroup = recipientType === 'group';
	const waId = waIdOf(asString(isGroup ? status.recipient_participant_id : status.recipient_id));
	const userId = asString(status.recipient_user_id) || undefined;
	const parentUserId = asString(status.recipient_parent_user_id) || undefined;
	const own = { waId, userId, parentUserId, identityKeyHash: asString(status.recipient_identity_key_hash) };
	return {
		recipient: readPerson(own, contacts.find(waId, userId, parentUserId)),
		recipientType,
		groupId: isGroup ? asString(status.recipient_id) : asString(status.group_id),
	};
}

/**
 * Meta's Messages webhook reference page: system, app or account errors not tied to one message. They carry no id or time, so the
 * dedupe key is a fingerprint: identical errors in one dedupe window count as one.
 */
export function normaliseValueError(error: JsonObject, scope: ChangeScope): ErrorEvent {
	const eventId = `error:${fingerprint([scope.wabaId, scope.phoneNumberId ?? '', scope.entryTime ?? null, error])}`;
	const time = scope.entryTime === undefined ? NO_TIME : readUnixTime(scope.entryTime);
	return {
		...eventBase(scope, 'error', eventId, time),
		kind: 'error',
		errors: readWebhookErrors([error], 'value'),
		raw: error,
	};
}
