import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { parseGraphError, withAdviceForMessage } from '../whatsapp/errors';
import type { WhatsAppConnection } from './connection';
import { metaApiError, networkError } from './errors';
import type { SendPacer } from './pacing';
import { DEFAULT_RETRY_POLICY, networkFailure, retriesAllowed, retryDelaySeconds, type Failure, type RetryPolicy } from './retry';

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
	/**
	 * The sending number's pacer: every attempt waits for its turn (never above the number's
	 * ceiling); 130429 slows it down, 131057 pauses it (Meta: Throughput).
	 */
	pacer?: SendPacer;
	/** Once aborted, no further attempt is sent (checked after the pacer's grant): the abort reason is thrown. */
	stopSignal?: AbortSignal;
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

/** No answer within this long is reported as a timeout (per attempt). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Whether an error of n8n's HTTP helper means the request timed out (axios: ECONNABORTED "timeout of … exceeded"). */
function isTimeout(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? {};
	const code = cause.code ?? (error as { code?: string }).code;
	const message = `${cause.message ?? ''} ${(error as { message?: string }).message ?? ''}`;
	return code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message));
}

/**
 * One request through n8n's authenticated HTTP helper, with Meta's errors mapped to advice and
 * safe retries. The token is added by n8n from the credential; answers and errors pass through the
 * connection's redactor, so neither the credential's secrets nor token shapes reach an item.
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
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	const send = this.helpers.httpRequestWithAuthentication as (
		this: WhatsAppContext,
		credentialType: string,
		options: IHttpRequestOptions,
	) => Promise<FullResponse>;

	for (let attempt = 0; ; attempt++) {
		let failure: Failure;
		let response: FullResponse | undefined;
		if (request.pacer) await request.pacer.acquire();
		if (request.stopSignal?.aborted) throw request.stopSignal.reason;
		try {
			response = await send.call(this, connection.credentialType, options);
		} catch (error) {
			const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
			failure = networkFailure(code, isTimeout(error));
		}
		if (response) {
			if (response.statusCode < 400) {
				const body = (request.binary ? response.body : connection.redactor.json(bodyAsJson(response.body))) as T;
				return { body, headers: response.headers, statusCode: response.statusCode };
			}
			const parsed = bodyAsJson(response.body);
			const graphError = parseGraphError(parsed, response.statusCode) ?? parseGraphError({ error: { code: 1, message: `HTTP ${response.statusCode}` } }, response.statusCode)!;
			const info = withAdviceForMessage(graphError, request.body);
			if (request.resultErrorCodes?.includes(info.code)) return { body: parsed as T, headers: response.headers, statusCode: response.statusCode };
			failure = { kind: 'meta', info };
			const wait = retryDelaySeconds(failure, attempt, IDEMPOTENT.has(request.method), policy);
			if (info.code === 130429) request.pacer?.throttled();
			if (wait === undefined) {
				const outcome = { attempts: attempt + 1, maxAttempts: retriesAllowed(failure, policy) + 1 };
				throw metaApiError(this.getNode(), info, parsed, request.itemIndex, { redactor: connection.redactor, outcome });
			}
			// Maintenance concerns the whole number: every send from it waits, not only this one.
			if (info.code === 131057) request.pacer?.pause(wait * 1000);
			await sleep(wait * 1000);
			continue;
		}
		const wait = retryDelaySeconds(failure!, attempt, IDEMPOTENT.has(request.method), policy);
		if (wait === undefined) throw connection.redactor.error(networkError(this.getNode(), networkReport(failure!, request, attempt)));
		await sleep(wait * 1000);
	}
}

function networkReport(failure: Failure, request: WhatsAppRequest, attempt: number) {
	const network = failure.kind === 'network' ? failure : undefined;
	return {
		host: new URL(request.url).host,
		code: network?.code ?? 'UNKNOWN',
		mayHaveArrived: network?.requestMayHaveArrived ?? false,
		idempotent: IDEMPOTENT.has(request.method),
		timedOut: network?.timedOut ?? false,
		timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		attempts: attempt + 1,
		itemIndex: request.itemIndex,
	};
}
