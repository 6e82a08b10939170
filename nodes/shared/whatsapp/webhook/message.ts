/** One inbound message (Meta: Messages webhook reference) → one `message` event. */
import { eventBase, readWebhookErrors, type ChangeScope } from './common';
import {
	readContext,
	readInteractive,
	readLocation,
	readMedia,
	readOrder,
	readReaction,
	readReferral,
	readSender,
	readSystem,
} from './messageParts';
import { asEpochSeconds, asObject, asObjects, asString, camelCaseDeep, compact, fingerprint, type JsonObject } from './jsonReaders';
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
>;

export function normaliseMessage(message: JsonObject, contacts: JsonObject[], scope: ChangeScope): MessageEvent {
	const id = asString(message.id) ?? '';
	// docs/webhook-delivery.md: the wamid is the dedupe key; without one, fall back to a fingerprint of the message.
	const eventId = id !== '' ? id : `message:${fingerprint([scope.wabaId, scope.phoneNumberId ?? '', message])}`;
	const context = asObject(message.context);
	const referral = asObject(message.referral);
	const errors = readWebhookErrors(message.errors);
	return compact<MessageEvent>({
		...eventBase(scope, 'message', eventId, asEpochSeconds(message.timestamp)),
		kind: 'message',
		id,
		from: readSender(message, contacts),
		...readContent(message),
		context: context ? readContext(context) : undefined,
		referral: referral ? readReferral(referral) : undefined,
		errors: errors.length > 0 ? errors : undefined,
		raw: message,
	});
}

/** A type we cannot read (unknown, or its payload object is missing) becomes `unsupported` (Meta: Messages webhook reference). */
function unsupported(unsupportedType: string | undefined): MessageContent {
	return { type: 'unsupported', unsupportedType: unsupportedType || undefined };
}

function readContent(message: JsonObject): MessageContent {
	const type = asString(message.type) ?? '';
	switch (type) {
		case 'text': {
			const text = asObject(message.text);
			return text ? { type, text: asString(text.body) } : unsupported(type);
		}
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker': {
			const media = asObject(message[type]);
			if (!media) return unsupported(type);
			const caption = asString(media.caption);
			return { type, media: readMedia(media), caption, text: caption };
		}
		case 'location': {
			const location = asObject(message.location);
			return location ? { type, location: readLocation(location) } : unsupported(type);
		}
		case 'contacts': {
			if (!Array.isArray(message.contacts)) return unsupported(type);
			return { type, contacts: asObjects(message.contacts).map((card) => camelCaseDeep(card) as JsonObject) };
		}
		case 'reaction': {
			const reaction = asObject(message.reaction);
			return reaction ? { type, reaction: readReaction(reaction) } : unsupported(type);
		}
		case 'button': {
			const button = asObject(message.button);
			if (!button) return unsupported(type);
			const text = asString(button.text);
			return { type, button: compact({ payload: asString(button.payload), text }), text };
		}
		case 'interactive':
			return readInteractiveContent(asObject(message.interactive));
		case 'order': {
			const order = asObject(message.order);
			if (!order) return unsupported(type);
			const content = readOrder(order);
			return { type, order: content, text: content.text || undefined };
		}
		case 'system': {
			const system = asObject(message.system);
			return system ? { type, system: readSystem(system) } : unsupported(type);
		}
		case 'unsupported':
		case 'unknown': // the incoming-webhook schema allows `unknown` as well (Meta: Messages webhook reference)
			return unsupported(asString(asObject(message.unsupported)?.type));
		default:
			return unsupported(type);
	}
}

function readInteractiveContent(interactive: JsonObject | undefined): MessageContent {
	if (!interactive) return unsupported('interactive');
	const reply = readInteractive(interactive);
	if (!reply) return unsupported(`interactive.${asString(interactive.type) ?? 'unknown'}`);
	return { type: 'interactive', interactive: reply, text: reply.title };
}
