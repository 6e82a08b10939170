import {
	NodeOperationError,
	SEND_AND_WAIT_OPERATION,
	WAIT_INDEFINITELY,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { pendingTextRequestsFor, WAITING_REQUEST_KEY } from '../../../shared/sendAndWait';
import { toNodeError } from '../../../shared/transport';
import { buildRecipient, buildTextMessage, type CommonMessageOptions } from '../../../shared/whatsapp/messages';
import { customerServiceWindow } from '../../../shared/whatsapp/schedule/customerServiceWindow';
import {
	NOT_DELIVERED_FREE_FORM,
	NOT_DELIVERED_TEMPLATE,
	answeredItem,
	buildApprovalButtonsMessage,
	buildChoiceListMessage,
	isNotDelivered,
	newRequestId,
	notDeliveredItem,
	recipientIdentity,
	requestTrackingData,
	sealReplyToken,
	withAnswerPayloads,
	type ResponseType,
	type ResumeRequestBody,
	type TokenFor,
} from '../../../shared/whatsapp/sendAndWait';
import { connectionForItem } from '../../transport/connection';
import { sendMessage } from '../../transport/messages';
import { isValidateOnly } from '../../transport/validateOnly';
import { replyTokenKeyFor, waitingExecution, waitingItemContext } from '../../transport/waitingExecution';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext } from '../types';
import {
	answerTemplateFields,
	approvalOptionsField,
	choiceFields,
	choicesFrom,
	readApprovalLabels,
	readWaitTill,
	responseTypeField,
	sendAsFields,
	waitOptionsField,
	type SendAs,
} from './sendAndWaitFields';
import { prepareTemplateMessage, sendPreparedTemplate } from './sendTemplate.operation';
import { templateOptionsField } from './templateFields';

/**
 * Send and Wait for Response: asks on WhatsApp and puts the execution to wait; the answer comes back
 * to the WhatsApp Business Trigger, which resumes this execution through n8n's resume URL, where
 * `resume` (below) turns it into this node's output (docs/send-and-wait.md).
 */
const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'What you ask: up to 1024 characters with buttons, 4096 with a list or as text',
	},
	responseTypeField,
	approvalOptionsField,
	...choiceFields,
	...sendAsFields,
	...answerTemplateFields,
	messagingOptions,
	{ ...templateOptionsField, displayOptions: { show: { responseType: ['approval', 'freeText'], sendAs: ['auto', 'template'] } } },
	waitOptionsField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: [SEND_AND_WAIT_OPERATION] } }, properties);

type SentAs = 'interactive' | 'text' | 'template';

interface Request {
	responseType: ResponseType;
	common: CommonMessageOptions;
	message: string;
	tokenFor: TokenFor;
}

/**
 * The request of item `i`: what it asks and how its tokens are made. `requestId` and `expiresAt`
 * (Unix seconds) are those of the request; the execution and its resume token are read from n8n.
 */
async function requestFor(this: IExecuteFunctions, context: OperationContext, requestId: string, expiresAt: number | undefined): Promise<Request & { resumeToken: string; executionId: string; recipient: string }> {
	const i = context.itemIndex;
	const { executionId, resumeToken } = waitingExecution.call(this, i);
	const common: CommonMessageOptions = { ...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions), to: this.getNodeParameter('to', i) as string };
	const recipient = recipientIdentity(buildRecipient(common));
	const key = await replyTokenKeyFor.call(this, context);
	return {
		responseType: this.getNodeParameter('responseType', i, 'approval') as ResponseType,
		common,
		message: this.getNodeParameter('message', i) as string,
		tokenFor: (answer) => sealReplyToken({ executionId, requestId, answer, expiresAt, resumeToken, recipient }, key),
		executionId,
		resumeToken,
		recipient,
	};
}

export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const count = this.getInputData().length;
	if (count > 1) {
		throw new NodeOperationError(this.getNode(), `Send and Wait for Response waits for one answer, so it takes one item; it got ${count}.`, {
			itemIndex: i,
			description: 'Put a Loop Over Items node (batch size 1) before it, or keep one item (e.g. with a Limit node).',
		});
	}
	const waitTill = readWaitTill.call(this, i);
	// Rounded up: an answer is never called late before n8n stops waiting.
	const expiresAt = waitTill.getTime() === WAIT_INDEFINITELY.getTime() ? undefined : Math.ceil(waitTill.getTime() / 1000);
	const requestId = newRequestId();
	const request = await requestFor.call(this, context, requestId, expiresAt);

	const { sent, sentAs } = await sendRequest.call(this, context, request);
	const waiting: IDataObject = { requestId, responseType: request.responseType, sentAs, waitingUntil: expiresAt === undefined ? null : new Date(expiresAt * 1000).toISOString() };
	if (isValidateOnly.call(this, i)) return [{ json: { ...sent, sendAndWait: { ...waiting, waitingUntil: null } } }];

	this.customData.set(WAITING_REQUEST_KEY, requestId);
	if (request.responseType === 'freeText') await rememberTextRequest(request, requestId, context, sent, expiresAt);
	await this.putExecutionToWait(waitTill);
	return [{ json: { ...sent, sendAndWait: waiting } }];
}

