/**
 * Publishing and unpublishing workflows in n8n 2.41, where both go through an asynchronous outbox
 * (e2e/README.md): the API answers before the triggers are (de)registered, so these poll.
 */
import type { RunningN8n } from '../n8n';

interface PublicationStatus {
  status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
  triggers: { nodeId: string; errorMessage: string | null }[];
}

async function settledPublication(n8n: RunningN8n, workflowId: string, timeoutMs: number): Promise<PublicationStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const publication = await n8n.rest<PublicationStatus>('GET', `/workflows/${workflowId}/publication-status`);
    // not_published: the publish call returned before its outbox record became visible.
    const pending = publication.status === 'in_progress' || publication.status === 'not_published';
    if (!pending || Date.now() > deadline) return publication;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Publishes and waits until the triggers are live. n8n 2.41 retries a failed trigger registration
 * (5 attempts, 1 s, 2 s, 4 s … apart) but first clears ALL webhooks of the node
 * (webhook-trigger-registrar clearRegisteredWebhook), and re-registers only the failed one: our
 * trigger's GET (handshake) webhook is gone, so Meta's (the emulator's) verification of the POST
 * URL then fails every retry. After one transient error, activation can only fail; unpublishing
 * and publishing again registers both webhooks afresh. Seen once in ~10 starts on a loaded machine.
 */
export async function publishWithRetry(n8n: RunningN8n, workflowId: string, name: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await n8n.api('POST', `/workflows/${workflowId}/publish`);
    const publication = await settledPublication(n8n, workflowId, 90_000);
    if (publication.status === 'published') return;
    const errors = publication.triggers.filter((trigger) => trigger.errorMessage).map((trigger) => trigger.errorMessage);
    const reason = `"${name}" was not activated (${publication.status}): ${errors.join('; ') || 'no trigger error recorded'}`;
    if (attempt >= attempts) throw new Error(reason);
    console.warn(`${reason}; unpublishing and trying again (${attempt + 1}/${attempts}).`);
    await n8n.api('POST', `/workflows/${workflowId}/unpublish`);
    await waitUntilUnpublished(n8n, workflowId, 90_000);
  }
}

/** Unpublishing is asynchronous too (n8n 2.41's publication outbox): wait until the triggers are gone. */
export async function waitUntilUnpublished(n8n: RunningN8n, workflowId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const publication = await n8n.rest<{ status: string }>('GET', `/workflows/${workflowId}/publication-status`);
    if (publication.status === 'not_published') return;
    if (Date.now() > deadline) throw new Error(`Workflow ${workflowId} was still "${publication.status}" ${timeoutMs / 1000} s after unpublishing.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
