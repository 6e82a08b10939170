/**
 * 360dialog registration (docs/360dialog.md): POST /v1/configs/webhook {url, headers?} for the number of the API
 * key; deactivation puts the previous URL back. Reading the current URL (GET on the same path) is
 * reported by third-party code, not documented, so a failed read is tolerated.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { connectionFromCredentials, endpoints, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';
import type { TriggerSettings } from '../settings';
import { logPrefix } from '../webhook/http';
import { clearRecord, loadRecord, previousValue, saveRecord } from './registrationRecord';

async function dialog360Connection(context: IHookFunctions): Promise<WhatsAppConnection> {
	return connectionFromCredentials('dialog360', await context.getCredentials('whatsApp360DialogApi'));
}

async function readWebhookUrl(context: IHookFunctions, connection: WhatsAppConnection): Promise<string | undefined> {
	try {
		const answer = await whatsAppRequest.call(context, connection, { method: 'GET', url: endpoints.dialog360Webhook(connection) });
		return (answer.body as { url?: string }).url || undefined;
	} catch (error) {
		context.logger.warn(`${logPrefix(context)}: could not read the current 360dialog webhook URL (${(error as Error).message}); it cannot be restored on deactivation.`);
		return undefined;
	}
}

async function writeWebhookUrl(context: IHookFunctions, connection: WhatsAppConnection, url: string, headers?: IDataObject): Promise<void> {
	await whatsAppRequest.call(context, connection, {
		method: 'POST',
		url: endpoints.dialog360Webhook(connection),
		body: headers ? { url, headers } : { url },
	});
}

/**
 * No previous URL: clear ours with an empty url (the emulator's model; 360dialog documents no
 * removal call), so 360dialog stops posting to a workflow that no longer listens.
 */
async function removeWebhookUrl(context: IHookFunctions, connection: WhatsAppConnection, webhookUrl: string): Promise<void> {
	try {
		await writeWebhookUrl(context, connection, '');
	} catch (error) {
		context.logger.warn(
			`${logPrefix(context)}: 360dialog still sends this number's webhooks to ${webhookUrl}; clearing it failed (${(error as Error).message}). Set another URL in the 360dialog Hub.`,
		);
	}
}

export async function dialog360Exists(this: IHookFunctions, webhookUrl: string): Promise<boolean> {
	const record = loadRecord(this);
	if (!record || record.registration !== 'dialog360' || record.webhookUrl !== webhookUrl) return false;
	return (await readWebhookUrl(this, await dialog360Connection(this))) === webhookUrl;
}

export async function dialog360Create(this: IHookFunctions, webhookUrl: string, settings: TriggerSettings): Promise<boolean> {
	const connection = await dialog360Connection(this);
	const stale = loadRecord(this);
	const current = await readWebhookUrl(this, connection);
	// 360dialog sends no signature: the secret header is registered with the URL and checked on every POST.
	const headers = settings.secretHeader?.value ? { [settings.secretHeader.name]: settings.secretHeader.value } : undefined;
	await writeWebhookUrl(this, connection, webhookUrl, headers);
	saveRecord(this, { version: 1, registration: 'dialog360', webhookUrl, dialog360: { previous: previousValue(current, webhookUrl, stale?.dialog360) } });
	return true;
}

export async function dialog360Delete(this: IHookFunctions): Promise<boolean> {
	const record = loadRecord(this);
	if (!record || record.registration !== 'dialog360') return true;
	const connection = await dialog360Connection(this);
	const current = await readWebhookUrl(this, connection);
	const previous = record.dialog360?.previous;
	// A URL someone set after us is theirs now: it stays.
	const stillOurs = current === undefined || current === record.webhookUrl;
	if (stillOurs && previous) {
		await writeWebhookUrl(this, connection, previous);
		this.logger.info(`${logPrefix(this)}: restored the previous 360dialog webhook URL ${previous} (without custom headers, which cannot be read back).`);
	} else if (stillOurs) {
		await removeWebhookUrl(this, connection, record.webhookUrl);
	}
	clearRecord(this);
	return true;
}

/**
 * Deactivation without the registration record (an execute node's save replaced the static data, as
 * in queue mode): the number's current URL is read from 360dialog and cleared only when it is this
 * workflow's. The URL in force before activation was known to the record alone: the log says it
 * could not be put back.
 */
export async function dialog360DeleteWithoutRecord(this: IHookFunctions, webhookUrl: string): Promise<boolean> {
	const connection = await dialog360Connection(this);
	if ((await readWebhookUrl(this, connection)) !== webhookUrl) return true;
	await removeWebhookUrl(this, connection, webhookUrl);
	this.logger.warn(
		`${logPrefix(this)}: this workflow's registration record was gone (its static data was replaced, e.g. by a Code node in queue mode); read 360dialog's webhook URL and cleared it, as it pointed at ${webhookUrl}. A URL set before activation could not be restored: set it again in the 360dialog Hub if it is still needed.`,
	);
	return true;
}