/**
 * A Free Text request, for the Trigger to find when its answer (a text) comes: in this process, or
 * in the credential's Redis for shared state (queue mode). Throws when that Redis cannot be used.
 */
async function rememberTextRequest(
	request: Request & { executionId: string; resumeToken: string; recipient: string },
	requestId: string,
	context: OperationContext,
	sent: IDataObject,
	expiresAt: number | undefined,
): Promise<void> {
	const messageId = typeof sent.messageId === 'string' ? sent.messageId : undefined;
	const { executionId, resumeToken, recipient } = request;
	await pendingTextRequestsFor(context.connection.sharedState)
		.add({ executionId, requestId, resumeToken, recipient, phoneNumberId: context.connection.phoneNumberId, messageId, expiresAt, createdAt: Math.floor(Date.now() / 1000) })
		.catch((error: Error) => {
			// The question is out, but no Trigger could route its answer: say so rather than wait forever.
			error.message = `The question was sent (message ID ${messageId ?? 'unknown'}), but its answer could not be registered: ${error.message}`;
			throw error;
		});
}

/**
 * The request message with its not-delivered token in the tracking data: when WhatsApp reports it
 * `failed`, the Trigger resumes this execution with what failed (docs/send-and-wait.md).
 */
function tracked<T extends object>(body: T, request: Request, answer: string): T {
	return { ...body, biz_opaque_callback_data: requestTrackingData(request.tokenFor(answer), request.common.bizOpaqueCallbackData) };
}

/**
 * Sends the request as the window and the response type allow. The window is decided here, from the
 * last inbound time: WhatsApp accepts a free-form message outside the window and reports 131047 later,
 * in a failed status (Meta: Error codes), which `resume` answers with the template.
 */
async function sendRequest(this: IExecuteFunctions, context: OperationContext, request: Request): Promise<{ sent: IDataObject; sentAs: SentAs }> {
	const i = context.itemIndex;
	if (request.responseType === 'choice') {
		const choices = choicesFrom(this.getNodeParameter('choices.choice', i, []));
		const body = buildChoiceListMessage(request.common, request.message, this.getNodeParameter('listButtonLabel', i, 'Choose') as string, choices, request.tokenFor);
		return { sent: await sendMessage.call(this, context, tracked(body, request, NOT_DELIVERED_FREE_FORM)), sentAs: 'interactive' };
	}
	const sendAs = this.getNodeParameter('sendAs', i, 'auto') as SendAs;
	const windowOpen =
		sendAs === 'freeForm' ||
		(sendAs === 'auto' &&
			customerServiceWindow({
				lastInboundAt: this.getNodeParameter('lastInboundAt', i, '') as unknown,
				safetyMarginMinutes: this.getNodeParameter('safetyMarginMinutes', i, 0) as number,
			}).isOpen);
	if (windowOpen) return await sendFreeForm.call(this, context, request);
	return await sendTemplateRequest.call(this, context, request);
}

async function sendFreeForm(this: IExecuteFunctions, context: OperationContext, request: Request): Promise<{ sent: IDataObject; sentAs: SentAs }> {
	if (request.responseType === 'freeText') {
		const body = buildTextMessage({ ...request.common, body: request.message });
		return { sent: await sendMessage.call(this, context, tracked(body, request, NOT_DELIVERED_FREE_FORM)), sentAs: 'text' };
	}
	const body = buildApprovalButtonsMessage(request.common, request.message, readApprovalLabels.call(this, context.itemIndex), request.tokenFor);
	return { sent: await sendMessage.call(this, context, tracked(body, request, NOT_DELIVERED_FREE_FORM)), sentAs: 'interactive' };
}

