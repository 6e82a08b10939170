import type { IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { resume } from './message/sendAndWait.operation';

/**
 * The resume webhook of Send and Wait for Response, as n8n's send-and-wait nodes declare theirs
 * (`restartWebhook`: served at the execution's resume URL, `$execution.resumeUrl`, only while it
 * waits). The path is empty so that URL is exactly `$execution.resumeUrl`, checked by n8n against
 * the execution's resume token.
 */
export const waitingWebhooks: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: '', restartWebhook: true },
];

/** n8n calls this with the Trigger's POST to the resume URL of a waiting execution. */
export async function waitingWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await resume.call(this);
}
