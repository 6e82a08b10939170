/** Settings of the Zoho fake (accounts, CRM and Bigin). Change them with `PATCH /__fake/config`. */
import { check, COMMON_CONFIG_CHECKS, defaultCommonConfig, type CommonFakeConfig, type ConfigCheck } from '../common/config';

export interface ZohoFakeConfig extends CommonFakeConfig {
	/** Lifetime of access tokens in seconds (Zoho: 3600). After it, API calls answer 401 `INVALID_TOKEN`. */
	accessTokenTtlSeconds: number;
	/**
	 * HTTP status of token-endpoint errors such as `{"error":"invalid_code"}`. Zoho users report
	 * these with status 200; not confirmed from Zoho's pages, so it can be set to 400.
	 */
	oauthErrorStatus: 200 | 400;
	/** Access tokens one refresh token may mint per 10 minutes (Zoho documents 10); 0 = unlimited. */
	accessTokensPerRefreshTokenPer10Minutes: number;
	/** Also accept `Authorization: Bearer <token>` besides `Zoho-oauthtoken <token>` (n8n's OAuth2 helper sends Bearer). */
	acceptBearer: boolean;
	/** `api_domain` returned with tokens; `null` = this fake's own URL (so the API calls come back here). */
	apiDomain: string | null;
	/** Fields not in the module: `ignore` (dropped silently, the most plausible Zoho behaviour) or `reject` (`INVALID_DATA`). */
	unknownFields: 'ignore' | 'reject';
	/** `GET …/search?phone=`: `digits` compares digits only (formatting ignored), `exact` the stored string. Zoho's rule is not documented. */
	phoneSearch: 'digits' | 'exact';
	/** Search also needs `ZohoSearch.securesearch.READ`, as Zoho's search-records docs list. */
	searchNeedsSecureSearchScope: boolean;
	/** Mandatory fields by `product.Module` (layouts can add some, e.g. `Company` on Leads). */
	mandatoryFields: Record<string, string[]>;
	/** The WhatsApp custom fields (WhatsApp_ID and WhatsApp_BSUID unique, Last_WhatsApp_Inbound) exist in every module. */
	whatsAppFields: boolean;
}

export function defaultZohoConfig(): ZohoFakeConfig {
	return {
		...defaultCommonConfig(),
		accessTokenTtlSeconds: 3600,
		oauthErrorStatus: 200,
		accessTokensPerRefreshTokenPer10Minutes: 10,
		acceptBearer: true,
		apiDomain: null,
		unknownFields: 'ignore',
		phoneSearch: 'digits',
		searchNeedsSecureSearchScope: true,
		mandatoryFields: { 'crm.Leads': ['Last_Name'], 'crm.Contacts': ['Last_Name'], 'bigin.Contacts': ['Last_Name'] },
		whatsAppFields: true,
	};
}

export const ZOHO_CONFIG_CHECKS: Record<string, ConfigCheck> = {
	...COMMON_CONFIG_CHECKS,
	accessTokenTtlSeconds: check.nonNegative,
	oauthErrorStatus: check.oneOf(200, 400),
	accessTokensPerRefreshTokenPer10Minutes: check.nonNegative,
	acceptBearer: check.boolean,
	apiDomain: check.nullableString,
	unknownFields: check.oneOf('ignore', 'reject'),
	phoneSearch: check.oneOf('digits', 'exact'),
	searchNeedsSecureSearchScope: check.boolean,
	mandatoryFields: check.stringArrayRecord,
	whatsAppFields: check.boolean,
};
