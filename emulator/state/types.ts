/** The records the emulator keeps. Field names follow Meta's JSON where the record is returned as-is. */

/** A template button as created (Meta: Templates overview BUTTONS) and as listed (Meta: Template management). */
export interface TemplateButton {
	type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP' | 'FLOW' | string;
	text?: string;
	url?: string;
	phone_number?: string;
	example?: string[] | string;
	otp_type?: string;
	flow_id?: string;
	flow_action?: string;
	navigate_screen?: string;
}

/** A template component as created (Meta: Templates overview), with uppercase `type` and `format`. */
export interface TemplateComponentDefinition {
	type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | string;
	format?: string;
	text?: string;
	example?: Record<string, unknown>;
	buttons?: TemplateButton[];
	add_security_recommendation?: boolean;
	code_expiration_minutes?: number;
}

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED' | string;

export interface TemplateRecord {
	id: string;
	wabaId: string;
	name: string;
	language: string;
	status: TemplateStatus;
	category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | string;
	sub_category?: string;
	parameter_format: 'POSITIONAL' | 'NAMED';
	components: TemplateComponentDefinition[];
	rejected_reason?: string;
	message_send_ttl_seconds?: number;
	quality_score: { score: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'; date: number };
	createdAt: number;
}

/** An uploaded file (Meta: Media). `data` never leaves the emulator except through the download URL. */
export interface MediaRecord {
	id: string;
	phoneNumberId: string;
	mimeType: string;
	sha256: string;
	fileSize: number;
	filename?: string;
	data: Buffer;
	uploadedAt: number;
}

/** An error object as webhooks carry it (Meta: Status messages webhook reference, Error codes "asynchronous"). */
export interface WebhookError {
	code: number;
	title: string;
	message: string;
	error_data: { details: string };
	href: string;
}

export type OutboundStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message accepted by POST /messages, with its latest status (Meta: Status messages webhook reference). */
export interface SentMessage {
	id: string;
	phoneNumberId: string;
	provider: Provider;
	to: string;
	waId: string;
	type: string;
	body: Record<string, unknown>;
	templateCategory?: string;
	insideCustomerServiceWindow: boolean;
	status: OutboundStatus;
	errors?: WebhookError[];
	/** Meta's tracking data (`biz_opaque_callback_data` of the send), echoed in its status webhooks. */
	bizOpaqueCallbackData?: string;
	acceptedAt: number;
	/** Set when the `acceptedThenReset` fault destroyed the connection instead of answering. */
	answerDropped?: true;
	/** The Graph version of the send request (v24.0+ omits `conversation`, (Meta: Status messages webhook reference)); undefined = unversioned. */
	graphVersion?: string;
	/** The statuses this message will go through, in order (sent, delivered, read, or failed). */
	plannedStatuses: Array<Exclude<OutboundStatus, 'accepted'>>;
	/** Meta's Status messages webhook reference page: pricing rides on `sent` and on the first of delivered/read only. */
	billingReportedAfterSent?: boolean;
	/** Meta's Status messages webhook reference page: v23.0 and older give each message its own conversation ID. */
	conversationId: string;
	/** The sent template's ID (template analytics count by it). */
	templateId?: string;
	/** The product that carried it: Cloud API (also /marketing_messages falling back) or the Marketing Messages API. */
	route?: 'cloud_api' | 'marketing_messages';
	/** Set when the request addressed the user by business-scoped user ID (`recipient`). */
	userId?: string;
	/** /marketing_messages: message_activity_sharing in force (the request's value, else the WABA default). */
	messageActivitySharing?: boolean;
	/** /marketing_messages: the template's message_send_ttl_seconds, which only this route applies to marketing templates. */
	ttlSeconds?: number;
}

/** A status change, recorded in state.outcomes and emitted as the `status` event. */
export interface StatusEvent {
	messageId: string;
	phoneNumberId: string;
	recipientId: string;
	/** recipient_user_id: the BSUID, when the message was sent to one (Meta: Business-scoped user IDs). */
	recipientUserId?: string;
	status: Exclude<OutboundStatus, 'accepted'>;
	timestamp: number;
	errors?: WebhookError[];
	bizOpaqueCallbackData?: string;
	pricing?: Pricing;
	conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } };
	/** Set for statuses posted by POST /__emulator/webhooks/batch (the batch posts them, not the sender). */
	batched?: boolean;
}

export interface Pricing {
	billable: boolean;
	pricing_model: 'PMP';
	type: string;
	category: string;
}

/** A message "from a user", recorded through POST /__emulator/inbound (Meta: Messages webhook reference message object). */
export interface InboundMessage {
	phoneNumberId: string;
	/** `user_id` (the business-scoped user ID) only when the inbound call asked for it with `userId`. */
	contact: { profile: { name: string }; wa_id: string; user_id?: string };
	message: { from: string; id: string; timestamp: string; type: string; [key: string]: unknown };
	receivedAt: number;
	/** Set by a mark-as-read request (Meta: Mark messages as read), which also marks every earlier message of the thread. */
	readAt?: number;
	/** Set when a typing indicator was shown in reply to this message (Meta: Mark messages as read). */
	typingIndicatorAt?: number;
}

export interface TemplateStatusEvent {
	templateId: string;
	wabaId: string;
	name: string;
	language: string;
	category: string;
	event: TemplateStatus;
	reason: string | null;
	timestamp: number;
}

export type Provider = 'meta' | '360dialog';

/** One accepted request (GET /__emulator/requests). Bodies are kept, secrets and bytes are not. */
export interface RequestLogEntry {
	seq: number;
	timestamp: string;
	method: string;
	path: string;
	query: Record<string, string>;
	provider: Provider;
	status: number;
	body: unknown;
	responseId?: string;
	/** The request took effect but the `acceptedThenReset` fault dropped its answer. */
	answerDropped?: true;
}

export type WebhookKind = 'status' | 'inbound' | 'batch' | 'template_status';

export interface DeliveryAttempt {
	at: string;
	statusCode?: number;
	error?: string;
	durationMs: number;
}

/** One webhook POST (with its retries) the emulator made (GET /__emulator/webhook-deliveries). */
export interface WebhookDelivery {
	/** "d1", "d2" … in the order deliveries were started. */
	id: string;
	kind: WebhookKind;
	/** The `field` of the first change, e.g. "messages". */
	field: string;
	url: string;
	/** meta: signed with X-Hub-Signature-256; 360dialog: the configured headers, no signature (docs/360dialog.md). */
	provider: Provider;
	/** The exact body bytes (UTF-8) that were POSTed and signed. */
	body: string;
	signature?: string;
	/** Names of the custom 360dialog headers sent (their values may be secrets). */
	customHeaders?: string[];
	attempts: DeliveryAttempt[];
	/** The HTTP status of the last attempt. */
	statusCode?: number;
	error?: string;
	/** true once an attempt was answered with 200 (Meta: Create a webhook endpoint). */
	delivered: boolean;
	at: string;
	/** Set on duplicates made by POST /__emulator/webhooks/redeliver. */
	redeliveryOf?: string;
}
