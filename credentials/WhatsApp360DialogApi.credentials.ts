import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** 360dialog's Cloud API proxy: same bodies as Meta, D360-API-KEY header, no version or phone ID in paths (docs/360dialog.md). */
export class WhatsApp360DialogApi implements ICredentialType {
	name = 'whatsApp360DialogApi';

	displayName = 'WhatsApp (360dialog) API';

	documentationUrl = 'https://docs.360dialog.com/docs/waba-messaging/basics';

	icon = { light: 'file:../icons/whatsapp.svg', dark: 'file:../icons/whatsapp.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The D360-API-KEY of one phone number (channel), from the 360dialog Hub',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://waba-v2.360dialog.io',
			description: 'The 360dialog Cloud API host. Point it at the local emulator to test without an account.',
		},
		// The URL carries Redis's password (redis://:password@host): it is a secret.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Redis URL for Shared State (Queue Mode)',
			name: 'sharedStateRedisUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'redis://:password@redis-host:6379/0',
			description:
				"Only when n8n runs in queue mode (workers, webhook processors): a Redis every n8n process reaches, e.g. the one of n8n's queue. The nodes then share one ceiling per number, the duplicate checks, the Already Sent keys and the Free Text requests of Send and Wait across processes. Leave empty for a single n8n process.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'D360-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/whatsapp_business_profile',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The 360dialog API key was rejected. Copy the key of this number again from the 360dialog Hub.',
				},
			},
		],
	};
}
