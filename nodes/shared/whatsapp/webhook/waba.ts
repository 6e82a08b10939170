/** One WABA-level change (Meta's Webhooks overview page: templates, quality, account, capability, security) → one event. */
import { eventBase, type ChangeScope } from './common';
import { asNumber, asObject, asString, compact, fingerprint, type JsonObject } from './jsonReaders';
import { camelCaseWithTimes, dateFields, readUnixTime, timeFields } from './times';
import type { EventBase, WabaEvent, WhatsAppEventKind } from './types';

const KIND_BY_FIELD: Record<string, WhatsAppEventKind> = {
	message_template_status_update: 'template_status',
	template_category_update: 'template_category',
	message_template_quality_update: 'template_quality',
	phone_number_quality_update: 'phone_number_quality',
	phone_number_name_update: 'phone_number_name',
	account_update: 'account_update',
	account_review_update: 'account_update', // same family; `field` and `decision` tell them apart
	business_capability_update: 'business_capability',
	security: 'security',
};

export function normaliseWabaChange(value: unknown, scope: ChangeScope): WabaEvent {
	const object = asObject(value);
	const kind = object ? kindOf(scope.field, object) : 'unknown_change';
	// No id in these payloads: a retried delivery repeats entry.time and value, so fingerprint them.
	const eventId = `${kind}:${fingerprint([scope.wabaId, scope.field, scope.entryTime ?? null, value ?? null])}`;
	const displayPhoneNumber = asString(object?.display_phone_number) ?? scope.displayPhoneNumber;
	const base = (eventKind: WhatsAppEventKind): EventBase =>
		eventBase({ ...scope, displayPhoneNumber }, eventKind, eventId, readUnixTime(scope.entryTime));
	if (!object) return { ...base('unknown_change'), kind: 'unknown_change', raw: value };
	const raw = object;
	switch (kind) {
		case 'template_status':
			return compact({ ...base(kind), kind, ...templateFields(raw), ...templateStatusFields(raw), raw });
		case 'template_category':
			return compact({
				...base(kind),
				kind,
				...templateFields(raw),
				previousCategory: asString(raw.previous_category),
				newCategory: asString(raw.new_category),
				correctCategory: asString(raw.correct_category),
				...timeFields('categoryUpdateAt', raw.category_update_timestamp),
				raw,
			});
		case 'template_quality':
			return compact({
				...base(kind),
				kind,
				...templateFields(raw),
				previousQualityScore: asString(raw.previous_quality_score),
				newQualityScore: asString(raw.new_quality_score),
				raw,
			});
		case 'phone_number_quality':
			return compact({
				...base(kind),
				kind,
				event: asString(raw.event),
				oldLimit: asString(raw.old_limit),
				currentLimit: asString(raw.current_limit),
				maxDailyConversationsPerBusiness: asString(raw.max_daily_conversations_per_business),
				raw,
			});
		case 'phone_number_name':
			return compact({
				...base(kind),
				kind,
				decision: asString(raw.decision),
				requestedVerifiedName: asString(raw.requested_verified_name),
				rejectionReason: asString(raw.rejection_reason),
				raw,
			});
		case 'account_update':
			return compact({ ...base(kind), kind, ...accountFields(raw), raw });
		case 'business_capability':
			return compact({ ...base(kind), kind, ...capabilityFields(raw), raw });
		case 'security':
			return compact({ ...base(kind), kind, event: asString(raw.event), requester: asString(raw.requester), raw });
		default:
			return { ...base('unknown_change'), kind: 'unknown_change', raw };
	}
}

function kindOf(field: string, value: JsonObject): WhatsAppEventKind {
	const kind = Object.prototype.hasOwnProperty.call(KIND_BY_FIELD, field) ? KIND_BY_FIELD[field] : 'unknown_change';
	// Meta's message_template_quality_update webhook reference page: Meta's own example labels a quality change as a status update; trust the shape.
	if (kind === 'template_status' && value.event === undefined && value.new_quality_score !== undefined) {
		return 'template_quality';
	}
	return kind;
}

function templateFields(value: JsonObject) {
	return {
		templateId: asString(value.message_template_id),
		templateName: asString(value.message_template_name),
		language: asString(value.message_template_language),
	};
}

/** Meta's message_template_status_update webhook reference page: reason is null when the template is scheduled for deletion. */
function templateStatusFields(value: JsonObject) {
	const rejection = asObject(value.rejection_info);
	const other = asObject(value.other_info);
	return {
		event: asString(value.event),
		reason: asString(value.reason),
		category: asString(value.message_template_category),
		rejectionInfo: rejection
			? compact({ reason: asString(rejection.reason), recommendation: asString(rejection.recommendation) })
			: undefined,
		...timeFields('disableDate', asObject(value.disable_info)?.disable_date),
		otherInfo: other ? compact({ title: asString(other.title), description: asString(other.description) }) : undefined,
	};
}

/**
 * Meta's account_update webhook reference page: the extra objects depend on the event; keep them
 * whole, camelCased, their Unix times as ISO + Epoch pairs; the ban date ("April 17, 2025") too.
 */
function accountFields(value: JsonObject) {
	const ban = asObject(value.ban_info);
	const banState = Array.isArray(ban?.waba_ban_state) ? ban?.waba_ban_state[0] : ban?.waba_ban_state;
	const objectField = (key: string) => {
		const object = asObject(value[key]);
		return object ? (camelCaseWithTimes(object) as JsonObject) : undefined;
	};
	return {
		event: asString(value.event),
		decision: asString(value.decision),
		violationInfo: objectField('violation_info'),
		banInfo: ban ? compact({ wabaBanState: asString(banState), ...dateFields('wabaBanDate', ban.waba_ban_date) }) : undefined,
		volumeTierInfo: objectField('volume_tier_info'),
		wabaInfo: objectField('waba_info'),
		country: asString(value.country),
		authInternationalRateEligibility: objectField('auth_international_rate_eligibility'),
		partnerClientCertificationInfo: objectField('partner_client_certification_info'),
	};
}

function capabilityFields(value: JsonObject) {
	const perBusiness = value.max_daily_conversations_per_business;
	return {
		maxDailyConversationPerPhone: asNumber(value.max_daily_conversation_per_phone),
		maxDailyConversationsPerBusiness: typeof perBusiness === 'number' ? asNumber(perBusiness) : asString(perBusiness),
		maxPhoneNumbersPerBusiness: asNumber(value.max_phone_numbers_per_business),
		maxPhoneNumbersPerWaba: asNumber(value.max_phone_numbers_per_waba),
	};
}
