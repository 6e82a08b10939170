import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { filterEvents, normaliseWebhook, type WhatsAppEvent } from '../../shared/whatsapp/webhook';
import { connectionFor, credentialsFor, readSettings, type TriggerSettings } from '../settings';
import { routeAnswers, type AnswerOutcome } from './answers';
import { checkAuthenticity } from './authenticity';
import { answerChallenge } from './challenge';
import { sharedStateOf } from '../../shared/transport';
import type { SharedState } from '../../shared/sharedState';
import { dropDuplicates, dropSharedDuplicates } from './duplicates';
import { confirmSends } from './sendConfirmations';
import { logPrefix, replyText, requestOf, type WebhookRequest } from './http';
import { markMessagesAsRead, type ReceivedMessage } from './markAsRead';
import { attachMedia } from './media';

/** The node's webhook(): GET is Meta's handshake, POST a delivery. Every reply is sent here. */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readSettings.call(this);
	if (this.getWebhookName() === 'setup') return await answerChallenge.call(this, settings);
	return await receiveDelivery.call(this, settings);
}

async function receiveDelivery(this: IWebhookFunctions, settings: TriggerSettings): Promise<IWebhookResponseData> {
	const request = requestOf(this);
	const credentials = await credentialsFor.call(this, settings.provider);
	const authenticity = checkAuthenticity(request, settings, credentials);
	if (!authenticity.ok) {
		this.logger.warn(`${logPrefix(this)} refused a webhook POST (HTTP ${authenticity.statusCode}), no execution started: ${authenticity.reason}`);
		replyText(this, authenticity.statusCode, authenticity.reason);
		return { noWebhookResponse: true };
	}
	// docs/webhook-delivery.md: acknowledge at once (Meta wants a median under 250 ms and retries slow answers);
	// media downloads and read receipts happen after the 200.
	replyText(this, 200, 'OK');

	const connection = (phoneNumberId?: string) => connectionFor(settings.provider, credentials, phoneNumberId);
	const all = normaliseWebhook(readBody(this, request));
	// Whatever this trigger outputs: statuses confirm sends a worker never recorded (sendConfirmations.ts).
	const sharedState = sharedStateOf(credentials);
	if (sharedState) await confirmSends(this, all, sharedState);
	// Send and Wait answers resume their executions whatever this trigger outputs (docs/send-and-wait.md).
	const answers = settings.sendAndWaitAnswers === 'ignore' ? new Map<WhatsAppEvent, AnswerOutcome>() : await routeAnswers.call(this, all, settings, credentials, connection);
	const selected = await selectEvents(this, all, settings, sharedState);
	const events = selected.events.filter((event) => settings.sendAndWaitAnswers !== 'resumeOnly' || !answers.has(event));
	if (events.length === 0) return { noWebhookResponse: true };

	const items: INodeExecutionData[] = [];
	const messages: ReceivedMessage[] = [];
	for (const event of events) {
		// The core's events already carry advice on their errors (fit for a webhook, not a send).
		const item: INodeExecutionData = { json: event as unknown as IDataObject };
		if (selected.duplicateCheckError) item.json.duplicateCheckError = selected.duplicateCheckError;
		const answer = answers.get(event);
		if (answer) item.json.sendAndWait = answer;
		if (event.kind === 'message') {
			messages.push({ event, item });
			if (settings.downloadMedia && event.media?.id) {
				await attachMedia.call(this, connection(event.phoneNumberId), item, event, settings.binaryPropertyName);
			}
		}
		items.push(item);
	}
	if (settings.markAsRead && messages.length > 0) await markMessagesAsRead.call(this, messages, connection);
	return { noWebhookResponse: true, workflowData: [items] };
}

/** The parsed JSON body (n8n parses it; the raw bytes are the fallback). Unreadable → none. */
function readBody(context: IWebhookFunctions, request: WebhookRequest): unknown {
	const parsed = context.getBodyData() as unknown;
	if (parsed && typeof parsed === 'object' && Object.keys(parsed).length > 0) return parsed;
	const raw = request.rawBody;
	if (raw === undefined) return parsed;
	try {
		return JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw) as unknown;
	} catch {
		context.logger.warn(`${logPrefix(context)} received a signed POST whose body is not JSON; it was acknowledged and ignored.`);
		return undefined;
	}
}

/**
 * One event per message, status, error or change (Meta: Messages webhook reference), narrowed to
 * what this trigger wants, without those it emitted before (in the credential's Redis, `sharedState`,
 * when it names one). When that Redis cannot be used, the events go through (Meta delivers at least once anyway)
 * with `duplicateCheckError` saying why, and the log says how to fix it.
 */
async function selectEvents(
	context: IWebhookFunctions,
	all: WhatsAppEvent[],
	settings: TriggerSettings,
	sharedState: SharedState | undefined,
): Promise<{ events: WhatsAppEvent[]; duplicateCheckError?: string }> {
	const events = filterEvents(all, {
		kinds: settings.events,
		messageTypes: settings.messageTypes,
		statuses: settings.statuses,
		phoneNumberIds: settings.phoneNumberIds,
	});
	if (!settings.dropDuplicates || events.length === 0) return { events };
	if (!sharedState) return { events: dropDuplicates(context, events, settings.duplicateMemorySize, settings.duplicateMemoryHours) };
	try {
		return { events: await dropSharedDuplicates(context, events, sharedState, settings.duplicateMemoryHours) };
	} catch (error) {
		const { message, fix } = error as { message: string; fix?: string };
		context.logger.error(`${logPrefix(context)} let ${events.length} event(s) through without the duplicate check: ${message}${fix ? ` ${fix}` : ''}`);
		return { events, duplicateCheckError: message };
	}
}
