/**
 * The CRM examples in a real n8n: the local fakes of Zoho (CRM and Bigin), Zendesk and HubSpot, the
 * three CRM credentials pointing at them (Zoho connected through n8n's own OAuth2 flow against the
 * fake's accounts server), and examples/crm-*.json imported with those credentials and the fakes'
 * users as round-robin owners. Built on a running WhatsApp stack (emulator + n8n + WhatsApp credential).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { credentialsFor, HUBSPOT_SEED, startCrmFake, ZENDESK_SEED, ZOHO_SEED, type RunningHubSpotFake, type RunningZendeskFake, type RunningZohoFake } from '../../fakes';
import { EXAMPLES_DIR, productionWebhookPath, withTriggerPhoneNumbers, type ExampleWorkflow } from './examples';
import { signInOwner } from './n8n-clients';
import { publishWithRetry, waitUntilUnpublished } from './publication';
import type { ImportedExample, WhatsAppStack } from './whatsapp-stack';

export const CRM_EXAMPLE_NAMES = ['crm-zoho-crm-leads', 'crm-zendesk-tickets', 'crm-hubspot-contacts', 'crm-bigin-contacts'] as const;
export type CrmExampleName = (typeof CRM_EXAMPLE_NAMES)[number];

export interface CrmFakes {
  zoho: RunningZohoFake;
  zendesk: RunningZendeskFake;
  hubspot: RunningHubSpotFake;
}

export interface CrmStack {
  fakes: CrmFakes;
  /** n8n credential ids by credential type. */
  credentials: Record<string, { id: string; name: string }>;
  examples: Record<CrmExampleName, ImportedExample>;
  /** Publishes an example with its trigger on these phone numbers (Meta routes a number's webhooks to one URL). */
  activate(name: CrmExampleName, phoneNumberIds: string[]): Promise<void>;
  deactivate(name: CrmExampleName): Promise<void>;
  stop(): Promise<void>;
}

const CREDENTIAL_NAMES: Record<string, string> = {
  whatsAppZohoOAuth2Api: 'Zoho CRM and Bigin (local fake)',
  whatsAppZendeskApi: 'Zendesk (local fake)',
  whatsAppHubSpotApi: 'HubSpot (local fake)',
};

/** Round-robin owners of each example: the fakes' first active users. */
const OWNERS: Record<CrmExampleName, string[]> = {
  'crm-zoho-crm-leads': ZOHO_SEED.crm.users.filter((user) => user.status === 'active').slice(0, 2).map((user) => user.id),
  'crm-bigin-contacts': ZOHO_SEED.bigin.users.filter((user) => user.status === 'active').slice(0, 2).map((user) => user.id),
  'crm-hubspot-contacts': HUBSPOT_SEED.owners.filter((owner) => !owner.archived).slice(0, 2).map((owner) => owner.id),
  'crm-zendesk-tickets': ZENDESK_SEED.agents.slice(0, 2).map((agent) => String(agent.id)),
};

export function loadCrmExample(name: CrmExampleName): ExampleWorkflow {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as ExampleWorkflow;
}

/**
 * Connects the Zoho credential as a user does: n8n builds the authorization URL, the fake's accounts
 * server approves at once and redirects to n8n's callback with a code, n8n exchanges it for tokens.
 */
async function connectZoho(stack: WhatsAppStack, credentialId: string): Promise<void> {
  const authUrl = await stack.n8n.rest<string>('GET', `/oauth2-credential/auth?id=${credentialId}`);
  const consent = await fetch(authUrl, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location) throw new Error(`The Zoho fake did not redirect back to n8n (${consent.status}).`);
  // n8n's redirect URI names its configured public URL; the callback itself is local. The callback
  // checks that the signed-in user is the one who started the flow, as the browser's cookie shows.
  const callback = new URL(location);
  const cookie = await signInOwner(stack.n8n.url);
  const answer = await fetch(`${stack.n8n.url}/rest/oauth2-credential/callback${callback.search}`, { headers: { cookie } });
  const page = await answer.text();
  // n8n renders oauth-callback (posts 'success' to the editor) or oauth-error-callback (posts 'error', with the reason).
  if (!answer.ok || !page.includes("postMessage('success'")) {
    const reason = [/<h4>([\s\S]*?)<\/h4>/.exec(page)?.[1], /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(page)?.[1]].filter(Boolean).join(': ') || page.slice(0, 300);
    throw new Error(`n8n's OAuth2 callback did not connect the Zoho credential (${answer.status}): ${reason}`);
  }
}

