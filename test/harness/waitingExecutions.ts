/**
 * A stand-in for n8n's waiting executions, for node tests of Send and Wait: the node runs in
 * n8n-core's real ExecuteContext with a run that has a resume token (as n8n gives every run), and
 * `POST <base>/<executionId>?signature=<resume token>` resumes it as n8n's waiting-webhook endpoint
 * does (n8n: webhooks/waiting-webhooks.js, webhook-helpers.js): 404 for an unknown execution, 401
 * for a wrong token, 409 while the node still runs ("running already") and once it no longer waits;
 * otherwise the node's webhook() runs in n8n-core's real WebhookContext with the waiting run's data
 * (the waiting node on the execution stack with its input items, as n8n-core's WorkflowExecute
 * leaves it), and returning workflowData resumes it, once.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExecuteContext, WebhookContext } from 'n8n-core';
import {
	createRunExecutionData,
	type IDataObject,
	type IExecuteData,
	type INodeExecutionData,
	type INodeParameters,
	type IRunExecutionData,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { additionalDataFor, ensureBinaryDataService, nodeOf, workflowOf, type NodeUnderTest } from './n8nContext';

export interface WaitingExecution {
	id: string;
	resumeToken: string;
	run: IRunExecutionData;
	/** What the node returned before waiting. */
	output: INodeExecutionData[];
	/** Set by putExecutionToWait; undefined when the node did not wait (e.g. Validate Only). */
	waitTill?: Date;
	state: 'running' | 'waiting' | 'resumed' | 'done';
	/** The node's output once resumed. */
	resumedWith?: INodeExecutionData[];
}

export interface ResumeCall {
	executionId: string;
	statusCode: number;
	body: IDataObject;
}

export interface WaitingExecutionsBed {
	/** n8n's webhookWaitingBaseUrl: what `$execution.resumeUrl` starts with. */
	base: string;
	calls: ResumeCall[];
	/** Runs the node once over `items` as a new execution; resolves when execute() returns. */
	start(parameters: INodeParameters, items?: INodeExecutionData[], options?: { continueOnFail?: boolean }): Promise<WaitingExecution>;
	/** The same execution runs the node again (a loop): same execution id and resume token, a new request. */
	askAgain(execution: WaitingExecution, parameters: INodeParameters): Promise<WaitingExecution>;
	/** Resolves with the node's output once the execution was resumed. */
	resumed(execution: WaitingExecution, timeoutMs?: number): Promise<INodeExecutionData[]>;
	/** What n8n does when the wait limit passes: the execution goes on without an answer. */
	timeOut(execution: WaitingExecution): void;
	close(): Promise<void>;
}

function readJson(request: IncomingMessage): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			resolve(text ? JSON.parse(text) : {});
		});
		request.on('error', reject);
	});
}

