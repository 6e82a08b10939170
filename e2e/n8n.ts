/**
 * A real n8n 2.41 (installed by e2e/install.sh) for end-to-end tests and the demo: started
 * headless on 127.0.0.1 with our nodes loaded, an owner and an API key. Node built-ins only,
 * so jest tests and tsx scripts can import it. Facts it relies on: e2e/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installAsCommunityPackage } from './lib/community-package';
import { E2E_OWNER, createApiKey, publicApiClient, restClient, signInOwner, type JsonCall } from './lib/n8n-clients';
import { RUNTIME_DIR, freePort, killOnExit, n8nEnvironment, spawnN8n, stopGroup, waitForReady } from './lib/n8n-process';

export { E2E_OWNER, N8nHttpError, type HttpMethod, type JsonCall } from './lib/n8n-clients';
export { installAsCommunityPackage, communityNodesDir } from './lib/community-package';
export { isN8nInstalled, E2E_DIR, RUNTIME_DIR } from './lib/n8n-process';

export interface StartN8nOptions {
  /** Folder(s) of built `*.node.js` / `*.credentials.js` files (';'-separated); node types are `CUSTOM.<name>`. */
  customExtensions?: string;
  /** Built package folders installed as community packages before start; node types are `<package-name>.<name>`. */
  communityPackages?: string[];
  /** The port n8n listens on; undefined or 0: a free one the OS gives. */
  port?: number;
  /** N8N_USER_FOLDER; default a new folder under e2e/.runtime/. */
  userFolder?: string;
  /** Extra environment for n8n (wins over the defaults). */
  env?: Record<string, string>;
  /** Default 120 s, or E2E_N8N_READY_TIMEOUT_S. */
  readyTimeoutMs?: number;
}

/** A workflow as n8n exports it; only name, nodes, connections and settings are sent. */
export interface WorkflowJson {
  name?: string;
  nodes: unknown[];
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
  [other: string]: unknown;
}

export interface N8nExecution {
  id: string;
  workflowId: string;
  mode: string;
  status: string;
  finished: boolean;
  startedAt: string;
  stoppedAt: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
}

export interface RunningN8n {
  url: string;
  port: number;
  userFolder: string;
  logFile: string;
  apiKey: string;
  owner: typeof E2E_OWNER;
  /** Milliseconds from spawn to /healthz/readiness answering 200. */
  startupMs: number;
  /** Production webhook URL: `<url>/webhook/<path>`. */
  webhookUrl(path: string): string;
  /** Public API, `/api/v1<path>` with X-N8N-API-KEY. */
  api: JsonCall;
  /** Internal REST API, `/rest<path>` with the owner's cookie; returns the `data` of the answer. */
  rest: JsonCall;
  importWorkflow(workflow: WorkflowJson): Promise<string>;
  /** Publishes the workflow and waits until its triggers are live (or throws their errors). */
  activate(workflowId: string): Promise<void>;
  deactivate(workflowId: string): Promise<void>;
  createCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<string>;
  /** Executions of a workflow, newest first, with their run data. */
  executions(workflowId: string): Promise<N8nExecution[]>;
  /** Waits until at least `count` executions of the workflow have finished. */
  waitForExecutions(workflowId: string, count: number, timeoutMs?: number): Promise<N8nExecution[]>;
  /** Stops n8n and its task runner (process group); keeps the database and n8n.log in userFolder. */
  stop(): Promise<void>;
}

