/**
 * The messages that ask: reply buttons for an approval, a list for a choice
 * (Meta: Interactive reply buttons messages, Interactive list messages), and, outside the
 * customer-service window, an approved template whose quick-reply buttons carry the answers
 * (Meta: Template components). Every button and row carries the reply token of its answer.
 */
import {
	buildListMessage,
	buildReplyButtonsMessage,
	type CommonMessageOptions,
	type InteractiveMessageBody,
	type ListInteractive,
	type ReplyButtonsInteractive,
	trackingDataWithKey,
} from '../messages';
import { BIZ_OPAQUE_CALLBACK_DATA_MAX } from '../messages/limits';
import { templateButtons, upper } from '../templates/definition';
import { buttonFieldId } from '../templates/fieldIds';
import type { TemplateDefinition, TemplateValues } from '../templates/types';
import { WhatsAppValidationError } from '../validationError';
import { APPROVE, CHOICES_MAX, DECLINE, choiceAnswer, type ChoiceOption } from './answers';

/** The token of one answer of this request (replyToken.ts). */
export type TokenFor = (answer: string) => string;

export interface ApprovalLabels {
	approve: string;
	/** Absent for "approve only". */
	decline?: string;
}

/** Reply buttons: approve (and decline); the person taps one. */
export function buildApprovalButtonsMessage(
	common: CommonMessageOptions,
	message: string,
	labels: ApprovalLabels,
	tokenFor: TokenFor,
): InteractiveMessageBody<ReplyButtonsInteractive> {
	const buttons = [{ id: tokenFor(APPROVE), title: labels.approve }];
	if (labels.decline !== undefined) buttons.push({ id: tokenFor(DECLINE), title: labels.decline });
	return buildReplyButtonsMessage({ ...common, body: message, buttons });
}

/** A list with one row per choice (1 to 10); `buttonLabel` opens it. */
export function buildChoiceListMessage(
	common: CommonMessageOptions,
	message: string,
	buttonLabel: string,
	choices: ChoiceOption[],
	tokenFor: TokenFor,
): InteractiveMessageBody<ListInteractive> {
	if (choices.length === 0 || choices.length > CHOICES_MAX) {
		throw new WhatsAppValidationError(
			`${choices.length} choices were given; a WhatsApp list holds 1 to ${CHOICES_MAX}.`,
			'choices',
			choices.length === 0 ? 'Add at least one choice.' : `Keep ${CHOICES_MAX} choices or fewer.`,
		);
	}
	const rows = choices.map((choice, index) => ({ id: tokenFor(choiceAnswer(index)), title: choice.label, description: choice.description || undefined }));
	return buildListMessage({ ...common, body: message, buttonLabel, sections: [{ rows }] });
}

/** Which quick-reply buttons of a template answer, by their number among its quick-reply buttons (1 = first). */
export interface TemplateAnswerButtons {
	approve: number;
	/** Absent for "approve only" (and for Free Text, which takes no button). */
	decline?: number;
}

/**
 * The template's variable values with the approve (and decline) quick-reply payloads set to their
 * tokens. Throws WhatsAppValidationError when the template lacks those quick-reply buttons.
 */
export function withAnswerPayloads(template: TemplateDefinition, values: TemplateValues, buttons: TemplateAnswerButtons, tokenFor: TokenFor): TemplateValues {
	const quickReplies = templateButtons(template.components)
		.map((button, index) => ({ button, index }))
		.filter(({ button }) => upper(button.type) === 'QUICK_REPLY');
	const wanted: Array<[string, number, string]> = [[APPROVE, buttons.approve, 'Approve Button']];
	if (buttons.decline !== undefined) wanted.push([DECLINE, buttons.decline, 'Decline Button']);
	const result: TemplateValues = { ...values };
	const used = new Set<number>();
	for (const [answer, number, field] of wanted) {
		const found = quickReplies[number - 1];
		if (!Number.isInteger(number) || number < 1 || !found) {
			throw new WhatsAppValidationError(
				`The template "${template.name}" has ${quickReplies.length} quick-reply button(s); ${field} is number ${number}.`,
				field === 'Approve Button' ? 'templateApproveButton' : 'templateDeclineButton',
				quickReplies.length < (buttons.decline === undefined ? 1 : 2)
					? `Pick a template with ${buttons.decline === undefined ? 'a quick-reply button' : 'two quick-reply buttons'} (e.g. Approve and Decline).`
					: `Use a number from 1 to ${quickReplies.length}.`,
			);
		}
		if (used.has(found.index)) {
			throw new WhatsAppValidationError('Approve and decline are the same button of the template.', 'templateDeclineButton', 'Give them different quick-reply buttons.');
		}
		used.add(found.index);
		result[buttonFieldId(found.index, 'payload')] = tokenFor(answer);
	}
	return result;
}

/**
 * The tracking data (`biz_opaque_callback_data`, echoed in every status of the message: Meta, Send
 * messages) of a request message: its not-delivered token first, then `|` and the item's own tracking
 * data when it has some, so a `failed` status leads back to the waiting execution. Throws
 * WhatsAppValidationError when the item's own tracking data leaves no room for the token.
 */
export function requestTrackingData(token: string, own?: string): string {
	const tracking = trackingDataWithKey(token, own);
	if ([...tracking].length > BIZ_OPAQUE_CALLBACK_DATA_MAX) {
		throw new WhatsAppValidationError(
			`Send and Wait puts a ${token.length}-character token before your tracking data; together they are ${[...tracking].length} characters, and WhatsApp takes ${BIZ_OPAQUE_CALLBACK_DATA_MAX}.`,
			'bizOpaqueCallbackData',
			`Shorten the Tracking Data option to ${BIZ_OPAQUE_CALLBACK_DATA_MAX - token.length - 1} characters or fewer.`,
		);
	}
	return tracking;
}
