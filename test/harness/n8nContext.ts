/**
 * Runs our nodes inside n8n-core's real execution contexts (ExecuteContext, LoadOptionsContext),
 * so node tests exercise n8n's own HTTP helpers, parameter resolution and binary-data handling
 * against the emulator and the CRM fakes over real HTTP. Only the credential store is ours
 * (testCredentialsHelper.ts): credentials are given in clear, as n8n would hand them over after decryption.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryDataService, ExecuteContext, InstanceSettings, LoadOptionsContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialType,
	type ICredentialsHelper,
	type IExecuteData,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type IDataObject,
	type INodeParameters,
	type IBinaryData,
} from 'n8n-workflow';
import { TestCredentialsHelper, type CredentialsByType } from './testCredentialsHelper';

export { TestCredentialsHelper, type CredentialsByType };

/** A package as n8n-core itself resolves it: n8n-core carries its own @n8n/di and @n8n/backend-common. */
export const resolveFromCore = (name: string) => require.resolve(name, { paths: [require.resolve('n8n-core')] });
/** The Container that knows n8n-core's services. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { Container } = require(resolveFromCore('@n8n/di')) as typeof import('@n8n/di');

let binaryDataReady: Promise<void> | undefined;
/** n8n keeps binary data in memory ("default" mode) unless configured otherwise. */
export async function ensureBinaryDataService(): Promise<void> {
	binaryDataReady ??= (async () => {
		// A scratch user folder per test run, as n8n keeps binary data under it.
		process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-test-'));
		process.env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key';
		Container.get(InstanceSettings);
		await Container.get(BinaryDataService).init();
	})();
	await binaryDataReady;
}

/** The bytes of binary data a node prepared, wherever n8n-core keeps them (memory or disk). */
export async function binaryBuffer(binary: IBinaryData | undefined): Promise<Buffer> {
	if (!binary) throw new Error('The item has no binary data');
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

export interface NodeUnderTest {
	nodeType: INodeType;
	typeName: string;
	credentialTypes: ICredentialType[];
	credentials: CredentialsByType;
}

function nodeTypesFor(nodeType: INodeType, typeName: string): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({ [typeName]: { className: 'X', sourcePath: '' } }),
	} as unknown as INodeTypes;
}

/** The node as n8n stores it in a workflow: latest version, one credential of each type, defaults filled in. */
export function nodeOf(subject: NodeUnderTest, parameters: INodeParameters, identity: Partial<Pick<INode, 'id' | 'webhookId' | 'typeVersion'>> = {}): INode {
	const description = subject.nodeType.description;
	const draft: INode = {
		id: identity.id ?? 'node-under-test',
		name: description.defaults.name ?? description.displayName,
		type: subject.typeName,
		typeVersion: identity.typeVersion ?? (Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version),
		position: [0, 0],
		...(identity.webhookId !== undefined ? { webhookId: identity.webhookId } : {}),
		parameters: {},
		credentials: Object.fromEntries(subject.credentialTypes.map((type) => [type.name, { id: '1', name: type.displayName }])),
	};
	// n8n stores parameters with their defaults filled in; do the same so getNodeParameter behaves alike.
	draft.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, draft, description) ?? {};
	return draft;
}

/** A one-node workflow around `node`. */
export function workflowOf(
	subject: NodeUnderTest,
	node: INode,
	settings: { id: string; active: boolean; staticData: IDataObject; timeZone?: string },
): Workflow {
	return new Workflow({
		id: settings.id,
		nodes: [node],
		connections: {},
		active: settings.active,
		nodeTypes: nodeTypesFor(subject.nodeType, subject.typeName),
		staticData: settings.staticData,
		...(settings.timeZone ? { settings: { timezone: settings.timeZone } } : {}),
	});
}

function buildWorkflow(subject: NodeUnderTest, parameters: INodeParameters, timeZone?: string): { workflow: Workflow; node: INode } {
	const node = nodeOf(subject, parameters);
	return { workflow: workflowOf(subject, node, { id: 'wf-under-test', active: false, staticData: {}, timeZone }), node };
}

/** What n8n hands every context: our credential store (a fresh one unless `extra` names one), and the instance's URLs under `baseUrl`. */
export function additionalDataFor(
	subject: NodeUnderTest,
	parameters: INodeParameters,
	baseUrl = 'http://127.0.0.1',
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(subject),
		currentNodeParameters: parameters,
		executionId: 'test-execution',
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: `${baseUrl}/`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		variables: {},
		userId: 'test-user',
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** How a test runs the node: with Continue On Fail, in a workflow time zone, with a credential store the test keeps (to read its token updates). */
export interface RunOptions {
	continueOnFail?: boolean;
	/** The workflow's Timezone setting (n8n's default applies without it). */
	workflowTimeZone?: string;
	credentialsHelper?: ICredentialsHelper;
}

const credentialsOption = (credentialsHelper: ICredentialsHelper | undefined): Partial<IWorkflowExecuteAdditionalData> => (credentialsHelper ? { credentialsHelper } : {});

export interface NodeRunResult {
	outputs: INodeExecutionData[][];
	/** All output items, every output concatenated (most nodes have one). */
	items: INodeExecutionData[];
}

/** Executes the node once over `items`, as n8n does for one node in a workflow run. */
export async function executeNode(subject: NodeUnderTest, parameters: INodeParameters, items: INodeExecutionData[] = [{ json: {} }], options: RunOptions = {}): Promise<NodeRunResult> {
	await ensureBinaryDataService();
	const { workflow, node } = buildWorkflow(subject, parameters, options.workflowTimeZone);
	if (options.continueOnFail) node.onError = 'continueRegularOutput';
	const runExecutionData = { resultData: { runData: {} }, executionData: { contextData: {}, nodeExecutionStack: [], metadata: {}, waitingExecution: {}, waitingExecutionSource: {} } } as unknown as IRunExecutionData;
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: 'Input' }] } };
	const additionalData = additionalDataFor(subject, node.parameters, undefined, credentialsOption(options.credentialsHelper));
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', runExecutionData, 0, items, inputData, executeData, []);
	const execute = subject.nodeType.execute;
	if (!execute) throw new Error(`${subject.typeName} has no execute()`);
	const outputs = ((await execute.call(context)) ?? []) as INodeExecutionData[][];
	return { outputs, items: outputs.flat() };
}

/** A LoadOptionsContext for the node's `methods` (listSearch, loadOptions, resourceMapping). */
export async function loadOptionsContext(subject: NodeUnderTest, parameters: INodeParameters, credentialsHelper?: ICredentialsHelper): Promise<LoadOptionsContext> {
	await ensureBinaryDataService();
	const { workflow, node } = buildWorkflow(subject, parameters);
	return new LoadOptionsContext(workflow, node, additionalDataFor(subject, node.parameters, undefined, credentialsOption(credentialsHelper)), '');
}
