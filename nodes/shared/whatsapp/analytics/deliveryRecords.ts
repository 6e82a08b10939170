/**
 * Reading the items a delivery report is built from, whatever produced them:
 *
 * - status items of the WhatsApp Business Trigger (webhook/types.ts `StatusEvent`: messageId, status,
 *   timestampEpoch / timestamp, recipient.waId, bizOpaqueCallbackData, pricing, errors), or Meta's raw
 *   status objects (Meta: Status messages webhook reference: id, status, timestamp, recipient_id,
 *   biz_opaque_callback_data, pricing, errors);
 * - send results of the WhatsApp Business node (messageId, waId, templateName, templateId, category,
 *   and the tracking data when the send result carries it);
 * - rows of a Data table holding either, in camelCase or snake_case columns (message_id, wa_id,
 *   status, updated_at, error_code, template_name, biz_opaque_callback_data …).
 *
 * Fields are read defensively: a missing or oddly typed field is left out, never guessed.
 */
import { parseInstant } from '../schedule/instants';
import { WhatsAppValidationError } from '../validationError';
import { asBoolean, asNumber, asObject, asObjects, asString, compact, type JsonObject } from '../webhook/jsonReaders';

/** What one status says about a message. */
export interface StatusRecord {
	kind: 'status';
	messageId: string;
	/** sent, delivered, read, played, failed (or another status Meta adds) */
	status: string;
	/** Unix seconds, UTC */
	at?: number;
	waId?: string;
	/** The recipient's business-scoped user ID (BSUID), when Meta gave one */
	userId?: string;
	/** biz_opaque_callback_data: the tracking data given when sending (our campaign key) */
	tracking?: string;
	billable?: boolean;
	pricingCategory?: string;
	pricingType?: string;
	errorCode?: number;
	errorTitle?: string;
	/** error_data.details, else the message */
	errorDetails?: string;
	/** Present when the row already joined the send (e.g. a Data table with both) */
	templateName?: string;
	templateId?: string;
}

/** What one send result says about a message. */
export interface SendRecord {
	kind: 'send';
	messageId?: string;
	waId?: string;
	userId?: string;
	tracking?: string;
	templateName?: string;
	templateId?: string;
	/** The template's category when sent (MARKETING, UTILITY, AUTHENTICATION) */
	category?: string;
	/** Unix seconds, UTC, when the row says when it was sent */
	at?: number;
}

export type DeliveryRecord = StatusRecord | SendRecord;

/** The first of these keys that holds text. */
function text(json: JsonObject, ...keys: string[]): string | undefined {
	for (const key of keys) {
		const value = asString(json[key])?.trim();
		if (value) return value;
	}
	return undefined;
}

function seconds(value: unknown): number | undefined {
	const instant = parseInstant(value);
	return instant ? Math.floor(instant.toSeconds()) : undefined;
}

/** Trigger events of other kinds (inbound messages, template updates …) and dry runs (Validate Only): not delivery data. */
function isNotDeliveryData(json: JsonObject): boolean {
	return (typeof json.kind === 'string' && json.kind !== 'status' && typeof json.eventId === 'string') || json.validateOnly === true;
}

/**
 * One item → a status record, a send record, or undefined for another kind of trigger event or a
 * Validate Only result (ignored: a report on sends has nothing to say about inbound messages).
 * @throws WhatsAppValidationError (field messageId) when the item carries no message ID at all.
 */
export function readDeliveryItem(json: JsonObject): DeliveryRecord | undefined {
	if (isNotDeliveryData(json)) return undefined;
	// Meta's raw status object names the wamid `id` next to `recipient_id`.
	const messageId = text(json, 'messageId', 'message_id', 'wamid') ?? (json.recipient_id !== undefined ? text(json, 'id') : undefined);
	const status = text(json, 'status')?.toLowerCase();
	const templateName = text(json, 'templateName', 'template_name');
	const templateId = text(json, 'templateId', 'template_id');
	const tracking = text(json, 'bizOpaqueCallbackData', 'biz_opaque_callback_data', 'trackingData', 'tracking_data');
	const recipient = asObject(json.recipient) ?? {};
	const waId = text(recipient, 'waId') ?? text(json, 'recipient_id', 'waId', 'wa_id');
	// Meta: Business-scoped user IDs; the trigger puts it on recipient, raw statuses carry recipient_user_id.
	const userId = text(recipient, 'userId') ?? text(json, 'recipient_user_id', 'userId', 'user_id');
	if (messageId && status) {
		const pricing = asObject(json.pricing) ?? {};
		const error = asObjects(json.errors)[0] ?? {};
		return compact<StatusRecord>({
			kind: 'status',
			messageId,
			status,
			at: seconds(json.timestampEpoch ?? json.timestamp ?? json.updated_at ?? json.updatedAt),
			waId,
			userId,
			tracking,
			billable: asBoolean(pricing.billable) ?? asBoolean(json.billable),
			pricingCategory: (text(pricing, 'category') ?? text(json, 'pricingCategory', 'pricing_category'))?.toLowerCase(),
			pricingType: (text(pricing, 'type') ?? text(json, 'pricingType', 'pricing_type'))?.toLowerCase(),
			errorCode: asNumber(error.code) ?? asNumber(json.errorCode ?? json.error_code),
			errorTitle: text(error, 'title') ?? text(json, 'errorTitle', 'error_title'),
			errorDetails: text(error, 'details', 'message') ?? text(json, 'errorDetails', 'error_details', 'errorMessage', 'error_message'),
			templateName,
			templateId,
		});
	}
	if (messageId || templateName || tracking) {
		return compact<SendRecord>({
			kind: 'send',
			messageId,
			waId: waId ?? text(json, 'to'),
			userId,
			tracking,
			templateName,
			templateId,
			category: text(json, 'category')?.toUpperCase(),
			at: seconds(json.sentAt ?? json.sent_at),
		});
	}
	throw new WhatsAppValidationError(
		'The item has no message ID, status, template name or tracking data.',
		'messageId',
		'Connect the status items of the WhatsApp Business Trigger and the results of Send Template (e.g. with a Merge node), or Data table rows with a messageId (or message_id) column.',
	);
}
