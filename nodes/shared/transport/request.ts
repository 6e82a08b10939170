import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { parseGraphError } from '../whatsapp/errors';
import type { WhatsAppConnection } from './connection';
import { metaApiError } from './errors';
import { DEFAULT_RETRY_POLICY, networkFailure, retryDelaySeconds, type Failure, type RetryPolicy } from './retry';

export type WhatsAppContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface WhatsAppRequest {
	method: IHttpRequestMethods;
	url: string;
	body?: IDataObject | Buffer;
	qs?: IDataObject;
	headers?: IDataObject;
	/** Return the raw bytes (media download) instead of parsed JSON. */
	binary?: boolean;
	itemIndex?: number;
	retry?: RetryPolicy;
	timeoutMs?: number;
	/**
	 * Meta error codes whose answer still carries the result, returned instead of thrown: e.g.
	 * 139100, a block request that failed for some users only (Meta: Block users).
	 */
	resultErrorCodes?: readonly number[];
}

export interface WhatsAppResponse<T> {
	body: T;
	headers: IDataObject;
	statusCode: number;
}

interface FullResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

const IDEMPOTENT: ReadonlySet<IHttpRequestMethods> = new Set(['GET', 'HEAD', 'DELETE', 'PUT']);

function bodyAsJson(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * One request through n8n's authenticated HTTP helper, with Meta's errors mapped to advice and
 * safe retries. The token is added by n8n from the credential and never appears in our errors.
 */
export async function whatsAppRequest<T = IDataObject>(
	this: WhatsAppContext,
	connection: WhatsAppConnection,
	request: WhatsAppRequest,
): Promise<WhatsAppResponse<T>> {
	const policy = request.retry ?? DEFAULT_RETRY_POLICY;
	const isBuffer = Buffer.isBuffer(request.body);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: request.headers,
		body: request.body as IHttpRequestOptions['body'],
		json: !isBuffer && !request.binary,
		encoding: request.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 60_000,
	};
	const send = this.helpers.httpRequestWithAuthentication as (
		this: WhatsAppContext,
		credentialType: string,
		options: IHttpRequestOptions,
	) => Promise<FullResponse>;

	for (let attempt = 0; ; attempt++) {
		let failure: Failure;
		let response: FullResponse | undefined;
		try {
			response = await send.call(this, connection.credentialType, options);
		} catch (error) {
			const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
			failure = networkFailure(code);
		}
		if (response) {
			if (response.statusCode < 400) {
				const body = (request.binary ? response.body : bodyAsJson(response.body)) as T;
				return { body, headers: response.headers, statusCode: response.statusCode };
			}
			const parsed = bodyAsJson(response.body);
			const info = parseGraphError(parsed, response.statusCode) ?? parseGraphError({ error: { code: 1, message: `HTTP ${response.statusCode}` } }, response.statusCode)!;
			if (request.resultErrorCodes?.includes(info.code)) return { body: parsed as T, headers: response.headers, statusCode: response.statusCode };
			failure = { kind: 'meta', info };
			const wait = retryDelaySeconds(failure, attempt, IDEMPOTENT.has(request.method), policy);
			if (wait === undefined) throw metaApiError(this.getNode(), info, parsed, request.itemIndex);
			await sleep(wait * 1000);
			continue;
		}
		const wait = retryDelaySeconds(failure!, attempt, IDEMPOTENT.has(request.method), policy);
		if (wait === undefined) throw networkError(this, failure!, request, attempt);
		await sleep(wait * 1000);
	}
}

/** No cause attached: the HTTP library's error carries request headers, the token among them. */
function networkError(context: WhatsAppContext, failure: Failure, request: WhatsAppRequest, attempt: number): NodeOperationError {
	const code = failure.kind === 'network' ? failure.code : 'UNKNOWN';
	const mayHaveArrived = failure.kind === 'network' && failure.requestMayHaveArrived;
	const host = new URL(request.url).host;
	const description =
		mayHaveArrived && !IDEMPOTENT.has(request.method)
			? `The connection to ${host} broke (${code}) before WhatsApp answered, so it is unknown whether this request was carried out. ` +
				'It was not repeated automatically, to avoid sending a message twice. Check the status webhooks (or the recipient) before sending it again.'
			: `Could not reach ${host} (${code})${attempt ? ` after ${attempt + 1} attempts` : ''}. Check the Base URL in the credential and the network, then run again.`;
	// The code stays out of the message: n8n would swap a message naming ECONNRESET for a generic text.
	const message = mayHaveArrived ? 'Network error: the connection to WhatsApp broke before it answered' : 'Network error: could not reach WhatsApp';
	return new NodeOperationError(context.getNode(), message, {
		description,
		itemIndex: request.itemIndex,
	});
}
