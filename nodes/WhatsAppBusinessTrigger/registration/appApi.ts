/**
 * App-level Graph calls (Meta: Webhook overrides): they need an app access token (client-credentials grant with
 * the App ID and App Secret), not the credential's system-user token, so they bypass n8n's
 * credential authentication. Neither token nor secret ever appears in an error.
 */
import { NodeOperationError, type IDataObject, type IHookFunctions, type IHttpRequestMethods } from 'n8n-workflow';
import { endpoints, metaApiError, WhatsAppConfigurationError, type WhatsAppConnection } from '../../shared/transport';
import { parseGraphError } from '../../shared/whatsapp/errors';

/** What registering with Meta needs, read from the WhatsApp Cloud API credential. */
export interface MetaSetup {
	connection: WhatsAppConnection;
	appId: string;
	appSecret: string;
	verifyToken: string;
}

interface AppCall {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	token?: string;
}

async function graphCall<T>(context: IHookFunctions, call: AppCall): Promise<T> {
	let response: { body: unknown; statusCode: number };
	try {
		response = (await context.helpers.httpRequest({
			method: call.method,
			url: call.url,
			qs: call.qs,
			body: call.body,
			json: true,
			headers: call.token ? { Authorization: `Bearer ${call.token}` } : undefined,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { body: unknown; statusCode: number };
	} catch (error) {
		// No cause attached: the HTTP library's error carries the query, the app secret among it.
		const code = (error as { code?: string }).code ?? 'UNKNOWN';
		throw new NodeOperationError(context.getNode(), `Could not reach ${new URL(call.url).host} (${code})`, {
			description: "Check the Base URL in the credential and the network, then activate the workflow again.",
		});
	}
	if (response.statusCode < 400) return response.body as T;
	const info = parseGraphError(response.body, response.statusCode) ?? parseGraphError({ error: { code: 1, message: `HTTP ${response.statusCode}` } }, response.statusCode)!;
	throw metaApiError(context.getNode(), info, response.body);
}

export interface AppAccess {
	appId: string;
	token: string;
}

/** Client-credentials grant: GET /oauth/access_token?client_id&client_secret&grant_type=client_credentials. */
export async function appAccess(this: IHookFunctions, connection: WhatsAppConnection, appId: string, appSecret: string): Promise<AppAccess> {
	if (!appId || !appSecret) {
		throw new WhatsAppConfigurationError(
			'Automatic registration needs the App ID and App Secret.',
			'Enter them in the WhatsApp Cloud API credential (App Dashboard › App settings › Basic), or choose Registration "Manual".',
		);
	}
	const answer = await graphCall<{ access_token?: string }>(this, {
		method: 'GET',
		url: endpoints.oauthAccessToken(connection),
		qs: { client_id: appId, client_secret: appSecret, grant_type: 'client_credentials' },
	});
	if (!answer?.access_token) {
		throw new WhatsAppConfigurationError('Meta returned no app access token.', 'Check the App ID and App Secret in the credential.');
	}
	return { appId, token: answer.access_token };
}

export interface AppSubscription {
	object?: string;
	callback_url?: string;
	active?: boolean;
	fields?: Array<{ name?: string } | string>;
}

export async function listAppSubscriptions(this: IHookFunctions, connection: WhatsAppConnection, app: AppAccess): Promise<AppSubscription[]> {
	const answer = await graphCall<{ data?: AppSubscription[] }>(this, { method: 'GET', url: endpoints.appSubscriptions(connection, app.appId), token: app.token });
	return Array.isArray(answer?.data) ? answer.data : [];
}

export async function createAppSubscription(
	this: IHookFunctions,
	connection: WhatsAppConnection,
	app: AppAccess,
	subscription: { callbackUrl: string; verifyToken: string; fields: string[] },
): Promise<void> {
	await graphCall(this, {
		method: 'POST',
		url: endpoints.appSubscriptions(connection, app.appId),
		token: app.token,
		body: {
			object: 'whatsapp_business_account',
			callback_url: subscription.callbackUrl,
			verify_token: subscription.verifyToken,
			fields: subscription.fields.join(','),
			include_values: true,
		},
	});
}

export async function deleteAppSubscription(this: IHookFunctions, connection: WhatsAppConnection, app: AppAccess): Promise<void> {
	await graphCall(this, {
		method: 'DELETE',
		url: endpoints.appSubscriptions(connection, app.appId),
		token: app.token,
		qs: { object: 'whatsapp_business_account' },
	});
}

export function subscriptionFieldNames(subscription: AppSubscription): string[] {
	return (subscription.fields ?? []).map((field) => (typeof field === 'string' ? field : (field.name ?? ''))).filter(Boolean);
}
