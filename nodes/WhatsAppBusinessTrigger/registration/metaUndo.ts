/**
 * Deactivation on Meta: put back the overrides we replaced, then remove the shared links we
 * created (WABA subscription, app subscription) only when no other endpoint relies on them.
 * An override someone changed after us is theirs now and is left alone.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { logPrefix } from '../webhook/http';
import { appAccess, deleteAppSubscription, listAppSubscriptions, type MetaSetup } from './appApi';
import { overridesInWaba, readPhoneOverride, readWabaSubscription, unsubscribeWaba, writePhoneOverride, writeWabaOverride } from './metaOverrides';
import { clearRecord, saveRecord, type RegistrationRecord } from './registrationRecord';

type Restore = (url: string | undefined) => Promise<void>;

/**
 * Restores `previous`. Meta checks a restored URL with a GET handshake using our Verify Token;
 * when that endpoint does not accept it (another credential, or it is gone), our override is
 * removed instead and the log says so.
 */
async function restoreOverride(context: IHookFunctions, what: string, previous: string | undefined, restore: Restore): Promise<void> {
	if (!previous) return await restore(undefined);
	try {
		await restore(previous);
	} catch (error) {
		context.logger.warn(
			`${logPrefix(context)}: could not restore the previous webhook override of ${what} (${previous}): ${(error as Error).message}. Removed this workflow's override instead; set the previous one again if it is still needed.`,
		);
		await restore(undefined);
	}
}

export async function undoMetaRegistration(this: IHookFunctions, record: RegistrationRecord, setup: MetaSetup): Promise<void> {
	const { connection, verifyToken } = setup;
	const url = record.webhookUrl;
	const remaining = [...(record.phoneOverrides ?? [])];
	for (const change of record.phoneOverrides ?? []) {
		if ((await readPhoneOverride.call(this, connection, change.phoneNumberId)) === url) {
			await restoreOverride(this, `phone number ${change.phoneNumberId}`, change.previous, async (target) => {
				await writePhoneOverride.call(this, connection, change.phoneNumberId, target, verifyToken);
			});
		}
		remaining.shift();
		saveRecord(this, { ...record, phoneOverrides: [...remaining] });
	}
	const appId = record.appId ?? setup.appId;
	if (record.wabaOverride && (await readWabaSubscription.call(this, connection, appId)).override === url) {
		await restoreOverride(this, `WABA ${connection.wabaId}`, record.wabaOverride.previous, async (target) => {
			await writeWabaOverride.call(this, connection, target, verifyToken);
		});
	}

	if (record.wabaSubscribed || record.appSubscriptionCreated) {
		const othersRely = (await overridesInWaba.call(this, connection)).some((override) => override !== url);
		if (othersRely) {
			this.logger.warn(
				`${logPrefix(this)}: kept the WABA and app webhook subscriptions this workflow created, because other webhook overrides rely on them.` +
					(record.appSubscriptionCreated ? ` The app's callback still points at ${url}: set a new Callback URL in the App Dashboard for events without an override (templates, account, quality).` : ''),
			);
		} else {
			if (record.wabaSubscribed) await unsubscribeWaba.call(this, connection);
			if (record.appSubscriptionCreated) await removeOwnAppSubscription(this, setup, url);
		}
	}
	clearRecord(this);
}

/** Deletes the app subscription only while its callback is still ours. */
async function removeOwnAppSubscription(context: IHookFunctions, setup: MetaSetup, url: string): Promise<void> {
	const app = await appAccess.call(context, setup.connection, setup.appId, setup.appSecret);
	const current = (await listAppSubscriptions.call(context, setup.connection, app)).find((subscription) => subscription.object === 'whatsapp_business_account');
	if (current?.callback_url === url) await deleteAppSubscription.call(context, setup.connection, app);
}
