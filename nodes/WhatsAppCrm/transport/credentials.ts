import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { CrmSetupError, type CrmKind } from '../../shared/crm';

/** The credential type each CRM uses (credentials/WhatsApp*.credentials.ts). */
export const CREDENTIAL_TYPES: Record<CrmKind, string> = {
	zohoCrm: 'whatsAppZohoOAuth2Api',
	bigin: 'whatsAppZohoOAuth2Api',
	zendesk: 'whatsAppZendeskApi',
	hubspot: 'whatsAppHubSpotApi',
};

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The Zendesk subdomain from what a user typed: `acme`, or the address pasted whole
 * (`https://acme.zendesk.com/agent/…`, `acme.zendesk.com`) read down to `acme`. The credential's
 * test reads it the same way (credentials/WhatsAppZendeskApi.credentials.ts). Throws CrmSetupError
 * naming the fix for anything else (a host-mapped address such as support.acme.com, spaces).
 */
export function zendeskSubdomain(value: unknown): string {
	const typed = String(value ?? '').trim();
	const subdomain = typed
		.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
		.replace(/[/?#].*$/, '')
		.replace(/\.zendesk\.com\.?$/i, '')
		.toLowerCase();
	if (/^[a-z0-9][a-z0-9-]*$/.test(subdomain)) return subdomain;
	throw new CrmSetupError(
		`The Zendesk Subdomain "${typed}" is not a zendesk.com subdomain`,
		'Enter the part before .zendesk.com in your Zendesk address (acme for https://acme.zendesk.com) in the credential. A host-mapped address such as support.acme.com does not serve the API: use the zendesk.com address shown in Admin Center › Account › Brand management.',
	);
}

/**
 * The API base URL (no trailing slash) for a CRM from its credential: Zoho's `api_domain` from the
 * token (Zoho "Multi DC"), `https://{subdomain}.zendesk.com` (zendeskSubdomain), `https://api.hubapi.com`; or the test
 * server the credential names.
 */
export function apiBaseUrl(crm: CrmKind, credentials: ICredentialDataDecryptedObject): string {
	if (crm === 'zohoCrm' || crm === 'bigin') {
		const custom = credentials.dataCenter === 'custom' ? String(credentials.customApiDomain ?? '') : '';
		const token = (credentials.oauthTokenData ?? {}) as { api_domain?: string };
		return trimSlash(custom || token.api_domain || `https://www.zohoapis.${String(credentials.dataCenter ?? 'com')}`);
	}
	const custom = credentials.customServer === true ? String(credentials.serverUrl ?? '') : '';
	if (crm === 'zendesk') return trimSlash(custom || `https://${zendeskSubdomain(credentials.subdomain)}.zendesk.com`);
	return trimSlash(custom || 'https://api.hubapi.com');
}
