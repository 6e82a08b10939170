import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { SharedState } from '../../shared/sharedState';
import { connectionFromCredentials, CREDENTIAL_TYPE, sharedStateOf, type Provider, type SendPacer, type WhatsAppConnection } from '../../shared/transport';

/** How an item's messages go out, set by the router for send operations. */
export interface Delivery {
	/** The sending number's pacer (shared/transport/pacing.ts): every message request waits for its turn. */
	pacer?: SendPacer;
	/** The item's Already Sent Key: it goes into the message's tracking data (biz_opaque_callback_data). */
	alreadySentKey?: string;
	/** Aborted when the batch stops (an expired token): requests still waiting for the pacer are not sent. */
	stopSignal?: AbortSignal;
	/** Told, before a message's request waits for the pacer, whom it goes to and how many messages the item sends in all. */
	onAddressed?(addressed: { recipient?: string; parts: number }): void;
}

/** What every operation and API reader gets besides `this`: the item index and how to reach WhatsApp for it. */
export interface OperationContext {
	itemIndex: number;
	connection: WhatsAppConnection;
	delivery?: Delivery;
}

/** The connections of a run, by provider and phone number: n8n decrypts the credential on every read. */
const connectionsByExecution = new WeakMap<object, Map<string, Promise<WhatsAppConnection>>>();

/**
 * Resolves provider, credential and the sending phone number for one item. Read once per run for
 * each provider and number (n8n decrypts the credential on each read, and a node has one credential).
 */
export async function connectionForItem(this: IExecuteFunctions, itemIndex: number): Promise<WhatsAppConnection> {
	const provider = this.getNodeParameter('authentication', itemIndex, 'cloudApi') as Provider;
	// The field is hidden for 360dialog (its key names the number) and for templates (they belong to
	// the WABA), and n8n cannot read a hidden locator: hidden parameters are absent from the node.
	const shown = provider === 'cloudApi' && this.getNode().parameters.phoneNumberId !== undefined;
	const phoneNumberId = shown ? (this.getNodeParameter('phoneNumberId', itemIndex, '', { extractValue: true }) as string) : undefined;
	const cache = connectionsByExecution.get(this) ?? new Map<string, Promise<WhatsAppConnection>>();
	connectionsByExecution.set(this, cache);
	const key = `${provider}\u0000${phoneNumberId ?? ''}`;
	let connection = cache.get(key);
	if (!connection) {
		connection = this.getCredentials(CREDENTIAL_TYPE[provider], itemIndex).then((credentials) => connectionFromCredentials(provider, credentials, phoneNumberId));
		cache.set(key, connection);
		connection.catch(() => cache.delete(key));
	}
	return await connection;
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

/** The shared state (Redis) of the node's credential, if it names one; for what concerns the whole node, not one number. */
export async function sharedStateOfNode(this: IExecuteFunctions): Promise<SharedState | undefined> {
	const provider = this.getNodeParameter('authentication', 0, 'cloudApi') as Provider;
	return sharedStateOf(await this.getCredentials(CREDENTIAL_TYPE[provider], 0));
}
