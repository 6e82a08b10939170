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
	/**
	 * When the event happened, per Meta: ISO 8601 UTC, and `timestampEpoch` in Unix seconds (one rule
	 * for every time, see times.ts). null when Meta sent no time (value-level errors carry none) or an
	 * unreadable one; it is never replaced by the arrival time.
	 */
	timestamp: string | null;
	timestampEpoch: number | null;
	/** Set when Meta's payload should carry a time and did not ('missing') or sent one that is not Unix seconds ('unreadable'). */
	timestampProblem?: 'missing' | 'unreadable';
	/** With timestampProblem 'unreadable': the value exactly as Meta sent it. */
	timestampAsSent?: unknown;
	/** When this n8n received and normalised the delivery: ISO 8601 UTC and Unix seconds. */
	receivedAt: string;
	receivedAtEpoch: number;
}

/** An error object of a webhook (Meta: Messages webhook reference, "Errors"), with advice for where it was read. */
export interface WebhookError {
	code?: number;
	title?: string;
	message?: string;
	details?: string;
	href?: string;
	/** What to do about it, written for a trigger item (nothing is retried automatically). */
	advice: string;
	/** Whether sending the message again later can succeed. */
	retryable: boolean;
	category: string;
}
