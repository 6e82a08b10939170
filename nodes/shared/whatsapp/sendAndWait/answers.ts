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

/** What the Trigger POSTs to n8n's resume URL of the waiting execution. */
export interface ResumeRequestBody {
	requestId: string;
	answer: string;
	reply: AnswerReply;
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
