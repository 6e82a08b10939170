/**
 * The workflows the benchmark imports into n8n. Sending: Webhook (the bench POSTs the recipients)
 * → Split Out (one item per recipient) → the WhatsApp node under test, sending the same template
 * with "On Error: Continue" so a failed item is reported as an item instead of stopping the run.
 * Receiving: one trigger alone (ours, n8n's WhatsApp Trigger, or n8n's plain Webhook node).
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowJson } from '../../e2e/n8n';
import { BENCH_PHONE_NUMBER_ID, BENCH_TEMPLATE } from './messages';

export type SenderKind = 'ours' | 'builtin';
/** `ours`: our trigger at its default version (1.1); `oursV1`: at version 1 (see triggerWorkflow). */
export type TriggerKind = 'ours' | 'oursV1' | 'builtin' | 'plainWebhook';

export const OUR_PACKAGE = 'n8n-nodes-whatsapp-business';
export const SENDER_NODE_NAME = 'Send Template';

export interface Credentials {
	/** Our whatsAppCloudApi credential. */
	ours: { id: string; name: string };
	/** n8n's whatsAppApi credential (built-in node). */
	builtin: { id: string; name: string };
	/** n8n's whatsAppTriggerApi credential (built-in trigger). */
	builtinTrigger: { id: string; name: string };
}

const position = (index: number): [number, number] => [index * 240, 0];

/** The number's throughput level in a scenario: our node is told its ceiling (Options › Throughput). */
export type BenchLevel = 'STANDARD' | 'HIGH';

/**
 * Our node's Send Template of the benchmark: the seeded template, its {{1}} from the item's name,
 * the item's key as tracking data, and these send options besides (bench/node-cpu.ts uses it too).
 */
export function ourSendTemplateParameters(options: Record<string, unknown>): Record<string, unknown> {
	return {
		authentication: 'cloudApi',
		resource: 'message',
		operation: 'sendTemplate',
		phoneNumberId: { __rl: true, mode: 'list', value: '' },
		to: '={{ $json.to }}',
		template: { __rl: true, mode: 'list', value: `${BENCH_TEMPLATE.name}|${BENCH_TEMPLATE.language}` },
		templateParameters: {
			mappingMode: 'defineBelow',
			value: { body_1: '={{ $json.name }}' },
			matchingColumns: [],
			schema: [{ id: 'body_1', displayName: 'Body {{1}}', required: true, defaultMatch: false, canBeUsedToMatch: false, display: true, type: 'string', removed: false }],
			attemptToConvertTypes: false,
			convertFieldsToString: true,
		},
		messageOptions: { bizOpaqueCallbackData: '={{ $json.key }}', ...options },
	};
}

function senderNode(kind: SenderKind, credentials: Credentials, level: BenchLevel): Record<string, unknown> {
	const common = { id: randomUUID(), name: SENDER_NODE_NAME, position: position(2), onError: 'continueRegularOutput' };
	if (kind === 'builtin') {
		return {
			...common,
			type: 'n8n-nodes-base.whatsApp',
			typeVersion: 1.1,
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				phoneNumberId: BENCH_PHONE_NUMBER_ID,
				recipientPhoneNumber: '={{ $json.to }}',
				template: `${BENCH_TEMPLATE.name}|${BENCH_TEMPLATE.language}`,
				components: { component: [{ type: 'body', bodyParameters: { parameter: [{ type: 'text', text: '={{ $json.name }}' }] } }] },
			},
			credentials: { whatsAppApi: credentials.builtin },
		};
	}
	return {
		...common,
		type: `${OUR_PACKAGE}.whatsAppBusiness`,
		typeVersion: 1,
		parameters: ourSendTemplateParameters({ throughput: level === 'HIGH' ? 'high' : 'standard' }),
		credentials: { whatsAppCloudApi: credentials.ours },
	};
}

/** Webhook `POST /webhook/<path>` with `{recipients:[{to, key, name}]}` → one send per recipient. */
export function senderWorkflow(kind: SenderKind, credentials: Credentials, level: BenchLevel): { workflow: WorkflowJson; path: string } {
	const path = `bench-send-${kind}-${level.toLowerCase()}`;
	const workflow: WorkflowJson = {
		name: `Bench: send templates (${kind === 'ours' ? 'this package' : 'n8n built-in WhatsApp node'}, ${level})`,
		nodes: [
			{ id: randomUUID(), name: 'Recipients', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: position(0), webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ id: randomUUID(), name: 'One Item Per Recipient', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: position(1), parameters: { fieldToSplitOut: 'body.recipients', options: {} } },
			senderNode(kind, credentials, level),
		],
		connections: {
			Recipients: { main: [[{ node: 'One Item Per Recipient', type: 'main', index: 0 }]] },
			'One Item Per Recipient': { main: [[{ node: SENDER_NODE_NAME, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	return { workflow, path };
}

/** A workflow with the trigger alone; `path` is its production webhook path (after /webhook/). */
export function triggerWorkflow(kind: TriggerKind, credentials: Credentials): { workflow: WorkflowJson; path: string } {
	const webhookId = randomUUID();
	const base = { id: randomUUID(), name: 'Trigger', position: position(0), webhookId };
	const ours = {
		...base,
		type: `${OUR_PACKAGE}.whatsAppBusinessTrigger`,
		// Manual registration: the deliveries are POSTed straight to n8n (Meta would need a public HTTPS URL).
		parameters: { authentication: 'cloudApi', events: ['message'], phoneNumberIds: '', registration: 'manual', options: {} },
		credentials: { whatsAppCloudApi: credentials.ours },
	};
	const nodes: Record<TriggerKind, Record<string, unknown>> = {
		// The version a new node gets. At version 1 n8n itself evaluates an expression (in its expression
		// isolate) for every request to a webhook node before calling webhook() (parseRequestBody in its
		// webhook-helpers: the binaryData option of the Webhook node v1), which `oursV1` shows.
		ours: { ...ours, typeVersion: 1.1 },
		oursV1: { ...ours, typeVersion: 1 },
		builtin: {
			...base,
			type: 'n8n-nodes-base.whatsAppTrigger',
			typeVersion: 1,
			parameters: { updates: ['messages'], options: {} },
			credentials: { whatsAppTriggerApi: credentials.builtinTrigger },
		},
		plainWebhook: {
			...base,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			parameters: { httpMethod: 'POST', path: 'bench-plain-webhook', responseMode: 'onReceived', options: {} },
		},
	};
	const path = kind === 'plainWebhook' ? 'bench-plain-webhook' : `${webhookId}/webhook`;
	return { workflow: { name: `Bench: receive (${kind})`, nodes: [nodes[kind]], connections: {}, settings: { executionOrder: 'v1' } }, path };
}
