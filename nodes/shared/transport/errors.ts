import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { formatMetaError, type MetaErrorInfo } from '../whatsapp/errors';
import { WhatsAppValidationError } from '../whatsapp/validationError';

/** A setting is missing or not supported by the chosen provider: fixable in the node or credential. */
export class WhatsAppConfigurationError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'WhatsAppConfigurationError';
	}
}

const metaErrors = new WeakMap<Error, MetaErrorInfo>();

/** Meta's answer for a failed request, as an n8n error that keeps the mapped advice. */
export function metaApiError(node: INode, info: MetaErrorInfo, body: unknown, itemIndex?: number): NodeApiError {
	const { message, description } = formatMetaError(info);
	const error = new NodeApiError(node, (body && typeof body === 'object' ? body : { message: info.message }) as JsonObject, {
		message,
		description,
		httpCode: info.httpStatus ? String(info.httpStatus) : undefined,
		itemIndex,
	});
	metaErrors.set(error, info);
	return error;
}

export function metaErrorOf(error: unknown): MetaErrorInfo | undefined {
	return error instanceof Error ? metaErrors.get(error) : undefined;
}

/** Turns our plain errors (validation, configuration) into n8n errors for the item concerned. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof WhatsAppValidationError) {
		return new NodeOperationError(node, error.message, { description: `${error.fix} (field: ${error.field})`, itemIndex });
	}
	if (error instanceof WhatsAppConfigurationError) {
		return new NodeOperationError(node, error.message, { description: error.fix, itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The JSON a failed item carries under "Continue (using error output)" / "Continue On Fail". */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const info = metaErrorOf(error);
	const description = (error as { description?: string }).description;
	return {
		error: {
			message: error.message,
			...(description ? { description } : {}),
			...(info
				? {
						code: info.code,
						title: info.title,
						advice: info.advice,
						retryable: info.retryable,
						category: info.category,
						...(info.details ? { details: info.details } : {}),
						...(info.fbtraceId ? { fbtraceId: info.fbtraceId } : {}),
					}
				: {}),
		},
	};
}
