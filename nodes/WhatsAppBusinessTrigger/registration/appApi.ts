/**
 * App-level Graph calls (Meta: Webhook overrides): they need an app access token (client-credentials grant with
 * the App ID and App Secret), not the credential's system-user token, so they bypass n8n's
 * credential authentication. Neither token nor secret ever appears in an error.
 */
import { NodeOperationError, type IDataObject, type IHookFunctions, type IHttpRequestMethods } from 'n8n-workflow';
import { endpoints, metaApiError, metaErrorOf, WhatsAppConfigurationError, type WhatsAppConnection } from '../../shared/transport';
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

/** `connection` gives the credential's secrets to redact from errors, besides the call's app token. */
async function graphCall<T>(context: IHookFunctions, connection: WhatsAppConnection, call: AppCall): Promise<T> {
	const redactor = connection.redactor.with(call.token ? [call.token] : []);
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
		const failure = new NodeOperationError(context.getNode(), `Could not reach ${new URL(call.url).host} (${code})`, {
			description: "Check the Base URL in the credential and the network, then activate the workflow again.",
		});
		throw redactor.error(failure);
	}
	if (response.statusCode < 400) return response.body as T;
	const info = parseGraphError(response.body, response.statusCode) ?? parseGraphError({ error: { code: 1, message: `HTTP ${response.statusCode}` } }, response.statusCode)!;
	throw metaApiError(context.getNode(), info, response.body, undefined, { redactor });
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
	let answer: { access_token?: string };
	try {
		answer = await graphCall<{ access_token?: string }>(this, connection, {
			method: 'GET',
			url: endpoints.oauthAccessToken(connection),
			qs: { client_id: appId, client_secret: appSecret, grant_type: 'client_credentials' },
		});
	} catch (error) {
		throw appCredentialError(error) ?? error;
	}
	if (!answer?.access_token) {
		throw new WhatsAppConfigurationError('Meta returned no app access token.', 'Check the App ID and App Secret in the credential.');
	}
	return { appId, token: answer.access_token };
}

/**
 * Meta answers a wrong App Secret with code 1 ("Error validating client secret") and a wrong App ID
 * with 101 (Meta: Error codes): the catalogue's generic advice for 1 (Meta's status page) would send
 * the user the wrong way, so both name the credential field to fix.
 */
function appCredentialError(error: unknown): WhatsAppConfigurationError | undefined {
	const code = metaErrorOf(error)?.code;
	const where = "Copy it from Meta's App Dashboard › App settings › Basic (the app whose webhooks this is) into the WhatsApp Cloud API credential, then activate the workflow again.";
	if (code === 1) return new WhatsAppConfigurationError('Meta refused the App Secret in the credential (error 1: Error validating client secret).', where);
	if (code === 101) return new WhatsAppConfigurationError('Meta does not know the App ID in the credential (error 101: Invalid application ID).', where);
	return undefined;
}

export interface AppSubscription {
	object?: string;
	callback_url?: string;
	active?: boolean;
	fields?: Array<{ name?: string } | string>;
}

export async function listAppSubscriptions(this: IHookFunctions, connection: WhatsAppConnection, app: AppAccess): Promise<AppSubscription[]> {
	const answer = await graphCall<{ data?: AppSubscription[] }>(this, connection, { method: 'GET', url: endpoints.appSubscriptions(connection, app.appId), token: app.token });
	return Array.isArray(answer?.data) ? answer.data : [];
}

export async function createAppSubscription(
	this: IHookFunctions,
	connection: WhatsAppConnection,
	app: AppAccess,
	subscription: { callbackUrl: string; verifyToken: string; fields: string[] },
): Promise<void> {
	await graphCall(this, connection, {
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
	await graphCall(this, connection, {
		method: 'DELETE',
		url: endpoints.appSubscriptions(connection, app.appId),
		token: app.token,
		qs: { object: 'whatsapp_business_account' },
	});
}

export function subscriptionFieldNames(subscription: AppSubscription): string[] {
	return (subscription.fields ?? []).map((field) => (typeof field === 'string' ? field : (field.name ?? ''))).filter(Boolean);
}
