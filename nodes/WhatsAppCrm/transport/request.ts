import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type ILoadOptionsFunctions } from 'n8n-workflow';
import { retryDelaySeconds, type CrmHttp, type CrmHttpRequest, type CrmHttpResponse, type CrmKind } from '../../shared/crm';
import { redactorForCredentials, type Redactor } from '../../shared/transport/redaction';
import { apiBaseUrl, CREDENTIAL_TYPES } from './credentials';
import { crmNetworkError } from './errors';

export type CrmContext = IExecuteFunctions | ILoadOptionsFunctions;

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body ?? '';
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value === undefined ? undefined : String(value);
	return result;
}

/**
 * The CRM's answer inside an error thrown by n8n's HTTP helper. Statuses must throw (not be
 * ignored) so that n8n refreshes an expired OAuth2 token on 401 and repeats the request.
 */
function responseOfError(error: unknown): CrmHttpResponse | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause, (error as { cause?: { cause?: unknown } })?.cause?.cause];
	for (const candidate of candidates) {
		const response = (candidate as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } } | undefined)?.response;
		if (response && typeof response.status === 'number') {
			return { status: response.status, body: parseBody(response.data), headers: lowerCaseHeaders(response.headers) };
		}
	}
	return undefined;
}

function networkCode(error: unknown): string {
	const seen = [error, (error as { cause?: unknown })?.cause, (error as { cause?: { cause?: unknown } })?.cause?.cause];
	for (const candidate of seen) {
		const code = (candidate as { code?: unknown } | undefined)?.code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	return 'UNKNOWN';
}

/**
 * A `CrmHttp` for one CRM: requests go through `httpRequestWithAuthentication` with the CRM's
 * credential (n8n adds the token and refreshes Zoho's OAuth2 token on 401); 429 and 5xx answers are
 * retried as shared/crm/retry.ts decides, honouring Retry-After. Never throws for an HTTP status;
 * throws CrmNetworkError when the CRM cannot be reached. `redactor` removes the credential's
 * secrets (nodes/shared/transport/redaction.ts) from what the node shows.
 */
export async function crmHttpFor(this: CrmContext, crm: CrmKind): Promise<{ http: CrmHttp; redactor: Redactor; baseUrl: string }> {
	const credentialType = CREDENTIAL_TYPES[crm];
	const credentials = await this.getCredentials(credentialType);
	const baseUrl = apiBaseUrl(crm, credentials);
	const send = this.helpers.httpRequestWithAuthentication as (this: CrmContext, type: string, options: IHttpRequestOptions) => Promise<FullResponse>;

	const once = async (request: CrmHttpRequest): Promise<CrmHttpResponse> => {
		const raw = Buffer.isBuffer(request.body);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			headers: { Accept: 'application/json', ...(request.headers ?? {}) },
			body: request.body as IHttpRequestOptions['body'],
			json: !raw,
			returnFullResponse: true,
			timeout: 60_000,
		};
		try {
			const response = await send.call(this, credentialType, options);
			return { status: response.statusCode, body: parseBody(response.body), headers: lowerCaseHeaders(response.headers) };
		} catch (error) {
			const response = responseOfError(error);
			if (response) return response;
			throw crmNetworkError(this.getNode(), crm, new URL(options.url).host, networkCode(error), request.method);
		}
	};

	const http: CrmHttp = async (request) => {
		const idempotent = request.idempotent ?? request.method === 'GET';
		for (let attempt = 0; ; attempt++) {
			const response = await once(request);
			const wait = retryDelaySeconds(response, attempt, idempotent);
			if (wait === undefined) return response;
			await sleep(wait * 1000);
		}
	};
	return { http, redactor: redactorForCredentials(credentialType, credentials), baseUrl };
}
