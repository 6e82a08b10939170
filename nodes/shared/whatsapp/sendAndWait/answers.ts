/**
 * The answers of Send and Wait for Response and what the waiting node outputs for them. The item
 * follows n8n's own send-and-wait nodes (n8n-nodes-base utils/sendAndWait: `{ data: { approved,
 * respondedAt } }` for approvals, `{ data: { text, respondedAt } }` for free text), so workflows and
 * AI-agent human review read it the same way; `reply` adds who answered on WhatsApp, and how.
 */

/** Approval: approve only, or approve and decline; Free Text: the next text; Choice: one row of a list. */
export type ResponseType = 'approval' | 'freeText' | 'choice';

/** Answer codes carried by tokens (replyToken.ts) and by the resume request. Choices are '0'…'9'. */
export const APPROVE = 'a';
export const DECLINE = 'd';
export const FREE_TEXT = 't';
/**
 * Not answers but reports that the request itself failed: WhatsApp accepted the request message,
 * then reported it `failed` in a status webhook (Meta: Status messages webhook reference), e.g.
 * 131047 when the customer-service window had closed. `nf`: the free-form request (buttons, list,
 * text); `nt`: the template. Their tokens travel in the message's tracking data, not in a button.
 */
export const NOT_DELIVERED_FREE_FORM = 'nf';
export const NOT_DELIVERED_TEMPLATE = 'nt';

/** Whether an answer code reports a request message that was not delivered. */
export function isNotDelivered(answer: string): boolean {
	return answer === NOT_DELIVERED_FREE_FORM || answer === NOT_DELIVERED_TEMPLATE;
}

/** Meta's Interactive list messages page: at most 10 rows, so at most 10 choices. */
export const CHOICES_MAX = 10;

export const choiceAnswer = (index: number): string => String(index);

/** The choice index an answer code stands for, or undefined. */
export function choiceIndexOf(answer: string): number | undefined {
	return /^\d$/.test(answer) ? Number(answer) : undefined;
}

/** How the answer came: a reply button, a list row, a template quick-reply button, or a text. */
export type AnswerChannel = 'replyButton' | 'listRow' | 'templateButton' | 'text';

/** Who answered and with which message (from the Trigger's normalised message). */
export interface AnswerReply {
	/** The answer's wamid. */
	messageId: string;
	from: { waId: string; userId?: string; profileName?: string };
	via: AnswerChannel;
	/** Our request message, when the answer quotes or taps it (context.id). */
	repliedToMessageId?: string;
	/** Business phone number ID that received the answer. */
	phoneNumberId?: string;
	/** ISO time of the answer, as WhatsApp stamped it. */
	receivedAt?: string;
	/** What the person saw and tapped or typed: button or row title, or the text. */
	text?: string;
}

/** One error of a failed status, with the advice the Trigger's normaliser gives it. */
export interface DeliveryError {
	code?: number;
	title?: string;
	message?: string;
	details?: string;
	advice: string;
}

/** A request message WhatsApp reported as `failed` (a status webhook). */
export interface DeliveryFailure {
	/** The wamid of the request message. */
	messageId: string;
	/** ISO time of the failed status, as WhatsApp stamped it. */
	failedAt?: string;
	recipient: { waId: string; userId?: string };
	errors: DeliveryError[];
}

/** What the Trigger POSTs to n8n's resume URL of the waiting execution. */
export interface ResumeRequestBody {
	requestId: string;
	answer: string;
	/** Who answered (answers only). */
	reply?: AnswerReply;
	/** What failed (NOT_DELIVERED_* only). */
	failure?: DeliveryFailure;
	/** Unix seconds of the request's wait limit, from its token (NOT_DELIVERED_* only): a fallback keeps it. */
	expiresAt?: number;
}

export interface ChoiceOption {
	label: string;
	/** What `data.choice` holds; defaults to the label. */
	value?: string;
	description?: string;
}

export interface AnsweredItem {
	data: Record<string, unknown>;
	reply: AnswerReply;
}

/**
 * The waiting node's output for an answer, or undefined when the answer does not fit the request
 * (e.g. a choice index the node does not have). `respondedAt` is ISO time.
 */
export function answeredItem(responseType: ResponseType, body: ResumeRequestBody, choices: ChoiceOption[], respondedAt: string): AnsweredItem | undefined {
	const reply = body.reply;
	if (!reply) return undefined;
	switch (responseType) {
		case 'approval':
			if (body.answer !== APPROVE && body.answer !== DECLINE) return undefined;
			return { data: { approved: body.answer === APPROVE, respondedAt }, reply };
		case 'freeText':
			if (body.answer !== FREE_TEXT || typeof reply.text !== 'string') return undefined;
			return { data: { text: reply.text, respondedAt }, reply };
		case 'choice': {
			const index = choiceIndexOf(body.answer);
			const option = index === undefined ? undefined : choices[index];
			if (!option) return undefined;
			return { data: { choice: option.value || option.label, label: option.label, index, respondedAt }, reply };
		}
		default:
			return undefined;
	}
}

/** What `sentAs` a not-delivered report is about. */
export type FailedRequestMessage = 'freeForm' | 'template';

/** The waiting node's output when its request was not delivered. */
export interface NotDeliveredItem {
	data: { delivered: false; failedAt: string; error: DeliveryError; reason: string };
	failure: DeliveryFailure & { message: FailedRequestMessage };
}

/**
 * The waiting node's output for a request message WhatsApp did not deliver: `data.delivered` is
 * false (answers never carry it), `data.error` the first error with its advice, `failure` the whole
 * report. Undefined when the body is no such report. `at` is the ISO time used when the status had none.
 */
export function notDeliveredItem(body: ResumeRequestBody, at: string): NotDeliveredItem | undefined {
	if (!isNotDelivered(body.answer) || !body.failure) return undefined;
	const error = body.failure.errors[0] ?? { advice: 'WhatsApp reported the message as failed without a reason.' };
	const what = body.answer === NOT_DELIVERED_TEMPLATE ? 'The template' : 'The message';
	const code = error.code === undefined ? '' : ` with error ${error.code}${error.title ? ` (${error.title})` : ''}`;
	return {
		data: { delivered: false, failedAt: body.failure.failedAt ?? at, error, reason: `${what} asking for the answer was not delivered${code}. ${error.advice}` },
		failure: { ...body.failure, message: body.answer === NOT_DELIVERED_TEMPLATE ? 'template' : 'freeForm' },
	};
}
