import { NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject, type NodeApiError } from 'n8n-workflow';
import { attachErrorDetails, endpoints, SEND_RETRY_POLICY, toNodeError, whatsAppRequest } from '../../shared/transport';
import { alreadySentTrackingData } from '../../shared/whatsapp/messages';
import type { OperationContext } from './connection';
import { isValidateOnly } from './validateOnly';

interface SendResponse {
	contacts?: Array<{ input?: string; wa_id?: string; user_id?: string }>;
	messages?: Array<{ id?: string; message_status?: string }>;
}

/** Where a message body is POSTed: Cloud API's /messages, or the Marketing Messages API (Meta: Send marketing messages). */
export type SendEndpoint = 'messages' | 'marketingMessages';

export interface SendOptions {
	/** Default `messages`. */
	endpoint?: SendEndpoint;
	/** How many messages the item sends in all (sendInOrder); default 1. */
	parts?: number;
}

/**
 * Sends one message body (Meta: Send messages) and returns what a workflow needs next: the wamid,
 * the wa_id (or, for a business-scoped user ID send, the `userId`; Meta: Business-scoped user IDs).
 * With the item's "Validate Only" option it sends nothing and returns the request it would have made.
 * `context.delivery` (set by the router) paces the request on the number's pacer and puts the
 * item's Already Sent Key into the tracking data (messages/alreadySentKey.ts), after telling it
 * whom the message goes to.
 */
export async function sendMessage(this: IExecuteFunctions, context: OperationContext, message: object, options: SendOptions = {}): Promise<IDataObject> {
	const endpoint = options.endpoint ?? 'messages';
	const key = context.delivery?.alreadySentKey;
	const tracking = (message as { biz_opaque_callback_data?: string }).biz_opaque_callback_data;
	const body = key === undefined ? message : { ...message, biz_opaque_callback_data: alreadySentTrackingData(key, tracking) };
	const url = endpoint === 'marketingMessages' ? endpoints.marketingMessages(context.connection) : endpoints.messages(context.connection);
	const payload = body as { to?: string; recipient?: string; type?: string };
	const addressed = {
		...(payload.to !== undefined ? { to: payload.to } : {}),
		...(payload.recipient !== undefined ? { recipient: payload.recipient } : {}),
		type: payload.type,
	};
	if (isValidateOnly.call(this, context.itemIndex)) {
		return { validateOnly: true, sent: false, ...addressed, request: { method: 'POST', endpoint, url, body: body as IDataObject }, phoneNumberId: context.connection.phoneNumberId };
	}
	context.delivery?.onAddressed?.({ recipient: payload.to ?? payload.recipient, parts: options.parts ?? 1 });
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url,
		body: body as IDataObject,
		itemIndex: context.itemIndex,
		pacer: context.delivery?.pacer,
		stopSignal: context.delivery?.stopSignal,
		retry: SEND_RETRY_POLICY,
	});
	const reply = response.body as SendResponse;
	const contact = reply.contacts?.[0];
	const accepted = reply.messages?.[0];
	return {
		messageId: accepted?.id,
		waId: contact?.wa_id,
		...(contact?.user_id ? { userId: contact.user_id } : {}),
		...addressed,
		...(accepted?.message_status ? { messageStatus: accepted.message_status } : {}),
		phoneNumberId: context.connection.phoneNumberId,
	};
}

/** One message of a sequence that went out. */
export interface SentPart {
	/** 1-based position in the sequence */
	part: number;
	messageId: string | undefined;
}

/**
 * Sends message bodies one after the other, in order, each only after WhatsApp accepted the one
 * before (a customer reads them in the order sent). Stops at the first failure and never sends a
 * part twice: the error names the part that failed, lists the parts already sent with their message
 * IDs (also as `sentParts` in the failed item) and carries `unsent`, what was not sent, so a workflow
 * can send just the rest. `unsent(k)` gives what remains from part k (0-based).
 */
export async function sendInOrder(
	this: IExecuteFunctions,
	context: OperationContext,
	bodies: object[],
	unsent: (fromIndex: number) => IDataObject,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (const [index, body] of bodies.entries()) {
		try {
			results.push(await sendMessage.call(this, context, body, { parts: bodies.length }));
		} catch (error) {
			// The batch's stop error is shared by every item: the part gets its own copy to describe.
			const shared = error === context.delivery?.stopSignal?.reason;
			const nodeError = shared
				? new NodeOperationError(this.getNode(), (error as Error).message, { description: (error as NodeOperationError).description ?? undefined, itemIndex: context.itemIndex })
				: toNodeError(this.getNode(), error, context.itemIndex, context.connection.redactor);
			throw partFailed(nodeError, results, index, bodies.length, unsent(index));
		}
	}
	return results;
}

function partFailed(error: NodeApiError | NodeOperationError, sent: IDataObject[], index: number, total: number, unsent: IDataObject): Error {
	const sentParts: SentPart[] = sent.map((result, position) => ({ part: position + 1, messageId: result.messageId as string | undefined }));
	const ids = sentParts.map((entry) => entry.messageId).join(', ');
	const already =
		sentParts.length === 0
			? 'No part was sent.'
			: `${sentParts.length > 1 ? `Parts 1–${sentParts.length} were` : 'Part 1 was'} sent (message IDs ${ids}); running this item again would send ${sentParts.length > 1 ? 'them' : 'it'} a second time (unless Skip Items Already Sent keeps its key in a Redis for shared state: then a rerun skips the item). To finish, send only what is left: error.unsent of the failed item (its text and parts).`;
	error.message = `Part ${index + 1} of ${total} failed: ${error.message}`;
	error.description = [error.description, already].filter(Boolean).join('\n');
	attachErrorDetails(error, { failedPart: index + 1, parts: total, sentParts: sentParts as unknown as JsonObject[], unsent: unsent as JsonObject });
	return error;
}
