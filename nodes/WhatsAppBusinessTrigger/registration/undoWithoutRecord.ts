/**
 * Deactivation when the registration record is gone. n8n keeps one static data per workflow: in
 * queue mode an execute node's save on a worker (a Code node writing static data) can replace it
 * with a copy that lacks the trigger's record. Meta's current configuration is then read instead
 * (Meta: Webhook overrides; GET /<WABA_ID>/phone_numbers?fields=webhook_configuration,
 * GET /<WABA_ID>/subscribed_apps, GET /<APP_ID>/subscriptions) and only what points at this
 * workflow's webhook URL is removed. What the record alone knew cannot come back: the overrides in
 * force before activation (removed, not restored) and whether activation subscribed the WABA (it
 * stays subscribed); the log says so.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { logPrefix } from '../webhook/http';
import { appAccess, deleteAppSubscription, listAppSubscriptions, type MetaSetup } from './appApi';
import { overridesInWaba, phoneOverridesAt, readWabaSubscription, writePhoneOverride, writeWabaOverride } from './metaOverrides';

/** Removes the phone and WABA overrides at `url`, then the app subscription if its callback is `url` and no override relies on it. */
export async function undoMetaWithoutRecord(this: IHookFunctions, url: string, setup: MetaSetup): Promise<void> {
	const { connection, verifyToken } = setup;
	const removed: string[] = [];
	for (const phoneNumberId of await phoneOverridesAt.call(this, connection, url)) {
		await writePhoneOverride.call(this, connection, phoneNumberId, undefined, verifyToken);
		removed.push(`phone number ${phoneNumberId}`);
	}
	if ((await readWabaSubscription.call(this, connection, setup.appId)).override === url) {
		await writeWabaOverride.call(this, connection, undefined, verifyToken);
		removed.push(`WABA ${connection.wabaId}`);
	}
	const app = await appAccess.call(this, connection, setup.appId, setup.appSecret);
	const subscription = (await listAppSubscriptions.call(this, connection, app)).find((entry) => entry.object === 'whatsapp_business_account');
	if (subscription?.callback_url === url) {
		if ((await overridesInWaba.call(this, connection)).length === 0) {
			await deleteAppSubscription.call(this, connection, app);
			removed.push('the app subscription');
		} else {
			this.logger.warn(`${logPrefix(this)}: kept the app's webhook subscription to ${url}, because other webhook overrides rely on it: set a new Callback URL in the App Dashboard.`);
		}
	}
	if (removed.length === 0) return;
	this.logger.warn(
		`${logPrefix(this)}: this workflow's registration record was gone (its static data was replaced, e.g. by a Code node in queue mode); read Meta's configuration and removed what pointed at ${url}: ${removed.join(', ')}. Overrides in force before activation could not be restored: set them again if they are still needed.`,
	);
}
