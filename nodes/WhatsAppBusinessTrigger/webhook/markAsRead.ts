import type { INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';
import { buildMarkAsRead } from '../../shared/whatsapp/messages';
import type { MessageEvent } from '../../shared/whatsapp/webhook';
import { logPrefix } from './http';

export interface ReceivedMessage {
	event: MessageEvent;
	item: INodeExecutionData;
}

/**
 * Meta's Mark messages as read page: reading a message also reads every earlier one of the chat, so one request per
 * (business number, customer) — for the latest message — covers a whole batch. Best effort:
 * a failure is logged and noted on the items, never thrown.
 */
export async function markMessagesAsRead(
	this: IWebhookFunctions,
	messages: ReceivedMessage[],
	connectionFor: (phoneNumberId?: string) => WhatsAppConnection,
): Promise<void> {
	const chats = new Map<string, ReceivedMessage[]>();
	for (const message of messages) {
		if (!message.event.id) continue;
		const key = `${message.event.phoneNumberId ?? ''}:${message.event.from.waId}`;
		chats.set(key, [...(chats.get(key) ?? []), message]);
	}
	for (const chat of chats.values()) {
		// A message without a readable time counts as older; among equals the later in the batch wins.
		const epoch = (message: ReceivedMessage) => message.event.timestampEpoch ?? -Infinity;
		const latest = chat.reduce((last, next) => (epoch(next) >= epoch(last) ? next : last));
		let marked = true;
		try {
			const connection = connectionFor(latest.event.phoneNumberId);
			const body = buildMarkAsRead({ messageId: latest.event.id });
			await whatsAppRequest.call(this, connection, { method: 'POST', url: endpoints.messages(connection), body: { ...body } });
		} catch (error) {
			marked = false;
			this.logger.warn(`${logPrefix(this)} could not mark message ${latest.event.id} as read: ${(error as Error).message}`);
		}
		for (const message of chat) message.item.json.markedAsRead = marked;
	}
}
