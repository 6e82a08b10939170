import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** What n8n hands a webhook: Express objects, used here only through Node's own http API. */
export type WebhookRequest = IncomingMessage & { rawBody?: Buffer | string; body?: unknown };

export function requestOf(context: IWebhookFunctions): WebhookRequest {
	return context.getRequestObject() as unknown as WebhookRequest;
}

/** Answers the HTTP request ourselves (then the node returns noWebhookResponse: true). */
export function replyText(context: IWebhookFunctions, statusCode: number, text: string): void {
	const res = context.getResponseObject() as unknown as ServerResponse;
	if (res.headersSent || res.writableEnded) return;
	// With its length set before the headers go out, n8n's compression middleware leaves this short
	// answer alone (under its 1 KB threshold); writeHead() without a length made it gzip every answer.
	res.statusCode = statusCode;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.setHeader('Content-Length', Buffer.byteLength(text));
	res.setHeader('Cache-Control', 'no-store');
	res.end(text);
}

/** Prefix for log lines, so an operator sees which trigger of which workflow is concerned. */
export function logPrefix(context: IWebhookFunctions | IHookFunctions): string {
	return `WhatsApp Business Trigger "${context.getNode().name}" (workflow ${context.getWorkflow().id ?? '?'})`;
}
