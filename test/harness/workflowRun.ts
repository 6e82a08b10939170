/**
 * Runs a node the way an n8n workflow run does: n8n-core's own WorkflowExecute over a two-node
 * workflow, "Input" (hands over the test's items) → the node under test, with the node's On Error
 * setting. Unlike executeNode (n8nContext.ts), what n8n does with the node's output after `execute`
 * is included: items carrying `error` are normalised (normalizeNodeErrors), failed items move to
 * the error output with their input's fields (handleNodeErrorOutput), paired items are checked.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow, type ICredentialsHelper, type INode, type INodeExecutionData, type INodeParameters, type INodeType, type INodeTypes, type IRun } from 'n8n-workflow';
import { additionalDataFor, ensureBinaryDataService, nodeOf, type NodeUnderTest } from './n8nContext';

const INPUT = 'Input';
const INPUT_TYPE = 'test.input';

/** The first node of the workflow: outputs the items it was built with, as a trigger or an earlier node would. */
function inputNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: INPUT,
			name: INPUT_TYPE,
			group: ['input'],
			version: 1,
			description: 'The items of the test',
			defaults: { name: INPUT },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		execute: async () => [items.map((item) => ({ json: item.json, ...(item.binary ? { binary: item.binary } : {}) }))],
	} as INodeType;
}

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface WorkflowRunResult {
	/** The node's outputs as n8n recorded them: [main] or, with continueErrorOutput, [success, error]. */
	outputs: INodeExecutionData[][];
	/** The error that stopped the run, if any (as n8n keeps it in the execution). */
	error?: IRun['data']['resultData']['error'];
}

export interface WorkflowRunOptions {
	/** The node's Settings › On Error (default: stop the workflow). */
	onError?: OnError;
	/** A credential store the test keeps; a fresh one otherwise. */
	credentialsHelper?: ICredentialsHelper;
}

/** Runs Input → node once, as a manual execution of the workflow; resolves with what n8n recorded for the node. */
export async function runInWorkflow(subject: NodeUnderTest, parameters: INodeParameters, items: INodeExecutionData[], options: WorkflowRunOptions = {}): Promise<WorkflowRunResult> {
	const { onError = 'stopWorkflow', credentialsHelper } = options;
	await ensureBinaryDataService();
	const node: INode = { ...nodeOf(subject, parameters), position: [200, 0], ...(onError === 'stopWorkflow' ? {} : { onError }) };
	const input: INode = { id: 'input', name: INPUT, type: INPUT_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const inputType = inputNodeType(items);
	const types = new Map<string, INodeType>([
		[INPUT_TYPE, inputType],
		[subject.typeName, subject.nodeType],
	]);
	const nodeTypes = {
		getByName: (name: string) => types.get(name),
		getByNameAndVersion: (name: string) => types.get(name),
		getKnownTypes: () => Object.fromEntries([...types.keys()].map((name) => [name, { className: 'X', sourcePath: '' }])),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'wf-under-test',
		nodes: [input, node],
		connections: { [INPUT]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', { id: workflow.id, name: 'test', active: false, nodes: [input, node], connections: workflow.connectionsBySourceNode, createdAt: new Date(), updatedAt: new Date(), isArchived: false } as never);
	const additionalData = { ...additionalDataFor(subject, node.parameters, undefined, credentialsHelper ? { credentialsHelper } : {}), hooks };
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: input });
	const task = run.data.resultData.runData[node.name]?.[0];
	return { outputs: (task?.data?.main ?? []).map((output) => output ?? []), error: run.data.resultData.error };
}
