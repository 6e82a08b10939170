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
import { metaErrorOf, toNodeError } from '../../../shared/transport';
import { buildRecipient, buildTextMessage, type CommonMessageOptions } from '../../../shared/whatsapp/messages';
import { customerServiceWindow } from '../../../shared/whatsapp/schedule/customerServiceWindow';
import {
	answeredItem,
	buildApprovalButtonsMessage,
	buildChoiceListMessage,
	newRequestId,
	recipientIdentity,
	sealReplyToken,
	withAnswerPayloads,
	type ResponseType,
	type ResumeRequestBody,
	type TokenFor,
} from '../../../shared/whatsapp/sendAndWait';
import { sendMessage } from '../../transport/messages';
import { isValidateOnly } from '../../transport/validateOnly';
import { replyTokenKeyFor, waitingExecution } from '../../transport/waitingExecution';
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

export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const count = this.getInputData().length;
	if (count > 1) {
		throw new NodeOperationError(this.getNode(), `Send and Wait for Response waits for one answer, so it takes one item; it got ${count}.`, {
			itemIndex: i,
			description: 'Put a Loop Over Items node (batch size 1) before it, or keep one item (e.g. with a Limit node).',
		});
	}
	const responseType = this.getNodeParameter('responseType', i, 'approval') as ResponseType;
	const waitTill = readWaitTill.call(this, i);
	// Rounded up: an answer is never called late before n8n stops waiting.
	const expiresAt = waitTill.getTime() === WAIT_INDEFINITELY.getTime() ? undefined : Math.ceil(waitTill.getTime() / 1000);
	const { executionId, resumeToken } = waitingExecution.call(this, i);
	const requestId = newRequestId();
	const common: CommonMessageOptions = { ...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions), to: this.getNodeParameter('to', i) as string };
	const recipient = recipientIdentity(buildRecipient(common));
	const key = await replyTokenKeyFor.call(this, context);
	const request: Request = {
		responseType,
		common,
		message: this.getNodeParameter('message', i) as string,
		tokenFor: (answer) => sealReplyToken({ executionId, requestId, answer, expiresAt, resumeToken, recipient }, key),
	};

	const { sent, sentAs } = await sendRequest.call(this, context, request);
	const waiting: IDataObject = { requestId, responseType, sentAs, waitingUntil: expiresAt === undefined ? null : new Date(expiresAt * 1000).toISOString() };
	if (isValidateOnly.call(this, i)) return [{ json: { ...sent, sendAndWait: { ...waiting, waitingUntil: null } } }];

	this.customData.set(WAITING_REQUEST_KEY, requestId);
	if (responseType === 'freeText') {
		const messageId = typeof sent.messageId === 'string' ? sent.messageId : undefined;
		const createdAt = Math.floor(Date.now() / 1000);
		await pendingTextRequestsFor(context.connection.sharedState)
			.add({ executionId, requestId, resumeToken, recipient, phoneNumberId: context.connection.phoneNumberId, messageId, expiresAt, createdAt })
			.catch((error: Error) => {
				// The question is out, but no Trigger could route its answer: say so rather than wait forever.
				error.message = `The question was sent (message ID ${messageId ?? 'unknown'}), but its answer could not be registered: ${error.message}`;
				throw error;
			});
	}
	await this.putExecutionToWait(waitTill);
	return [{ json: { ...sent, sendAndWait: waiting } }];
}

/** Sends the request as the window and the response type allow; falls back to the template on 131047. */
async function sendRequest(this: IExecuteFunctions, context: OperationContext, request: Request): Promise<{ sent: IDataObject; sentAs: SentAs }> {
	const i = context.itemIndex;
	if (request.responseType === 'choice') {
		const choices = choicesFrom(this.getNodeParameter('choices.choice', i, []));
		const body = buildChoiceListMessage(request.common, request.message, this.getNodeParameter('listButtonLabel', i, 'Choose') as string, choices, request.tokenFor);
		return { sent: await sendMessage.call(this, context, body), sentAs: 'interactive' };
	}
	const sendAs = this.getNodeParameter('sendAs', i, 'auto') as 'auto' | 'freeForm' | 'template';
	const windowOpen =
		sendAs === 'freeForm' ||
		(sendAs === 'auto' &&
			customerServiceWindow({
				lastInboundAt: this.getNodeParameter('lastInboundAt', i, '') as unknown,
				safetyMarginMinutes: this.getNodeParameter('safetyMarginMinutes', i, 0) as number,
			}).isOpen);
	if (windowOpen) {
		try {
			return await sendFreeForm.call(this, context, request);
		} catch (error) {
			// Meta's Error codes page: 131047 = the window closed after all; the template still reaches the person.
			if (sendAs !== 'auto' || metaErrorOf(error)?.code !== 131047) throw toNodeError(this.getNode(), error, i);
		}
	}
	const prepared = await prepareTemplateMessage.call(this, context, (template, values) => {
		if (request.responseType !== 'approval') return values;
		const labels = readApprovalLabels.call(this, i);
		const approve = this.getNodeParameter('templateApproveButton', i, 1) as number;
		const decline = labels.decline === undefined ? undefined : (this.getNodeParameter('templateDeclineButton', i, 2) as number);
		return withAnswerPayloads(template, values, { approve, decline }, request.tokenFor);
	});
	const [sent] = await sendPreparedTemplate.call(this, context, prepared);
	return { sent: sent.json, sentAs: 'template' };
}

async function sendFreeForm(this: IExecuteFunctions, context: OperationContext, request: Request): Promise<{ sent: IDataObject; sentAs: SentAs }> {
	if (request.responseType === 'freeText') {
		return { sent: await sendMessage.call(this, context, buildTextMessage({ ...request.common, body: request.message })), sentAs: 'text' };
	}
	const body = buildApprovalButtonsMessage(request.common, request.message, readApprovalLabels.call(this, context.itemIndex), request.tokenFor);
	return { sent: await sendMessage.call(this, context, body), sentAs: 'interactive' };
}

/**
 * The resume half: n8n calls it with what the Trigger POSTed to this execution's resume URL
 * (a ResumeRequestBody). An answer to another request of this execution, or one that does not fit
 * the request, is refused (`resumed: false`) and the execution keeps waiting.
 */
export async function resume(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = this.getBodyData() as unknown as ResumeRequestBody;
	const waitingFor = this.customData.get(WAITING_REQUEST_KEY);
	if (typeof body?.requestId !== 'string' || (waitingFor !== undefined && body.requestId !== waitingFor)) {
		return { webhookResponse: { resumed: false, reason: 'This execution is waiting for the answer to another request.' } };
	}
	const responseType = this.getNodeParameter('responseType', 'approval') as ResponseType;
	const item = answeredItem(responseType, body, choicesFrom(this.getNodeParameter('choices.choice', [])), new Date().toISOString());
	if (!item) return { webhookResponse: { resumed: false, reason: `The answer does not fit a ${responseType} request.` } };
	return { webhookResponse: { resumed: true }, workflowData: [[{ json: item as unknown as IDataObject }]] };
}
