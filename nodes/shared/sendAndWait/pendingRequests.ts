import type { SharedState } from '../sharedState';
import { RedisPendingTextRequests } from '../sharedState/pendingTextRequests';
import { InMemoryPendingTextRequests, type PendingTextRequestStore } from '../whatsapp/sendAndWait';

/**
 * The Free Text requests of this n8n process, shared by the sending node and the Trigger (both load
 * this module once per process): n8n's default mode, where executions and webhooks run in one process.
 */
const inThisProcess = new InMemoryPendingTextRequests();

/**
 * Where the sending node records a Free Text request and the Trigger looks for it: the credential's
 * Redis when it names one (queue mode: the worker that sends and the webhook processor that
 * receives are different processes; docs/send-and-wait.md), else this process's memory. Both sides
 * must use credentials with the same Redis URL.
 */
export function pendingTextRequestsFor(sharedState: SharedState | undefined): PendingTextRequestStore {
	return sharedState ? new RedisPendingTextRequests(sharedState) : inThisProcess;
}

/**
 * The execution's custom data key holding the request it waits for: the resume webhook refuses an
 * answer to an older request of the same execution (a loop, or a second Send and Wait node).
 */
export const WAITING_REQUEST_KEY = 'whatsAppSendAndWaitRequest';
