/**
 * What the queue-mode tests build and read: trigger workflows for the cluster's credential, the
 * emulator's admin API, signed deliveries posted straight to the webhook processor, and the items
 * each execution's nodes output (from the public API's run data).
 */
import { randomUUID } from 'node:crypto';
import { SEED, signatureHeader } from '../../emulator';
import type { N8nExecution, WorkflowJson } from '../../e2e/n8n';
import { PACKAGE_NAME, TRIGGER_TYPE } from '../../e2e/lib/examples';
import { publishWithRetry } from '../../e2e/lib/publication';
import { emulatorCredentialData } from '../../e2e/lib/whatsapp-stack';
import type { QueueCluster } from '../../e2e/queue/cluster';
import { admin } from '../e2e/helpers';

export { admin };

export const TRIGGER_NAME = 'WhatsApp Trigger';
export const DROP_DUPLICATES_NAME = 'Drop Duplicates';
export const CODE_NAME = 'Code';

export interface TriggerWorkflowOptions {
  name: string;
  /** 'meta' registers the webhook with the emulator on activation; 'manual' calls nothing. */
  registration: 'meta' | 'manual';
  phoneNumberIds: string[];
  /** The trigger's options (e.g. `{ dropDuplicates: false }` turns its in-process memory off). */
  triggerOptions?: Record<string, unknown>;
  /** Adds the WhatsApp Business node's Trigger Event › Drop Duplicates (n8n's deduplication store) after the trigger. */
  withDropDuplicates?: boolean;
  /** A Code node after the trigger running this JavaScript (e.g. one writing static data). */
  codeAfterTrigger?: string;
  /** The WhatsApp Cloud API credential of both nodes; the cluster's (no Redis for shared state) by default. */
  credential?: { id: string; name: string };
}

/** A workflow started by the WhatsApp Business Trigger (messages only), imported and published on main; returns its id and production URL. */
export async function publishTriggerWorkflow(cluster: QueueCluster, options: TriggerWorkflowOptions): Promise<{ id: string; url: string }> {
  const credentials = { whatsAppCloudApi: { ...(options.credential ?? cluster.credential) } };
  const webhookId = randomUUID();
  const nodes: WorkflowJson['nodes'] = [
    {
      id: randomUUID(), name: TRIGGER_NAME, type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], webhookId, credentials,
      parameters: { authentication: 'cloudApi', events: ['message'], phoneNumberIds: options.phoneNumberIds.join(', '), registration: options.registration, options: options.triggerOptions ?? {} },
    },
  ];
  const connections: WorkflowJson['connections'] = {};
  if (options.withDropDuplicates) {
    nodes.push({
      id: randomUUID(), name: DROP_DUPLICATES_NAME, type: `${PACKAGE_NAME}.whatsAppBusiness`, typeVersion: 1, position: [260, 0], credentials,
      parameters: { authentication: 'cloudApi', resource: 'event', operation: 'dropDuplicates', maxEntries: 10000 },
    });
    connections[TRIGGER_NAME] = { main: [[{ node: DROP_DUPLICATES_NAME, type: 'main', index: 0 }]] };
  }
  if (options.codeAfterTrigger) {
    nodes.push({ id: randomUUID(), name: CODE_NAME, type: 'n8n-nodes-base.code', typeVersion: 2, position: [260, 200], parameters: { jsCode: options.codeAfterTrigger } });
    const after = options.withDropDuplicates ? [{ node: DROP_DUPLICATES_NAME, type: 'main', index: 0 }] : [];
    connections[TRIGGER_NAME] = { main: [[...after, { node: CODE_NAME, type: 'main', index: 0 }]] };
  }
  const id = await cluster.main.importWorkflow({ name: options.name, nodes, connections });
  await publishWithRetry(cluster.main, id, options.name);
  return { id, url: cluster.webhookUrl(`${webhookId}/webhook`) };
}

export interface Delivery {
  id: string;
  url: string;
  statusCode?: number;
  delivered: boolean;
}

/** A customer's message, sent by the emulator as a signed webhook to the URL Meta's routing gives its number; `webhook.body` is the payload (parsed). */
export const simulateInbound = (cluster: QueueCluster, input: Record<string, unknown>) =>
  admin<{ message: { id: string }; webhook: { body: unknown; deliveries: Delivery[] } }>(cluster, 'POST', '/inbound', input);

/** POSTs raw bytes to a trigger URL, signed with the emulator's App Secret as Meta signs them; returns the HTTP status. */
export async function postSigned(url: string, body: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(SEED.appSecret, body) },
    body,
  });
  await response.text();
  return response.status;
}

/** The items a node output in an execution's first run (empty when it did not run). */
export function outputItems(execution: N8nExecution, nodeName: string): Record<string, unknown>[] {
  const runs = execution.data?.resultData?.runData?.[nodeName] as { data?: { main?: { json: Record<string, unknown> }[][] } }[] | undefined;
  return (runs?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** The error message an execution ended with, if any. */
export function executionError(execution: N8nExecution): string | undefined {
  return execution.data?.resultData?.error?.message;
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A second WhatsApp Cloud API credential for the emulator whose "Redis URL for Shared State (Queue
 * Mode)" is the cluster's own Redis (n8n's queue), as a user sets it; returns its id and name.
 */
export async function createSharedStateCredential(cluster: QueueCluster): Promise<{ id: string; name: string }> {
  const name = 'WhatsApp Cloud API (emulator, Redis for shared state)';
  const id = await cluster.main.createCredential({
    name,
    type: 'whatsAppCloudApi',
    data: { ...emulatorCredentialData(cluster.emulator.url), sharedStateRedisUrl: cluster.redis.url },
  });
  return { id, name };
}

/** The callback each level routes a number to now, as Meta reports it (Meta: Webhook overrides; GET /<PHONE_NUMBER_ID>?fields=webhook_configuration). */
export async function webhookConfiguration(cluster: QueueCluster, phoneNumberId: string): Promise<Record<string, string>> {
  const response = await fetch(`${cluster.emulator.url}/v24.0/${phoneNumberId}?fields=webhook_configuration`, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
  return ((await response.json()) as { webhook_configuration: Record<string, string> }).webhook_configuration;
}
