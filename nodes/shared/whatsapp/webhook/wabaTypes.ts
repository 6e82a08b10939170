/** WABA-level events (Meta: Webhooks overview): template, phone number, account, capability and security changes. */
import type { JsonObject } from './jsonReaders';
import type { EventBase } from './eventBase';

export interface TemplateFields {
	/** message_template_id, as text (Meta sends an integer, (Meta: message_template_status_update webhook reference)). */
	templateId?: string;
	templateName?: string;
	/** As Meta sends it: "en_US" or "en-US" (Meta: message_template_status_update webhook reference). */
	language?: string;
}

export interface TemplateStatusEvent extends EventBase, TemplateFields {
	kind: 'template_status';
	event?: string;
	reason?: string;
	category?: string;
	rejectionInfo?: { reason?: string; recommendation?: string };
	/** disable_info.disable_date, ISO 8601 UTC; disableDateEpoch in Unix seconds. */
	disableDate?: string | null;
	disableDateEpoch?: number | null;
	otherInfo?: { title?: string; description?: string };
	raw: JsonObject;
}

export interface TemplateCategoryEvent extends EventBase, TemplateFields {
	kind: 'template_category';
	previousCategory?: string;
	/** Careful: in the advance notice this is the CURRENT category (Meta: template_category_update webhook reference). */
	newCategory?: string;
	correctCategory?: string;
	/** category_update_timestamp: when the new category applies, ISO 8601 UTC; categoryUpdateAtEpoch in Unix seconds. */
	categoryUpdateAt?: string | null;
	categoryUpdateAtEpoch?: number | null;
	raw: JsonObject;
}

export interface TemplateQualityEvent extends EventBase, TemplateFields {
	kind: 'template_quality';
	previousQualityScore?: string;
	newQualityScore?: string;
	raw: JsonObject;
}

export interface PhoneNumberQualityEvent extends EventBase {
	kind: 'phone_number_quality';
	event?: string;
	oldLimit?: string;
	currentLimit?: string;
	maxDailyConversationsPerBusiness?: string;
	raw: JsonObject;
}

export interface PhoneNumberNameEvent extends EventBase {
	kind: 'phone_number_name';
	decision?: string;
	requestedVerifiedName?: string;
	rejectionReason?: string;
	raw: JsonObject;
}

export interface AccountUpdateEvent extends EventBase {
	kind: 'account_update';
	/** account_update events (Meta: account_update webhook reference). */
	event?: string;
	/** account_review_update outcome: APPROVED, REJECTED, PENDING, DEFERRED. */
	decision?: string;
	violationInfo?: JsonObject;
	/** wabaBanDate: Meta's date ("April 17, 2025") as midnight UTC, ISO 8601; wabaBanDateEpoch in Unix seconds. */
	banInfo?: { wabaBanState?: string; wabaBanDate?: string | null; wabaBanDateEpoch?: number | null };
	/** VOLUME_BASED_PRICING_TIER_UPDATE: volume_tier_info camelCased (tierUpdateTime as ISO + Epoch). */
	volumeTierInfo?: JsonObject;
	wabaInfo?: JsonObject;
	country?: string;
	authInternationalRateEligibility?: JsonObject;
	partnerClientCertificationInfo?: JsonObject;
	raw: JsonObject;
}

export interface BusinessCapabilityEvent extends EventBase {
	kind: 'business_capability';
	/** -1 means unlimited; Meta is replacing it with maxDailyConversationsPerBusiness. */
	maxDailyConversationPerPhone?: number;
	/** A tier name ("TIER_2K") or a number, depending on the payload version. */
	maxDailyConversationsPerBusiness?: string | number;
	maxPhoneNumbersPerBusiness?: number;
	maxPhoneNumbersPerWaba?: number;
	raw: JsonObject;
}

export interface SecurityEvent extends EventBase {
	kind: 'security';
	event?: string;
	requester?: string;
	raw: JsonObject;
}

export interface UnknownChangeEvent extends EventBase {
	kind: 'unknown_change';
	raw: unknown;
}

export type WabaEvent =
	| TemplateStatusEvent
	| TemplateCategoryEvent
	| TemplateQualityEvent
	| PhoneNumberQualityEvent
	| PhoneNumberNameEvent
	| AccountUpdateEvent
	| BusinessCapabilityEvent
	| SecurityEvent
	| UnknownChangeEvent;
