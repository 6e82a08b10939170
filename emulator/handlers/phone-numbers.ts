/**
 * Phone numbers (§5.3): GET /{waba-id}/phone_numbers with `data` + cursor paging, and the single
 * number GET /{phone-number-id}?fields=… (what the credential test calls). Default fields follow §5.3.
 */
import { pickFields, requestedFields, wabaIdOf, type Handler, type RequestContext } from '../http/context';
import type { PhoneNumberRecord } from '../seed';
import { paginate } from './paging';

const PHONE_FIELDS = [
	'id', 'display_phone_number', 'verified_name', 'status', 'quality_rating', 'code_verification_status', 'name_status',
	'platform_type', 'throughput', 'messaging_limit_tier', 'whatsapp_business_manager_messaging_limit',
	'is_official_business_account', 'account_mode', 'country_code', 'country_dial_code',
] as const;
const DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'];

export function phoneNumberView(context: RequestContext, phoneNumber: PhoneNumberRecord): Record<string, unknown> {
	const { wabaId: _wabaId, ...visible } = phoneNumber;
	const fields = requestedFields(context) ?? DEFAULT_FIELDS;
	return { ...pickFields(visible, fields, PHONE_FIELDS, 'WhatsAppBusinessPhoneNumber'), id: phoneNumber.id };
}

/** §5.3: GET /{waba-id}/phone_numbers?fields&limit&after&before. */
export const listPhoneNumbers: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const numbers = [...context.state.phoneNumbers.values()].filter((phoneNumber) => phoneNumber.wabaId === wabaId);
	const page = paginate(context, numbers, (phoneNumber) => phoneNumber.id);
	return { json: { data: page.items.map((phoneNumber) => phoneNumberView(context, phoneNumber)), paging: page.paging } };
};
