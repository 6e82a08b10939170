import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, requireId, type CommonMessageOptions } from './common';
import type { ReactionMessageBody } from './types';

export interface ReactionMessageInput extends Omit<CommonMessageOptions, 'replyToMessageId'> {
	/** wamid of the message to react to */
	messageId: string;
	/** One emoji; an empty string removes an earlier reaction (Meta: Reaction messages). */
	emoji: string;
}

// An emoji, a flag (regional indicator pair) or a keycap sequence such as 1️⃣.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const MAX_EMOJI_CODE_POINTS = 16; // long enough for ZWJ families and skin tones

/** Meta's Reaction messages page: reaction message. */
export function buildReactionMessage(input: ReactionMessageInput): ReactionMessageBody {
	if ('replyToMessageId' in input && (input as { replyToMessageId?: unknown }).replyToMessageId) {
		throw new WhatsAppValidationError(
			'A reaction cannot be sent as a reply to another message.',
			'replyToMessageId',
			'Clear "Reply To Message ID"; the reaction already points at its message through the message ID.',
		);
	}
	const messageId = requireId(input.messageId, 'messageId', 'The message ID to react to', 'Enter the wamid of the message to react to (it starts with "wamid.").');
	if (input.emoji === undefined || input.emoji === null) {
		throw new WhatsAppValidationError('No emoji was given.', 'emoji', 'Enter one emoji, or an empty text to remove your reaction.');
	}
	const emoji = String(input.emoji).trim();
	if (emoji !== '' && (!EMOJI.test(emoji) || [...emoji].length > MAX_EMOJI_CODE_POINTS)) {
		throw new WhatsAppValidationError(
			`"${emoji}" is not a single emoji.`,
			'emoji',
			'Enter one emoji character such as 👍 (not a name like :thumbsup:), or leave it empty to remove the reaction.',
		);
	}
	const envelope = buildEnvelope({ ...input, replyToMessageId: undefined });
	return { ...envelope, type: 'reaction', reaction: { message_id: messageId, emoji } };
}
