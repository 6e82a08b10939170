import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** HubSpot private app access token (Bearer), HubSpot "Private apps" page. */
export class WhatsAppHubSpotApi implements ICredentialType {
	name = 'whatsAppHubSpotApi';

	displayName = 'WhatsApp CRM: HubSpot Private App API';

	documentationUrl = 'https://developers.hubspot.com/docs/api/private-apps';

	icon = { light: 'file:../nodes/WhatsAppCrm/whatsappCrm.svg', dark: 'file:../nodes/WhatsAppCrm/whatsappCrm.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Settings › Integrations › Private Apps › your app › Auth. Scopes: crm.objects.contacts.read, crm.objects.contacts.write, crm.objects.owners.read (and crm.schemas.contacts.write to let the node create its properties).',
		},
		{
			displayName: 'Use a Custom Server (for Testing)',
			name: 'customServer',
			type: 'boolean',
			default: false,
			description: 'Whether to send requests to a local test server instead of api.hubapi.com',
		},
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8092',
			displayOptions: { show: { customServer: [true] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	// Owners: proves the token and the owners scope the round-robin needs.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.customServer ? $credentials.serverUrl.replace(/\\/+$/, "") : "https://api.hubapi.com"}}',
			url: '/crm/v3/owners',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'HubSpot refused the token (invalid, rotated or expired): copy it again from Settings › Integrations › Private Apps › your app › Auth.' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The private app lacks a scope: add crm.objects.contacts.read, crm.objects.contacts.write and crm.objects.owners.read under Scopes.' },
			},
		],
	};
}
