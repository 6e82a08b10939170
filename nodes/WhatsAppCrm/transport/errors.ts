import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { CRM_NAMES, CrmApiError, CrmInputError, CrmSetupError, type CrmKind } from '../../shared/crm';
import type { Redactor } from '../../shared/transport/redaction';

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

/**
 * Our errors as n8n errors for one item, with the fix as the description, and every text, the
 * CRM's answer and the cause passed through `redactor` (a CRM may echo what it was sent).
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number, redactor: Redactor): NodeApiError | NodeOperationError {
	return redactor.error(asNodeError(node, error, itemIndex));
}

function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof CrmApiError) {
		return new NodeApiError(node, { message: error.message, code: error.code ?? '' } as JsonObject, {
			message: error.message,
			description: error.description,
			httpCode: String(error.status),
			itemIndex,
		});
	}
	if (error instanceof CrmSetupError || error instanceof CrmInputError) {
		return new NodeOperationError(node, error.message, { description: error.description, itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, (error as Error)?.message ?? String(error), { itemIndex });
}

/** The JSON a failed item carries with Continue On Fail. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	return { error: { message: error.message, ...(error.description ? { description: error.description } : {}), ...(error instanceof NodeApiError && error.httpCode ? { httpCode: error.httpCode } : {}) } };
}
