import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { CrmKind } from '../../shared/crm';

/** The credential type each CRM uses (credentials/WhatsApp*.credentials.ts). */
export const CREDENTIAL_TYPES: Record<CrmKind, string> = {
	zohoCrm: 'whatsAppZohoOAuth2Api',
	bigin: 'whatsAppZohoOAuth2Api',
	zendesk: 'whatsAppZendeskApi',
	hubspot: 'whatsAppHubSpotApi',
};

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The API base URL (no trailing slash) for a CRM from its credential: Zoho's `api_domain` from the
 * token (Zoho "Multi DC"), `https://{subdomain}.zendesk.com`, `https://api.hubapi.com`; or the test
 * server the credential names.
 */
export function apiBaseUrl(crm: CrmKind, credentials: ICredentialDataDecryptedObject): string {
	if (crm === 'zohoCrm' || crm === 'bigin') {
		const custom = credentials.dataCenter === 'custom' ? String(credentials.customApiDomain ?? '') : '';
		const token = (credentials.oauthTokenData ?? {}) as { api_domain?: string };
		return trimSlash(custom || token.api_domain || `https://www.zohoapis.${String(credentials.dataCenter ?? 'com')}`);
	}
	const custom = credentials.customServer === true ? String(credentials.serverUrl ?? '') : '';
	if (crm === 'zendesk') return trimSlash(custom || `https://${String(credentials.subdomain ?? '').trim()}.zendesk.com`);
	return trimSlash(custom || 'https://api.hubapi.com');
}
