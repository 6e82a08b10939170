/**
 * Which inbound messages may answer a Send and Wait request (Meta: Messages webhook reference): a tap
 * on a reply button (`interactive.button_reply.id`), on a list row (`interactive.list_reply.id`), on a
 * template quick-reply button (`button.payload`), all carrying a reply token; or a text, which
 * answers a pending Free Text request of its sender.
 */
import { phoneVariants } from '../phone';
import { splitTrackingData } from '../messages';
import type { MessageEvent, MessageSender, StatusEvent } from '../webhook/types';
import { type AnswerChannel, type AnswerReply, type DeliveryFailure } from './answers';
import { looksLikeReplyToken } from './replyToken';

export type ReplyCandidate =
	| { kind: 'token'; token: string; via: Exclude<AnswerChannel, 'text'> }
	| { kind: 'text'; text: string };

/** The answer a message may be, or undefined for a message that answers nothing (media, reactions …). */
export function replyCandidate(event: MessageEvent): ReplyCandidate | undefined {
	const payload = event.type === 'button' ? event.button?.payload : undefined;
	if (looksLikeReplyToken(payload)) return { kind: 'token', token: payload, via: 'templateButton' };
	const id = event.type === 'interactive' ? event.interactive?.id : undefined;
	if (looksLikeReplyToken(id)) return { kind: 'token', token: id, via: event.interactive?.type === 'list_reply' ? 'listRow' : 'replyButton' };
	if (event.type === 'text' && typeof event.text === 'string' && event.text.trim() !== '') return { kind: 'text', text: event.text };
	return undefined;
}

/**
 * Every form of the sender a request may have been addressed to: the wa_id digits, their variants with
 * or without a mobile prefix digit (Brazil, Mexico, Argentina: docs/phone-numbers.md), and the
 * business-scoped user ID (Meta: Business-scoped user IDs).
 */
export function senderIdentities(from: MessageSender): string[] {
	const identities: string[] = [];
	if (/^\d+$/.test(from.waId)) {
		for (const variant of phoneVariants(from.waId)) identities.push(variant.replace(/\D/g, ''));
	}
	if (from.userId) identities.push(from.userId);
	return [...new Set(identities)];
}

/** The reply as the waiting node outputs it. */
export function answerReply(event: MessageEvent, via: AnswerChannel): AnswerReply {
	return {
		messageId: event.id,
		from: {
			waId: event.from.waId,
			...(event.from.userId ? { userId: event.from.userId } : {}),
			...(event.from.profileName ? { profileName: event.from.profileName } : {}),
		},
		via,
		...(event.context?.repliedToMessageId ? { repliedToMessageId: event.context.repliedToMessageId } : {}),
		...(event.phoneNumberId ? { phoneNumberId: event.phoneNumberId } : {}),
		...(event.timestamp ? { receivedAt: event.timestamp } : {}),
		...(typeof event.text === 'string' ? { text: event.text } : {}),
	};
}

/**
 * The not-delivered token of a request message that WhatsApp reported `failed`: the first part of the
 * status's tracking data (requestTrackingData in requestMessages.ts). Undefined for other statuses
 * and for messages that are no Send and Wait request.
 */
export function failedRequestToken(event: StatusEvent): string | undefined {
	if (event.status !== 'failed' || !event.bizOpaqueCallbackData) return undefined;
	const { key } = splitTrackingData(event.bizOpaqueCallbackData);
	return looksLikeReplyToken(key) ? key : undefined;
}

/** The failure as the waiting node outputs it. */
export function deliveryFailure(event: StatusEvent): DeliveryFailure {
	return {
		messageId: event.messageId,
		...(event.timestamp ? { failedAt: event.timestamp } : {}),
		recipient: { waId: event.recipient.waId, ...(event.recipient.userId ? { userId: event.recipient.userId } : {}) },
		errors: (event.errors ?? []).map((error) => ({
			...(error.code !== undefined ? { code: error.code } : {}),
			...(error.title ? { title: error.title } : {}),
			...(error.message ? { message: error.message } : {}),
			...(error.details ? { details: error.details } : {}),
			advice: error.advice,
		})),
	};
}