async function createCredentials(stack: WhatsAppStack, fakes: CrmFakes): Promise<Record<string, { id: string; name: string }>> {
  const zoho = credentialsFor(fakes.zoho);
  const zendesk = credentialsFor(fakes.zendesk);
  const hubspot = credentialsFor(fakes.hubspot);
  const data: Record<string, Record<string, unknown>> = {
    whatsAppZohoOAuth2Api: { clientId: zoho.clientId, clientSecret: zoho.clientSecret, dataCenter: 'custom', customAccountsUrl: zoho.accountsUrl, products: 'both' },
    whatsAppZendeskApi: { subdomain: zendesk.subdomain, email: zendesk.email, apiToken: zendesk.apiToken, customServer: true, serverUrl: zendesk.baseUrl },
    whatsAppHubSpotApi: { accessToken: hubspot.appToken, customServer: true, serverUrl: hubspot.baseUrl },
  };
  const credentials: Record<string, { id: string; name: string }> = { whatsAppCloudApi: stack.credential };
  for (const [type, values] of Object.entries(data)) {
    const name = CREDENTIAL_NAMES[type];
    credentials[type] = { id: await stack.n8n.createCredential({ name, type, data: values }), name };
  }
  await connectZoho(stack, credentials.whatsAppZohoOAuth2Api.id);
  return credentials;
}

/** A copy whose nodes use these credentials (by type) and whose CRM nodes rotate over `owners`. */
function prepared(workflow: ExampleWorkflow, credentials: Record<string, { id: string; name: string }>, owners: string[]): ExampleWorkflow {
  const copy = structuredClone(workflow);
  for (const node of copy.nodes) {
    for (const type of Object.keys(node.credentials ?? {})) {
      if (credentials[type]) node.credentials![type] = { ...credentials[type] };
    }
    if (node.type.endsWith('.whatsAppCrm') && Array.isArray(node.parameters.owners)) node.parameters.owners = owners;
  }
  return copy;
}

/** Starts the three fakes, creates the CRM credentials and imports the CRM examples (inactive). */
export async function addCrmStack(stack: WhatsAppStack, options: { ports?: Partial<Record<keyof CrmFakes, number>> } = {}): Promise<CrmStack> {
  const ports = options.ports ?? {};
  const fakes: CrmFakes = {
    zoho: await startCrmFake('zoho', { port: ports.zoho ?? 0 }),
    zendesk: await startCrmFake('zendesk', { port: ports.zendesk ?? 0 }),
    hubspot: await startCrmFake('hubspot', { port: ports.hubspot ?? 0 }),
  };
  const stop = async (): Promise<void> => {
    await Promise.all([fakes.zoho.close(), fakes.zendesk.close(), fakes.hubspot.close()]);
  };
  try {
    const credentials = await createCredentials(stack, fakes);
    const examples = {} as Record<CrmExampleName, ImportedExample>;
    for (const name of CRM_EXAMPLE_NAMES) {
      const workflow = prepared(loadCrmExample(name), credentials, OWNERS[name]);
      const id = await stack.n8n.importWorkflow(workflow);
      examples[name] = { id, workflow, url: stack.n8n.webhookUrl(productionWebhookPath(workflow)), active: false };
    }
    const activate = async (name: CrmExampleName, phoneNumberIds: string[]): Promise<void> => {
      const workflow = withTriggerPhoneNumbers(examples[name].workflow, phoneNumberIds);
      await stack.n8n.api('PUT', `/workflows/${examples[name].id}`, { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings ?? {} });
      examples[name].workflow = workflow;
      await publishWithRetry(stack.n8n, examples[name].id, workflow.name);
      examples[name].active = true;
    };
    const deactivate = async (name: CrmExampleName): Promise<void> => {
      await stack.n8n.deactivate(examples[name].id);
      await waitUntilUnpublished(stack.n8n, examples[name].id);
      examples[name].active = false;
    };
    return { fakes, credentials, examples, activate, deactivate, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
