/**
 * Webhook overrides (Meta: Webhook overrides): POST/GET/DELETE /{waba-id}/subscribed_apps and
 * POST /{phone-number-id} {webhook_configuration}. Setting an override first runs Meta's GET
 * verification handshake against the URL (Meta: Create a webhook endpoint); status webhooks then go to the phone-number
 * override, else the WABA override, else config.webhook.url (the app's callback).
 */
import { jsonBody, wabaIdOf, type HandlerResult, type RequestContext, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';
import { SEED } from '../seed';
import { verifyCallback } from './verify-callback';

/** Meta's Webhook overrides page: GET → data[] with the app and its override_callback_uri. */
export const listSubscribedApps: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const { state } = context;
	if (!state.subscribedWabas.has(wabaId)) return { json: { data: [] } };
	const override = state.callbackOverrides.get(wabaId);
	const app = { whatsapp_business_api_data: { id: SEED.appId, link: `https://www.facebook.com/games/?app_id=${SEED.appId}`, name: 'Emulated App' } };
	return { json: { data: [{ ...app, ...(override ? { override_callback_uri: override } : {}) }] } };
};

/** Meta's Webhook overrides page: POST subscribes the app; with override_callback_uri + verify_token it sets the WABA override; without, it removes it. */
export const subscribeApp: Handler = async (context) => {
	const wabaId = wabaIdOf(context);
	const body = jsonBody(context);
	await setOverride(context, wabaId, body.override_callback_uri, body.verify_token);
	context.state.subscribedWabas.add(wabaId);
	return { json: { success: true } };
};

/** DELETE unsubscribes the app: no more webhooks for this WABA. */
export const unsubscribeApp: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	context.state.subscribedWabas.delete(wabaId);
	context.state.callbackOverrides.delete(wabaId);
	return { json: { success: true } };
};

/** Meta's Webhook overrides phone level page: POST /{phone-number-id} {webhook_configuration:{override_callback_uri, verify_token}}. */
export async function configurePhoneWebhook(context: RequestContext, phoneNumberId: string): Promise<HandlerResult> {
	const body = jsonBody(context);
	const configuration = body.webhook_configuration as Record<string, unknown> | undefined;
	if (!configuration || typeof configuration !== 'object') {
		throw new MetaApiError(100, 'POST /{phone-number-id} takes {"webhook_configuration": {"override_callback_uri": "...", "verify_token": "..."}} in the emulator.');
	}
	await setOverride(context, phoneNumberId, configuration.override_callback_uri, configuration.verify_token);
	return { json: { success: true } };
}

async function setOverride(context: RequestContext, ownerId: string, uri: unknown, verifyToken: unknown): Promise<void> {
	if (uri === undefined || uri === '') {
		context.state.callbackOverrides.delete(ownerId);
		return;
	}
	if (typeof uri !== 'string' || !/^https?:\/\//.test(uri) || uri.length > 200) {
		throw new MetaApiError(100, 'Param override_callback_uri must be an http(s) URL of at most 200 characters.');
	}
	if (typeof verifyToken !== 'string' || verifyToken === '') throw new MetaApiError(131008, 'The parameter verify_token is required with override_callback_uri.');
	await verifyCallback(uri, verifyToken);
	context.state.callbackOverrides.set(ownerId, uri);
}
