import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { CRM_NAMES, CrmApiError, CrmInputError, CrmSetupError, type CrmKind } from '../../shared/crm';

/**
 * The CRM could not be reached, or the connection broke before it answered. No cause is attached:
 * the HTTP library's error carries the request headers, the token among them.
 */
export function crmNetworkError(node: INode, kind: CrmKind, host: string, code: string, method: string): NodeOperationError {
	const mayHaveArrived = method !== 'GET' && !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code);
	return new NodeOperationError(node, `Network error: could not reach ${CRM_NAMES[kind]} (${host}, ${code})`, {
		description: mayHaveArrived
			? 'The connection broke before the CRM answered; the request may have been carried out. Running again is safe: the node finds the record by its WhatsApp ID instead of creating it twice, though a note may be added twice.'
			: 'Check the network and, for a test server, its URL in the credential; then run again.',
	});
}

/** Replaces every secret value in `text` with "***". */
export function redact(text: string, secrets: string[]): string {
	return secrets.reduce((result, secret) => result.split(secret).join('***'), text);
}

/**
 * Our errors as n8n errors for one item, with the fix as the description and secrets removed
 * (a CRM may echo what it was sent).
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number, secrets: string[]): NodeApiError | NodeOperationError {
	const clean = (text: string) => redact(text, secrets);
	if (error instanceof CrmApiError) {
		return new NodeApiError(node, { message: clean(error.message), code: error.code ?? '' } as JsonObject, {
			message: clean(error.message),
			description: clean(error.description),
			httpCode: String(error.status),
			itemIndex,
		});
	}
	if (error instanceof CrmSetupError || error instanceof CrmInputError) {
		return new NodeOperationError(node, clean(error.message), { description: clean(error.description), itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = clean(error.message);
		if (error.description) error.description = clean(error.description);
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, clean((error as Error)?.message ?? String(error)), { itemIndex });
}

/** The JSON a failed item carries with Continue On Fail. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	return { error: { message: error.message, ...(error.description ? { description: error.description } : {}), ...(error instanceof NodeApiError && error.httpCode ? { httpCode: error.httpCode } : {}) } };
}
