/**
 * The HTTP front door shared by the three fakes: admin API under `/__fake`, latency, injected
 * faults, the optional rate limit, routing, vendor-shaped errors and the request log. Vendors plug
 * in their routes and error shapes through a `VendorSpec`.
 *
 * Handlers run their store operations synchronously after the body is read, and Node runs one
 * handler at a time, so a uniqueness check and the insert it guards can never interleave with
 * another request: concurrent upserts on one key yield one record, as on the real services.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes } from './admin';
import { applyConfigPatch, COMMON_CONFIG_CHECKS, type CommonFakeConfig, type ConfigCheck } from './config';
import { echoedCredentials, FaultQueue, RateLimiter, retryAfterOf, withEcho } from './faults';
import { FakeHttpError, matchRoute, type FakeRequest, type FakeResponse, type Route, type RouteMatch } from './http';
import { RequestLog } from './request-log';

export type CrmFakeKind = 'zoho' | 'zendesk' | 'hubspot';

/** What a vendor provides to the shared server. */
export interface VendorSpec<C extends CommonFakeConfig> {
	kind: CrmFakeKind;
	config: C;
	/** Checks for the vendor's own settings (the common ones are added). */
	configChecks: Record<string, ConfigCheck>;
	routes: Route[];
	/** Extra admin routes, with patterns under `/__fake/`. */
	adminRoutes?: Route[];
	/** Vendor path normalisation applied before routing (Zendesk drops `.json`). */
	normalisePath?: (path: string) => string;
	errors: {
		notFound(request: FakeRequest): FakeResponse;
		/** An injected 429 or 5xx, or the rate limit (`status` 429); the server adds `Retry-After`. */
		fault(status: number): FakeResponse;
		/** A 400 in the vendor's error shape with this message (the echo fault). */
		badRequest(message: string): FakeResponse;
		internal(error: unknown): FakeResponse;
	};
	/** Back to the seed (records, tokens, uploads…). */
	reset(): void;
	/** Everything stored, for `GET /__fake/state` (no secrets). */
	dump(): unknown;
	/** Makes pending search-index writes visible now. */
	flushSearchIndex(): void;
}

/** What the vendor factory can read: the base URL once listening, and the clock. */
export interface FakeRuntime {
	url: () => string;
	clock: () => number;
}

export interface ServerOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0 (the OS picks a free port). */
	port?: number;
	/** Milliseconds since the epoch; default `Date.now`. Tests may move time forward. */
	clock?: () => number;
}

