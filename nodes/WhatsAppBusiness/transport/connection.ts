import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { connectionFromCredentials, CREDENTIAL_TYPE, type Provider, type WhatsAppConnection } from '../../shared/transport';

/** What every operation and API reader gets besides `this`: the item index and how to reach WhatsApp for it. */
export interface OperationContext {
	itemIndex: number;
	connection: WhatsAppConnection;
}

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

/** Connection for editor look-ups (lists, template fields), from the node's current settings. */
export async function connectionForOptions(this: ILoadOptionsFunctions): Promise<WhatsAppConnection> {
	const provider = (this.getCurrentNodeParameter('authentication') as Provider | undefined) ?? 'cloudApi';
	const credentials = await this.getCredentials(CREDENTIAL_TYPE[provider]);
	// Hidden for the Template resource (templates belong to the WABA): then there is no value to extract.
	const hasNumber = this.getCurrentNodeParameter('phoneNumberId') !== undefined;
	const locator = hasNumber ? (this.getCurrentNodeParameter('phoneNumberId', { extractValue: true }) as string | undefined) : undefined;
	return connectionFromCredentials(provider, credentials, locator);
}
