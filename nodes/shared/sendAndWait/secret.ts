import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { Provider } from '../transport';

/**
 * The secret that signs and seals Send and Wait reply tokens, read the same way by the sending node
 * and by the Trigger: Cloud API's App Secret (the Trigger checks webhooks with it, so the two agree
 * whenever both use the same Meta app), else the access token; 360dialog's API key.
 */
export function replyTokenSecret(provider: Provider, credentials: ICredentialDataDecryptedObject): string {
	if (provider === 'dialog360') return String(credentials.apiKey ?? '');
	return String(credentials.appSecret || credentials.accessToken || '');
}
