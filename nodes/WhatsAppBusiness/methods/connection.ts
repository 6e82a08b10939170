import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { connectionFromCredentials, CREDENTIAL_TYPE, type Provider, type WhatsAppConnection } from '../../shared/transport';

/** Connection for editor look-ups (lists, template fields), from the node's current settings. */
export async function connectionForOptions(this: ILoadOptionsFunctions): Promise<WhatsAppConnection> {
	const provider = (this.getCurrentNodeParameter('authentication') as Provider | undefined) ?? 'cloudApi';
	const credentials = await this.getCredentials(CREDENTIAL_TYPE[provider]);
	// Hidden for the Template resource (templates belong to the WABA): then there is no value to extract.
	const hasNumber = this.getCurrentNodeParameter('phoneNumberId') !== undefined;
	const locator = hasNumber ? (this.getCurrentNodeParameter('phoneNumberId', { extractValue: true }) as string | undefined) : undefined;
	return connectionFromCredentials(provider, credentials, locator);
}
