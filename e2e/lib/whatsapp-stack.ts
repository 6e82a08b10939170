/**
 * The whole local setup of the demo and the end-to-end tests: the Cloud API emulator, a real n8n
 * with this package installed as a community package, a WhatsApp credential pointing at the
 * emulator, the Data tables, and the example workflows imported (and the chosen ones activated).
 */
import * as path from 'node:path';
import { SEED, startEmulator, type RunningEmulator } from '../../emulator';
import { startN8n, type RunningN8n } from '../n8n';
import { createDataTables } from './data-tables';
import { publishWithRetry, waitUntilUnpublished } from './publication';
import {
  EXAMPLE_NAMES,
  assertPackageListsNodes,
  loadExample,
  ourNodeTypes,
  productionWebhookPath,
  withCredential,
  withTriggerPhoneNumbers,
  type ExampleName,
  type ExampleWorkflow,
} from './examples';

export const REPOSITORY_DIR = path.resolve(__dirname, '..', '..');

/**
 * Meta routes all webhooks of a number to one URL (Meta: Webhook overrides), so each trigger workflow gets
 * its own number: inbound messages (and the window they open) on the first, after-hours on the second.
 * delivery-status shares the first number with inbound-to-data-table: activate one or the other.
 */
export const TRIGGER_PHONE_NUMBERS: Partial<Record<ExampleName, string[]>> = {
  'inbound-to-data-table': [SEED.phoneNumberId],
  'after-hours-reply': [SEED.secondPhoneNumberId],
  'delivery-status': [SEED.phoneNumberId],
};

export const DEFAULT_ACTIVE: ExampleName[] = ['order-confirmation', 'abandoned-cart', 'inbound-to-data-table', 'after-hours-reply', 'refund-approval', 'template-to-a-list'];

export interface StackOptions {
  /** Built package folder (package.json + dist); default $WHATSAPP_PACKAGE_DIR, else the repository. */
  packageDir?: string;
  /** Emulator port; 0 (default) picks a free one. A taken port falls back to a free one. */
  emulatorPort?: number;
  n8nPort?: number;
  /** Examples to activate after import (all are imported). */
  activate?: ExampleName[];
}

export interface ImportedExample {
  id: string;
  workflow: ExampleWorkflow;
  /** Production URL of its Webhook node or trigger; '' when it has neither (Schedule Trigger). */
  url: string;
  active: boolean;
}

export interface WhatsAppStack {
  emulator: RunningEmulator;
  n8n: RunningN8n;
  credential: { id: string; name: string };
  /** Data table ids by table name. */
  tables: Record<string, string>;
  examples: Record<ExampleName, ImportedExample>;
  activate(name: ExampleName): Promise<void>;
  deactivate(name: ExampleName): Promise<void>;
  /** Milliseconds: emulator start, n8n start (spawn → ready, owner, API key), setup (credential, tables, import, activation), and activation alone. */
  timings: { emulatorMs: number; n8nMs: number; setupMs: number; activationMs: number };
  stop(): Promise<void>;
}

/** The credential a user would enter for the emulator (its seeded, emulator-only values). */
export function emulatorCredentialData(emulatorUrl: string): Record<string, string> {
  return {
    accessToken: SEED.accessToken,
    wabaId: SEED.wabaId,
    phoneNumberId: SEED.phoneNumberId,
    graphApiVersion: 'v24.0',
    baseUrl: emulatorUrl,
    appId: SEED.appId,
    appSecret: SEED.appSecret,
    verifyToken: SEED.verifyToken,
  };
}

async function startEmulatorOn(port: number): Promise<RunningEmulator> {
  try {
    return await startEmulator({ port, host: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return await startEmulator({ port: 0, host: '127.0.0.1' });
  }
}

export async function startWhatsAppStack(options: StackOptions = {}): Promise<WhatsAppStack> {
  const packageDir = options.packageDir ?? process.env.WHATSAPP_PACKAGE_DIR ?? REPOSITORY_DIR;
  const workflows = EXAMPLE_NAMES.map((name) => loadExample(name));
  assertPackageListsNodes(packageDir, ourNodeTypes(workflows));

  let started = Date.now();
  const emulator = await startEmulatorOn(options.emulatorPort ?? 0);
  const emulatorMs = Date.now() - started;
  started = Date.now();
  let n8n: RunningN8n;
  try {
    // jest sets NODE_ENV=test, with which n8n 2.41 exits at once (code 1, empty log). 240 s: start-up
    // took up to 120 s on a loaded 2-core machine.
    n8n = await startN8n({ communityPackages: [packageDir], port: options.n8nPort, env: { NODE_ENV: '' }, readyTimeoutMs: 240_000 });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const n8nMs = Date.now() - started;
  const stop = async (): Promise<void> => {
    await n8n.stop();
    await emulator.close();
  };

  try {
    started = Date.now();
    const credentialName = 'WhatsApp Cloud API (local emulator)';
    const credentialId = await n8n.createCredential({ name: credentialName, type: 'whatsAppCloudApi', data: emulatorCredentialData(emulator.url) });
    const credential = { id: credentialId, name: credentialName };
    const tables = await createDataTables(n8n.api);
    const examples = {} as Record<ExampleName, ImportedExample>;
    for (const [index, name] of EXAMPLE_NAMES.entries()) {
      let workflow = withCredential(workflows[index], credential);
      const phoneNumbers = TRIGGER_PHONE_NUMBERS[name];
      if (phoneNumbers) workflow = withTriggerPhoneNumbers(workflow, phoneNumbers);
      const id = await n8n.importWorkflow(workflow);
      const webhookPath = productionWebhookPath(workflow);
      examples[name] = { id, workflow, url: webhookPath ? n8n.webhookUrl(webhookPath) : '', active: false };
    }
    const activate = async (name: ExampleName): Promise<void> => {
      await publishWithRetry(n8n, examples[name].id, examples[name].workflow.name);
      examples[name].active = true;
    };
    const deactivate = async (name: ExampleName): Promise<void> => {
      await n8n.deactivate(examples[name].id);
      await waitUntilUnpublished(n8n, examples[name].id);
      examples[name].active = false;
    };
    // One at a time: the first trigger creates the app subscription, the next ones find it.
    const activationStarted = Date.now();
    for (const name of options.activate ?? DEFAULT_ACTIVE) await activate(name);
    const timings = { emulatorMs, n8nMs, setupMs: Date.now() - started, activationMs: Date.now() - activationStarted };
    return { emulator, n8n, credential, tables, examples, activate, deactivate, timings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
