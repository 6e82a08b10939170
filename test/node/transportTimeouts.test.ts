/**
 * C2: a request WhatsApp does not answer in time is reported as a timeout, not as a broken
 * connection. The transport runs in n8n-core's real ExecuteContext (through a minimal node that
 * sends one request with a short timeout) against the emulator's delay fault.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { SEED } from '../../emulator';
import { connectionFromCredentials, endpoints, errorItemJson, toNodeError, whatsAppRequest } from '../../nodes/shared/transport';
import { emulatorCredentials } from '../harness/emulatorCredentials';
import { executeNode } from '../harness/n8nContext';
import { useTestEmulator } from '../harness/emulatorClient';

const TIMEOUT_MS = 400;

/** Sends one request (POST a text, or GET the phone number) with a 400 ms timeout; the failure becomes the item. */
function oneRequestNode(method: 'POST' | 'GET'): INodeType {
	return {
		description: {
			displayName: 'One request', name: 'oneRequest', group: [], version: 1, description: '', defaults: {},
			inputs: ['main'] as never, outputs: ['main'] as never, credentials: [{ name: 'whatsAppCloudApi', required: true }], properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const connection = connectionFromCredentials('cloudApi', await this.getCredentials('whatsAppCloudApi'));
			const request =
				method === 'POST'
					? { method, url: endpoints.messages(connection), body: { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'Hi' } } }
					: { method, url: endpoints.phoneNumber(connection), retry: { maxRetries: 1, maxWaitSeconds: 5 } };
			try {
				await whatsAppRequest.call(this, connection, { ...request, itemIndex: 0, timeoutMs: TIMEOUT_MS });
				return [[{ json: { answered: true } }]];
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, 0, connection.redactor);
				return [[{ json: { ...errorItemJson(nodeError), isOperationError: nodeError instanceof NodeOperationError } }]];
			}
		},
	};
}

const emulator = useTestEmulator({}, { reset: false });

async function run(method: 'POST' | 'GET') {
	const subject = { nodeType: oneRequestNode(method), typeName: 'oneRequest', credentialTypes: [new WhatsAppCloudApi()], credentials: emulatorCredentials(emulator) };
	const result = await executeNode(subject, {});
	return result.items[0].json as { error: { message: string; description: string; attempts?: number } };
}

beforeEach(async () => {
	await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
	await fetch(`${emulator.url}/__emulator/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '16505551234', text: 'hi' }) });
	await fetch(`${emulator.url}/__emulator/config`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ faults: [{ pathPattern: `/${SEED.phoneNumberId}(/messages)?$`, kind: 'delay', delayMs: TIMEOUT_MS + 600 }] }),
	});
});

test('a send that times out is named a timeout, and not repeated because it may have gone out', async () => {
	const { error } = await run('POST');
	expect(error.message).toBe('Timeout: WhatsApp did not answer within 0.4 seconds');
	expect(error.message).not.toMatch(/connection|broke/i);
	expect(error.description).toMatch(/did not answer within .* so it is unknown whether this request was carried out\. It was not repeated automatically/);
	expect(error.attempts).toBeUndefined();
});

test('a read that times out is retried, then named a timeout with the number of attempts', async () => {
	const { error } = await run('GET');
	expect(error.message).toMatch(/^Timeout: WhatsApp did not answer within/);
	expect(error.description).toMatch(/did not answer within 0.4 seconds \(2 attempts\)\. WhatsApp may be slow/);
	expect(error.attempts).toBe(2);
});
