/**
 * Advice for error codes read from webhooks. The error catalogue (../errors.ts) speaks of the
 * request that failed ("the same request can succeed a little later", "wait before sending to them
 * again") and never says what the node did. Read from a webhook, the failure is reported after the
 * fact and nothing sends the message again, so for temporary failures the advice here says so and
 * says what the workflow or the person can do. It depends on where the error was read
 * (Meta: Messages webhook reference, "Errors"):
 * - `status`: statuses[].errors, a message the business sent that was not delivered;
 * - `message`: messages[].errors, a message from the customer WhatsApp could not pass on fully;
 * - `value`: value.errors, a system, app or account problem not tied to one message.
 */
import { describeMetaError, type MetaErrorCategory } from '../errors';

export type WebhookErrorPlace = 'status' | 'message' | 'value';

export interface WebhookErrorAdvice {
	/** What to do, written for someone reading this error in a trigger item. */
	advice: string;
	/** Whether sending the message again later can succeed. Nothing is retried automatically. */
	retryable: boolean;
	category: MetaErrorCategory;
}

const NOT_RETRIED: Record<WebhookErrorPlace, string> = {
	status: 'The message was not delivered and nothing sends it again by itself:',
	message: 'The customer\'s message may have reached you incomplete:',
	value: 'Messages sent from this number meanwhile may have failed; check their statuses:',
};

/**
 * Rate limits whose catalogue advice is about sending the same request again, reworded per place.
 * Each text says what happened and what the workflow (or the person) can do, never that something
 * retries.
 */
const TRANSIENT: Record<number, Record<WebhookErrorPlace, string>> = {
	130429: {
		status: 'this phone number sent too many messages in a short time (its throughput limit). Send it again later, spreading the sends out (e.g. Loop Over Items with a Wait).',
		message: 'the number was over its throughput limit. Nothing to fix here; slow down what sends from this number.',
		value: 'this phone number is sending too many messages per second (its throughput limit). Spread the sends out, e.g. with Loop Over Items and a Wait.',
	},
	131056: {
		status: 'too many messages went to this same customer in a short time (about one every 6 seconds is allowed). Send it again after a short wait.',
		message: 'too many messages were exchanged with this customer in a short time. Nothing to fix here.',
		value: 'too many messages went to one customer in a short time. Space out messages to the same customer (about one every 6 seconds).',
	},
};

const SERVER_TROUBLE: Record<WebhookErrorPlace, string> = {
	status: 'WhatsApp had a temporary problem on its side. Send the message again in a few minutes; if it keeps failing, see https://metastatus.com or contact Meta support with the message ID.',
	message: 'WhatsApp had a temporary problem on its side. If the content matters, ask the customer to send it again.',
	value: 'WhatsApp had a temporary problem on its side. Look at https://metastatus.com; resend what failed once it is over.',
};

/** messages[].errors codes, explained from the customer's side. */
const INBOUND: Record<number, string> = {
	131051: 'The customer sent a message type the Cloud API does not pass on (unsupportedType tells which, e.g. edit or poll). Nothing is wrong with your set-up; ask the customer to send it as text or media if you need its content.',
	131052: 'WhatsApp could not download the media the customer sent (e.g. over 100 MB). Ask the customer to send it again, smaller.',
};

/** Advice for one webhook error code at one place; unknown codes get the catalogue's general text. */
export function adviseWebhookError(code: number | undefined, place: WebhookErrorPlace, details?: string): WebhookErrorAdvice {
	const known = describeMetaError(code ?? 0, details);
	const base = { retryable: known.retryable, category: known.category };
	if (code === undefined) return { ...base, advice: 'WhatsApp reported an error without a code. Read title and details.' };
	if (place === 'message' && INBOUND[code]) return { ...base, advice: INBOUND[code] };
	const transient = TRANSIENT[code];
	if (transient) return { ...base, advice: `${NOT_RETRIED[place]} ${transient[place]}` };
	// The catalogue's temporary faults on Meta's side say the same request can succeed later; here
	// the message is already lost, so say that nothing sends it again and who can.
	if (known.retryable && known.category === 'server') return { ...base, advice: `${NOT_RETRIED[place]} ${SERVER_TROUBLE[place]}` };
	return { ...base, advice: known.advice };
}
