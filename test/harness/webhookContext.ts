/**
 * Runs a trigger node the way n8n does: a real HTTP server receives each request, keeps the raw
 * body (as n8n's rawBodyReader does), and hands Node's request and response to n8n-core's real
 * WebhookContext; activation hooks run in n8n-core's real HookContext. What happens after
 * webhook() returns mirrors n8n's webhook-helpers: no workflowData → no execution, and n8n
 * answers only if the node did not (noWebhookResponse).
 *
 * Static data behaves as measured on n8n 2.41 (n8n-runtime.md): what a hook writes is saved,
 * what webhook() writes is not (every request starts from the saved copy).
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { additionalDataFor, Container, ensureBinaryDataService, nodeOf, resolveFromCore, workflowOf, type NodeUnderTest } from './n8nContext';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Logger } = require(resolveFromCore('@n8n/backend-common')) as { Logger: new (...args: never[]) => unknown };

export interface CapturedLog {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
}

const logSinks = new Set<CapturedLog[]>();
let loggerInstalled = false;

/** Replaces n8n's Logger (what `this.logger` returns in every context) with one that records into every open bed. */
function captureLogs(): CapturedLog[] {
	if (!loggerInstalled) {
		const record = (level: CapturedLog['level']) => (message: string) => {
			for (const sink of logSinks) sink.push({ level, message });
		};
		const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug'), scoped: () => logger };
		Container.set(Logger as never, logger);
		loggerInstalled = true;
	}
	const logs: CapturedLog[] = [];
	logSinks.add(logs);
	return logs;
}

export interface WebhookRun {
	method: string;
	path: string;
	isTest: boolean;
	/** The HTTP status the caller received. */
	statusCode: number;
	responseBody: string;
	/** The headers of the answer, as the node or n8n set them (names in lower case). */
	responseHeaders: OutgoingHttpHeaders;
	/** Whether n8n would start an execution (the node returned workflowData). */
	executed: boolean;
	/** Items of the first output, when executed. */
	items: INodeExecutionData[];
	error?: Error;
}

export interface TriggerBedOptions {
	subject: NodeUnderTest;
	parameters: INodeParameters;
	workflowId?: string;
	/** n8n's node id; two beds with the same workflow and node id share duplicate memory. */
	nodeId?: string;
	/** The node version a saved workflow has (default: the newest). */
	typeVersion?: number;
	/** n8n's webhookWaitingBaseUrl (where `$execution.resumeUrl` points); default under the bed's own URL. */
	webhookWaitingBaseUrl?: string;
}

export interface TriggerBed {
	/** Production URL: what activation registers (getNodeWebhookUrl('default')). */
	url: string;
	testUrl: string;
	/** The workflow's saved static data. */
	staticData: IDataObject;
	runs: WebhookRun[];
	logs: CapturedLog[];
	post(body: string | object, headers?: Record<string, string>, options?: { test?: boolean }): Promise<WebhookRun>;
	get(query: Record<string, string>, options?: { test?: boolean }): Promise<WebhookRun>;
	/** n8n's activation: checkExists, then create when it returned false. Returns whether create ran. */
	activate(options?: { test?: boolean }): Promise<boolean>;
	deactivate(options?: { test?: boolean }): Promise<void>;
	/** Resolves when `count` requests (or requests meeting `until`) have been handled, from tests or the emulator. */
	waitForRuns(until: number | ((runs: WebhookRun[]) => boolean), timeoutMs?: number): Promise<WebhookRun[]>;
	close(): Promise<void>;
}

const REQUEST_ID_HEADER = 'x-harness-request';

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function parseJson(raw: Buffer, contentType: string | undefined): unknown {
	if (!contentType?.includes('json') || raw.length === 0) return {};
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}

/** n8n's onReceived answer when the node did not answer itself (webhook-helpers.js). */
function answerLikeN8n(response: ServerResponse, result: IWebhookResponseData, description: IWebhookDescription): void {
	if (result.noWebhookResponse === true || response.headersSent) return;
	if (result.workflowData === undefined) {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }));
		return;
	}
	response.writeHead(200, { 'Content-Type': 'application/json' });
	response.end(description.responseData === 'noData' ? '' : JSON.stringify({ message: 'Workflow was started' }));
}

