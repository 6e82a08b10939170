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
	type IBinaryData,
} from 'n8n-workflow';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/** Fills `{{$credentials.x}}` in a credential's generic `authenticate` block, as n8n's CredentialsHelper does. */
function resolveCredentialExpression(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_match, key: string) => String(credentials[key] ?? ''));
}

/** Credentials given in clear, as n8n hands them over after decryption; generic headers applied like n8n. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly subject: Pick<NodeUnderTest, 'credentialTypes' | 'credentials'>) {
		super();
	}

	private credentialType(typeName: string): ICredentialType | undefined {
		return this.subject.credentialTypes.find((type) => type.name === typeName);
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialType(typeName)?.authenticate;
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
		const credentials = this.subject.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialType(type)?.properties ?? [];
	}
}

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
export function nodeOf(subject: NodeUnderTest, parameters: INodeParameters, identity: Partial<Pick<INode, 'id' | 'webhookId'>> = {}): INode {
	const description = subject.nodeType.description;
	const draft: INode = {
		id: identity.id ?? 'node-under-test',
		name: description.defaults.name ?? description.displayName,
		type: subject.typeName,
		typeVersion: Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version,
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

/** What n8n hands every context: our credential store, and the instance's URLs under `baseUrl`. */
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

export interface NodeRunResult {
	outputs: INodeExecutionData[][];
	/** All output items, every output concatenated (most nodes have one). */
	items: INodeExecutionData[];
}

/**
 * Executes the node once over `items`, as n8n does for one node in a workflow run. `workflowTimeZone`
 * is the workflow's Timezone setting (n8n's default applies without it).
 */
export async function executeNode(
	subject: NodeUnderTest,
	parameters: INodeParameters,
	items: INodeExecutionData[] = [{ json: {} }],
	options: { continueOnFail?: boolean; workflowTimeZone?: string } = {},
): Promise<NodeRunResult> {
	await ensureBinaryDataService();
	const { workflow, node } = buildWorkflow(subject, parameters, options.workflowTimeZone);
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
