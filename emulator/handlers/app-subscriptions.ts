/**
 * The app-level webhook subscription that n8n's WhatsApp trigger registers automatically:
 * GET|POST /oauth/access_token (client_credentials → app access token) and GET/POST/DELETE
 * /{app-id}/subscriptions with that token. POST runs the hub.challenge handshake (Meta: Create a webhook endpoint, 2200 when it
 * fails) and makes callback_url the app's callback (config.webhook.url, (Meta: Webhook overrides)); `fields` limits what
 * is sent. Parameters may come in the query string, as a form or as JSON (Graph accepts all three).
 */
import { randomBytes } from 'node:crypto';
import { jsonBody, type Handler, type RequestContext } from '../http/context';
import { MetaApiError, unknownObject } from '../http/errors';
import { SEED } from '../seed';
import type { EmulatorState } from '../state/store';
import { WABA_FIELDS } from '../webhooks/targets';
import { verifyCallback } from './verify-callback';

const WABA_OBJECT = 'whatsapp_business_account';

function parameters(context: RequestContext): Record<string, unknown> {
	return { ...Object.fromEntries(context.query), ...(context.rawBody.length > 0 ? jsonBody(context) : {}) };
}

/** An app access token (`{app-id}|…`) from /oauth/access_token, or the documented `{app-id}|{app-secret}` form. */
export function isAppAccessToken(state: EmulatorState, token: string): boolean {
	return state.appAccessTokens.has(token) || token === `${SEED.appId}|${state.config.webhook.appSecret}`;
}

/** GET|POST /oauth/access_token?client_id&client_secret&grant_type=client_credentials. */
export const issueAppAccessToken: Handler = (context) => {
	const { client_id: clientId, client_secret: clientSecret, grant_type: grantType } = parameters(context);
	if (grantType !== 'client_credentials') throw new MetaApiError(100, 'The emulator issues app access tokens only: send grant_type=client_credentials with client_id and client_secret.');
	if (String(clientId ?? '') !== SEED.appId) {
		throw new MetaApiError(101, `client_id must be the app ID (the emulator's app is ${SEED.appId}).`, { title: 'Error validating application. Invalid application ID' });
	}
	if (clientSecret !== context.state.config.webhook.appSecret) {
		throw new MetaApiError(1, 'client_secret is not this app\'s secret. Copy the App Secret from the app\'s Basic settings.', { title: 'Error validating client secret' });
	}
	const token = `${SEED.appId}|${randomBytes(20).toString('base64url')}`;
	context.state.appAccessTokens.add(token);
	return { json: { access_token: token, token_type: 'bearer' }, loggedBody: { client_id: clientId, grant_type: grantType } };
};

function checkApp(context: RequestContext): void {
	if (context.params.appId !== SEED.appId) throw unknownObject(context.params.appId, `The emulator's app ID is ${SEED.appId}.`);
}

/** GET /{app-id}/subscriptions → {data:[{object, callback_url, active, fields:[{name, version}]}]}. */
export const listAppSubscriptions: Handler = (context) => {
	checkApp(context);
	const { state } = context;
	const url = state.config.webhook.url;
	if (!url) return { json: { data: [] } };
	const fields = state.appSubscription.fields ?? [...WABA_FIELDS];
	return { json: { data: [{ object: WABA_OBJECT, callback_url: url, active: true, fields: fields.map((name) => ({ name, version: 'v23.0' })) }] } };
};

/** POST /{app-id}/subscriptions {object, callback_url, verify_token, fields, include_values}: fields add to an existing subscription. */
export const createAppSubscription: Handler = async (context) => {
	checkApp(context);
	const { state } = context;
	const params = parameters(context);
	if (params.object !== WABA_OBJECT) throw new MetaApiError(100, `Param object must be "${WABA_OBJECT}" (the only object the emulator models).`);
	const callbackUrl = params.callback_url;
	if (typeof callbackUrl !== 'string' || !/^https?:\/\/\S+$/.test(callbackUrl)) throw new MetaApiError(100, 'Param callback_url must be an http(s) URL.');
	if (typeof params.verify_token !== 'string' || params.verify_token === '') throw new MetaApiError(100, 'Param verify_token is required: the handshake sends it as hub.verify_token.');
	const fields = parseFields(params.fields);
	if (!fields || fields.length === 0) throw new MetaApiError(100, `Param fields is required, e.g. ["messages"]. Valid fields: ${WABA_FIELDS.join(', ')}.`);
	await verifyCallback(callbackUrl, params.verify_token);
	const existing = state.config.webhook.url ? (state.appSubscription.fields ?? []) : [];
	state.appSubscription = { fields: [...new Set([...existing, ...fields])], verifyToken: params.verify_token, includeValues: String(params.include_values ?? 'true') !== 'false' };
	state.config.webhook.url = callbackUrl;
	return { json: { success: true } };
};

/** DELETE /{app-id}/subscriptions[?object=&fields=]: removes the fields named, or the whole subscription. */
export const deleteAppSubscription: Handler = (context) => {
	checkApp(context);
	const { state } = context;
	const params = parameters(context);
	if (params.object !== undefined && params.object !== WABA_OBJECT) return { json: { success: true } };
	const fields = parseFields(params.fields);
	const remaining = fields ? (state.appSubscription.fields ?? [...WABA_FIELDS]).filter((field) => !fields.includes(field)) : [];
	if (remaining.length > 0 && state.config.webhook.url) {
		state.appSubscription.fields = remaining;
	} else {
		state.config.webhook.url = null;
		state.appSubscription = { fields: null, includeValues: true };
	}
	return { json: { success: true } };
};

/** fields as an array, a JSON array string (n8n's trigger) or a comma-separated list; unknown names → 100. */
function parseFields(value: unknown): string[] | undefined {
	if (value === undefined || value === '') return undefined;
	let list: unknown = value;
	if (typeof value === 'string') list = value.trim().startsWith('[') ? safeJson(value) : value.split(',');
	if (!Array.isArray(list)) throw new MetaApiError(100, 'Param fields must be a list of field names, e.g. ["messages"].');
	const names = list.map((item) => String(item).trim()).filter(Boolean);
	const unknown = names.find((name) => !(WABA_FIELDS as readonly string[]).includes(name));
	if (unknown) throw new MetaApiError(100, `"${unknown}" is not a ${WABA_OBJECT} field. Valid fields: ${WABA_FIELDS.join(', ')}.`);
	return names;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
