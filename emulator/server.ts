/**
 * The HTTP front door: admin API, fault injection and latency, authentication (Bearer for Graph
 * (Meta: Send messages), D360-API-KEY for 360dialog docs/360dialog.md), routing, Meta error envelopes (Meta: Error codes) and the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultKind } from './config';
import { handleAdmin } from './handlers/admin';
import { readRawBody, parseBody } from './http/body';
import type { HandlerResult, RequestContext } from './http/context';
import { MetaApiError, metaErrorBody } from './http/errors';
import { echoedSecrets, echoError, echoesInAnswer, faultError, latencyMs, sleep, takeFault } from './http/faults';
import { HOSTED_FILES_PREFIX, serveHostedFile } from './http/hosted-files';
import { boundaryOf } from './http/multipart';
import type { RequestValidator } from './openapi/validator';
import { isAppAccessToken } from './handlers/app-subscriptions';
import { APP_ROUTES, DIALOG360_ROUTES, DOWNLOAD_ROUTE, GRAPH_ROUTES, matchRoute, PUBLIC_ROUTES, type RouteMatch } from './routes';
import type { EmulatorState } from './state/store';
import type { Provider } from './state/types';
import type { WebhookDispatcher } from './webhooks/dispatcher';

export interface ServerDependencies {
	state: EmulatorState;
	validator: RequestValidator;
	webhooks: WebhookDispatcher;
	baseUrl: () => string;
	startupMs: () => number;
}

/** Fault kinds decided before the request is handled, and the one decided once it succeeded. */
const BEFORE_HANDLING: readonly FaultKind[] = ['http500', 'http503', 'reset', 'delay', 'echoSecrets', 'tokenExpired'];
const AFTER_HANDLING: readonly FaultKind[] = ['acceptedThenReset'];

/** Meta's Send messages page: "v23.0"; 360dialog paths such as /v1/configs/templates are not Graph versions. */
const VERSION_SEGMENT = /^v\d+\.\d+$/;

export function createRequestListener(deps: ServerDependencies) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		handle(deps, req, res).catch((error) => {
			console.error('[emulator] unexpected error:', error);
			if (!res.headersSent && !res.destroyed) send(res, 500, metaErrorBody(new MetaApiError(1, `Emulator internal error: ${error?.message ?? error}`, { httpStatus: 500 })));
		});
	};
}

async function handle(deps: ServerDependencies, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const { state } = deps;
	const url = new URL(req.url ?? '/', 'http://emulator.local');
	const method = (req.method ?? 'GET').toUpperCase();
	if (url.pathname.startsWith(HOSTED_FILES_PREFIX)) return serveHostedFile(res, url, method);
	if (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/')) return handleAdminRequest(deps, req, res, url, method);

	try {
		const rawBody = await readRawBody(req);
		const fault = takeFault(state.config, method, url.pathname, BEFORE_HANDLING);
		if (fault?.kind === 'reset') return void req.socket.destroy();
		if (fault?.kind === 'http500' || fault?.kind === 'http503' || fault?.kind === 'tokenExpired') throw faultError(fault);
		if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 0);
		if (fault?.kind === 'echoSecrets' && !echoesInAnswer(fault)) throw echoError(fault, echoedSecrets(state.config, req, url));
		const latency = latencyMs(state.config);
		if (latency > 0) await sleep(latency);

		const segments = url.pathname.split('/').filter(Boolean);
		const version = segments[0] && VERSION_SEGMENT.test(segments[0]) ? segments.shift() : undefined;
		const { provider, dialog360PhoneNumberId, match } = authenticateAndRoute(state, req, url, method, segments);
		const context: RequestContext = {
			method, pathname: url.pathname, version, query: url.searchParams, headers: req.headers, rawBody, provider,
			dialog360PhoneNumberId, params: match.params, state, validator: deps.validator, baseUrl: deps.baseUrl(),
		};
		const result = await match.route.handler(context);
		const status = result.status ?? 200;
		// The request took effect (a message is accepted and gets its statuses), but its answer is lost.
		const dropAnswer = status >= 200 && status < 300 && takeFault(state.config, method, url.pathname, AFTER_HANDLING) !== undefined;
		if (dropAnswer) {
			const message = result.responseId ? state.messages.get(result.responseId) : undefined;
			if (message) message.answerDropped = true;
			logAccepted(context, result, true);
			return void req.socket.destroy();
		}
		if (echoesInAnswer(fault) && result.json && typeof result.json === 'object' && !Array.isArray(result.json)) {
			result.json = { ...result.json, echo: echoedSecrets(state.config, req, url) };
		}
		respond(res, result);
		logAccepted(context, result, false);
	} catch (error) {
		if (!(error instanceof MetaApiError)) throw error;
		send(res, error.httpStatus, metaErrorBody(error));
	}
}

