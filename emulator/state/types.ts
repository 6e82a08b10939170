/** The records the emulator keeps. Field names follow Meta's JSON where the record is returned as-is. */

/** A template button as created (§3.1 BUTTONS) and as listed (§3.2). */
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

/** A template component as created (§3.1), with uppercase `type` and `format`. */
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

/** An uploaded file (§4.1). `data` never leaves the emulator except through the download URL. */
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

/** An error object as webhooks carry it (§2.5, §6.1 "asynchronous"). */
export interface WebhookError {
	code: number;
	title: string;
	message: string;
	error_data: { details: string };
	href: string;
}

export type OutboundStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message accepted by POST /messages, with its latest status (§2.5). */
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
	bizOpaqueCallbackData?: string;
	acceptedAt: number;
}

/** A status change, recorded in state.outcomes and emitted as the `status` event. */
export interface StatusEvent {
	messageId: string;
	phoneNumberId: string;
	recipientId: string;
	status: Exclude<OutboundStatus, 'accepted'>;
	timestamp: number;
	errors?: WebhookError[];
	bizOpaqueCallbackData?: string;
	pricing?: { billable: boolean; pricing_model: 'PMP'; type: string; category: string };
}

/** A message "from a user", recorded through POST /__emulator/inbound (§2.4 message object). */
export interface InboundMessage {
	phoneNumberId: string;
	contact: { profile: { name: string }; wa_id: string };
	message: { from: string; id: string; timestamp: string; type: string; [key: string]: unknown };
	receivedAt: number;
	/** Set by a mark-as-read request (§1.10), which also marks every earlier message of the thread. */
	readAt?: number;
	/** Set when a typing indicator was shown in reply to this message (§1.10). */
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
}

/** One webhook POST the emulator made (GET /__emulator/webhook-deliveries). */
export interface WebhookDelivery {
	url: string;
	field: string;
	statusCode?: number;
	error?: string;
	at: string;
}
