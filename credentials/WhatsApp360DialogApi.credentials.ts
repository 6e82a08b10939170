import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { sharedStateRedisUrlProperty } from '../nodes/shared/transport/sharedStateField';

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
		sharedStateRedisUrlProperty,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'D360-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			// As the node reads it (connection.ts): trailing slashes and a /v1 typed at the end dropped.
			baseURL: '={{($credentials.baseUrl || "https://waba-v2.360dialog.io").trim().replace(/\\/+$/, "").replace(/\\/v1$/i, "").replace(/\\/+$/, "")}}',
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
