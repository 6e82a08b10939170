import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { ResumeRequestBody } from '../../shared/whatsapp/sendAndWait';

/** What came of POSTing an answer to a waiting execution. */
export interface ResumeResult {
	/** `templateSent`: the node answered a failed request message with its template and still waits. */
	outcome: 'resumed' | 'templateSent' | 'late' | 'failed';
	/** The wamid of that template. */
	messageId?: string;
	/** Why not resumed, in n8n's words or ours (no secret in it). */
	reason?: string;
}

/**
 * n8n's resume base of this instance (`webhookWaitingBaseUrl`): the hidden `resumeUrl` parameter is
 * `$execution.resumeUrl` evaluated here, `<base>/<execution id of this context>`. Undefined when n8n
 * gave no URL.
 */
export function resumeBaseUrl(context: IWebhookFunctions): string | undefined {
	const resumeUrl = String(context.getNodeParameter('resumeUrl', '') ?? '');
	return /^https?:\/\/.+\/[^/]+$/.test(resumeUrl) ? resumeUrl.replace(/\/[^/]+$/, '') : undefined;
}

function statusReason(statusCode: number, body: unknown): string {
	const message = typeof body === 'object' && body !== null ? String((body as IDataObject).message ?? '') : String(body ?? '');
	return `n8n answered ${statusCode}${message ? `: ${message.slice(0, 200)}` : ''}`;
}

/**
 * POSTs the answer to `$execution.resumeUrl` of the waiting execution, as the Wait node's "On Webhook
 * Call" is resumed: n8n checks the resume token and resumes once (a second resume of the same
 * execution gets 409, an unknown execution 404: both mean the answer is late).
 */
export async function resumeExecution(
	this: IWebhookFunctions,
	base: string,
	target: { executionId: string; resumeToken: string },
	body: ResumeRequestBody,
): Promise<ResumeResult> {
	const url = new URL(`${base}/${encodeURIComponent(target.executionId)}`);
	if (target.resumeToken) url.searchParams.set('signature', target.resumeToken);
	let response: { statusCode: number; body: unknown };
	try {
		response = (await this.helpers.httpRequest({
			method: 'POST',
			url: url.toString(),
			body: body as unknown as IDataObject,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 15_000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		// The URL holds the execution's resume token: keep it out of the reason, which is logged and output.
		const message = target.resumeToken ? (error as Error).message.split(target.resumeToken).join('…') : (error as Error).message;
		return { outcome: 'failed', reason: `n8n could not be reached at its resume URL: ${message}` };
	}
	const answer = response.body as IDataObject | undefined;
	if (response.statusCode >= 200 && response.statusCode < 300) {
		if (answer?.resumed === true) return { outcome: 'resumed' };
		if (answer?.fallback === 'template') return { outcome: 'templateSent', ...(typeof answer.messageId === 'string' ? { messageId: answer.messageId } : {}) };
		return { outcome: 'late', reason: String(answer?.reason ?? 'The execution is not waiting for this answer.') };
	}
	if (response.statusCode === 404 || response.statusCode === 409) return { outcome: 'late', reason: statusReason(response.statusCode, answer) };
	return { outcome: 'failed', reason: statusReason(response.statusCode, answer) };
}
