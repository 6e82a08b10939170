import type { IExecuteFunctions } from 'n8n-workflow';
import { encodeMultipart, endpoints, whatsAppRequest, WhatsAppConfigurationError } from '../../../shared/transport';
import { checkMediaFile, fileExtensionFor, type MediaKind } from '../../../shared/whatsapp/mediaTypes';
import type { OperationContext } from '../types';

export interface UploadedMedia {
	mediaId: string;
	fileName: string;
	mimeType: string;
	fileSize: number;
}

export interface BinaryUpload {
	binaryPropertyName: string;
	/** What the file will be sent as: its type and size are checked against §4.5 before uploading. */
	kind: MediaKind;
	/** Replaces the binary's own MIME type when that is wrong or generic. */
	mimeType?: string;
}

/**
 * Uploads an item's binary file to the media endpoint (§4.1; 360dialog: POST /media, §8) and returns
 * the media ID to send it by. The MIME type travels both as the `type` field and on the file part,
 * because Meta lists the field as required while its curl example only sets the part's type.
 */
export async function uploadBinaryMedia(this: IExecuteFunctions, context: OperationContext, upload: BinaryUpload): Promise<UploadedMedia> {
	const i = context.itemIndex;
	const binary = this.helpers.assertBinaryData(i, upload.binaryPropertyName);
	const declaredMime = upload.mimeType?.trim() || binary.mimeType;
	// Refuse a wrong type or a known oversize before reading a possibly large file into memory.
	if (typeof binary.bytes === 'number') checkMediaFile({ mimeType: declaredMime, sizeBytes: binary.bytes, kind: upload.kind });
	const content = await this.helpers.getBinaryDataBuffer(i, upload.binaryPropertyName);
	const { mimeType } = checkMediaFile({ mimeType: declaredMime, sizeBytes: content.length, kind: upload.kind });
	const fileName = binary.fileName || `${upload.binaryPropertyName}.${fileExtensionFor(mimeType)}`;
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
		throw new WhatsAppConfigurationError(
			'WhatsApp accepted the upload but returned no media ID.',
			'Run the node again; if it keeps happening, upload the file with the Media resource and send it by media ID.',
		);
	}
	return { mediaId: String(mediaId), fileName, mimeType, fileSize: content.length };
}
