import type { IExecuteFunctions } from 'n8n-workflow';
import { connectionFromCredentials, CREDENTIAL_TYPE, type Provider, type WhatsAppConnection } from '../../../shared/transport';

/** Resolves provider, credential and the sending phone number for one item. */
export async function connectionForItem(this: IExecuteFunctions, itemIndex: number): Promise<WhatsAppConnection> {
	const provider = this.getNodeParameter('authentication', itemIndex, 'cloudApi') as Provider;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE[provider], itemIndex);
	// The field is hidden for 360dialog (its key names the number) and for templates (they belong to
	// the WABA), and n8n cannot read a hidden locator: hidden parameters are absent from the node.
	const shown = provider === 'cloudApi' && this.getNode().parameters.phoneNumberId !== undefined;
	const phoneNumberId = shown ? (this.getNodeParameter('phoneNumberId', itemIndex, '', { extractValue: true }) as string) : undefined;
	return connectionFromCredentials(provider, credentials, phoneNumberId);
}
