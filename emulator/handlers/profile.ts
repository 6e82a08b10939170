/**
 * Business profile (Meta: Business profiles): GET returns `{data:[{...flat fields}]}` (the flat shape of the
 * guide and SDKs); POST validates against Meta's WhatsAppBusinessProfileUpdateRequest schema, then
 * Meta's Business profiles page: rules, and changes only the fields sent.
 */
import { jsonBody, phoneNumberOf, pickFields, requestedFields, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';
import type { BusinessProfile } from '../seed';

const PROFILE_FIELDS = ['about', 'address', 'description', 'email', 'profile_picture_url', 'websites', 'vertical', 'messaging_product'] as const;
const UPDATABLE = ['about', 'address', 'description', 'email', 'websites', 'vertical'] as const;

/** Meta's Business profiles page: GET /{phone-number-id}/whatsapp_business_profile?fields= (360dialog: GET /whatsapp_business_profile, docs/360dialog.md). */
export const getBusinessProfile: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const profile = context.state.businessProfiles.get(phoneNumber.id)!;
	const fields = requestedFields(context) ?? [...PROFILE_FIELDS];
	return { json: { data: [pickFields({ ...profile }, fields, PROFILE_FIELDS, 'WhatsAppBusinessProfile')] } };
};

/** Meta's Business profiles page: POST …/whatsapp_business_profile; limits from the OpenAPI schema and (Meta: Business profiles). */
export const updateBusinessProfile: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const body = jsonBody(context);
	context.validator.validate('updateBusinessProfile', body);
	if (body.messaging_product !== 'whatsapp') throw new MetaApiError(100, 'Param messaging_product must be "whatsapp".');
	// Meta's Business profiles page: about cannot be empty; websites need their scheme.
	if (typeof body.about === 'string' && body.about.trim() === '') throw new MetaApiError(100, 'Param about cannot be empty (1–139 characters).');
	for (const website of (body.websites as string[] | undefined) ?? []) {
		if (!/^https?:\/\//i.test(website)) throw new MetaApiError(100, `Param websites must be URLs starting with http:// or https://; got "${website}".`);
	}
	const profile = context.state.businessProfiles.get(phoneNumber.id)!;
	const changes: Partial<BusinessProfile> = {};
	for (const field of UPDATABLE) if (body[field] !== undefined) (changes as Record<string, unknown>)[field] = body[field];
	// profile_picture_handle is a Resumable Upload handle (Meta: Templates overview); the emulator only records that one was set.
	if (typeof body.profile_picture_handle === 'string') changes.profile_picture_url = `${context.baseUrl}/profile-pictures/${phoneNumber.id}.jpg`;
	Object.assign(profile, changes);
	return { json: { success: true } };
};
