import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { endpoints, metaApiError, metaErrorOf, toNodeError, whatsAppRequest, type WhatsAppRequest } from '../../shared/transport';
import type { OperationContext } from './connection';

/** Meta's Media page: answer of GET /{media-id}. `file_size` is a string in Meta's docs, a number at 360dialog. */
export interface MediaInfo {
	url?: string;
	mime_type?: string;
	sha256?: string;
	file_size?: string | number;
	id?: string;
}

const MEDIA_NOT_FOUND_ADVICE =
	'No media has this ID for this account: it was deleted, it expired (uploads last 30 days, media from webhooks 7 days), ' +
	'or it belongs to another phone number or token. Upload the file again, or take the ID from a recent webhook.';

/**
 * A request on /{media-id}. Meta answers an unknown ID with a generic code 100 whose stock advice
 * speaks of phone-number IDs; for media the useful advice is about expiry and ownership.
 */
export async function mediaRequest(this: IExecuteFunctions, context: OperationContext, mediaId: string, request: Pick<WhatsAppRequest, 'method'>): Promise<unknown> {
	try {
		const response = await whatsAppRequest.call(this, context.connection, {
			...request,
			url: endpoints.media(context.connection, mediaId),
			itemIndex: context.itemIndex,
		});
		return response.body;
	} catch (error) {
		const info = metaErrorOf(error);
		if (info?.code !== 100 || !/does not exist|cannot be loaded|unknown/i.test(`${info.message} ${info.details ?? ''}`)) {
			throw toNodeError(this.getNode(), error, context.itemIndex, context.connection.redactor);
		}
		const body: IDataObject = { error: { message: info.message, code: info.code, ...(info.fbtraceId ? { fbtrace_id: info.fbtraceId } : {}) } };
		throw metaApiError(this.getNode(), { ...info, title: `Media ${mediaId} not found`, advice: MEDIA_NOT_FOUND_ADVICE }, body, context.itemIndex, {
			redactor: context.connection.redactor,
		});
	}
}

export function fileSizeOf(info: MediaInfo): number | undefined {
	const size = Number(info.file_size);
	return info.file_size !== undefined && Number.isFinite(size) ? size : undefined;
}
