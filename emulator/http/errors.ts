/**
 * Meta's synchronous error envelope (Meta: Error codes):
 * {error:{message:"(#CODE) Title", type:"OAuthException", code, error_data:{messaging_product, details}, fbtrace_id}}
 * Handlers throw MetaApiError; the server turns it into this body with the documented HTTP status (Meta: Error codes).
 */
import { errorCodeInfo } from '../error-codes';
import { fbtraceId } from '../state/ids';

export class MetaApiError extends Error {
	constructor(
		readonly code: number,
		/** Plain words naming what is wrong and how to fix it (error_data.details). */
		readonly details: string,
		readonly options: { httpStatus?: number; subcode?: number; title?: string } = {},
	) {
		super(`(#${code}) ${options.title ?? errorCodeInfo(code).title}: ${details}`);
	}

	get httpStatus(): number {
		return this.options.httpStatus ?? errorCodeInfo(this.code).httpStatus;
	}
}

export interface MetaErrorBody {
	error: {
		message: string;
		type: string;
		code: number;
		error_subcode?: number;
		error_data: { messaging_product: 'whatsapp'; details: string };
		fbtrace_id: string;
	};
}

export function metaErrorBody(error: MetaApiError): MetaErrorBody {
	const title = error.options.title ?? errorCodeInfo(error.code).title;
	return {
		error: {
			message: `(#${error.code}) ${title}`,
			type: 'OAuthException',
			code: error.code,
			...(error.options.subcode !== undefined ? { error_subcode: error.options.subcode } : {}),
			error_data: { messaging_product: 'whatsapp', details: error.details },
			fbtrace_id: fbtraceId(),
		},
	};
}

/** Meta's Error codes page: code 100 for an ID that is not a seeded or created object, naming the ID. */
export function unknownObject(id: string, hint = ''): MetaApiError {
	return new MetaApiError(
		100,
		`Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.${hint ? ' ' + hint : ''}`,
	);
}
