import type { IExecuteFunctions } from 'n8n-workflow';
import { encodeMultipart, endpoints, whatsAppRequest, WhatsAppConfigurationError } from '../../shared/transport';
import { checkMediaFile, fileExtensionFor, type MediaKind } from '../../shared/whatsapp/media/fileTypes';
import type { OperationContext } from './connection';
import { isValidateOnly, NOT_UPLOADED_MEDIA_ID } from './validateOnly';

export interface BinaryUpload {
	binaryPropertyName: string;
	/** What the file will be sent as: its type and size are checked against Meta's Media page: before uploading. Empty: any kind. */
	kind?: MediaKind;
	/** Replaces the binary's own MIME type when that is wrong or generic. */
	mimeType?: string;
	/** Name to upload under; empty uses the binary's own file name, then `<unnamedStem>.<extension>`. */
	fileName?: string;
	/** Stem for a file without any name; defaults to the binary property's name. */
	unnamedStem?: string;
}

export interface UploadedMedia {
	mediaId: string;
	fileName: string;
	mimeType: string;
	fileSize: number;
	/** The kind the file's type makes it (Meta: Media), equal to the requested kind when one was given. */
	kind: MediaKind;
}

/** The item's file, checked against Meta's Media page (type, size) and named, ready to upload. */
async function preparedUpload(this: IExecuteFunctions, context: OperationContext, upload: BinaryUpload) {
	const i = context.itemIndex;
	const binary = this.helpers.assertBinaryData(i, upload.binaryPropertyName);
	const declaredMime = upload.mimeType?.trim() || binary.mimeType;
	// Refuse a wrong type or a known oversize before reading a possibly large file into memory.
	if (typeof binary.bytes === 'number') checkMediaFile({ mimeType: declaredMime, sizeBytes: binary.bytes, kind: upload.kind });
	const content = await this.helpers.getBinaryDataBuffer(i, upload.binaryPropertyName);
	const { mimeType, kind } = checkMediaFile({ mimeType: declaredMime, sizeBytes: content.length, kind: upload.kind });
	const fileName = upload.fileName?.trim() || binary.fileName || `${upload.unnamedStem ?? upload.binaryPropertyName}.${fileExtensionFor(mimeType)}`;
	return { content, fileName, mimeType, kind };
}

/**
 * Uploads an item's binary file to the media endpoint (Meta: Media; 360dialog: POST /media, docs/360dialog.md). The MIME
 * type travels both as the `type` field and on the file part, because Meta lists the field as
 * required while its curl example only sets the part's type. The media ID is as WhatsApp answered.
 */
export async function postBinaryMedia(
	this: IExecuteFunctions,
	context: OperationContext,
	upload: BinaryUpload,
): Promise<Omit<UploadedMedia, 'mediaId'> & { mediaId: string | undefined }> {
	const { content, fileName, mimeType, kind } = await preparedUpload.call(this, context, upload);
	const form = encodeMultipart({ messaging_product: 'whatsapp', type: mimeType }, { fieldName: 'file', fileName, mimeType, content });
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.mediaUpload(context.connection),
		body: form.body,
		headers: { 'Content-Type': form.contentType },
		itemIndex: context.itemIndex,
	});
	const { id } = response.body as { id?: string };
	return { mediaId: id, fileName, mimeType, fileSize: content.length, kind };
}

/**
 * Uploads the binary file for sending it by media ID right away: an answer without an ID is an
 * error. Under the send's Validate Only option the file is checked but not uploaded, and the media
 * ID is NOT_UPLOADED_MEDIA_ID.
 */
export async function uploadBinaryMedia(this: IExecuteFunctions, context: OperationContext, upload: BinaryUpload): Promise<UploadedMedia> {
	if (isValidateOnly.call(this, context.itemIndex)) {
		const { content, fileName, mimeType, kind } = await preparedUpload.call(this, context, upload);
		return { mediaId: NOT_UPLOADED_MEDIA_ID, fileName, mimeType, fileSize: content.length, kind };
	}
	const uploaded = await postBinaryMedia.call(this, context, upload);
	if (!uploaded.mediaId) {
		throw new WhatsAppConfigurationError(
			'WhatsApp accepted the upload but returned no media ID.',
			'Run the node again; if it keeps happening, upload the file with the Media resource and send it by media ID.',
		);
	}
	return { ...uploaded, mediaId: String(uploaded.mediaId) };
}
