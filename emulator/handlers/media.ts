/**
 * Media (§4): upload (multipart, §4.1), get URL (§4.2), download with the token (§4.3),
 * delete (§4.4). Types and size limits from §4.5. 360dialog uses the same bodies (§8).
 */
import { createHash, createHmac } from 'node:crypto';
import { phoneNumberOf, type Handler, type RequestContext } from '../http/context';
import { MetaApiError, unknownObject } from '../http/errors';
import { boundaryOf, MultipartError, parseMultipart, type MultipartBody } from '../http/multipart';
import { numericId } from '../state/ids';
import type { MediaRecord } from '../state/types';

const MB = 1024 * 1024;
/** §4.5: supported MIME types → [extension, max bytes]. Stickers: the animated limit (500 KB). */
export const SUPPORTED_MEDIA: Record<string, [string, number]> = {
	'audio/aac': ['aac', 16 * MB],
	'audio/amr': ['amr', 16 * MB],
	'audio/mpeg': ['mp3', 16 * MB],
	'audio/mp4': ['m4a', 16 * MB],
	'audio/ogg': ['ogg', 16 * MB],
	'text/plain': ['txt', 100 * MB],
	'application/vnd.ms-excel': ['xls', 100 * MB],
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx', 100 * MB],
	'application/msword': ['doc', 100 * MB],
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx', 100 * MB],
	'application/vnd.ms-powerpoint': ['ppt', 100 * MB],
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx', 100 * MB],
	'application/pdf': ['pdf', 100 * MB],
	'image/jpeg': ['jpeg', 5 * MB],
	'image/png': ['png', 5 * MB],
	'image/webp': ['webp', 500 * 1024],
	'video/3gpp': ['3gp', 16 * MB],
	'video/mp4': ['mp4', 16 * MB],
};

/** "audio/ogg; codecs=opus" → "audio/ogg". */
const baseMime = (mime: string) => mime.split(';')[0].trim().toLowerCase();

/** §4.1, §4.5: POST /{phone-number-id}/media (360dialog: POST /media, §8). */
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
	const record: MediaRecord = {
		id: numericId(),
		phoneNumberId: phoneNumber.id,
		mimeType,
		sha256: createHash('sha256').update(file.data).digest('hex'),
		fileSize: file.data.length,
		filename: file.filename,
		data: file.data,
		uploadedAt: context.state.now(),
	};
	context.state.media.set(record.id, record);
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

/** §4.2 `?phone_number_id=` restricts the call to media of that number. */
function mediaOf(context: RequestContext): MediaRecord {
	const id = context.params.mediaId;
	const record = context.state.media.get(id);
	const owner = context.query.get('phone_number_id') ?? context.dialog360PhoneNumberId;
	if (!record || (owner && record.phoneNumberId !== owner)) throw unknownObject(id, 'The media may have been deleted, or belong to another phone number.');
	return record;
}

/** §4.2: GET /{media-id} → {messaging_product, url, mime_type, sha256, file_size, id}. */
export const getMediaUrl: Handler = (context) => {
	const record = mediaOf(context);
	return {
		json: {
			messaging_product: 'whatsapp',
			url: downloadUrl(context, record),
			mime_type: record.mimeType,
			sha256: record.sha256,
			file_size: String(record.fileSize),
			id: record.id,
		},
		responseId: record.id,
	};
};

/** §4.4: DELETE /{media-id} → {success:true}. */
export const deleteMedia: Handler = (context) => {
	const record = mediaOf(context);
	context.state.media.delete(record.id);
	return { json: { success: true }, responseId: record.id };
};

/**
 * §4.3: GET <url> with the token. The URL mimics lookaside.fbsbx.com (§4.2) on the emulator's own
 * host and expires after mediaUrlTtlMs; the hash ties mid and expiry together so neither is editable.
 */
export const downloadMedia: Handler = (context) => {
	const { query, state } = context;
	const id = query.get('mid') ?? '';
	const expires = Number(query.get('exp'));
	const record = state.media.get(id);
	const valid = record && query.get('hash') === urlHash(id, expires) && state.now() < expires;
	if (!valid) return { status: 404, json: { error: 'The media URL is unknown or expired. Request a new URL with GET /{media-id}.' } };
	return { binary: { contentType: record.mimeType, data: record.data }, responseId: record.id };
};

function downloadUrl(context: RequestContext, record: MediaRecord): string {
	const expires = context.state.now() + context.state.config.mediaUrlTtlMs;
	const extension = SUPPORTED_MEDIA[baseMime(record.mimeType)]?.[0] ?? 'bin';
	const query = new URLSearchParams({ mid: record.id, ext: extension, exp: String(expires), hash: urlHash(record.id, expires) });
	return `${context.baseUrl}/whatsapp_business/attachments/?${query}`;
}

const URL_SIGNING_KEY = 'emulator-lookaside';
function urlHash(id: string, expires: number): string {
	return createHmac('sha256', URL_SIGNING_KEY).update(`${id}:${expires}`).digest('base64url').slice(0, 22);
}
