/**
 * Seed data: the account every emulator starts with (and returns to on POST /__emulator/reset).
 * IDs and names follow Meta's own examples (Lucky Shrub, WABA 102290129340398, (Meta: Messages webhook reference)).
 * Templates live in seed-templates.ts.
 */
export const SEED = {
	wabaId: '102290129340398',
	wabaName: 'Lucky Shrub',
	appId: '1234567890',
	appSecret: 'emulator-app-secret',
	verifyToken: 'emulator-verify-token',
	accessToken: 'EMULATOR_ACCESS_TOKEN',
	dialog360ApiKey: 'EMULATOR_360_KEY',
	phoneNumberId: '106540352242922',
	secondPhoneNumberId: '106540352242923',
	templateNamespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
} as const;

/** Meta's Phone numbers page: phone-number object, as GET /{phone-number-id} returns it (`throughput` comes from config.throughput). */
export interface PhoneNumberRecord {
	id: string;
	wabaId: string;
	display_phone_number: string;
	verified_name: string;
	status: string;
	quality_rating: string;
	code_verification_status: string;
	name_status: string;
	platform_type: string;
	messaging_limit_tier: string;
	whatsapp_business_manager_messaging_limit: string;
	is_official_business_account: boolean;
	account_mode: string;
	country_code: string;
	country_dial_code: string;
}

/** Meta's Business profiles page: business profile fields. */
export interface BusinessProfile {
	about: string;
	address: string;
	description: string;
	email: string;
	profile_picture_url: string;
	websites: string[];
	vertical: string;
	messaging_product: 'whatsapp';
}

export function seedPhoneNumbers(): PhoneNumberRecord[] {
	const common = {
		wabaId: SEED.wabaId,
		status: 'CONNECTED',
		quality_rating: 'GREEN',
		code_verification_status: 'VERIFIED',
		name_status: 'APPROVED',
		platform_type: 'CLOUD_API',
		messaging_limit_tier: 'TIER_1K',
		whatsapp_business_manager_messaging_limit: 'TIER_2K',
		is_official_business_account: false,
		account_mode: 'LIVE',
		country_code: 'US',
		country_dial_code: '1',
	};
	return [
		{ ...common, id: SEED.phoneNumberId, display_phone_number: '15550783881', verified_name: 'Lucky Shrub' },
		{ ...common, id: SEED.secondPhoneNumberId, display_phone_number: '15550783882', verified_name: 'Lucky Shrub Support' },
	];
}

export function seedBusinessProfiles(): Map<string, BusinessProfile> {
	const profile = (about: string, email: string): BusinessProfile => ({
		about,
		address: '1 Hacker Way, Menlo Park, CA 94025',
		description: 'At Lucky Shrub, we specialize in succulents, cacti and everything needed to keep them happy.',
		email,
		profile_picture_url: 'https://pps.whatsapp.net/v/t61.24694-24/emulator-lucky-shrub.jpg',
		websites: ['https://www.luckyshrub.com/'],
		vertical: 'RETAIL',
		messaging_product: 'whatsapp',
	});
	return new Map([
		[SEED.phoneNumberId, profile('Succulent specialists!', 'lucky@luckyshrub.com')],
		[SEED.secondPhoneNumberId, profile('Lucky Shrub customer support', 'support@luckyshrub.com')],
	]);
}

/** 360dialog keys are per phone number (docs/360dialog.md): the seeded key sends from the first number. */
export function seedDialog360Keys(): Map<string, string> {
	return new Map([[SEED.dialog360ApiKey, SEED.phoneNumberId]]);
}
