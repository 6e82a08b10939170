/**
 * The example workflows of examples/*.json, prepared for import: the WhatsApp credential they name
 * by placeholder is replaced by a real one, and a trigger can be narrowed to some phone numbers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowJson } from '../n8n';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
export const PACKAGE_NAME = 'n8n-nodes-whatsapp-business';
export const TRIGGER_TYPE = `${PACKAGE_NAME}.whatsAppBusinessTrigger`;
const CREDENTIAL_TYPE = 'whatsAppCloudApi';

export const EXAMPLE_NAMES = ['order-confirmation', 'abandoned-cart', 'inbound-to-data-table', 'after-hours-reply', 'delivery-status', 'daily-whatsapp-report', 'refund-approval', 'template-to-a-list'] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

export interface ExampleNode {
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  webhookId?: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
}

export interface ExampleWorkflow extends WorkflowJson {
  name: string;
  nodes: ExampleNode[];
}

export function loadExample(name: ExampleName): ExampleWorkflow {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as ExampleWorkflow;
}

/** A copy whose WhatsApp nodes all use this credential (the files carry a placeholder id). */
export function withCredential(workflow: ExampleWorkflow, credential: { id: string; name: string }): ExampleWorkflow {
  const copy = structuredClone(workflow);
  for (const node of copy.nodes) {
    if (node.credentials?.[CREDENTIAL_TYPE]) node.credentials[CREDENTIAL_TYPE] = { ...credential };
  }
  return copy;
}

/**
 * A copy whose trigger handles only these numbers. Meta sends a number's webhooks to one URL, so
 * two trigger workflows on one WABA need a number each (automatic registration sets a phone override).
 */
export function withTriggerPhoneNumbers(workflow: ExampleWorkflow, phoneNumberIds: string[]): ExampleWorkflow {
  const copy = structuredClone(workflow);
  triggerOf(copy).parameters.phoneNumberIds = phoneNumberIds.join(', ');
  return copy;
}

export function triggerOf(workflow: ExampleWorkflow): ExampleNode {
  const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
  if (!trigger) throw new Error(`"${workflow.name}" has no ${TRIGGER_TYPE} node.`);
  return trigger;
}

/**
 * The production URL of a workflow's webhook: `webhook/<path>` for n8n's Webhook node, `webhook/<id>/webhook` for our
 * trigger, '' for a workflow started otherwise (a Schedule Trigger).
 */
export function productionWebhookPath(workflow: ExampleWorkflow): string {
  const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
  if (webhook) return String(webhook.parameters.path);
  if (!workflow.nodes.some((node) => node.type === TRIGGER_TYPE)) return '';
  return `${triggerOf(workflow).webhookId}/webhook`;
}

/** Node types the examples use from our package: each must be listed in the package's n8n.nodes. */
export function ourNodeTypes(workflows: ExampleWorkflow[]): string[] {
  const types = workflows.flatMap((workflow) => workflow.nodes.map((node) => node.type));
  return [...new Set(types.filter((type) => type.startsWith(`${PACKAGE_NAME}.`)))].sort();
}

/**
 * Fails early, in plain words, when the package would not load a node an example needs
 * (n8n would otherwise refuse the import with "Unrecognized node type").
 */
export function assertPackageListsNodes(packageDir: string, nodeTypes: string[]): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { n8n?: { nodes?: string[] } };
  const listed = new Set((manifest.n8n?.nodes ?? []).map((file) => path.basename(file).replace(/\.node\.js$/, '')));
  const missing = nodeTypes.filter((type) => {
    const name = type.slice(PACKAGE_NAME.length + 1);
    return !listed.has(name.charAt(0).toUpperCase() + name.slice(1));
  });
  if (missing.length > 0) {
    throw new Error(
      `${packageDir}/package.json does not list ${missing.join(', ')} under "n8n.nodes", so n8n would not load them. ` +
        'Add dist/nodes/<Name>/<Name>.node.js for each, then build again.',
    );
  }
  for (const file of manifest.n8n?.nodes ?? []) {
    if (!fs.existsSync(path.join(packageDir, file))) throw new Error(`${path.join(packageDir, file)} is missing: run node scripts/build.js first.`);
  }
}
