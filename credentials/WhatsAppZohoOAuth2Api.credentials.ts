import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The part of a Zoho host that names the data centre: accounts.zoho.{dc}, www.zohoapis.{dc} (Zoho "Multi DC" page); Canada's accounts host is zohocloud.ca. */
const ACCOUNTS = '($self.dataCenter === "custom" ? $self.customAccountsUrl.replace(/\\/+$/, "") : $self.dataCenter === "ca" ? "https://accounts.zohocloud.ca" : "https://accounts.zoho." + $self.dataCenter)';
const CRM_SCOPES = 'ZohoCRM.modules.ALL,ZohoCRM.users.READ,ZohoCRM.settings.fields.READ';
const BIGIN_SCOPES = 'ZohoBigin.modules.ALL,ZohoBigin.users.READ,ZohoBigin.settings.fields.READ';
const SEARCH_SCOPE = 'ZohoSearch.securesearch.READ';

/**
 * Zoho CRM and Bigin through Zoho's OAuth 2.0 (authorization code, offline access so n8n can refresh the
 * token). The data centre picks the accounts server; API calls go to the `api_domain` Zoho returns with
 * the token (Zoho "OAuth 2.0" and "Multi DC" pages for CRM v8 and Bigin v2).
 */
export class WhatsAppZohoOAuth2Api implements ICredentialType {
	name = 'whatsAppZohoOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'WhatsApp CRM: Zoho CRM and Bigin OAuth2 API';

	documentationUrl = 'https://www.zoho.com/crm/developer/docs/api/v8/oauth-overview.html';

	icon = { light: 'file:../nodes/WhatsAppCrm/whatsappCrm.svg', dark: 'file:../nodes/WhatsAppCrm/whatsappCrm.dark.svg' } as const;

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Data Centre',
			name: 'dataCenter',
			type: 'options',
			default: 'com',
			description: 'Where your Zoho account lives: the domain you sign in at (accounts.zoho.com, accounts.zoho.eu, …)',
			options: [
				{ name: 'Australia (zoho.com.au)', value: 'com.au' },
				{ name: 'Canada (zohocloud.ca)', value: 'ca' },
				{ name: 'China (zoho.com.cn)', value: 'com.cn' },
				{ name: 'Custom Accounts Server (for Testing)', value: 'custom' },
				{ name: 'Europe (zoho.eu)', value: 'eu' },
				{ name: 'India (zoho.in)', value: 'in' },
				{ name: 'Japan (zoho.jp)', value: 'jp' },
				{ name: 'Saudi Arabia (zoho.sa)', value: 'sa' },
				{ name: 'United States (zoho.com)', value: 'com' },
			],
		},
		{
			displayName: 'Accounts Server URL',
			name: 'customAccountsUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8090',
			description: 'A local test server that speaks Zoho OAuth (/oauth/v2/auth and /oauth/v2/token)',
			displayOptions: { show: { dataCenter: ['custom'] } },
		},
		{
			displayName: 'API Domain Override',
			name: 'customApiDomain',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8090',
			description: 'Leave empty to use the api_domain Zoho returns with the token',
			displayOptions: { show: { dataCenter: ['custom'] } },
		},
		{
			displayName: 'Products',
			name: 'products',
			type: 'options',
			default: 'crm',
			description: 'Which Zoho product the node will use; this sets the permissions (scopes) asked for when you connect',
			options: [
				{ name: 'Zoho CRM', value: 'crm' },
				{ name: 'Bigin', value: 'bigin' },
				{ name: 'Both', value: 'both' },
			],
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: `={{${ACCOUNTS}}}/oauth/v2/auth` },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: `={{${ACCOUNTS}}}/oauth/v2/token` },
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{$self.products === "bigin" ? "${BIGIN_SCOPES},${SEARCH_SCOPE}" : $self.products === "both" ? "${CRM_SCOPES},${BIGIN_SCOPES},${SEARCH_SCOPE}" : "${CRM_SCOPES},${SEARCH_SCOPE}"}}`,
		},
		// offline: Zoho returns a refresh token; prompt=consent: it does so again on a reconnect.
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: 'access_type=offline&prompt=consent' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];

	// The current user: any valid token with the users scope can read it.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.dataCenter === "custom" && $credentials.customApiDomain ? $credentials.customApiDomain : ($credentials.oauthTokenData && $credentials.oauthTokenData.api_domain) || "https://www.zohoapis." + $credentials.dataCenter).replace(/\\/+$/, "")}}',
			url: '={{$credentials.products === "bigin" ? "/bigin/v2/users" : "/crm/v8/users"}}',
			qs: { type: 'CurrentUser' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Zoho refused the token (INVALID_TOKEN: expired or revoked). Click "Reconnect", and check that the Data Centre is the one you sign in at.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token lacks a scope (OAUTH_SCOPE_MISMATCH) or the user lacks permission. Check Products, then reconnect so Zoho asks for the scopes again.',
				},
			},
		],
	};
}
