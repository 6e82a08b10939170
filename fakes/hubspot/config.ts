/** Settings of the HubSpot fake. Change them with `PATCH /__fake/config`. */
import { check, COMMON_CONFIG_CHECKS, defaultCommonConfig, type CommonFakeConfig, type ConfigCheck } from '../common/config';

export interface HubSpotFakeConfig extends CommonFakeConfig {
	/** The unique contact properties whatsapp_id and whatsapp_bsuid and the datetime whatsapp_last_inbound_at exist (applied on reset). */
	whatsAppProperties: boolean;
	/**
	 * Search requests allowed per second per token (HubSpot's changelog "CRM Search API Rate Limit
	 * Increase": 4/s; some integrators quote 5). 0 = no search-specific limit (default, so tests stay
	 * deterministic); over it → 429 `policyName: SECONDLY`.
	 */
	searchRequestsPerSecond: number;
}

export function defaultHubSpotConfig(): HubSpotFakeConfig {
	return { ...defaultCommonConfig(), whatsAppProperties: true, searchRequestsPerSecond: 0 };
}

export const HUBSPOT_CONFIG_CHECKS: Record<string, ConfigCheck> = {
	...COMMON_CONFIG_CHECKS,
	whatsAppProperties: check.boolean,
	searchRequestsPerSecond: check.nonNegative,
};
