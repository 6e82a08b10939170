import { InMemoryPendingTextRequests, type PendingTextRequestStore } from '../whatsapp/sendAndWait';

/**
 * The Free Text requests of this n8n process, shared by the sending node and the Trigger (both load
 * this module once per process). In queue mode the worker that sends and the webhook processor that
 * receives are different processes: see docs/send-and-wait.md.
 */
export const pendingTextRequests: PendingTextRequestStore = new InMemoryPendingTextRequests();

/**
 * The execution's custom data key holding the request it waits for: the resume webhook refuses an
 * answer to an older request of the same execution (a loop, or a second Send and Wait node).
 */
export const WAITING_REQUEST_KEY = 'whatsAppSendAndWaitRequest';
