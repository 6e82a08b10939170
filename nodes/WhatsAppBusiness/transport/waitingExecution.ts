import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions, IWebhookFunctions } from 'n8n-workflow';
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
export function waitingExecution(this: Pick<IExecuteFunctions, 'evaluateExpression' | 'getExecutionId'>, itemIndex: number): WaitingExecution {
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

/**
 * The waiting node's item seen from its resume webhook, as the execute context of item 0, so the
 * readers and senders of the operation serve there too. n8n 2.41 runs a waiting node's resume webhook
 * with the node's input items (n8n-core WebhookContext: `connectionInputData` from the execution
 * stack), so its parameters evaluate there as they did when it asked; `getInputData` gives the item's
 * JSON (binary data is not available there). Everything else is the webhook context itself.
 */
export function waitingItemContext(webhook: IWebhookFunctions): IExecuteFunctions {
	const overrides: Record<string, unknown> = {
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown, options?: IGetNodeParameterOptions) => webhook.getNodeParameter(name, fallback, options),
		getCredentials: async (type: string) => await webhook.getCredentials(type),
		getInputData: () => [{ json: (webhook.evaluateExpression('{{ $json }}', 0) ?? {}) as IDataObject }],
		evaluateExpression: (expression: string, itemIndex?: number) => webhook.evaluateExpression(expression, itemIndex),
	};
	return new Proxy(webhook, {
		get: (target, property) => {
			if (typeof property === 'string' && property in overrides) return overrides[property];
			const value = Reflect.get(target, property) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	}) as unknown as IExecuteFunctions;
}
