/** Meta's Webhook overrides page: webhook overrides at WABA and phone-number level, with the credential's system-user token. */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';

interface SubscribedApp {
	whatsapp_business_api_data?: { id?: string | number };
	override_callback_uri?: string;
}

export interface WabaSubscription {
	subscribed: boolean;
	override?: string;
}

/** GET /{waba}/subscribed_apps: is our app subscribed, and with which override? */
export async function readWabaSubscription(this: IHookFunctions, connection: WhatsAppConnection, appId: string): Promise<WabaSubscription> {
	const answer = await whatsAppRequest.call(this, connection, { method: 'GET', url: endpoints.subscribedApps(connection) });
	const apps = ((answer.body as { data?: SubscribedApp[] }).data ?? []).filter((app) => String(app.whatsapp_business_api_data?.id ?? '') === appId);
	const app = apps[0];
	return { subscribed: app !== undefined, override: app?.override_callback_uri || undefined };
}

/** POST /{waba}/subscribed_apps: subscribes the app; with a URL it sets the override, without it removes it. */
export async function writeWabaOverride(this: IHookFunctions, connection: WhatsAppConnection, url: string | undefined, verifyToken: string): Promise<void> {
	const body: IDataObject = url ? { override_callback_uri: url, verify_token: verifyToken } : {};
	await whatsAppRequest.call(this, connection, { method: 'POST', url: endpoints.subscribedApps(connection), body });
}

export async function unsubscribeWaba(this: IHookFunctions, connection: WhatsAppConnection): Promise<void> {
	await whatsAppRequest.call(this, connection, { method: 'DELETE', url: endpoints.subscribedApps(connection) });
}

interface WebhookConfiguration {
	phone_number?: string;
	whatsapp_business_account?: string;
	application?: string;
}

/** GET /{phone-number-id}?fields=webhook_configuration → the phone-number override, if any. */
export async function readPhoneOverride(this: IHookFunctions, connection: WhatsAppConnection, phoneNumberId: string): Promise<string | undefined> {
	const answer = await whatsAppRequest.call(this, connection, {
		method: 'GET',
		url: endpoints.phoneNumberWebhookConfiguration(connection, phoneNumberId),
		qs: { fields: 'webhook_configuration' },
	});
	return (answer.body as { webhook_configuration?: WebhookConfiguration }).webhook_configuration?.phone_number || undefined;
}

/** POST /{phone-number-id} {webhook_configuration}; an empty URL removes the override. */
export async function writePhoneOverride(
	this: IHookFunctions,
	connection: WhatsAppConnection,
	phoneNumberId: string,
	url: string | undefined,
	verifyToken: string,
): Promise<void> {
	const webhookConfiguration: IDataObject = url ? { override_callback_uri: url, verify_token: verifyToken } : { override_callback_uri: '' };
	await whatsAppRequest.call(this, connection, {
		method: 'POST',
		url: endpoints.phoneNumberWebhookConfiguration(connection, phoneNumberId),
		body: { webhook_configuration: webhookConfiguration },
	});
}

const MAX_PAGES = 10;

/** Every override in force in the WABA (WABA level and each number), to know whether others rely on it. */
export async function overridesInWaba(this: IHookFunctions, connection: WhatsAppConnection): Promise<string[]> {
	const overrides = new Set<string>();
	for (const phone of await phoneConfigurations.call(this, connection)) {
		const configuration = phone.webhook_configuration ?? {};
		for (const url of [configuration.phone_number, configuration.whatsapp_business_account]) if (url) overrides.add(url);
	}
	return [...overrides];
}

/** The WABA's phone numbers whose own (phone-level) override is `url`: GET /<WABA_ID>/phone_numbers?fields=webhook_configuration (Meta: Webhook overrides). */
export async function phoneOverridesAt(this: IHookFunctions, connection: WhatsAppConnection, url: string): Promise<string[]> {
	return (await phoneConfigurations.call(this, connection)).filter((phone) => phone.webhook_configuration?.phone_number === url).map((phone) => phone.id);
}

/** Each phone number of the WABA with the webhook configuration Meta reports for it (up to 1,000 numbers). */
async function phoneConfigurations(this: IHookFunctions, connection: WhatsAppConnection): Promise<Array<{ id: string; webhook_configuration?: WebhookConfiguration }>> {
	const phones: Array<{ id: string; webhook_configuration?: WebhookConfiguration }> = [];
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const answer = await whatsAppRequest.call(this, connection, {
			method: 'GET',
			url: endpoints.phoneNumbers(connection),
			qs: { fields: 'id,webhook_configuration', limit: 100, ...(after ? { after } : {}) },
		});
		const body = answer.body as { data?: Array<{ id: string; webhook_configuration?: WebhookConfiguration }>; paging?: { next?: string; cursors?: { after?: string } } };
		phones.push(...(body.data ?? []));
		after = body.paging?.next ? body.paging.cursors?.after : undefined;
		if (!after) break;
	}
	return phones;
}
