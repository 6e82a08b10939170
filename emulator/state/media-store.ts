/**
 * The media store (Meta: Media): records, the download URL that mimics lookaside.fbsbx.com (Meta: Media) on the
 * emulator's own host, and supported types (Meta: Media). Uploads and inbound user media both land here.
 */
import { createHash, createHmac } from 'node:crypto';
import { numericId } from './ids';
import type { EmulatorState } from './store';
import type { MediaRecord } from './types';

const MB = 1024 * 1024;
/** Meta's Media page: supported MIME types → [extension, max bytes]. Stickers: the animated limit (500 KB). */
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
export const baseMime = (mime: string) => mime.split(';')[0].trim().toLowerCase();

/** Stores bytes as a media object of the phone number and returns the record. */
export function storeMedia(state: EmulatorState, phoneNumberId: string, data: Buffer, mimeType: string, filename?: string): MediaRecord {
	const record: MediaRecord = {
		id: numericId(),
		phoneNumberId,
		mimeType,
		sha256: createHash('sha256').update(data).digest('hex'),
		fileSize: data.length,
		filename,
		data,
		uploadedAt: state.now(),
	};
	state.media.set(record.id, record);
	return record;
}

/** Meta's Media page: a URL valid for mediaUrlTtlMs; the hash ties mid and expiry together so neither is editable. */
export function mediaDownloadUrl(state: EmulatorState, baseUrl: string, record: MediaRecord): string {
	const expires = state.now() + state.config.mediaUrlTtlMs;
	const extension = SUPPORTED_MEDIA[baseMime(record.mimeType)]?.[0] ?? 'bin';
	const query = new URLSearchParams({ mid: record.id, ext: extension, exp: String(expires), hash: mediaUrlHash(record.id, expires) });
	return `${baseUrl}/whatsapp_business/attachments/?${query}`;
}

const URL_SIGNING_KEY = 'emulator-lookaside';
export function mediaUrlHash(id: string, expires: number): string {
	return createHmac('sha256', URL_SIGNING_KEY).update(`${id}:${expires}`).digest('base64url').slice(0, 22);
}
