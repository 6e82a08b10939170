/**
 * Send and Wait answers among the messages of a delivery (docs/send-and-wait.md): a tapped button or
 * row carries a reply token, opened with the credential's secret for the sender; a text answers the
 * sender's pending Free Text request. A `failed` status of a request message carries a not-delivered
 * token in its tracking data. Either is POSTed to the waiting execution's resume URL. Only the
 * intended person can answer; an answer already used is not sent twice; late ones can get a reply.
 */
import { sleep, type ICredentialDataDecryptedObject, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';
import { pendingTextRequestsFor, replyTokenSecret } from '../../shared/sendAndWait';
import { endpoints, sharedStateOf, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';
import { buildTextMessage } from '../../shared/whatsapp/messages';
import {
	FREE_TEXT,
	answerReply,
	deliveryFailure,
	failedRequestToken,
	isNotDelivered,
	openReplyToken,
	replyCandidate,
	replyTokenKey,
	senderIdentities,
	type AnswerChannel,
	type DeliveryFailure,
	type PendingTextRequest,
	type PendingTextRequestStore,
	type ResumeRequestBody,
} from '../../shared/whatsapp/sendAndWait';
import type { MessageEvent, StatusEvent, WhatsAppEvent } from '../../shared/whatsapp/webhook';
import type { TriggerSettings } from '../settings';
import { logPrefix } from './http';
import { resumeBaseUrl, resumeExecution, type ResumeResult } from './resumeExecution';

/**
 * What happened to one answer (or failed request message); the item's `sendAndWait` field.
 * `templateSent`: the request's free-form message failed with 131047 and the waiting node sent its
 * template instead (`messageId`); the execution still waits.
 */
export interface AnswerOutcome extends IDataObject {
	status: 'resumed' | 'templateSent' | 'late' | 'duplicate' | 'refused' | 'failed';
	executionId?: string;
	requestId?: string;
	messageId?: string;
	reason?: string;
}

/** Answers that resumed an execution, by message id: a redelivered answer must not resume twice. */
const MAX_REMEMBERED = 10_000;
const resumedAnswers = new Set<string>();

function rememberResumed(messageId: string): void {
	resumedAnswers.add(messageId);
	if (resumedAnswers.size > MAX_REMEMBERED) resumedAnswers.delete(resumedAnswers.values().next().value as string);
}

/** Forgets the resumed answers (tests; a real process keeps them until restart). */
export function forgetResumedAnswers(): void {
	resumedAnswers.clear();
}

interface Target {
	executionId: string;
	requestId: string;
	resumeToken: string;
	answer: string;
	expiresAt?: number;
	/** How the answer came (answers). */
	via?: AnswerChannel;
	/** What failed (a failed status of the request message). */
	failure?: DeliveryFailure;
	onDone?: (result: ResumeResult) => Promise<void>;
}

type Routing = { kind: 'target'; target: Target } | { kind: 'outcome'; outcome: AnswerOutcome } | undefined;

const REFUSED_REASON =
	'The answer token does not open for this sender: the answer comes from another person than the one asked, or was made with another App Secret.';

function lateOutcome(claims?: { executionId: string; requestId: string }): Routing {
	return { kind: 'outcome', outcome: { status: 'late', executionId: claims?.executionId, requestId: claims?.requestId, reason: 'The wait limit of the request has passed.' } };
}

const NO_SECRET: Routing = { kind: 'outcome', outcome: { status: 'refused', reason: "The Trigger's credential has no App Secret to open answer tokens with." } };

/** A `failed` status of a request message: resume its execution with what failed. */
function routeFailure(event: StatusEvent, key: () => Buffer | undefined, nowSeconds: number): Routing {
	const token = failedRequestToken(event);
	if (!token) return undefined;
	const secretKey = key();
	if (!secretKey) return NO_SECRET;
	const opened = openReplyToken(token, secretKey, senderIdentities(event.recipient), nowSeconds);
	if (!opened.ok) {
		if (opened.reason === 'expired') return lateOutcome(opened.claims);
		return opened.reason === 'notAToken' ? undefined : { kind: 'outcome', outcome: { status: 'refused', reason: REFUSED_REASON } };
	}
	if (!isNotDelivered(opened.claims.answer)) return undefined;
	return { kind: 'target', target: { ...opened.claims, resumeToken: opened.resumeToken, failure: deliveryFailure(event) } };
}

/** What identifies an answer (its wamid) or a failure (the message's wamid and `failed`) once used. */
function usedKey(event: MessageEvent | StatusEvent): string {
	return event.kind === 'message' ? event.id : event.eventId;
}

/** An answer or a failure to route; Free Text requests are looked up in `texts` (this process's memory, or the shared Redis). */
async function routeOne(event: MessageEvent | StatusEvent, key: () => Buffer | undefined, texts: PendingTextRequestStore, nowSeconds: number): Promise<Routing> {
	if (event.kind === 'status') return routeFailure(event, key, nowSeconds);
	const candidate = replyCandidate(event);
	if (!candidate) return undefined;
	const identities = senderIdentities(event.from);
	if (candidate.kind === 'token') {
		const secretKey = key();
		if (!secretKey) return NO_SECRET;
		const opened = openReplyToken(candidate.token, secretKey, identities, nowSeconds);
		// A not-delivered token only ever travels in tracking data: sent back in a button, it answers nothing.
		if (opened.ok && isNotDelivered(opened.claims.answer)) return { kind: 'outcome', outcome: { status: 'refused', reason: REFUSED_REASON } };
		if (opened.ok) return { kind: 'target', target: { ...opened.claims, resumeToken: opened.resumeToken, via: candidate.via } };
		if (opened.reason === 'expired') return lateOutcome(opened.claims);
		return opened.reason === 'notAToken' ? undefined : { kind: 'outcome', outcome: { status: 'refused', reason: REFUSED_REASON } };
	}
	const repliedTo = event.context?.repliedToMessageId;
	let pending: PendingTextRequest | undefined;
	try {
		pending = await texts.find({ senderIdentities: identities, phoneNumberId: event.phoneNumberId, repliedToMessageId: repliedTo, nowSeconds });
	} catch (error) {
		const { message, fix } = error as { message: string; fix?: string };
		return { kind: 'outcome', outcome: { status: 'failed', reason: `The open Free Text requests could not be read: ${message}${fix ? ` ${fix}` : ''}` } };
	}
	if (!pending) return undefined;
	const found = pending;
	return {
		kind: 'target',
		target: { ...found, answer: FREE_TEXT, via: 'text', onDone: async (result) => (result.outcome !== 'failed' ? await texts.remove(found) : undefined) },
	};
}

/**
 * Routes the Send and Wait answers (and failed request messages) of a delivery and returns what
 * happened to each, by event. Never throws: a failure is logged and reported on the event.
 */
export async function routeAnswers(
	this: IWebhookFunctions,
	events: WhatsAppEvent[],
	settings: TriggerSettings,
	credentials: ICredentialDataDecryptedObject,
	connectionFor: (phoneNumberId?: string) => WhatsAppConnection,
): Promise<Map<WhatsAppEvent, AnswerOutcome>> {
	const outcomes = new Map<WhatsAppEvent, AnswerOutcome>();
	let cachedKey: Buffer | null | undefined;
	const key = () => {
		if (cachedKey === undefined) {
			const secret = replyTokenSecret(settings.provider, credentials);
			cachedKey = secret ? replyTokenKey(secret) : null;
		}
		return cachedKey ?? undefined;
	};
	const nowSeconds = Math.floor(Date.now() / 1000);
	const texts = pendingTextRequestsFor(sharedStateOf(credentials));
	for (const event of events) {
		if (event.kind !== 'message' && event.kind !== 'status') continue;
		const routing = await routeOne(event, key, texts, nowSeconds);
		if (!routing) continue;
		let outcome: AnswerOutcome;
		if (routing.kind === 'outcome') outcome = routing.outcome;
		else if (resumedAnswers.has(usedKey(event))) outcome = { status: 'duplicate', executionId: routing.target.executionId, requestId: routing.target.requestId };
		else outcome = await resumeFor.call(this, event, routing.target);
		outcomes.set(event, outcome);
		if (outcome.status === 'failed' || outcome.status === 'refused') {
			this.logger.warn(`${logPrefix(this)} could not resume a Send and Wait execution with ${event.kind} ${usedKey(event)}: ${outcome.reason}`);
		}
		if (outcome.status === 'late' && settings.lateAnswerReply && event.kind === 'message') await replyToLateAnswer.call(this, event, settings.lateAnswerReply, connectionFor);
	}
	return outcomes;
}

/**
 * n8n saves an execution as waiting only after the node returned, and WhatsApp may report a failed
 * request message before that (n8n then answers 409, "running already"): a failure is posted again
 * after these pauses (ms). Answers come from people, long after.
 */
const STILL_RUNNING_RETRIES_MS = [500, 1000, 2000, 4000];

async function resumeFor(this: IWebhookFunctions, event: MessageEvent | StatusEvent, target: Target): Promise<AnswerOutcome> {
	const ids = { executionId: target.executionId, requestId: target.requestId };
	const base = resumeBaseUrl(this);
	if (!base) return { status: 'failed', ...ids, reason: 'n8n gave this Trigger no resume URL ($execution.resumeUrl).' };
	const body: ResumeRequestBody = target.failure
		? { requestId: target.requestId, answer: target.answer, failure: target.failure, ...(target.expiresAt !== undefined ? { expiresAt: target.expiresAt } : {}) }
		: { requestId: target.requestId, answer: target.answer, reply: answerReply(event as MessageEvent, target.via ?? 'text') };
	let result = await resumeExecution.call(this, base, target, body);
	for (const pause of target.failure ? STILL_RUNNING_RETRIES_MS : []) {
		if (result.outcome !== 'late' || !/running already/i.test(result.reason ?? '')) break;
		await sleep(pause);
		result = await resumeExecution.call(this, base, target, body);
	}
	// The request is answered: forgetting it may fail (Redis gone) without undoing the answer.
	await target.onDone?.(result).catch((error: Error) => this.logger.warn(`${logPrefix(this)} could not forget the answered Free Text request ${target.requestId}: ${error.message}`));
	if ((result.outcome === 'resumed' || result.outcome === 'templateSent') && usedKey(event)) rememberResumed(usedKey(event));
	return { status: result.outcome, ...ids, ...(result.messageId ? { messageId: result.messageId } : {}), ...(result.reason ? { reason: result.reason } : {}) };
}

/** Best effort: a text to the person, quoting their late answer; a failure is logged. */
async function replyToLateAnswer(
	this: IWebhookFunctions,
	event: MessageEvent,
	text: string,
	connectionFor: (phoneNumberId?: string) => WhatsAppConnection,
): Promise<void> {
	try {
		const byUserId = !event.from.waId && event.from.userId;
		const body = buildTextMessage({
			to: byUserId ? String(event.from.userId) : event.from.waId,
			recipientIdentifier: byUserId ? 'userId' : 'phoneNumber',
			body: text,
			replyToMessageId: event.id || undefined,
		});
		const connection = connectionFor(event.phoneNumberId);
		await whatsAppRequest.call(this, connection, { method: 'POST', url: endpoints.messages(connection), body: { ...body } });
	} catch (error) {
		this.logger.warn(`${logPrefix(this)} could not send the Late Answer Reply for message ${event.id}: ${(error as Error).message}`);
	}
}
