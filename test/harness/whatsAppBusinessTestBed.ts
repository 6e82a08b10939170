import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WhatsApp360DialogApi } from '../../credentials/WhatsApp360DialogApi.credentials';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { WhatsAppBusiness } from '../../nodes/WhatsAppBusiness/WhatsAppBusiness.node';
import { acceptedRequests, emulatorCredentials, type AcceptedRequest } from './emulatorCredentials';
import { executeNode, loadOptionsContext, type NodeRunResult, type NodeUnderTest } from './n8nContext';
import { suiteScoped } from './suiteScoped';
import { runInWorkflow, type OnError, type WorkflowRunResult } from './workflowRun';

/** The customer every node suite writes as: the wa_id of the emulator's seeded contact. */
export const CUSTOMER_WA_ID = '16505551234';

/** The WhatsApp Business node wired to a fresh emulator, as a user would set the credential. */
export interface NodeTestBed {
	emulator: RunningEmulator;
	subject: NodeUnderTest;
	run(parameters: INodeParameters, items?: INodeExecutionData[], options?: { continueOnFail?: boolean }): Promise<NodeRunResult>;
	/** The node after an Input node in n8n-core's WorkflowExecute, with its On Error setting (workflowRun.ts). */
	runInWorkflow(parameters: INodeParameters, items: INodeExecutionData[], onError?: OnError): Promise<WorkflowRunResult>;
	optionsContext(parameters: INodeParameters): ReturnType<typeof loadOptionsContext>;
	/** Requests the emulator accepted, optionally only those whose path contains `path`. */
	accepted(path?: string): Promise<AcceptedRequest[]>;
	/** Back to the seeded state; `config` then patches the emulator's settings (faults, template review…). */
	reset(config?: object): Promise<void>;
	/** A message from the customer, which opens the 24-hour window; `timestamp` in Unix seconds. Returns the emulator's record of it. */
	customerWrites(options?: { from?: string; text?: string; timestamp?: number }): Promise<{ id: string }>;
	/** A call to the emulator's admin API (`/__emulator/<path>`), answering its JSON. */
	admin<T = any>(method: string, path: string, body?: object): Promise<T>;
	close(): Promise<void>;
}

export async function startNodeTestBed(emulatorOptions: EmulatorOptions = {}, credentialOverrides: Record<string, string> = {}): Promise<NodeTestBed> {
	const emulator = await startEmulator(emulatorOptions);
	const subject: NodeUnderTest = {
		nodeType: new WhatsAppBusiness(),
		typeName: 'n8n-nodes-whatsapp-business.whatsAppBusiness',
		credentialTypes: [new WhatsAppCloudApi(), new WhatsApp360DialogApi()],
		credentials: emulatorCredentials(emulator, { cloudApi: credentialOverrides }),
	};
	const admin = async (method: string, path: string, body?: object) =>
		await fetch(`${emulator.url}/__emulator/${path}`, {
			method,
			...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
		});
	return {
		emulator,
		subject,
		run: async (parameters, items, options) => await executeNode(subject, parameters, items, options),
		runInWorkflow: async (parameters, items, onError) => await runInWorkflow(subject, parameters, items, { onError }),
		optionsContext: async (parameters) => await loadOptionsContext(subject, parameters),
		accepted: async (path) => await acceptedRequests(emulator, path),
		reset: async (config) => {
			await admin('POST', 'reset');
			if (config) await admin('PATCH', 'config', config);
		},
		customerWrites: async ({ from = CUSTOMER_WA_ID, text = 'hi', timestamp } = {}) => {
			const response = await admin('POST', 'inbound', { from, text, ...(timestamp !== undefined ? { timestamp } : {}) });
			return ((await response.json()) as { message: { id: string } }).message;
		},
		admin: async (method, path, body) => (await (await admin(method, path, body)).json()) as never,
		close: async () => await emulator.close(),
	};
}

export interface UseNodeTestBedOptions {
	emulator?: EmulatorOptions;
	credentials?: Record<string, string>;
	/** Before each test: reset the emulator (default true) and, with `customerWrites`, open that customer's window. */
	beforeEachTest?: { reset?: boolean; customerWrites?: string };
}

/**
 * One node test bed for the whole suite: started in beforeAll, closed in afterAll and, unless told
 * otherwise, reset before each test (optionally with a customer message that opens the window).
 */
export function useNodeTestBed(options: UseNodeTestBedOptions = {}): NodeTestBed {
	const bed = suiteScoped(async () => await startNodeTestBed(options.emulator, options.credentials), async (started) => await started.close());
	const { reset = true, customerWrites } = options.beforeEachTest ?? {};
	if (reset || customerWrites) {
		beforeEach(async () => {
			if (reset) await bed.reset();
			if (customerWrites) await bed.customerWrites({ from: customerWrites });
		});
	}
	return bed;
}
