/**
 * Automatic registration on Meta (Meta: Webhook overrides). Several workflows share one app: the app callback is set
 * only when the app has none, and each workflow points its WABA (or its phone numbers) at itself
 * with an override. Deactivation undoes exactly what the record says activation did.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { connectionFromCredentials, WhatsAppConfigurationError } from '../../shared/transport';
import { OVERRIDABLE_FIELDS, subscriptionFields } from '../eventOptions';
import type { TriggerSettings } from '../settings';
import { logPrefix } from '../webhook/http';
import { appAccess, createAppSubscription, listAppSubscriptions, subscriptionFieldNames, type MetaSetup } from './appApi';
import { refuseUnreachableCallback, registeringCallback } from './callbackChecks';
import { undoMetaRegistration } from './metaUndo';
import { undoMetaWithoutRecord } from './undoWithoutRecord';
import { readPhoneOverride, readWabaSubscription, writePhoneOverride, writeWabaOverride } from './metaOverrides';
import { loadRecord, previousValue, saveRecord, type RegistrationRecord } from './registrationRecord';

async function metaSetup(this: IHookFunctions): Promise<MetaSetup> {
	const credentials = await this.getCredentials('whatsAppCloudApi');
	const verifyToken = String(credentials.verifyToken ?? '');
	if (!verifyToken) {
		throw new WhatsAppConfigurationError(
			'Automatic registration needs a Verify Token.',
			'Enter any long random text as Verify Token in the WhatsApp Cloud API credential: Meta sends it back when it checks this URL.',
		);
	}
	return {
		connection: connectionFromCredentials('cloudApi', credentials),
		appId: String(credentials.appId ?? '').trim(),
		appSecret: String(credentials.appSecret ?? ''),
		verifyToken,
	};
}

/** Registered already, for this URL, and Meta still routes to it. */
export async function metaExists(this: IHookFunctions, webhookUrl: string, settings: TriggerSettings): Promise<boolean> {
	const record = loadRecord(this);
	if (!record || record.registration !== 'meta' || record.webhookUrl !== webhookUrl) return false;
	const recordedPhones = (record.phoneOverrides ?? []).map((change) => change.phoneNumberId).sort();
	if (recordedPhones.join(',') !== [...settings.phoneNumberIds].sort().join(',')) return false;
	const setup = await metaSetup.call(this);
	if (recordedPhones.length > 0) {
		for (const phoneNumberId of recordedPhones) {
			if ((await readPhoneOverride.call(this, setup.connection, phoneNumberId)) !== webhookUrl) return false;
		}
		return true;
	}
	return (await readWabaSubscription.call(this, setup.connection, setup.appId)).override === webhookUrl;
}

export async function metaCreate(this: IHookFunctions, webhookUrl: string, settings: TriggerSettings): Promise<boolean> {
	const setup = await metaSetup.call(this);
	const { connection, verifyToken } = setup;
	// Before any call: a URL Meta cannot reach would only fail later with a vaguer error.
	refuseUnreachableCallback(connection, webhookUrl);
	const stale = loadRecord(this);
	const app = await appAccess.call(this, connection, setup.appId, setup.appSecret);
	const record: RegistrationRecord = { version: 1, registration: 'meta', webhookUrl, appId: app.appId, wabaId: connection.wabaId };

	const fields = subscriptionFields(settings.events);
	const existing = (await listAppSubscriptions.call(this, connection, app)).find((subscription) => subscription.object === 'whatsapp_business_account');
	if (!existing?.callback_url) {
		await registeringCallback(this, webhookUrl, async () => await createAppSubscription.call(this, connection, app, { callbackUrl: webhookUrl, verifyToken, fields }));
		record.appSubscriptionCreated = true;
		saveRecord(this, record);
	} else {
		warnAboutForeignAppCallback(this, existing.callback_url, webhookUrl, subscriptionFieldNames(existing), fields);
	}

	const waba = await readWabaSubscription.call(this, connection, app.appId);
	if (settings.phoneNumberIds.length > 0) {
		if (!waba.subscribed) {
			await writeWabaOverride.call(this, connection, undefined, verifyToken);
			record.wabaSubscribed = true;
			saveRecord(this, record);
		}
		record.phoneOverrides = [];
		for (const phoneNumberId of settings.phoneNumberIds) {
			const current = await readPhoneOverride.call(this, connection, phoneNumberId);
			const staleChange = stale?.phoneOverrides?.find((change) => change.phoneNumberId === phoneNumberId);
			await registeringCallback(this, webhookUrl, async () => await writePhoneOverride.call(this, connection, phoneNumberId, webhookUrl, verifyToken));
			record.phoneOverrides.push({ phoneNumberId, previous: previousValue(current, webhookUrl, staleChange) });
			saveRecord(this, record);
		}
	} else {
		await registeringCallback(this, webhookUrl, async () => await writeWabaOverride.call(this, connection, webhookUrl, verifyToken));
		record.wabaSubscribed = !waba.subscribed;
		record.wabaOverride = { previous: previousValue(waba.override, webhookUrl, stale?.wabaOverride) };
		saveRecord(this, record);
	}
	return true;
}

/**
 * Undoes the record's changes; without a record (static data replaced, undoWithoutRecord.ts), removes
 * what Meta's configuration shows pointing at `webhookUrl`.
 */
export async function metaDelete(this: IHookFunctions, webhookUrl: string): Promise<boolean> {
	const record = loadRecord(this);
	if (record?.registration === 'meta') await undoMetaRegistration.call(this, record, await metaSetup.call(this));
	else if (!record) await undoMetaWithoutRecord.call(this, webhookUrl, await metaSetup.call(this));
	return true;
}

/** Another endpoint owns the app callback: we leave it, and say what that means for this trigger. */
function warnAboutForeignAppCallback(context: IHookFunctions, callbackUrl: string, webhookUrl: string, subscribed: string[], wanted: string[]): void {
	if (callbackUrl === webhookUrl) return;
	const missing = wanted.filter((field) => !subscribed.includes(field));
	if (missing.length > 0) {
		context.logger.warn(
			`${logPrefix(context)}: the app's webhook subscription (kept as it is) lacks the fields ${missing.join(', ')}; add them in the App Dashboard › WhatsApp › Configuration, or these events will not arrive.`,
		);
	}
	const appOnly = wanted.filter((field) => !OVERRIDABLE_FIELDS.has(field));
	if (appOnly.length > 0) {
		context.logger.warn(
			`${logPrefix(context)}: ${appOnly.join(', ')} events always go to the app's callback (another endpoint), never to an override, so this trigger will not receive them.`,
		);
	}
}
