import { requireId } from './common';
import type { MarkAsReadBody } from './types';

export interface MarkAsReadInput {
	/** wamid of the inbound message; earlier messages in the chat are marked read too. */
	messageId: string;
	/** Also show "typing…" for up to 25 seconds or until the reply is sent (Meta: Mark messages as read). */
	typingIndicator?: boolean;
}

/** Meta's Mark messages as read page: mark an inbound message as read, optionally with the typing indicator. */
export function buildMarkAsRead(input: MarkAsReadInput): MarkAsReadBody {
	const messageId = requireId(
		input.messageId,
		'messageId',
		'The message ID to mark as read',
		'Map the wamid of the received message (the Trigger gives it as the message ID, starting with "wamid.").',
	);
	const body: MarkAsReadBody = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
	if (input.typingIndicator === true) body.typing_indicator = { type: 'text' };
	return body;
}
