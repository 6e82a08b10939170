import { MEDIA_CAPTION_MAX } from './limits';
import { documentFileName } from '../media/documentFileName';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, mediaSource, NO_LENGTH_LIMIT, optionalText, type CommonMessageOptions, type MediaSourceInput } from './common';
import type { MediaMessageBody, MediaObject, MediaType } from './types';

const MEDIA_TYPES: readonly MediaType[] = ['image', 'video', 'audio', 'document', 'sticker'];

export interface MediaMessageInput extends CommonMessageOptions, MediaSourceInput {
	mediaType: MediaType;
	/** image, video and document only (Meta: Media messages) */
	caption?: string;
	/** document only: the extension picks the icon the user sees; derived from the link or `mimeType` when blank */
	filename?: string;
	/** document only: the file's MIME type when known, to name a document sent without a file name */
	mimeType?: string;
	/** audio only: send as a voice note (needs OGG/OPUS) */
	voice?: boolean;
}

const CAPTIONED: ReadonlySet<MediaType> = new Set(['image', 'video', 'document']);

function refuse(field: string, mediaType: MediaType, allowedFor: string): never {
	throw new WhatsAppValidationError(
		`WhatsApp does not accept a ${field} on ${mediaType} messages.`,
		field,
		`Clear the ${field}; it is only used for ${allowedFor}.`,
	);
}

function checkMediaType(mediaType: MediaType): void {
	if (!MEDIA_TYPES.includes(mediaType)) {
		throw new WhatsAppValidationError(
			`"${String(mediaType)}" is not a WhatsApp media type.`,
			'mediaType',
			`Choose one of: ${MEDIA_TYPES.join(', ')}.`,
		);
	}
}

/** Caption, file name and voice flag, each refused on a media type that cannot carry it. */
function mediaDetails(input: MediaMessageDetails): MediaObject {
	const { mediaType } = input;
	const media: MediaObject = {};
	const caption = optionalText(input.caption, MEDIA_CAPTION_MAX, 'caption', 'The caption');
	if (caption !== undefined) {
		if (!CAPTIONED.has(mediaType)) refuse('caption', mediaType, 'images, videos and documents');
		media.caption = caption;
	}
	const filename = optionalText(input.filename, NO_LENGTH_LIMIT, 'filename', 'The file name');
	if (filename !== undefined) {
		if (mediaType !== 'document') refuse('filename', mediaType, 'documents');
		media.filename = filename;
	}
	if (input.voice === true) {
		if (mediaType !== 'audio') refuse('voice', mediaType, 'audio');
		media.voice = true;
	}
	return media;
}

/** A media message without its file: what can be checked before the file is uploaded. */
export type MediaMessageDetails = Omit<MediaMessageInput, keyof MediaSourceInput>;

/**
 * Checks everything of a media message except where the file comes from (type, caption, file name,
 * voice flag, recipient, quote, tracking data), so a message WhatsApp would refuse costs no upload.
 * Throws WhatsAppValidationError naming the field to fix; returns nothing.
 */
export function checkMediaMessage(input: MediaMessageDetails): void {
	checkMediaType(input.mediaType);
	mediaDetails(input);
	buildEnvelope(input);
}

/**
 * Image, video, audio, document and sticker messages (Meta: Media messages), by media ID
 * or link. A document without a file name gets one from its link or MIME type (documentFileName).
 * Throws WhatsAppValidationError naming the field to fix.
 */
export function buildMediaMessage(input: MediaMessageInput): MediaMessageBody {
	const { mediaType } = input;
	checkMediaType(mediaType);
	// mediaLink: the link's one name, also in the document link check (documentName.ts) and the node's field.
	const source = mediaSource(input, 'media', `The ${mediaType}`, 'mediaLink');
	// A document without a name reaches the customer as "Untitled": name it after its link or type.
	const filename = mediaType === 'document' ? documentFileName({ filename: input.filename, link: source.link, mimeType: input.mimeType }) : input.filename;
	const media: MediaObject = { ...source, ...mediaDetails({ ...input, filename }) };
	return { ...buildEnvelope(input), type: mediaType, [mediaType]: media } as MediaMessageBody;
}
