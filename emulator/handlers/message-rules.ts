/**
 * Send rules that Meta's OpenAPI schema does not express (Meta: Text messages, Interactive reply buttons messages): length limits, required
 * texts, unique button titles, 10 list rows in total, media IDs that exist with a fitting MIME type.
 * 131008 = missing, 131009 = bad value, 131053 = unusable media (Meta: Error codes).
 */
import { MetaApiError } from '../http/errors';
import type { MediaRecord } from '../state/types';

type Json = Record<string, any>;
export type MediaLookup = (id: string) => MediaRecord | undefined;

/** Meta's Media page: which uploaded MIME types each message/header kind may reference by ID. */
const MIME_FOR_KIND: Record<string, (mime: string) => boolean> = {
	image: (mime) => mime === 'image/jpeg' || mime === 'image/png',
	video: (mime) => mime === 'video/mp4' || mime === 'video/3gpp',
	audio: (mime) => mime.startsWith('audio/'),
	sticker: (mime) => mime === 'image/webp',
	document: (mime) => mime !== 'image/webp',
};

export function checkMessageRules(message: Json, findMedia: MediaLookup): void {
	switch (message.type) {
		case 'text':
			return checkText(message.text);
		case 'image':
		case 'video':
		case 'document':
			checkLength(message[message.type].caption, 1024, `${message.type}['caption']`); // Meta's Media page: messages
			return checkMediaObject(message[message.type], message.type, message.type, findMedia);
		case 'audio':
		case 'sticker':
			return checkMediaObject(message[message.type], message.type, message.type, findMedia);
		case 'location':
			return checkLocation(message.location, 'location');
		case 'contacts':
			return checkContacts(message.contacts);
		case 'reaction':
			return checkReaction(message);
		case 'interactive':
			return checkInteractive(message.interactive, findMedia);
		default:
			return undefined;
	}
}

/** Meta's Text messages page: body required, at most 4096 characters. */
function checkText(text: Json): void {
	required(text.body, "text['body']");
	checkLength(text.body, 4096, "text['body']");
}

/** Meta's Media messages, Media pages: an uploaded media ID must exist and fit the kind of message it is sent as. */
export function checkMediaObject(media: Json, kind: string, where: string, findMedia: MediaLookup): void {
	if (typeof media?.id !== 'string') return;
	const record = findMedia(media.id);
	if (!record) {
		throw new MetaApiError(131053, `Media ID ${media.id} in ${where} was not found. Upload the file with POST /{phone-number-id}/media first, or send a link.`);
	}
	const fits = MIME_FOR_KIND[kind];
	if (fits && !fits(record.mimeType)) {
		throw new MetaApiError(131053, `Media ID ${media.id} is ${record.mimeType}, which cannot be sent as ${kind} (WebP files can only be sent as stickers).`);
	}
}

/** Meta's Location messages page: latitude and longitude are required decimal degrees. */
export function checkLocation(location: Json, where: string): void {
	required(location?.latitude, `${where}['latitude']`);
	required(location?.longitude, `${where}['longitude']`);
	const inRange = (value: unknown, limit: number) => Number.isFinite(Number(value)) && Math.abs(Number(value)) <= limit;
	if (!inRange(location.latitude, 90)) throw new MetaApiError(131009, `Param ${where}['latitude'] must be a number between -90 and 90.`);
	if (!inRange(location.longitude, 180)) throw new MetaApiError(131009, `Param ${where}['longitude'] must be a number between -180 and 180.`);
}

/** Meta's Contacts messages page: only name.formatted_name is required. */
function checkContacts(contacts: Json[]): void {
	contacts.forEach((contact, index) => required(contact.name?.formatted_name, `contacts[${index}]['name']['formatted_name']`));
}

/** Meta's Reaction messages page: message_id required; an empty emoji removes the reaction; no contextual reply. */
function checkReaction(message: Json): void {
	required(message.reaction.message_id, "reaction['message_id']");
	if (typeof message.reaction.emoji !== 'string') throw new MetaApiError(131008, "The parameter reaction['emoji'] is required (an empty string removes the reaction).");
	if (message.context) throw new MetaApiError(131009, 'A reaction cannot be sent as a contextual reply; remove context.');
}