export async function startWaitingExecutions(subject: NodeUnderTest): Promise<WaitingExecutionsBed> {
	await ensureBinaryDataService();
	const executions = new Map<string, WaitingExecution & { parameters: INodeParameters }>();
	const calls: ResumeCall[] = [];
	let nextId = 100;
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const base = `${origin}/webhook-waiting`;

	const contextParts = (parameters: INodeParameters, executionId: string, extra: Partial<IWorkflowExecuteAdditionalData> = {}) => {
		const node = nodeOf(subject, parameters, { id: 'send-and-wait-node' });
		const workflow = workflowOf(subject, node, { id: 'wf-send-and-wait', active: true, staticData: {} });
		const additionalData = additionalDataFor(subject, node.parameters, origin, { executionId, ...extra });
		return { node, workflow, additionalData };
	};

	async function resume(executionId: string, request: IncomingMessage, response: import('node:http').ServerResponse, signature: string | null): Promise<ResumeCall> {
		const execution = executions.get(executionId);
		const answer = (statusCode: number, body: IDataObject): ResumeCall => {
			response.writeHead(statusCode, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
			return { executionId, statusCode, body };
		};
		if (!execution) return answer(404, { message: `The execution "${executionId}" does not exist.` });
		if (signature !== execution.resumeToken) return answer(401, { error: 'Invalid token' });
		if (execution.state === 'running') return answer(409, { message: `The execution "${executionId}" is running already.` });
		if (execution.state !== 'waiting') return answer(409, { message: `The execution "${executionId} has finished already.` });
		Object.assign(request, { body: await readJson(request), query: { signature }, params: {} });
		const { node, workflow, additionalData } = contextParts(execution.parameters, executionId, { httpRequest: request, httpResponse: response } as unknown as Partial<IWorkflowExecuteAdditionalData>);
		const description = subject.nodeType.description.webhooks!.find((webhook) => webhook.restartWebhook === true)!;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], execution.run);
		const result = await subject.nodeType.webhook!.call(context);
		if (result.workflowData !== undefined) {
			execution.state = 'resumed';
			execution.resumedWith = result.workflowData[0] ?? [];
		}
		return answer(200, (result.webhookResponse ?? { message: 'Workflow was started' }) as IDataObject);
	}

	server.on('request', (request, response) => {
		const url = new URL(request.url ?? '/', origin);
		const match = /^\/webhook-waiting\/([^/]+)$/.exec(url.pathname);
		if (request.method !== 'POST' || !match) {
			response.writeHead(404).end();
			return;
		}
		void resume(decodeURIComponent(match[1]), request, response, url.searchParams.get('signature')).then(
			(call) => calls.push(call),
			(error: Error) => {
				calls.push({ executionId: match[1], statusCode: 500, body: { message: error.message } });
				if (!response.headersSent) response.writeHead(500).end(JSON.stringify({ message: error.message }));
			},
		);
	});

	/** Runs the node in the execution's run, as n8n does, and records what came of it. */
	async function runNode(id: string, run: IRunExecutionData, parameters: INodeParameters, items: INodeExecutionData[], continueOnFail = false) {
		const { node, workflow, additionalData } = contextParts(parameters, id);
		if (continueOnFail) node.onError = 'continueRegularOutput';
		run.waitTill = undefined;
		const inputData = { main: [items] };
		const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: 'Input' }] } };
		const context = new ExecuteContext(workflow, node, additionalData, 'webhook', run, 0, items, inputData, executeData, []);
		// n8n knows the execution while the node runs: a resume POST then gets 409 "running already".
		const execution = { id, resumeToken: run.resumeToken ?? '', run, output: [], state: 'running', parameters } as WaitingExecution & { parameters: INodeParameters };
		executions.set(id, execution);
		try {
			const outputs = ((await subject.nodeType.execute!.call(context)) ?? []) as INodeExecutionData[][];
			Object.assign(execution, { output: outputs.flat(), waitTill: run.waitTill, state: run.waitTill ? 'waiting' : 'done' });
		} catch (error) {
			execution.state = 'done';
			throw error;
		}
		// WorkflowExecute pushes the waiting node back on the stack with its input: its resume webhook evaluates with it.
		if (run.waitTill) run.executionData!.nodeExecutionStack = [executeData];
		return execution;
	}

	return {
		base,
		calls,
		start: async (parameters, items = [{ json: {} }], options = {}) =>
			await runNode(String(nextId++), createRunExecutionData({ resumeToken: randomBytes(32).toString('hex') }), parameters, items, options.continueOnFail),
		askAgain: async (execution, parameters) => await runNode(execution.id, execution.run, parameters, [{ json: {} }]),
		resumed: async (execution, timeoutMs = 5000) => {
			const deadline = Date.now() + timeoutMs;
			while (execution.state !== 'resumed') {
				if (Date.now() > deadline) throw new Error(`Execution ${execution.id} was not resumed within ${timeoutMs} ms (calls: ${JSON.stringify(calls)})`);
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
			return execution.resumedWith ?? [];
		},
		timeOut: (execution) => {
			execution.state = 'done';
		},
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
