import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WhatsApp360DialogApi } from '../../credentials/WhatsApp360DialogApi.credentials';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { startEmulator, SEED, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { WhatsAppBusiness } from '../../nodes/WhatsAppBusiness/WhatsAppBusiness.node';
import { executeNode, loadOptionsContext, type NodeRunResult, type NodeUnderTest } from '../harness/n8nContext';

/** The WhatsApp Business node wired to a fresh emulator, as a user would set the credential. */
export interface NodeTestBed {
	emulator: RunningEmulator;
	subject: NodeUnderTest;
	run(parameters: INodeParameters, items?: INodeExecutionData[], options?: { continueOnFail?: boolean }): Promise<NodeRunResult>;
	optionsContext(parameters: INodeParameters): ReturnType<typeof loadOptionsContext>;
	/** Requests the emulator accepted, optionally only those whose path contains `path`. */
	accepted(path?: string): Promise<Array<{ method: string; path: string; body?: unknown; query?: Record<string, unknown> }>>;
	close(): Promise<void>;
}

export async function startNodeTestBed(emulatorOptions: EmulatorOptions = {}, credentialOverrides: Record<string, string> = {}): Promise<NodeTestBed> {
	const emulator = await startEmulator(emulatorOptions);
	const subject: NodeUnderTest = {
		nodeType: new WhatsAppBusiness(),
		typeName: 'n8n-nodes-whatsapp-business.whatsAppBusiness',
		credentialTypes: [new WhatsAppCloudApi(), new WhatsApp360DialogApi()],
		credentials: {
			whatsAppCloudApi: {
				accessToken: SEED.accessToken,
				wabaId: SEED.wabaId,
				phoneNumberId: SEED.phoneNumberId,
				graphApiVersion: 'v24.0',
				baseUrl: emulator.url,
				appId: SEED.appId,
				appSecret: SEED.appSecret,
				verifyToken: SEED.verifyToken,
				...credentialOverrides,
			},
			whatsApp360DialogApi: { apiKey: SEED.dialog360ApiKey, baseUrl: emulator.url },
		},
	};
	return {
		emulator,
		subject,
		run: async (parameters, items, options) => await executeNode(subject, parameters, items, options),
		optionsContext: async (parameters) => await loadOptionsContext(subject, parameters),
		accepted: async (path) => {
			const response = await fetch(`${emulator.url}/__emulator/requests${path ? `?path=${encodeURIComponent(path)}` : ''}`);
			return ((await response.json()) as { data: [] }).data;
		},
		close: async () => await emulator.close(),
	};
}