export interface RunningFakeServer<C extends CommonFakeConfig> {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	config: C;
	requests: RequestLog;
	faults: FaultQueue;
	/** Seed data back, request log, faults and rate-limit window cleared (settings kept). */
	reset(): void;
	flushSearchIndex(): void;
	close(): Promise<void>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function startFakeServer<C extends CommonFakeConfig>(options: ServerOptions, build: (runtime: FakeRuntime) => VendorSpec<C>): Promise<RunningFakeServer<C>> {
	let baseUrl = '';
	const clock = options.clock ?? Date.now;
	const spec = build({ url: () => baseUrl, clock });
	const requests = new RequestLog(() => spec.config.requestLogLimit);
	const faults = new FaultQueue();
	const limiter = new RateLimiter();
	const checks = { ...COMMON_CONFIG_CHECKS, ...spec.configChecks };
	const reset = (): void => {
		spec.reset();
		requests.clear();
		faults.clear();
		limiter.reset();
	};
	const admin = [...adminRoutes({ spec, requests, faults, reset, url: () => baseUrl, patchConfig: (patch) => applyConfigPatch(spec.config, patch, checks) }), ...(spec.adminRoutes ?? [])];

	const server = createServer((req, res) => {
		handle(req, res).catch((error) => {
			console.error(`[fake ${spec.kind}] unexpected error:`, error);
			if (!res.headersSent && !res.destroyed) write(res, spec.errors.internal(error));
		});
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const startedAt = clock();
		const url = new URL(req.url ?? '/', 'http://fake.local');
		const method = (req.method ?? 'GET').toUpperCase();
		const body = await readBody(req);
		const isAdmin = url.pathname === '/__fake' || url.pathname.startsWith('/__fake/');
		const path = isAdmin || !spec.normalisePath ? url.pathname : spec.normalisePath(url.pathname);
		const request: FakeRequest = { method, path, query: url.searchParams, headers: req.headers, body, params: {}, now: startedAt };
		if (isAdmin) return write(res, await dispatch(matchRoute(admin, method, path), request, () => ({ status: 404, json: { error: `No admin route ${method} ${path}` } })));

		if (spec.config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, spec.config.latencyMs));
		const fault = faults.take(method, path);
		let response: FakeResponse | undefined;
		let faultLabel: string | undefined;
		const echo = fault?.echo ? echoedCredentials(req.headers.authorization) : undefined;
		if (fault?.drop === 'before') faultLabel = 'drop:before';
		else if (fault?.echo === 'error' && echo) {
			faultLabel = 'echo:error';
			response = spec.errors.badRequest(echo);
		} else if (fault?.status) {
			faultLabel = String(fault.status);
			response = withRetryAfter(spec.errors.fault(fault.status), retryAfterOf(fault));
		} else {
			const wait = limiter.take(spec.config.rateLimit, clock());
			if (wait !== undefined) {
				faultLabel = 'rate-limit';
				response = withRetryAfter(spec.errors.fault(429), wait);
			}
		}
		let redactKeys: string[] | undefined;
		if (!response && faultLabel !== 'drop:before') {
			const match = matchRoute(spec.routes, method, path);
			redactKeys = match?.route.redactKeys;
			response = await dispatch(match, request, () => spec.errors.notFound(request));
			if (fault?.drop === 'after') faultLabel = 'drop:after';
			if (fault?.echo === 'answer' && echo && response.json !== undefined) {
				faultLabel = 'echo:answer';
				response = { ...response, json: withEcho(response.json, echo) };
			}
		}
		const logged = faultLabel?.startsWith('drop') || faultLabel?.startsWith('echo') ? undefined : response;
		requests.record({ method, path, query: url.searchParams, headers: req.headers, body, response: logged, fault: faultLabel, startedAt, finishedAt: clock(), redactKeys });
		if (faultLabel?.startsWith('drop') || !response) return void req.socket.destroy();
		write(res, response);
	}

	async function dispatch(match: RouteMatch | undefined, request: FakeRequest, notFound: () => FakeResponse): Promise<FakeResponse> {
		if (!match) return notFound();
		try {
			return await match.route.handler({ ...request, params: match.params });
		} catch (error) {
			if (error instanceof FakeHttpError) return error.response;
			console.error(`[fake ${spec.kind}] handler error on ${request.method} ${request.path}:`, error);
			return spec.errors.internal(error);
		}
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	baseUrl = `http://${host}:${address.port}`;

	return {
		url: baseUrl,
		config: spec.config,
		requests,
		faults,
		reset,
		flushSearchIndex: () => spec.flushSearchIndex(),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

function withRetryAfter(response: FakeResponse, seconds: number | undefined): FakeResponse {
	return seconds === undefined ? response : { ...response, headers: { 'Retry-After': String(seconds), ...response.headers } };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function write(res: ServerResponse, response: FakeResponse): void {
	const headers: Record<string, string> = { ...response.headers };
	let payload: Buffer | undefined;
	if (response.json !== undefined) {
		payload = Buffer.from(JSON.stringify(response.json));
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	} else if (response.text !== undefined) {
		payload = Buffer.from(response.text);
		headers['Content-Type'] ??= 'text/plain; charset=utf-8';
	} else if (response.bytes !== undefined) payload = response.bytes;
	if (payload) headers['Content-Length'] = String(payload.length);
	res.writeHead(response.status, headers);
	res.end(payload);
}
