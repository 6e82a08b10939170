/**
 * The media WhatsApp accepts (Meta: Media): MIME type, kind, extension and size limit. Checked
 * before an upload so a file Meta would refuse never leaves n8n.
 */
import { WhatsAppValidationError } from '../validationError';

export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

export interface MediaTypeRule {
	mimeType: string;
	kind: MediaKind;
	/** The usual extension, without the dot */
	extension: string;
	maxBytes: number;
	/** What else Meta asks of the file, said to the user when it is refused */
	note?: string;
}

const KB = 1024;
const MB = 1024 * KB;

const rule = (kind: MediaKind, mimeType: string, extension: string, maxBytes: number, note?: string): MediaTypeRule => ({
	mimeType,
	kind,
	extension,
	maxBytes,
	...(note ? { note } : {}),
});

/** Meta's Media page: table. Stickers get the animated limit (500 KB): a MIME type cannot tell static (100 KB) from animated. */
export const SUPPORTED_MEDIA_TYPES: readonly MediaTypeRule[] = [
	rule('audio', 'audio/aac', 'aac', 16 * MB),
	rule('audio', 'audio/amr', 'amr', 16 * MB),
	rule('audio', 'audio/mpeg', 'mp3', 16 * MB),
	rule('audio', 'audio/mp4', 'm4a', 16 * MB),
	rule('audio', 'audio/ogg', 'ogg', 16 * MB, 'OGG audio must use the OPUS codec, mono'),
	rule('document', 'text/plain', 'txt', 100 * MB),
	rule('document', 'application/vnd.ms-excel', 'xls', 100 * MB),
	rule('document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 100 * MB),
	rule('document', 'application/msword', 'doc', 100 * MB),
	rule('document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 100 * MB),
	rule('document', 'application/vnd.ms-powerpoint', 'ppt', 100 * MB),
	rule('document', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 100 * MB),
	rule('document', 'application/pdf', 'pdf', 100 * MB),
	rule('image', 'image/jpeg', 'jpg', 5 * MB, 'JPEG images must be 8-bit RGB or RGBA'),
	rule('image', 'image/png', 'png', 5 * MB),
	rule('sticker', 'image/webp', 'webp', 500 * KB, 'static stickers may be at most 100 KB, animated ones 500 KB'),
	rule('video', 'video/3gpp', '3gp', 16 * MB),
	rule('video', 'video/mp4', 'mp4', 16 * MB, 'MP4 video must be H.264 with AAC audio (one audio stream or none)'),
];

/** Spellings some tools produce for a supported type. */
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'audio/mp3': 'audio/mpeg', 'audio/x-m4a': 'audio/mp4' };

const BY_MIME = new Map(SUPPORTED_MEDIA_TYPES.map((entry) => [entry.mimeType, entry]));

/** "Audio/OGG; codecs=opus" → "audio/ogg"; aliases → their standard spelling. */
export function baseMimeType(mimeType: string): string {
	const base = mimeType.split(';')[0].trim().toLowerCase();
	return ALIASES[base] ?? base;
}

export function mediaTypeRule(mimeType: string): MediaTypeRule | undefined {
	return BY_MIME.get(baseMimeType(mimeType));
}

/** "2.5 MB", "512 KB", "37 bytes": sizes as people read them (binary units, like Meta's table). */
export function formatBytes(bytes: number): string {
	if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
	if (bytes >= KB) return `${Number((bytes / KB).toFixed(1))} KB`;
	return `${bytes} bytes`;
}

function supportedList(kind?: MediaKind): string {
	return SUPPORTED_MEDIA_TYPES.filter((entry) => !kind || entry.kind === kind)
		.map((entry) => `${entry.extension} (${entry.mimeType})`)
		.join(', ');
}

export interface MediaFileCheck {
	mimeType: string;
	sizeBytes: number;
	/** What the file will be sent as; without it, the kind its MIME type implies. */
	kind?: MediaKind;
}

/**
 * Whether WhatsApp takes this file (Meta: Media). Returns the matching rule (its standard MIME type is
 * the one to send); throws WhatsAppValidationError naming the fix otherwise.
 */
export function checkMediaFile(file: MediaFileCheck): MediaTypeRule {
	const mimeType = baseMimeType(file.mimeType ?? '');
	const found = BY_MIME.get(mimeType);
	if (!found) {
		throw new WhatsAppValidationError(
			`WhatsApp does not accept files of type "${mimeType || 'unknown'}".`,
			'mimeType',
			`Convert the file to a supported type, or set the right MIME type if the file's is wrong. Supported: ${supportedList(file.kind)}.`,
		);
	}
	if (file.kind && file.kind !== found.kind) {
		// Meta's Media page: WebP images can only be sent as stickers.
		const why = found.kind === 'sticker' ? ' WebP images can only be sent as stickers.' : '';
		throw new WhatsAppValidationError(
			`A ${mimeType} file cannot be sent as ${file.kind === 'audio' ? 'audio' : `a ${file.kind}`}.${why}`,
			'mimeType',
			`Use one of these for ${file.kind}: ${supportedList(file.kind)}; or send this file as ${found.kind === 'audio' ? 'audio' : `a ${found.kind}`}.`,
		);
	}
	if (!Number.isFinite(file.sizeBytes) || file.sizeBytes <= 0) {
		throw new WhatsAppValidationError('The file is empty.', 'file', 'Check that the previous node produced the file (its binary data has 0 bytes).');
	}
	if (file.sizeBytes > found.maxBytes) {
		throw new WhatsAppValidationError(
			`The file is ${formatBytes(file.sizeBytes)}; WhatsApp accepts ${found.kind} files of type ${mimeType} up to ${formatBytes(found.maxBytes)}.`,
			'file',
			`Make the file smaller than ${formatBytes(found.maxBytes)} (compress or resize it)${found.note ? `; note: ${found.note}` : ''}.`,
		);
	}
	return found;
}

/** Common types customers send that are outside the upload table (inbound media, (Meta: Messages webhook reference)). */
const OTHER_EXTENSIONS: Record<string, string> = {
	'image/gif': 'gif',
	'image/heic': 'heic',
	'video/quicktime': 'mov',
	'audio/wav': 'wav',
	'application/zip': 'zip',
	'application/json': 'json',
	'text/csv': 'csv',
	'application/octet-stream': 'bin',
};

/** The file extension (no dot) for a MIME type, e.g. for naming a downloaded file. */
export function fileExtensionFor(mimeType: string): string {
	const base = baseMimeType(mimeType);
	const known = BY_MIME.get(base)?.extension ?? OTHER_EXTENSIONS[base];
	if (known) return known;
	// "audio/x-foo" → "foo"; anything odd → "bin" so a name is always usable.
	const subtype = base.split('/')[1]?.replace(/^x-/, '') ?? '';
	return /^[a-z0-9]{1,8}$/.test(subtype) ? subtype : 'bin';
}
