import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Zendesk Support with an agent's email and an API token (Basic `{email}/token:{api_token}`, Zendesk "API token" page). */
export class WhatsAppZendeskApi implements ICredentialType {
	name = 'whatsAppZendeskApi';

	displayName = 'WhatsApp CRM: Zendesk API';

	documentationUrl = 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/';

	icon = { light: 'file:../nodes/WhatsAppCrm/whatsappCrm.svg', dark: 'file:../nodes/WhatsAppCrm/whatsappCrm.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			description: 'The part before .zendesk.com in your help desk address (acme for https://acme.zendesk.com; a pasted address is read down to it)',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address of the agent or admin the API token belongs to',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From Admin Center › Apps and integrations › APIs › Zendesk API (token access must be on)',
		},
		{
			displayName: 'Use a Custom Server (for Testing)',
			name: 'customServer',
			type: 'boolean',
			default: false,
			description: 'Whether to send requests to a local test server instead of {subdomain}.zendesk.com',
		},
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8091',
			displayOptions: { show: { customServer: [true] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.email}}/token', password: '={{$credentials.apiToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			// A pasted address (https://acme.zendesk.com/…, acme.zendesk.com) is read down to the subdomain, as the node reads it (transport/credentials.ts).
			baseURL:
				'={{$credentials.customServer ? $credentials.serverUrl.replace(/\\/+$/, "") : "https://" + String($credentials.subdomain).trim().replace(/^[a-z][a-z0-9+.-]*:\\/\\//i, "").replace(/[\\/?#].*$/, "").replace(/\\.zendesk\\.com\\.?$/i, "").toLowerCase() + ".zendesk.com"}}',
			url: '/api/v2/users/me.json',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: "Zendesk couldn't authenticate you: check the email and the API token, and that token access is on in Admin Center › Apps and integrations › APIs › Zendesk API.",
				},
			},
			{ type: 'responseCode', properties: { value: 404, message: 'No Zendesk account at this subdomain: enter only the part before .zendesk.com.' } },
			{ type: 'responseCode', properties: { value: 403, message: 'The user may not use the API: connect with an agent or admin.' } },
		],
	};
}
