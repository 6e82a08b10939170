/**
 * The WhatsApp Business Trigger wired to an emulator and served over real HTTP by the webhook
 * harness, plus Meta-shaped webhook fixtures (Meta: Messages webhook reference, Webhooks overview) and their signatures.
 */
import type { INodeParameters } from 'n8n-workflow';
import { WhatsApp360DialogApi } from '../../credentials/WhatsApp360DialogApi.credentials';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { startEmulator, SEED, type RunningEmulator } from '../../emulator';
import { WhatsAppBusinessTrigger } from '../../nodes/WhatsAppBusinessTrigger/WhatsAppBusinessTrigger.node';
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { signMetaPayload } from '../../nodes/shared/whatsapp/webhook';
import { startTriggerBed, type TriggerBed } from './webhookContext';
import { acceptedRequests, emulatorCredentials, type AcceptedRequest } from './emulatorCredentials';
import { suiteScoped } from './suiteScoped';

export { SEED };

export type { AcceptedRequest };

export interface TriggerTestBed extends TriggerBed {
	emulator: RunningEmulator;
	accepted(path?: string): Promise<AcceptedRequest[]>;
}

export interface TriggerTestBedOptions {
	parameters?: INodeParameters;
	credentials?: Record<string, string>;
	dialog360Credentials?: Record<string, string>;
	workflowId?: string;
	nodeId?: string;
	/** The trigger's node version (default: the newest). */
	typeVersion?: number;
	/** Share one emulator between beds (several workflows on one app). */
	emulator?: RunningEmulator;
	/** Where `$execution.resumeUrl` points (see waitingExecutions.ts). */
	webhookWaitingBaseUrl?: string;
}

export async function startTriggerTestBed(options: TriggerTestBedOptions = {}): Promise<TriggerTestBed> {
	const emulator = options.emulator ?? (await startEmulator({}));
	const bed = await startTriggerBed({
		subject: {
			nodeType: new WhatsAppBusinessTrigger(),
			typeName: 'n8n-nodes-whatsapp-business.whatsAppBusinessTrigger',
			credentialTypes: [new WhatsAppCloudApi(), new WhatsApp360DialogApi()],
			credentials: emulatorCredentials(emulator, { cloudApi: options.credentials, dialog360: options.dialog360Credentials }),
		},
		parameters: { authentication: 'cloudApi', registration: 'manual', ...options.parameters },
		workflowId: options.workflowId,
		nodeId: options.nodeId,
		typeVersion: options.typeVersion,
		webhookWaitingBaseUrl: options.webhookWaitingBaseUrl,
	});
	const ownEmulator = options.emulator === undefined;
	const closeBed = bed.close;
	return Object.assign(bed, {
		emulator,
		accepted: async (path?: string) => await acceptedRequests(emulator, path),
		close: async () => {
			await closeBed();
			if (ownEmulator) await emulator.close();
		},
	});
}

/** One trigger test bed (with its own emulator) for the whole suite: started in beforeAll, closed in afterAll. */
export function useTriggerTestBed(options: TriggerTestBedOptions = {}): TriggerTestBed {
	return suiteScoped(async () => await startTriggerTestBed(options), async (bed) => await bed.close());
}

/**
 * For suites of registration tests (several workflows on one app): one emulator for the suite, reset
 * before each test (no app callback, no faults), and the workflows a test starts (Registration
 * Automatic unless the parameters say otherwise) closed after it.
 */
export function useRegistrationEmulator(): {
	emulator: RunningEmulator;
	workflow(options?: Omit<TriggerTestBedOptions, 'emulator'>): Promise<TriggerTestBed>;
} {
	const emulator = suiteScoped(async () => await startEmulator({}), async (running) => await running.close());
	const beds: TriggerTestBed[] = [];
	beforeEach(async () => {
		forgetAllDuplicates();
		await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
		// The app's callback and the faults are settings of the emulator, which reset keeps.
		const config = { webhook: { url: null }, faults: [] };
		await fetch(`${emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
	});
	afterEach(async () => {
		for (const bed of beds.splice(0)) await bed.close();
	});
	return {
		emulator,
		workflow: async (options = {}) => {
			const bed = await startTriggerTestBed({ ...options, emulator, parameters: { registration: 'meta', ...options.parameters } });
			beds.push(bed);
			return bed;
		},
	};
}

/** Body and headers of a delivery as Meta signs it (Meta: Create a webhook endpoint), over the exact bytes sent. */
export function signed(body: unknown, appSecret: string = SEED.appSecret): { body: string; headers: Record<string, string> } {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return { body: text, headers: { 'X-Hub-Signature-256': signMetaPayload(text, appSecret) } };
}

export const METADATA = { display_phone_number: '15550783881', phone_number_id: SEED.phoneNumberId };

/** The Meta's Messages webhook reference page: envelope around one `messages` value per change. */
export function messagesEnvelope(...values: Array<Record<string, unknown>>): Record<string, unknown> {
	return {
		object: 'whatsapp_business_account',
		entry: [{ id: SEED.wabaId, changes: values.map((value) => ({ field: 'messages', value: { messaging_product: 'whatsapp', metadata: METADATA, ...value } })) }],
	};
}

export const SHEENA = { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' };

/** Meta's Messages webhook reference page: inbound messages from Sheena to the seeded number. */
export function inbound(...messages: Array<Record<string, unknown>>): Record<string, unknown> {
	return messagesEnvelope({ contacts: [SHEENA], messages: messages.map((message) => ({ from: SHEENA.wa_id, timestamp: '1749416383', ...message })) });
}

export function textMessage(id: string, body = 'Does it come in another color?'): Record<string, unknown> {
	return { id, type: 'text', text: { body } };
}

/** Meta's Status messages webhook reference page: a status of a message we sent. */
export function statusUpdate(id: string, status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { id, status, timestamp: '1750030073', recipient_id: SHEENA.wa_id, ...extra };
}