export async function startN8n(options: StartN8nOptions = {}): Promise<RunningN8n> {
  // 0 means any port, as for a server: n8n would take one the caller cannot learn, so the OS is asked here.
  const port = options.port || (await freePort());
  let brokerPort = await freePort();
  while (brokerPort === port) brokerPort = await freePort(); // the OS may hand out a just-released port again
  const userFolder =
    options.userFolder ?? path.join(RUNTIME_DIR, `n8n-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${port}`);
  fs.mkdirSync(userFolder, { recursive: true });
  for (const packageDir of options.communityPackages ?? []) installAsCommunityPackage(userFolder, packageDir);

  const url = `http://127.0.0.1:${port}`;
  const env = n8nEnvironment({ port, brokerPort, userFolder, customExtensions: options.customExtensions, extra: options.env });
  const startedAt = Date.now();
  const spawned = spawnN8n(env, path.join(userFolder, 'n8n.log'));
  const forgetExitHook = killOnExit(spawned);
  const stop = async (): Promise<void> => {
    forgetExitHook();
    await stopGroup(spawned);
    // n8n copies ~47 MB of editor assets into <user folder>/.cache on every start; keep only the database and log.
    fs.rmSync(path.join(userFolder, '.cache'), { recursive: true, force: true });
  };

  try {
    await waitForReady(url, spawned, options.readyTimeoutMs ?? readyTimeoutFromEnv());
    const startupMs = Date.now() - startedAt;
    const rest = restClient(url, await signInOwner(url));
    const apiKey = await createApiKey(rest);
    const api = publicApiClient(url, apiKey);
    return { url, port, userFolder, logFile: spawned.logFile, apiKey, owner: E2E_OWNER, startupMs, api, rest, stop, ...workflowHelpers(api, rest, url) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** 120 s unless E2E_N8N_READY_TIMEOUT_S says otherwise (a loaded 2-core machine once needed more). */
function readyTimeoutFromEnv(): number {
  const seconds = Number(process.env.E2E_N8N_READY_TIMEOUT_S);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 120_000;
}

interface PublicationStatus {
  status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
  triggers: { nodeId: string; status: string; errorMessage: string | null }[];
}

/**
 * n8n 2.41 publishes through an outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE, default on): the
 * API answers before the triggers are registered (a webhook called at once got 404), so poll.
 */
async function waitForPublication(rest: JsonCall, workflowId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const publication = await rest<PublicationStatus>('GET', `/workflows/${workflowId}/publication-status`);
    if (publication.status === 'published') return;
    if (publication.status === 'failed' || publication.status === 'partial') {
      const errors = publication.triggers.filter((trigger) => trigger.errorMessage).map((trigger) => `${trigger.nodeId}: ${trigger.errorMessage}`);
      throw new Error(`Workflow ${workflowId} was not activated (${publication.status}): ${errors.join('; ') || 'no trigger error recorded'}`);
    }
    if (Date.now() > deadline) throw new Error(`Workflow ${workflowId} was still "${publication.status}" after ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The workflow and execution calls of RunningN8n over these clients; `webhookBaseUrl` is where
 * production webhooks are answered (n8n itself, or the webhook processor in queue mode).
 */
export function workflowHelpers(api: JsonCall, rest: JsonCall, webhookBaseUrl: string) {
  const executions = async (workflowId: string): Promise<N8nExecution[]> => {
    const query = `workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=250`;
    return (await api<{ data: N8nExecution[] }>('GET', `/executions?${query}`)).data;
  };
  return {
    webhookUrl: (webhookPath: string) => `${webhookBaseUrl}/webhook/${webhookPath.replace(/^\//, '')}`,
    importWorkflow: async (workflow: WorkflowJson): Promise<string> => {
      // The public API refuses read-only fields (id, active, tags, pinData, meta …).
      const { name, nodes, connections, settings } = workflow;
      const body = { name: name ?? 'e2e workflow', nodes, connections, settings: settings ?? { executionOrder: 'v1' } };
      return (await api<{ id: string }>('POST', '/workflows', body)).id;
    },
    activate: async (workflowId: string): Promise<void> => {
      await api('POST', `/workflows/${workflowId}/publish`); // `/activate` also works but is deprecated in 2.41
      await waitForPublication(rest, workflowId);
    },
    deactivate: async (workflowId: string): Promise<void> => {
      await api('POST', `/workflows/${workflowId}/unpublish`);
    },
    createCredential: async (credential: { name: string; type: string; data: Record<string, unknown> }): Promise<string> =>
      (await api<{ id: string }>('POST', '/credentials', credential)).id,
    executions,
    waitForExecutions: async (workflowId: string, count: number, timeoutMs = 20_000): Promise<N8nExecution[]> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await executions(workflowId)).filter((execution) => execution.stoppedAt !== null);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(`Expected ${count} finished executions of workflow ${workflowId} within ${timeoutMs / 1000} s, found ${found.length}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    },
  };
}
