/**
 * Runs our nodes inside n8n-core's real execution contexts (ExecuteContext, LoadOptionsContext),
 * so node tests exercise n8n's own HTTP helpers, parameter resolution and binary-data handling
 * against the emulator over real HTTP. Only the credential store is ours: credentials are given
 * in clear, as n8n would hand them over after decryption.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryDataService, ExecuteContext, InstanceSettings, LoadOptionsContext } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IExecuteData,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type IDataObject,
	type INodeParameters,
} from 'n8n-workflow';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/** Fills `{{$credentials.x}}` in a credential's generic `authenticate` block, as n8n's CredentialsHelper does. */
function resolveCredentialExpression(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_match, key: string) => String(credentials[key] ?? ''));
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly store: CredentialsByType,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialTypes[typeName]?.authenticate;
		if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') return requestOptions;
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
			headers[name] = resolveCredentialExpression(String(value), credentials);
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.store[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes[type]?.properties ?? [];
	}
}

// n8n-core carries its own @n8n/di; its Container is the one that knows n8n-core's services.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/di');

let binaryDataReady: Promise<void> | undefined;
/** n8n keeps binary data in memory ("default" mode) unless configured otherwise. */
async function ensureBinaryDataService(): Promise<void> {
	binaryDataReady ??= (async () => {
		// A scratch user folder per test run, as n8n keeps binary data under it.
		process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-test-'));
		process.env.N8N_ENCRYPTION_KEY ??= 'test-encryption-key';
		Container.get(InstanceSettings);
		await Container.get(BinaryDataService).init();
	})();
	await binaryDataReady;
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

function buildWorkflow(subject: NodeUnderTest, parameters: INodeParameters): { workflow: Workflow; node: INode } {
	const description = subject.nodeType.description;
	const draft: INode = {
		id: 'node-under-test',
		name: description.defaults.name ?? description.displayName,
		type: subject.typeName,
		typeVersion: Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(subject.credentialTypes.map((type) => [type.name, { id: '1', name: type.displayName }])),
	};
	// n8n stores parameters with their defaults filled in; do the same so getNodeParameter behaves alike.
	draft.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, draft, description) ?? {};
	const workflow = new Workflow({
		id: 'wf-under-test',
		nodes: [draft],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(subject.nodeType, subject.typeName),
		staticData: {},
	});
	return { workflow, node: draft };
}

function additionalDataFor(subject: NodeUnderTest, parameters: INodeParameters): IWorkflowExecuteAdditionalData {
	const byName = Object.fromEntries(subject.credentialTypes.map((type) => [type.name, type]));
	return {
		credentialsHelper: new TestCredentialsHelper(byName, subject.credentials),
		currentNodeParameters: parameters,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRunResult {
	outputs: INodeExecutionData[][];
	/** All output items, every output concatenated (most nodes have one). */
	items: INodeExecutionData[];
}

/** Executes the node once over `items`, as n8n does for one node in a workflow run. */
export async function executeNode(
	subject: NodeUnderTest,
	parameters: INodeParameters,
	items: INodeExecutionData[] = [{ json: {} }],
	options: { continueOnFail?: boolean } = {},
): Promise<NodeRunResult> {
	await ensureBinaryDataService();
	const { workflow, node } = buildWorkflow(subject, parameters);
	if (options.continueOnFail) node.onError = 'continueRegularOutput';
	const runExecutionData = { resultData: { runData: {} }, executionData: { contextData: {}, nodeExecutionStack: [], metadata: {}, waitingExecution: {}, waitingExecutionSource: {} } } as unknown as IRunExecutionData;
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: 'Input' }] } };
	const context = new ExecuteContext(workflow, node, additionalDataFor(subject, node.parameters), 'manual', runExecutionData, 0, items, inputData, executeData, []);
	const execute = subject.nodeType.execute;
	if (!execute) throw new Error(`${subject.typeName} has no execute()`);
	const outputs = ((await execute.call(context)) ?? []) as INodeExecutionData[][];
	return { outputs, items: outputs.flat() };
}

/** A LoadOptionsContext for the node's `methods` (listSearch, loadOptions, resourceMapping). */
export async function loadOptionsContext(subject: NodeUnderTest, parameters: INodeParameters): Promise<LoadOptionsContext> {
	await ensureBinaryDataService();
	const { workflow, node } = buildWorkflow(subject, parameters);
	return new LoadOptionsContext(workflow, node, additionalDataFor(subject, node.parameters), '');
}
