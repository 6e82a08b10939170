import type { IExecuteFunctions } from 'n8n-workflow';
import { replyTokenSecret } from '../../shared/sendAndWait';
import { CREDENTIAL_TYPE } from '../../shared/transport';
import { replyTokenKey } from '../../shared/whatsapp/sendAndWait';
import type { OperationContext } from './connection';

/** What resumes this execution from outside: its ID and n8n's resume token. */
export interface WaitingExecution {
	executionId: string;
	/** The `signature` of `$execution.resumeUrl` (n8n: Wait node, "On Webhook Call"); '' when n8n set none. */
	resumeToken: string;
}

/**
 * The execution and its resume token, read from `$execution.resumeUrl` as n8n gives it to the
 * Wait node: the Trigger later POSTs the answer to that URL, which n8n checks and resumes.
 */
export function waitingExecution(this: IExecuteFunctions, itemIndex: number): WaitingExecution {
	const resumeUrl = String(this.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex) ?? '');
	let resumeToken = '';
	try {
		resumeToken = new URL(resumeUrl).searchParams.get('signature') ?? '';
	} catch {
		resumeToken = '';
	}
	return { executionId: this.getExecutionId(), resumeToken };
}

/** The key of this item's reply tokens, from its credential (see replyTokenSecret). */
export async function replyTokenKeyFor(this: IExecuteFunctions, context: OperationContext): Promise<Buffer> {
	const provider = context.connection.provider;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE[provider], context.itemIndex);
	return replyTokenKey(replyTokenSecret(provider, credentials));
}
