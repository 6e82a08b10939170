import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { connectionFromCredentials, CREDENTIAL_TYPE, type Provider, type WhatsAppConnection } from '../shared/transport';

export type Registration = 'meta' | 'dialog360' | 'manual';

export interface TriggerSettings {
	provider: Provider;
	registration: Registration;
	events: string[];
	phoneNumberIds: string[];
	signatureCheck: 'metaSignature' | 'secretHeader' | 'none';
	secretHeader?: { name: string; value: string };
	messageTypes: string[];
	statuses: string[];
	dropDuplicates: boolean;
	duplicateMemorySize: number;
	duplicateMemoryHours: number;
	downloadMedia: boolean;
	binaryPropertyName: string;
	markAsRead: boolean;
	/** What Send and Wait answers do here (webhook/answers.ts). */
	sendAndWaitAnswers: 'resumeAndOutput' | 'resumeOnly' | 'ignore';
	/** Sent to people whose answer came too late; '' = nothing. */
	lateAnswerReply: string;
}

interface TriggerOptions {
	messageTypes?: string[];
	statuses?: string[];
	dropDuplicates?: boolean;
	duplicateMemorySize?: number;
	duplicateMemoryHours?: number;
	downloadMedia?: boolean;
	binaryPropertyName?: string;
	markAsRead?: boolean;
	sendAndWaitAnswers?: TriggerSettings['sendAndWaitAnswers'];
	lateAnswerReply?: string;
}

/** "106540352242922, 106540352242923" → ['106540352242922', '106540352242923']. */
function parseIdList(text: string): string[] {
	return [...new Set(text.split(/[\s,;]+/).map((id) => id.trim()).filter((id) => id !== ''))];
}

/** Both providers share the parameter name; a value left from the other provider means its automatic mode. */
function registrationFor(provider: Provider, chosen: Registration): Registration {
	if (chosen === 'manual') return 'manual';
	return provider === 'cloudApi' ? 'meta' : 'dialog360';
}

export function readSettings(this: IWebhookFunctions | IHookFunctions): TriggerSettings {
	const provider = this.getNodeParameter('authentication', 'cloudApi') as Provider;
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const isMeta = provider === 'cloudApi';
	const signatureCheck = isMeta ? 'metaSignature' : (this.getNodeParameter('signatureCheck', 'secretHeader') as 'secretHeader' | 'none');
	return {
		provider,
		registration: registrationFor(provider, this.getNodeParameter('registration', isMeta ? 'meta' : 'dialog360') as Registration),
		// n8n fills in the default of the node's version (properties.ts: 1 adds statuses, 1.1 does not).
		events: this.getNodeParameter('events') as string[],
		phoneNumberIds: isMeta ? parseIdList(String(this.getNodeParameter('phoneNumberIds', ''))) : [],
		signatureCheck,
		secretHeader:
			signatureCheck === 'secretHeader'
				? {
						name: String(this.getNodeParameter('headerName', 'X-Webhook-Secret')).trim(),
						value: String(this.getNodeParameter('headerValue', '')),
					}
				: undefined,
		messageTypes: options.messageTypes ?? [],
		statuses: options.statuses ?? [],
		dropDuplicates: options.dropDuplicates ?? true,
		duplicateMemorySize: Math.max(1, Math.floor(options.duplicateMemorySize ?? 10000)),
		duplicateMemoryHours: options.duplicateMemoryHours && options.duplicateMemoryHours > 0 ? options.duplicateMemoryHours : 168,
		downloadMedia: options.downloadMedia ?? false,
		binaryPropertyName: (options.binaryPropertyName ?? 'data').trim() || 'data',
		markAsRead: options.markAsRead ?? false,
		sendAndWaitAnswers: options.sendAndWaitAnswers ?? 'resumeAndOutput',
		lateAnswerReply: (options.lateAnswerReply ?? '').trim(),
	};
}

/** The credential of the chosen provider, and a connection for the number an event belongs to. */
export async function credentialsFor(this: IWebhookFunctions | IHookFunctions, provider: Provider) {
	return await this.getCredentials(CREDENTIAL_TYPE[provider]);
}

export function connectionFor(
	provider: Provider,
	credentials: Awaited<ReturnType<typeof credentialsFor>>,
	phoneNumberId?: string,
): WhatsAppConnection {
	return connectionFromCredentials(provider, credentials, phoneNumberId);
}
