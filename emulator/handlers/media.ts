/**
 * Media (Meta: Media): upload (multipart, (Meta: Media)), get URL (Meta: Media), download with the token (Meta: Media),
 * delete (Meta: Media). Types and size limits from the same page. 360dialog uses the same bodies (docs/360dialog.md).
 */
import { phoneNumberOf, type Handler, type RequestContext } from '../http/context';
import { MetaApiError, unknownObject } from '../http/errors';
import { boundaryOf, MultipartError, parseMultipart, type MultipartBody } from '../http/multipart';
import { baseMime, mediaDownloadUrl, mediaUrlHash, storeMedia, SUPPORTED_MEDIA } from '../state/media-store';
import type { MediaRecord } from '../state/types';

/** Meta's Media page: POST /{phone-number-id}/media (360dialog: POST /media, docs/360dialog.md). */
export const uploadMedia: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const boundary = boundaryOf(context.headers['content-type']);
	if (!boundary) throw new MetaApiError(100, 'Upload media as multipart/form-data with the fields messaging_product, file and type.');
	const form = parseForm(context.rawBody, boundary);
	const file = form.files.find((part) => part.field === 'file');
	context.validator.validate('uploadMedia', { ...form.fields, ...(file ? { file: '(binary)' } : {}) });
	if (form.fields.messaging_product !== 'whatsapp') throw new MetaApiError(131008, 'The form field messaging_product=whatsapp is required.');
	if (!file) throw new MetaApiError(131008, 'The form field file is required (curl: -F "file=@photo.jpg;type=image/jpeg").');
	const mimeType = file.contentType ?? form.fields.type;
	if (!mimeType) throw new MetaApiError(131008, 'The MIME type is missing: set the file part\'s Content-Type or the type field.');
	if (form.fields.type && baseMime(form.fields.type) !== baseMime(mimeType)) {
		throw new MetaApiError(131053, `The type field (${form.fields.type}) does not match the file's Content-Type (${mimeType}).`);
	}
	const supported = SUPPORTED_MEDIA[baseMime(mimeType)];
	if (!supported) {
		throw new MetaApiError(131053, `Unsupported media type ${mimeType}. Supported types: ${Object.keys(SUPPORTED_MEDIA).join(', ')}.`);
	}
	if (file.data.length > supported[1]) {
		throw new MetaApiError(100, `The file is ${file.data.length} bytes; ${baseMime(mimeType)} files may be at most ${supported[1]} bytes.`);
	}
	const record = storeMedia(context.state, phoneNumber.id, file.data, mimeType, file.filename);
	return {
		json: { id: record.id },
		responseId: record.id,
		loggedBody: { fields: form.fields, files: form.files.map((part) => ({ field: part.field, filename: part.filename, mimeType: part.contentType, size: part.data.length })) },
	};
};

function parseForm(raw: Buffer, boundary: string): MultipartBody {
	try {
		return parseMultipart(raw, boundary);
	} catch (error) {
		if (error instanceof MultipartError) throw new MetaApiError(100, error.message);
		throw error;
	}
}

/** Meta's Media page: `?phone_number_id=` restricts the call to media of that number. */
function mediaOf(context: RequestContext): MediaRecord {
	const id = context.params.mediaId;
	const record = context.state.media.get(id);
	const owner = context.query.get('phone_number_id') ?? context.dialog360PhoneNumberId;
	if (!record || (owner && record.phoneNumberId !== owner)) throw unknownObject(id, 'The media may have been deleted, or belong to another phone number.');
	return record;
}

/** Meta's Media page: GET /{media-id} → {messaging_product, url, mime_type, sha256, file_size, id}. */
export const getMediaUrl: Handler = (context) => {
	const record = mediaOf(context);
	return {
		json: {
			messaging_product: 'whatsapp',
			url: mediaDownloadUrl(context.state, context.baseUrl, record),
			mime_type: record.mimeType,
			sha256: record.sha256,
			file_size: String(record.fileSize),
			id: record.id,
		},
		responseId: record.id,
	};
};

/** Meta's Media page: DELETE /{media-id} → {success:true}. */
export const deleteMedia: Handler = (context) => {
	const record = mediaOf(context);
	context.state.media.delete(record.id);
	return { json: { success: true }, responseId: record.id };
};

/**
 * Meta's Media page: GET <url> with the token. The URL mimics lookaside.fbsbx.com (Meta: Media) on the emulator's own
 * host and expires after mediaUrlTtlMs; the hash ties mid and expiry together so neither is editable.
 */
export const downloadMedia: Handler = (context) => {
	const { query, state } = context;
	const id = query.get('mid') ?? '';
	const expires = Number(query.get('exp'));
	const record = state.media.get(id);
	const valid = record && query.get('hash') === mediaUrlHash(id, expires) && state.now() < expires;
	if (!valid) return { status: 404, json: { error: 'The media URL is unknown or expired. Request a new URL with GET /{media-id}.' } };
	return { binary: { contentType: record.mimeType, data: record.data }, responseId: record.id };
};
