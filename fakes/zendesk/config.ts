/** Settings of the Zendesk fake. Change them with `PATCH /__fake/config`. */
import { check, COMMON_CONFIG_CHECKS, defaultCommonConfig, type CommonFakeConfig, type ConfigCheck } from '../common/config';

export interface ZendeskFakeConfig extends CommonFakeConfig {
	/** The account setting "Validate user phone numbers": a non-E.164 `phone` answers 422 `RecordInvalid`. */
	validatePhoneNumbers: boolean;
	/** Seconds an upload token stays usable (Zendesk: 60 minutes). */
	uploadTokenTtlSeconds: number;
	/** A comment naming an unknown, expired or used upload token: `ignore` it (the comment is kept without the file) or `reject` with 422. Not confirmed. */
	invalidUploadToken: 'ignore' | 'reject';
	/** `users/search?external_id=` and `show_many?external_ids=` also lag like search (default: they read the store at once). Not confirmed. */
	externalIdLookupLags: boolean;
	/** The custom user fields whatsapp_id, whatsapp_bsuid and whatsapp_last_inbound_at exist. */
	whatsAppUserFields: boolean;
}

export function defaultZendeskConfig(): ZendeskFakeConfig {
	return { ...defaultCommonConfig(), validatePhoneNumbers: false, uploadTokenTtlSeconds: 3600, invalidUploadToken: 'ignore', externalIdLookupLags: false, whatsAppUserFields: true };
}

export const ZENDESK_CONFIG_CHECKS: Record<string, ConfigCheck> = {
	...COMMON_CONFIG_CHECKS,
	validatePhoneNumbers: check.boolean,
	uploadTokenTtlSeconds: check.nonNegative,
	invalidUploadToken: check.oneOf('ignore', 'reject'),
	externalIdLookupLags: check.boolean,
	whatsAppUserFields: check.boolean,
};