/** Meta's Interactive reply buttons messages page: the action must fit the interactive type, plus each type's own limits. */
function checkInteractive(interactive: Json, findMedia: MediaLookup): void {
	const { type, action, header } = interactive;
	const ACTION_SHAPE: Record<string, [boolean, string]> = {
		button: [Array.isArray(action.buttons), 'action.buttons'],
		list: [typeof action.button === 'string' && Array.isArray(action.sections), 'action.button and action.sections'],
		cta_url: [action.name === 'cta_url', 'action.name "cta_url" with parameters {display_text, url}'],
		flow: [action.name === 'flow', 'action.name "flow" with parameters'],
		location_request_message: [action.name === 'send_location', 'action.name "send_location"'],
		carousel: [Array.isArray(action.cards), 'action.cards'],
	};
	const shape = ACTION_SHAPE[type];
	if (shape && !shape[0]) throw new MetaApiError(131009, `An interactive message of type ${type} needs ${shape[1]}.`);
	if (type !== 'product' && type !== 'catalog_message') required(interactive.body?.text, "interactive['body']['text']");
	// Meta's Interactive list messages page: list bodies may be 4096 characters; every other type 1024.
	checkLength(interactive.body?.text, type === 'list' ? 4096 : 1024, "interactive['body']['text']");
	if (header) checkHeader(header, type, findMedia);
	if (type === 'button') checkReplyButtons(action.buttons);
	if (type === 'list') checkList(action.sections);
}

/** Meta's Interactive reply buttons messages, Interactive list messages pages: text headers need text; list headers are text only; media headers need their object. */
function checkHeader(header: Json, interactiveType: string, findMedia: MediaLookup): void {
	if (interactiveType === 'list' && header.type !== 'text') throw new MetaApiError(131009, 'A list message header must be of type text.');
	if (header.type === 'text') return required(header.text, "interactive['header']['text']");
	required(header[header.type], `interactive['header']['${header.type}']`);
	checkMediaObject(header[header.type], header.type, `interactive['header']['${header.type}']`, findMedia);
}

/** Meta's Interactive reply buttons messages page: button titles are non-empty and unique within the message; IDs too. */
function checkReplyButtons(buttons: Json[]): void {
	buttons.forEach((button, index) => required(button.reply.title?.trim(), `interactive['action']['buttons'][${index}]['reply']['title']`));
	assertUnique(buttons.map((button) => button.reply.title), 'Button titles');
	assertUnique(buttons.map((button) => button.reply.id), 'Button IDs');
}

/** Meta's Interactive list messages page: 1–10 rows in total across sections; titles required once there are several sections. */
function checkList(sections: Json[]): void {
	const rows = sections.flatMap((section) => section.rows ?? []);
	if (rows.length < 1 || rows.length > 10) {
		throw new MetaApiError(131009, `A list message must have between 1 and 10 rows in total across all sections; it has ${rows.length}.`);
	}
	if (sections.length > 1) sections.forEach((section, index) => required(section.title, `interactive['action']['sections'][${index}]['title']`));
	assertUnique(rows.map((row: Json) => row.id), 'List row IDs');
}

export function required(value: unknown, where: string): void {
	if (value === undefined || value === null || value === '') throw new MetaApiError(131008, `The parameter ${where} is required.`);
}

export function checkLength(value: unknown, max: number, where: string): void {
	if (typeof value === 'string' && [...value].length > max) {
		throw new MetaApiError(131009, `Param ${where} must be at most ${max} characters long; it has ${[...value].length}.`);
	}
}

function assertUnique(values: unknown[], what: string): void {
	const duplicate = values.find((value, index) => values.indexOf(value) !== index);
	if (duplicate !== undefined) throw new MetaApiError(131009, `${what} must be unique within the message; "${String(duplicate)}" appears twice.`);
}
