/**
 * Phone numbers (Meta: Phone numbers): GET /{waba-id}/phone_numbers with `data` + cursor paging, and the single
 * number GET /{phone-number-id}?fields=… (what the credential test calls). Default fields follow (Meta: Phone numbers).
 */
import { pickFields, requestedFields, wabaIdOf, type Handler, type RequestContext } from '../http/context';
import type { PhoneNumberRecord } from '../seed';
import { throughputOf } from '../state/throughput';
import { paginate } from './paging';

const PHONE_FIELDS = [
	'id', 'display_phone_number', 'verified_name', 'status', 'quality_rating', 'code_verification_status', 'name_status',
	'platform_type', 'throughput', 'messaging_limit_tier', 'whatsapp_business_manager_messaging_limit',
	'is_official_business_account', 'account_mode', 'country_code', 'country_dial_code', 'webhook_configuration',
] as const;
const DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'];

export function phoneNumberView(context: RequestContext, phoneNumber: PhoneNumberRecord): Record<string, unknown> {
	const { wabaId, ...visible } = phoneNumber;
	const fields = requestedFields(context) ?? DEFAULT_FIELDS;
	const { state } = context;
	// Meta's Webhook overrides page: the callbacks in force at each level (app, WABA override, phone-number override).
	const webhookConfiguration = Object.fromEntries(
		Object.entries({ application: state.config.webhook.url, whatsapp_business_account: state.callbackOverrides.get(wabaId), phone_number: state.callbackOverrides.get(phoneNumber.id) }).filter(([, url]) => url),
	);
	// Meta's Throughput page: the level follows the number's ceiling (config.throughput).
	const throughput = { level: throughputOf(state.config, phoneNumber.id).level };
	return { ...pickFields({ ...visible, throughput, webhook_configuration: webhookConfiguration }, fields, PHONE_FIELDS, 'WhatsAppBusinessPhoneNumber'), id: phoneNumber.id };
}

/** Meta's Phone numbers page: GET /{waba-id}/phone_numbers?fields&limit&after&before. */
export const listPhoneNumbers: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const numbers = [...context.state.phoneNumbers.values()].filter((phoneNumber) => phoneNumber.wabaId === wabaId);
	const page = paginate(context, numbers, (phoneNumber) => phoneNumber.id);
	return { json: { data: page.items.map((phoneNumber) => phoneNumberView(context, phoneNumber)), paging: page.paging } };
};
