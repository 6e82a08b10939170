/** One inbound message (Meta: Messages webhook reference) → one `message` event. */
import { eventBase, readWebhookErrors, type ChangeScope } from './common';
import {
	readContext,
	readIdentity,
	readInteractive,
	readLocation,
	readMedia,
	readOrder,
	readReaction,
	readReferral,
	readSender,
	readSystem,
} from './messageParts';
import { asObject, asObjects, asString, camelCaseDeep, compact, fingerprint, type JsonObject } from './jsonReaders';
import type { ContactIndex } from './people';
import { readUnixTime } from './times';
import type { MessageEvent } from './types';

type MessageContent = Pick<
	MessageEvent,
	| 'type'
	| 'unsupportedType'
	| 'text'
	| 'caption'
	| 'media'
	| 'interactive'
	| 'button'
	| 'location'
	| 'contacts'
	| 'reaction'
	| 'order'
	| 'system'
	| 'contentMissing'
>;

/** One messages[] item (Meta: Messages webhook reference); `contacts` is the change's contacts[], indexed once. */
export function normaliseMessage(message: JsonObject, contacts: ContactIndex, scope: ChangeScope): MessageEvent {
	const id = asString(message.id) ?? '';
	// docs/webhook-delivery.md: the wamid is the dedupe key; without one, fall back to a fingerprint of the message.
	const eventId = id !== '' ? id : `message:${fingerprint([scope.wabaId, scope.phoneNumberId ?? '', message])}`;
	const context = asObject(message.context);
	const referral = asObject(message.referral);
	const identity = asObject(message.identity);
	const errors = readWebhookErrors(message.errors, 'message');
	return compact<MessageEvent>({
		...eventBase(scope, 'message', eventId, readUnixTime(message.timestamp)),
		kind: 'message',
		id,
		from: readSender(message, contacts),
		...readContent(message),
		context: context ? readContext(context) : undefined,
		referral: referral ? readReferral(referral) : undefined,
		identity: identity ? readIdentity(identity) : undefined,
		groupId: asString(message.group_id),
		errors: errors.length > 0 ? errors : undefined,
		raw: message,
	});
}

/** A type this pack does not know becomes `unsupported`, with Meta's type kept (Meta: Unsupported messages webhook reference). */
function unsupported(unsupportedType: string | undefined): MessageContent {
	return { type: 'unsupported', unsupportedType: unsupportedType || undefined };
}

/**
 * A known type without its object (e.g. an interactive message that only carries errors[]) keeps
 * Meta's type; the item's `errors` say what went wrong.
 */
function missing(type: MessageEvent['type']): MessageContent {
	return { type, contentMissing: true };
}

function readContent(message: JsonObject): MessageContent {
	const type = asString(message.type) ?? '';
	switch (type) {
		case 'text': {
			const text = asObject(message.text);
			return text ? { type, text: asString(text.body) } : missing(type);
		}
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker': {
			const media = asObject(message[type]);
			if (!media) return missing(type);
			const caption = asString(media.caption);
			return { type, media: readMedia(media), caption, text: caption };
		}
		case 'location': {
			const location = asObject(message.location);
			return location ? { type, location: readLocation(location) } : missing(type);
		}
		case 'contacts': {
			if (!Array.isArray(message.contacts)) return missing(type);
			return { type, contacts: asObjects(message.contacts).map((card) => camelCaseDeep(card) as JsonObject) };
		}
		case 'reaction': {
			const reaction = asObject(message.reaction);
			return reaction ? { type, reaction: readReaction(reaction) } : missing(type);
		}
		case 'button': {
			const button = asObject(message.button);
			if (!button) return missing(type);
			const text = asString(button.text);
			return { type, button: compact({ payload: asString(button.payload), text }), text };
		}
		case 'interactive': {
			const interactive = asObject(message.interactive);
			if (!interactive) return missing(type);
			const reply = readInteractive(interactive);
			return { type, interactive: reply, text: typeof reply.title === 'string' ? reply.title : undefined };
		}
		case 'order': {
			const order = asObject(message.order);
			if (!order) return missing(type);
			const content = readOrder(order);
			return { type, order: content, text: content.text || undefined };
		}
		case 'system': {
			const system = asObject(message.system);
			return system ? { type, system: readSystem(system) } : missing(type);
		}
		case 'request_welcome': // a user opened the chat for the first time (Meta: Conversational components, Welcome messages)
			return { type };
		case 'unsupported':
		case 'unknown': // the incoming-webhook schema allows `unknown` as well (Meta: Messages webhook reference)
			return unsupported(asString(asObject(message.unsupported)?.type));
		default:
			return unsupported(type);
	}
}
