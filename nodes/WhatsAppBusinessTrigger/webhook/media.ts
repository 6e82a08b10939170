import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import { endpoints, metaErrorOf, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';
import type { MessageEvent } from '../../shared/whatsapp/webhook';
import { logPrefix } from './http';

interface MediaUrlAnswer {
	url?: string;
	mime_type?: string;
}

function asBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	throw new Error('The media download did not return file bytes.');
}

/**
 * Meta's Media page: GET /{media-id} for a fresh URL (valid 5 minutes), then download it with the
 * credential. A failure never drops the event: the item carries mediaError instead.
 */
export async function attachMedia(
	this: IWebhookFunctions,
	connection: WhatsAppConnection,
	item: INodeExecutionData,
	event: MessageEvent,
	binaryPropertyName: string,
): Promise<void> {
	const mediaId = event.media?.id;
	if (!mediaId) return;
	try {
		// Meta's Media page: on Meta, phone_number_id makes sure the media belongs to the number that received it.
		const qs = connection.provider === 'cloudApi' && event.phoneNumberId ? { phone_number_id: event.phoneNumberId } : undefined;
		const answer = await whatsAppRequest.call(this, connection, { method: 'GET', url: endpoints.media(connection, mediaId), qs });
		const { url, mime_type: mimeType } = answer.body as MediaUrlAnswer;
		if (!url) throw new Error(`WhatsApp returned no download URL for media ${mediaId}.`);
		const file = await whatsAppRequest.call(this, connection, { method: 'GET', url: endpoints.mediaDownload(connection, url), binary: true });
		const binary = await this.helpers.prepareBinaryData(asBuffer(file.body), event.media?.filename, event.media?.mimeType ?? mimeType);
		binary.fileName ??= `${event.type}-${mediaId}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		item.binary = { ...(item.binary ?? {}), [binaryPropertyName]: binary };
	} catch (error) {
		const info = metaErrorOf(error);
		const mediaError: IDataObject = { message: (error as Error).message, mediaId };
		if (info) Object.assign(mediaError, { code: info.code, advice: info.advice });
		item.json.mediaError = mediaError;
		this.logger.warn(`${logPrefix(this)} could not download media ${mediaId} of message ${event.id}: ${(error as Error).message}`);
	}
}
