/** What every normalised webhook event carries, whatever its kind (the envelope of Meta's webhook payload). */

export type WhatsAppEventKind =
	| 'message'
	| 'status'
	| 'error'
	| 'template_status'
	| 'template_category'
	| 'template_quality'
	| 'phone_number_quality'
	| 'phone_number_name'
	| 'account_update'
	| 'business_capability'
	| 'security'
	| 'unknown_change';

export interface EventBase {
	kind: WhatsAppEventKind;
	/** The subscription field of the change, e.g. "messages" or "account_update". */
	field: string;
	/** entry.id: the WhatsApp Business Account id ('' when the payload lacks it). */
	wabaId: string;
	/** From value.metadata; absent for WABA-level changes (Meta: Messages webhook reference). */
	phoneNumberId?: string;
	displayPhoneNumber?: string;
	/** Stable dedupe key: equal for a retried delivery of the same event (docs/webhook-delivery.md). */
	eventId: string;
	/** ISO 8601 UTC. When the payload carries no usable time, the time it was normalised. */
	timestamp: string;
	timestampEpoch: number;
}

export interface WebhookError {
	code?: number;
	title?: string;
	message?: string;
	details?: string;
	href?: string;
}