/** The request as the chosen approved template; for Approval its quick-reply buttons carry the answers. */
async function sendTemplateRequest(this: IExecuteFunctions, context: OperationContext, request: Request): Promise<{ sent: IDataObject; sentAs: SentAs }> {
	const i = context.itemIndex;
	const prepared = await prepareTemplateMessage.call(this, context, (template, values) => {
		if (request.responseType !== 'approval') return values;
		const labels = readApprovalLabels.call(this, i);
		const approve = this.getNodeParameter('templateApproveButton', i, 1) as number;
		const decline = labels.decline === undefined ? undefined : (this.getNodeParameter('templateDeclineButton', i, 2) as number);
		return withAnswerPayloads(template, values, { approve, decline }, request.tokenFor);
	});
	const [sent] = await sendPreparedTemplate.call(this, context, { ...prepared, body: tracked(prepared.body, request, NOT_DELIVERED_TEMPLATE) });
	return { sent: sent.json, sentAs: 'template' };
}

/**
 * The resume half: n8n calls it with what the Trigger POSTed to this execution's resume URL
 * (a ResumeRequestBody). An answer to another request of this execution, or one that does not fit
 * the request, is refused (`resumed: false`) and the execution keeps waiting. A request message
 * that was not delivered: see `notDelivered`.
 */
export async function resume(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = this.getBodyData() as unknown as ResumeRequestBody;
	const waitingFor = this.customData.get(WAITING_REQUEST_KEY);
	if (typeof body?.requestId !== 'string' || (waitingFor !== undefined && body.requestId !== waitingFor)) {
		return { webhookResponse: { resumed: false, reason: 'This execution is waiting for the answer to another request.' } };
	}
	const responseType = this.getNodeParameter('responseType', 'approval') as ResponseType;
	if (isNotDelivered(body.answer)) return await notDelivered.call(this, body, responseType);
	const item = answeredItem(responseType, body, choicesFrom(this.getNodeParameter('choices.choice', [])), new Date().toISOString());
	if (!item) return { webhookResponse: { resumed: false, reason: `The answer does not fit a ${responseType} request.` } };
	return { webhookResponse: { resumed: true }, workflowData: [[{ json: item as unknown as IDataObject }]] };
}

/**
 * WhatsApp did not deliver the request message. When it was the free-form message, refused with 131047
 * (the window had closed although the last inbound time said otherwise), and Send As is "Free-Form
 * Message, or Template When Window Closed", the template goes out now, carrying answers for the same
 * request, and the execution keeps waiting (`fallback: 'template'`). Otherwise, or when the template
 * cannot be sent, the execution goes on with the not-delivered item (`data.delivered: false`).
 */
async function notDelivered(this: IWebhookFunctions, body: ResumeRequestBody, responseType: ResponseType): Promise<IWebhookResponseData> {
	const failed = notDeliveredItem(body, new Date().toISOString());
	if (!failed) return { webhookResponse: { resumed: false, reason: 'The report does not say what failed.' } };
	let output: IDataObject = failed as unknown as IDataObject;
	const windowClosed = failed.data.error.code === 131047;
	if (body.answer === NOT_DELIVERED_FREE_FORM && windowClosed && responseType !== 'choice' && this.getNodeParameter('sendAs', 'auto') === 'auto') {
		try {
			const sent = await sendTemplateInstead.call(waitingItemContext(this), body);
			return { webhookResponse: { resumed: false, fallback: 'template', messageId: sent.messageId ?? null } };
		} catch (error) {
			const reason = toNodeError(this.getNode(), error, 0).message;
			output = { ...output, templateFallback: { sent: false, reason } };
		}
	}
	if (responseType === 'freeText') await forgetTextRequest.call(this, body.requestId);
	return { webhookResponse: { resumed: true }, workflowData: [[{ json: output }]] };
}

/** Best effort: the request resumed with a failure no longer waits for a text (a failure is logged). */
async function forgetTextRequest(this: IWebhookFunctions, requestId: string): Promise<void> {
	try {
		const connection = await connectionForItem.call(waitingItemContext(this), 0);
		await pendingTextRequestsFor(connection.sharedState).remove({ executionId: this.getExecutionId(), requestId });
	} catch (error) {
		this.logger.warn(`Send and Wait: could not forget the Free Text request ${requestId}: ${(error as Error).message}`);
	}
}

/** The template for a request whose free-form message failed, read from the waiting item (waitingItemContext). */
async function sendTemplateInstead(this: IExecuteFunctions, body: ResumeRequestBody): Promise<IDataObject> {
	const context: OperationContext = { itemIndex: 0, connection: await connectionForItem.call(this, 0) };
	const request = await requestFor.call(this, context, body.requestId, body.expiresAt);
	const { sent } = await sendTemplateRequest.call(this, context, request);
	// A reply quoting the template answers this Free Text request as well.
	if (request.responseType === 'freeText') await rememberTextRequest(request, body.requestId, context, sent, body.expiresAt);
	return sent;
}
