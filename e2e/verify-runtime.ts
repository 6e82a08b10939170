/**
 * Proves the e2e runtime end to end with the probe package (e2e/fixtures/probe-node) and
 * prints what it measured: start-up time, webhook executions, static data, node type prefix.
 *   npx tsx e2e/verify-runtime.ts [custom|community]    (both when no argument)
 */
import * as path from 'node:path';
import { startN8n, type N8nExecution, type RunningN8n, type WorkflowJson } from './n8n';

const PROBE_PACKAGE = path.join(__dirname, 'fixtures', 'probe-node');
const CALLS = 3;

/** Trigger → Counter, or the trigger alone (then no execute node writes static data). */
function probeWorkflow(typePrefix: string, webhookId: string, credentialId?: string): WorkflowJson {
  const trigger = { id: 'a1', name: 'Probe Trigger', type: `${typePrefix}.probeTrigger`, typeVersion: 1, position: [0, 0], webhookId, parameters: {} };
  if (!credentialId) return { name: `probe trigger alone (${typePrefix})`, nodes: [trigger], connections: {} };
  const counter = {
    id: 'a2', name: 'Probe Counter', type: `${typePrefix}.probeCounter`, typeVersion: 1, position: [220, 0], parameters: {},
    credentials: { probeApi: { id: credentialId, name: 'probe credential' } },
  };
  return {
    name: `probe trigger and counter (${typePrefix})`,
    nodes: [trigger, counter],
    connections: { 'Probe Trigger': { main: [[{ node: 'Probe Counter', type: 'main', index: 0 }]] } },
  };
}

/** The first output item of a node in an execution's run data. */
function firstItem(execution: N8nExecution, nodeName: string): Record<string, unknown> | undefined {
  return execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
}

async function measure(n8n: RunningN8n, typePrefix: string, withCounter: boolean): Promise<Record<string, unknown>> {
  const webhookId = `6f1f0c55-2a43-4b6e-9a39-0e2e0000000${withCounter ? 1 : 2}`;
  const credentialId = withCounter
    ? await n8n.createCredential({ name: 'probe credential', type: 'probeApi', data: { token: 'probe-token-1234' } })
    : undefined;
  const workflowId = await n8n.importWorkflow(probeWorkflow(typePrefix, webhookId, credentialId));
  const activationStart = Date.now();
  await n8n.activate(workflowId);
  const activationMs = Date.now() - activationStart;

  const webhookAnswers: unknown[] = [];
  for (let call = 1; call <= CALLS; call++) {
    const response = await fetch(n8n.webhookUrl(`${webhookId}/probe`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ call }),
    });
    webhookAnswers.push(`${response.status} ${await response.text()}`);
    await n8n.waitForExecutions(workflowId, call);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const executions = (await n8n.executions(workflowId)).reverse();
  const stored = await n8n.api<{ staticData?: unknown; active?: boolean }>('GET', `/workflows/${workflowId}`);
  return {
    workflow: probeWorkflow(typePrefix, webhookId, credentialId).name,
    activationMs,
    active: stored.active,
    webhookAnswers,
    // Per call: the counters each node found in static data before incrementing them.
    executions: executions.map((execution) => {
      const trigger = firstItem(execution, 'Probe Trigger');
      const counter = firstItem(execution, 'Probe Counter');
      return {
        id: execution.id,
        mode: execution.mode,
        status: execution.status,
        triggerNodeCountBefore: trigger?.webhookCountBefore,
        triggerGlobalCountBefore: trigger?.globalCountBefore,
        counterCountBefore: counter?.executeCountBefore,
        credentialTokenLength: counter?.tokenLength,
      };
    }),
    storedStaticData: stored.staticData,
  };
}

/** activate() must fail with n8n's reason, not hang or pass: unknown node type, trigger registration error. */
async function activationErrors(n8n: RunningN8n, typePrefix: string): Promise<string[]> {
  const unknownType = probeWorkflow(typePrefix, '6f1f0c55-2a43-4b6e-9a39-0e2e00000008');
  (unknownType.nodes[0] as { type: string }).type = `${typePrefix}.notLoaded`;
  const failingTrigger = probeWorkflow(typePrefix, '6f1f0c55-2a43-4b6e-9a39-0e2e00000009');
  (failingTrigger.nodes[0] as { parameters: object }).parameters = { failActivation: true };
  const messages: string[] = [];
  for (const workflow of [unknownType, failingTrigger]) {
    try {
      await n8n.activate(await n8n.importWorkflow(workflow));
      messages.push('NO ERROR (unexpected)');
    } catch (error) {
      messages.push(error instanceof Error ? error.message : String(error));
    }
  }
  return messages;
}

async function run(mode: 'custom' | 'community'): Promise<void> {
  const n8n =
    mode === 'custom'
      ? await startN8n({ customExtensions: PROBE_PACKAGE })
      : await startN8n({ communityPackages: [PROBE_PACKAGE] });
  try {
    console.log(`[${mode}] n8n ready at ${n8n.url} after ${n8n.startupMs} ms (log: ${n8n.logFile})`);
    const prefix = mode === 'custom' ? 'CUSTOM' : 'n8n-nodes-e2e-probe';
    for (const withCounter of [true, false]) console.log(JSON.stringify(await measure(n8n, prefix, withCounter), null, 2));
    for (const message of await activationErrors(n8n, prefix)) console.log(`activation refused: ${message}`);
  } finally {
    const stopStart = Date.now();
    await n8n.stop();
    console.log(`[${mode}] stopped in ${Date.now() - stopStart} ms`);
  }
}

async function main(): Promise<void> {
  const wanted = process.argv[2];
  for (const mode of ['custom', 'community'] as const) {
    if (!wanted || wanted === mode) await run(mode);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
