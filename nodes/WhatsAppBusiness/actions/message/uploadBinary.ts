import type { IExecuteFunctions } from 'n8n-workflow';
import { encodeMultipart, endpoints, whatsAppRequest, WhatsAppConfigurationError } from '../../../shared/transport';
import type { OperationContext } from '../types';

export interface UploadedMedia {
	mediaId: string;
	fileName: string;
	mimeType: string;
	fileSize: number;
}

/**
 * Uploads an item's binary file to the media endpoint (§4.1; 360dialog: POST /media, §8) and returns
 * the media ID to send it by. The MIME type travels both as the `type` field and on the file part,
 * because Meta lists the field as required while its curl example only sets the part's type.
 */
export async function uploadBinaryMedia(this: IExecuteFunctions, context: OperationContext, binaryPropertyName: string): Promise<UploadedMedia> {
	const i = context.itemIndex;
	const binary = this.helpers.assertBinaryData(i, binaryPropertyName);
	const mimeType = (binary.mimeType ?? '').trim();
	if (!mimeType || mimeType === 'application/octet-stream') {
		throw new WhatsAppConfigurationError(
			`The binary file in "${binaryPropertyName}" has no usable MIME type (${mimeType || 'none'}), so WhatsApp cannot tell what kind of file it is.`,
			'Give the file a MIME type WhatsApp supports (e.g. image/jpeg, application/pdf), for example by reading it with a node that sets the type, or send it by link.',
		);
	}
	const content = await this.helpers.getBinaryDataBuffer(i, binaryPropertyName);
	const fileName = binary.fileName || `${binaryPropertyName}.${binary.fileExtension || 'bin'}`;
	const form = encodeMultipart({ messaging_product: 'whatsapp', type: mimeType }, { fieldName: 'file', fileName, mimeType, content });
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.mediaUpload(context.connection),
		body: form.body,
		headers: { 'Content-Type': form.contentType },
		itemIndex: i,
	});
	const mediaId = (response.body as { id?: string }).id;
	if (!mediaId) {
		throw new WhatsAppConfigurationError('WhatsApp accepted the upload but returned no media ID.', 'Run the node again; if it keeps happening, upload the file with the Media resource and send it by media ID.');
	}
	return { mediaId: String(mediaId), fileName, mimeType, fileSize: content.length };
}