export async function startTriggerBed(options: TriggerBedOptions): Promise<TriggerBed> {
	await ensureBinaryDataService();
	const logs = captureLogs();
	const { subject } = options;
	const description = subject.nodeType.description;
	const workflowId = options.workflowId ?? 'wf-trigger';
	const runs: WebhookRun[] = [];
	const pending = new Map<string, Promise<WebhookRun>>();
	const waiters: Array<() => void> = [];
	let savedStaticData: IDataObject = {};
	/** n8n keeps a test registration's static data with the registration, apart from the saved workflow. */
	let testStaticData: IDataObject | undefined;
	let requestCounter = 0;

	const node = nodeOf(subject, options.parameters, { id: options.nodeId ?? 'trigger-node', webhookId: `${workflowId}-hook`, typeVersion: options.typeVersion });

	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const additionalData = (extra: Partial<IWorkflowExecuteAdditionalData> = {}) =>
		additionalDataFor(subject, node.parameters, base, {
			executionId: undefined,
			...(options.webhookWaitingBaseUrl ? { webhookWaitingBaseUrl: options.webhookWaitingBaseUrl } : {}),
			...extra,
		});

	/** A workflow as n8n loads it from the database: with the saved static data. */
	const loadWorkflow = (staticData: IDataObject = savedStaticData) =>
		workflowOf(subject, node, { id: workflowId, active: true, staticData: structuredClone(staticData) });

	const webhookData = (name: string, isTest: boolean, data: IWorkflowExecuteAdditionalData): IWebhookData => {
		const webhookDescription = description.webhooks!.find((webhook) => webhook.name === name)!;
		return {
			httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path: String(webhookDescription.path),
			webhookDescription,
			workflowId,
			workflowExecuteAdditionalData: data,
			isTest,
			webhookId: node.webhookId,
		};
	};

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<WebhookRun> {
		const url = new URL(request.url ?? '/', base);
		const isTest = url.pathname.startsWith('/webhook-test/');
		const rawBody = await readBody(request);
		Object.assign(request, {
			rawBody,
			body: parseJson(rawBody, request.headers['content-type']),
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		const webhook = description.webhooks?.find((candidate) => candidate.httpMethod === request.method);
		const run: WebhookRun = { method: request.method ?? '', path: url.pathname, isTest, statusCode: 0, responseBody: '', responseHeaders: {}, executed: false, items: [] };
		const chunks: Buffer[] = [];
		const end = response.end.bind(response);
		response.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
			return end(chunk as never, ...(rest as []));
		}) as ServerResponse['end'];
		if (!webhook) {
			response.writeHead(404).end();
		} else {
			const data = additionalData({ httpRequest: request, httpResponse: response } as unknown as Partial<IWorkflowExecuteAdditionalData>);
			const context = new WebhookContext(loadWorkflow(), node, data, isTest ? 'manual' : 'webhook', webhookData(webhook.name, isTest, data), [], null);
			try {
				const result = await subject.nodeType.webhook!.call(context);
				answerLikeN8n(response, result, webhook);
				run.executed = result.workflowData !== undefined;
				run.items = result.workflowData?.[0] ?? [];
			} catch (error) {
				run.error = error as Error;
				if (!response.headersSent) response.writeHead(500).end(JSON.stringify({ message: 'Error in workflow' }));
			}
			if (!response.writableEnded) {
				run.error ??= new Error('The node returned noWebhookResponse but never ended the response');
				response.end();
			}
		}
		run.statusCode = response.statusCode;
		run.responseBody = Buffer.concat(chunks).toString('utf8');
		run.responseHeaders = response.getHeaders();
		runs.push(run);
		for (const waiter of waiters.splice(0)) waiter();
		return run;
	}

	server.on('request', (request: IncomingMessage, response: ServerResponse) => {
		const id = String(request.headers[REQUEST_ID_HEADER] ?? `emulator-${++requestCounter}`);
		pending.set(id, handle(request, response));
	});

	const webhookUrl = (test: boolean) => `${base}/${test ? 'webhook-test' : 'webhook'}/${node.webhookId}/webhook`;

	async function send(test: boolean, init: RequestInit, query = ''): Promise<WebhookRun> {
		const id = `test-${++requestCounter}`;
		await fetch(`${webhookUrl(test)}${query}`, { ...init, headers: { ...(init.headers as Record<string, string>), [REQUEST_ID_HEADER]: id } }).then(async (answer) => await answer.arrayBuffer());
		return await pending.get(id)!;
	}

	async function runHook(method: 'checkExists' | 'create' | 'delete', test: boolean): Promise<boolean> {
		if (test && method === 'checkExists') testStaticData = structuredClone(savedStaticData);
		const workflow = loadWorkflow(test ? testStaticData : savedStaticData);
		const data = additionalData();
		const context = new HookContext(workflow, node, data, test ? 'manual' : 'trigger', test ? 'manual' : 'activate', webhookData('default', test, data));
		const hook = subject.nodeType.webhookMethods?.default?.[method];
		if (!hook) throw new Error(`${subject.typeName} has no webhookMethods.default.${method}`);
		try {
			return await hook.call(context);
		} finally {
			// n8n saves static data after activation hooks (workflow-static-data.service), even when they
			// fail; a test registration keeps its own copy (test-webhooks.js: cacheableWebhook.staticData).
			const kept = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			if (test) testStaticData = kept;
			else savedStaticData = kept;
		}
	}

	return {
		url: webhookUrl(false),
		testUrl: webhookUrl(true),
		get staticData() {
			return savedStaticData;
		},
		runs,
		logs,
		post: async (body, headers = {}, { test = false } = {}) =>
			await send(test, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...headers },
				body: typeof body === 'string' ? body : JSON.stringify(body),
			}),
		get: async (query, { test = false } = {}) => await send(test, { method: 'GET' }, `?${new URLSearchParams(query).toString()}`),
		activate: async ({ test = false } = {}) => {
			if (await runHook('checkExists', test)) return false;
			await runHook('create', test);
			return true;
		},
		deactivate: async ({ test = false } = {}) => {
			await runHook('delete', test);
		},
		waitForRuns: async (until, timeoutMs = 5000) => {
			const done = typeof until === 'number' ? () => runs.length >= until : () => until(runs);
			const deadline = Date.now() + timeoutMs;
			while (!done()) {
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`The awaited webhook requests did not arrive; ${runs.length} handled: ${runs.map((run) => `${run.method} ${run.statusCode}`).join(', ')}`);
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
			await Promise.all(pending.values());
			return runs;
		},
		close: async () => {
			await Promise.allSettled(pending.values());
			logSinks.delete(logs);
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
