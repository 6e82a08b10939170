import {
	INTERACTIVE_BODY_MAX,
	REPLY_BUTTON_ID_MAX,
	REPLY_BUTTON_TITLE_MAX,
	REPLY_BUTTONS_MAX,
	REPLY_BUTTONS_MIN,
} from './limits';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, optionalText, requireText, type CommonMessageOptions } from './common';
import {
	buildFooter,
	buildInteractiveHeader,
	firstDuplicate,
	withOptionalParts,
	type InteractiveHeaderInput,
} from './interactiveParts';
import type { InteractiveMessageBody, ReplyButtonsInteractive } from './types';

export interface ReplyButtonInput {
	/** Comes back in the button_reply webhook; defaults to the title. */
	id?: string;
	title: string;
}

export interface ReplyButtonsMessageInput extends CommonMessageOptions {
	body: string;
	buttons: ReplyButtonInput[];
	header?: InteractiveHeaderInput;
	footer?: string;
}

function buildButtons(buttons: ReplyButtonInput[]): ReplyButtonsInteractive['action']['buttons'] {
	const count = Array.isArray(buttons) ? buttons.length : 0;
	if (count < REPLY_BUTTONS_MIN || count > REPLY_BUTTONS_MAX) {
		throw new WhatsAppValidationError(
			`${count} reply buttons were given; WhatsApp allows ${REPLY_BUTTONS_MIN} to ${REPLY_BUTTONS_MAX}.`,
			'buttons',
			count === 0
				? 'Add at least one button.'
				: `Keep ${REPLY_BUTTONS_MAX} buttons or fewer, or send a list message, which holds up to 10 choices.`,
		);
	}
	const replies = buttons.map((button, index) => {
		const title = requireText(button?.title, REPLY_BUTTON_TITLE_MAX, `buttons[${index}].title`, `Button ${index + 1} title`).trim();
		// Meta forbids leading or trailing spaces in ids (OpenAPI ActionObject).
		const id = (optionalText(button?.id, REPLY_BUTTON_ID_MAX, `buttons[${index}].id`, `Button ${index + 1} ID`) ?? title).trim();
		return { type: 'reply' as const, reply: { id, title } };
	});
	const sameTitle = firstDuplicate(replies.map((button) => button.reply.title));
	if (sameTitle) {
		throw new WhatsAppValidationError(
			`Two buttons have the same title "${sameTitle.value}"; WhatsApp needs each title to be different.`,
			`buttons[${sameTitle.index}].title`,
			'Give every button its own title.',
		);
	}
	const sameId = firstDuplicate(replies.map((button) => button.reply.id));
	if (sameId) {
		throw new WhatsAppValidationError(
			`Two buttons have the same ID "${sameId.value}", so their replies could not be told apart.`,
			`buttons[${sameId.index}].id`,
			'Give every button its own ID.',
		);
	}
	return replies;
}

/** Meta's Interactive reply buttons messages page: interactive reply buttons. */
export function buildReplyButtonsMessage(input: ReplyButtonsMessageInput): InteractiveMessageBody<ReplyButtonsInteractive> {
	const interactive = withOptionalParts<ReplyButtonsInteractive>(
		{
			type: 'button',
			body: { text: requireText(input.body, INTERACTIVE_BODY_MAX, 'body', 'The message text') },
			action: { buttons: buildButtons(input.buttons) },
		},
		{
			header: buildInteractiveHeader(input.header, ['text', 'image', 'video', 'document']),
			footer: buildFooter(input.footer),
		},
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}
