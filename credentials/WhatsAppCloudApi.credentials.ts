import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { sharedStateRedisUrlProperty } from '../nodes/shared/transport/sharedStateField';

/** Meta's WhatsApp Business Platform Cloud API (Graph API). (Meta: Send messages, Create a webhook endpoint, Webhook overrides). */
export class WhatsAppCloudApi implements ICredentialType {
	name = 'whatsAppCloudApi';

	displayName = 'WhatsApp Cloud API';

	documentationUrl = 'https://developers.facebook.com/docs/whatsapp/cloud-api/get-started';

	icon = { light: 'file:../icons/whatsapp.svg', dark: 'file:../icons/whatsapp.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A System User access token with whatsapp_business_messaging and whatsapp_business_management permissions (it does not expire)',
		},
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'wabaId',
			type: 'string',
			default: '',
			required: true,
			description: 'The WABA ID shown in WhatsApp Manager › Account tools › Phone numbers, or in the App Dashboard › WhatsApp › API Setup',
		},
		{
			displayName: 'Default Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Phone number ID (not the phone number itself) that sends messages unless a node chooses another',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: 'v24.0',
			placeholder: 'v24.0',
			description: 'Meta Graph API version to pin, for example v24.0',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://graph.facebook.com',
			description:
				"Meta's Graph host, https://graph.facebook.com (a version or the whole messages URL pasted from API Setup is cut back to the host). Point it at the local emulator (e.g. http://127.0.0.1:8089) to build and test without a Meta account.",
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			description: 'Needed by the trigger to register its webhook automatically',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Used by the trigger to check the X-Hub-Signature-256 of every webhook. Without it, webhooks are refused.',
		},
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"A random string of your own (e.g. from a password generator); Meta echoes it when it verifies the webhook URL. Paste the same value in Meta's App Dashboard when registering by hand. A plain word or number is not hidden in outputs (it cannot be told from ordinary text), only where it stands as the verify token.",
		},
		sharedStateRedisUrlProperty,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// Meta answers an expired/invalid token with code 190 (HTTP 401) and an unknown ID with code 100 (HTTP 400), (Meta: Error codes).
	// The URL is normalised as the nodes do (connection.ts graphHost / graphApiVersion): a version typed at
	// the end of the Base URL is dropped with what follows it (Meta's whole messages URL pasted), a host
	// without https:// gets it (http:// for localhost, 127.x, [::1]), and "24.0" or "24" is read as v24.0,
	// so the test reads what the nodes send.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.baseUrl || "https://graph.facebook.com").trim().replace(/\\/+$/, "")' +
				'.replace(/^(?![a-z][a-z\\d+.-]*:\\/\\/)(?=localhost|127\\.|\\[::1\\])/i, "http://").replace(/^(?![a-z][a-z\\d+.-]*:\\/\\/)/i, "https://")' +
				'.replace(/\\/v\\d+(\\.\\d+)?(\\/\\d+(\\/[^?#]*)?)?([?#].*)?$/i, "").replace(/\\/+$/, "")}}' +
				'/{{String($credentials.graphApiVersion || "v24.0").trim().replace(/^\\/*v?(\\d+)\\/*$/i, "$1.0").replace(/^\\/*v?(\\d+\\.\\d+)\\/*$/i, "v$1")}}',
			url: '=/{{$credentials.phoneNumberId}}',
			qs: { fields: 'display_phone_number,verified_name,quality_rating' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Access token rejected (Meta error 190: expired, revoked, or not a valid token, e.g. copied incompletely). Generate a new token, ideally a System User token that does not expire, and paste it here whole.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Meta does not know this Phone Number ID (error 100), or the Graph API Version is not one Meta serves. Copy the Phone number ID (not the phone number) from App Dashboard › WhatsApp › API Setup, and write the version as v24.0.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token lacks permission for this phone number (error 10/200). Give the System User the whatsapp_business_messaging and whatsapp_business_management permissions on this WABA.',
				},
			},
		],
	};
}