function authenticateAndRoute(state: EmulatorState, req: IncomingMessage, url: URL, method: string, segments: string[]) {
	const apiKey = header(req, 'd360-api-key');
	const token = bearerToken(req, url);
	const validToken = token !== undefined && state.accessTokens.has(token);
	const dialog360PhoneNumberId = apiKey !== undefined ? state.dialog360Keys.get(apiKey) : undefined;
	const download = matchRoute([DOWNLOAD_ROUTE], method, segments);
	if (download) {
		if (!validToken && !dialog360PhoneNumberId) throw new MetaApiError(190, 'Downloading media needs the same Authorization: Bearer token (or D360-API-KEY) as the API.');
		return { provider: (validToken ? 'meta' : '360dialog') as Provider, dialog360PhoneNumberId, match: download };
	}
	const open = matchRoute(PUBLIC_ROUTES, method, segments);
	if (open) return { provider: 'meta' as Provider, dialog360PhoneNumberId: undefined, match: open };
	if (apiKey !== undefined) {
		if (!dialog360PhoneNumberId) throw new MetaApiError(190, 'The D360-API-KEY is not valid. Copy the API key of this number from the 360dialog Hub.');
		return { provider: '360dialog' as Provider, dialog360PhoneNumberId, match: routeOrFail(DIALOG360_ROUTES, method, segments, url) };
	}
	if (token === undefined) {
		throw new MetaApiError(190, 'An access token is required. Send the header "Authorization: Bearer <access token>".');
	}
	const appRoute = matchRoute(APP_ROUTES, method, segments);
	if (isAppAccessToken(state, token)) {
		if (!appRoute) throw new MetaApiError(190, 'An app access token only works for /{app-id}/subscriptions here; use the System User access token for the WhatsApp API.');
		return { provider: 'meta' as Provider, dialog360PhoneNumberId: undefined, match: appRoute };
	}
	if (!validToken) throw new MetaApiError(190, 'The access token is invalid or has expired. Generate a new System User token and update the credential.');
	if (appRoute) throw new MetaApiError(15, 'Get an app access token from /oauth/access_token (client_id = app ID, client_secret = app secret) and call this with it.');
	return { provider: 'meta' as Provider, dialog360PhoneNumberId: undefined, match: routeOrFail(GRAPH_ROUTES, method, segments, url) };
}

function routeOrFail(routes: typeof GRAPH_ROUTES, method: string, segments: string[], url: URL): RouteMatch {
	const match = matchRoute(routes, method, segments);
	if (!match) throw new MetaApiError(100, `Unsupported ${method.toLowerCase()} request: ${url.pathname} is not an endpoint the emulator knows (see emulator/README.md).`);
	return match;
}

function bearerToken(req: IncomingMessage, url: URL): string | undefined {
	const authorization = header(req, 'authorization');
	const match = authorization ? /^Bearer\s+(.+)$/i.exec(authorization.trim()) : null;
	if (match) return match[1].trim();
	return url.searchParams.get('access_token') ?? (authorization !== undefined ? '' : undefined);
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function respond(res: ServerResponse, result: HandlerResult): void {
	if (result.binary) {
		res.writeHead(result.status ?? 200, { 'Content-Type': result.binary.contentType, 'Content-Length': result.binary.data.length });
		res.end(result.binary.data);
	} else {
		send(res, result.status ?? 200, result.json ?? {});
	}
}

function send(res: ServerResponse, status: number, json: unknown): void {
	const body = JSON.stringify(json);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/** Only accepted (2xx) requests are logged; tokens, secrets and custom webhook headers never are. */
function logAccepted(context: RequestContext, result: HandlerResult, answerDropped: boolean): void {
	const status = result.status ?? 200;
	if (status < 200 || status >= 300 || context.state.config.requestLogLimit <= 0) return;
	const query = hideSecrets(Object.fromEntries([...context.query].filter(([name]) => name !== 'access_token'))) as Record<string, string>;
	context.state.logRequest({
		method: context.method, path: context.pathname, query, provider: context.provider, status,
		body: hideSecrets(result.loggedBody ?? loggableBody(context)), ...(result.responseId ? { responseId: result.responseId } : {}),
		...(answerDropped ? { answerDropped: true } : {}),
	});
}

const SECRET_KEYS = new Set(['client_secret', 'verify_token', 'headers']);
function hideSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(hideSecrets);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.has(key) ? '(hidden)' : hideSecrets(inner)]));
}

function loggableBody(context: RequestContext): unknown {
	if (context.rawBody.length === 0 || boundaryOf(context.headers['content-type'])) return null;
	try {
		return parseBody(context.rawBody, context.headers['content-type']);
	} catch {
		return null;
	}
}

async function handleAdminRequest(deps: ServerDependencies, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
	const raw = await readRawBody(req);
	let body: unknown;
	try {
		body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
	} catch {
		return send(res, 400, { error: { message: 'The admin API takes JSON bodies.' } });
	}
	const route = url.pathname.slice('/__emulator'.length) || '/';
	const response = await handleAdmin({ method, route, query: url.searchParams, body, state: deps.state, webhooks: deps.webhooks, baseUrl: deps.baseUrl(), startupMs: deps.startupMs() });
	send(res, response.status, response.json);
}
