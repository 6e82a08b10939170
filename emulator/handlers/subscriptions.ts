/**
 * Webhook overrides (§2.9): POST/GET/DELETE /{waba-id}/subscribed_apps and
 * POST /{phone-number-id} {webhook_configuration}. Setting an override first runs Meta's GET
 * verification handshake against the URL (§2.1); status webhooks then go to the phone-number
 * override, else the WABA override, else config.webhook.url (the app's callback).
 */
import { randomInt } from 'node:crypto';
import { jsonBody, wabaIdOf, type HandlerResult, type RequestContext, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';
import { SEED } from '../seed';

/** §2.9: GET → data[] with the app and its override_callback_uri. */
export const listSubscribedApps: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const { state } = context;
	if (!state.subscribedWabas.has(wabaId)) return { json: { data: [] } };
	const override = state.callbackOverrides.get(wabaId);
	const app = { whatsapp_business_api_data: { id: SEED.appId, link: `https://www.facebook.com/games/?app_id=${SEED.appId}`, name: 'Emulated App' } };
	return { json: { data: [{ ...app, ...(override ? { override_callback_uri: override } : {}) }] } };
};

/** §2.9: POST subscribes the app; with override_callback_uri + verify_token it sets the WABA override; without, it removes it. */
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

/** §2.9 phone level: POST /{phone-number-id} {webhook_configuration:{override_callback_uri, verify_token}}. */
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

/** §2.1: GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…; the endpoint must echo the challenge with 200. */
async function verifyCallback(uri: string, verifyToken: string): Promise<void> {
	const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
	const url = new URL(uri);
	url.searchParams.set('hub.mode', 'subscribe');
	url.searchParams.set('hub.challenge', challenge);
	url.searchParams.set('hub.verify_token', verifyToken);
	let problem: string;
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
		const text = (await response.text()).trim();
		if (response.status === 200 && text === challenge) return;
		problem = `the endpoint answered HTTP ${response.status} ${text === challenge ? '' : 'without echoing hub.challenge'}`.trim();
	} catch (error) {
		problem = `the endpoint could not be reached (${(error as Error).message})`;
	}
	throw new MetaApiError(2200, `Callback verification failed: ${problem}. Answer GET requests with hub.mode=subscribe and the right hub.verify_token by returning hub.challenge as plain text.`);
}
