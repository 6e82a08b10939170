import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WhatsApp360DialogApi } from '../../credentials/WhatsApp360DialogApi.credentials';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { WhatsAppBusiness } from '../../nodes/WhatsAppBusiness/WhatsAppBusiness.node';
import { executeNode, loadOptionsContext, type NodeRunResult, type NodeUnderTest } from '../harness/n8nContext';
import { acceptedRequests, emulatorCredentials, type AcceptedRequest } from './emulatorCredentials';

/** The WhatsApp Business node wired to a fresh emulator, as a user would set the credential. */
export interface NodeTestBed {
	emulator: RunningEmulator;
	subject: NodeUnderTest;
	run(parameters: INodeParameters, items?: INodeExecutionData[], options?: { continueOnFail?: boolean }): Promise<NodeRunResult>;
	optionsContext(parameters: INodeParameters): ReturnType<typeof loadOptionsContext>;
	/** Requests the emulator accepted, optionally only those whose path contains `path`. */
	accepted(path?: string): Promise<AcceptedRequest[]>;
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
	return {
		emulator,
		subject,
		run: async (parameters, items, options) => await executeNode(subject, parameters, items, options),
		optionsContext: async (parameters) => await loadOptionsContext(subject, parameters),
		accepted: async (path) => await acceptedRequests(emulator, path),
		close: async () => await emulator.close(),
	};
}
