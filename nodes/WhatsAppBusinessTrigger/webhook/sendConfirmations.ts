/**
 * With a Redis for shared state in the credential, every delivery's status webhooks confirm the
 * messages the WhatsApp Business node claimed but never recorded as sent (its worker died, or the
 * connection broke, while the request was on its way), whatever this trigger outputs: a status
 * carries the message's tracking data, which starts with its Already Sent Key (Meta: Status
 * messages webhook reference; sharedState/alreadySentRecords.ts). Only a `sent` or `failed` status
 * to the claim's recipient, dated after the claim, counts (applyStatusToClaim). Skip Items Already
 * Sent then skips those items on a rerun, and sends again only claims whose number kept getting
 * statuses without one of theirs.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
import { confirmByStatuses, type KeyedStatus, type SharedState } from '../../shared/sharedState';
import { alreadySentKeyIn } from '../../shared/whatsapp/messages';
import type { WhatsAppEvent } from '../../shared/whatsapp/webhook';
import { logPrefix } from './http';

/** Records the delivery's statuses in `state`; a Redis that cannot be used is logged (the delivery itself goes on). */
export async function confirmSends(context: IWebhookFunctions, events: WhatsAppEvent[], state: SharedState): Promise<void> {
	const phoneNumberIds: string[] = [];
	const statuses: KeyedStatus[] = [];
	for (const event of events) {
		if (event.kind !== 'status' || !event.phoneNumberId) continue;
		phoneNumberIds.push(event.phoneNumberId);
		// Only tracking data with a `|` can be a key's (messages/alreadySentKey.ts): other messages' own tracking data is left alone.
		const key = event.bizOpaqueCallbackData && event.messageId ? alreadySentKeyIn(event.bizOpaqueCallbackData) : undefined;
		if (key === undefined) continue;
		const { waId, userId, parentUserId } = event.recipient;
		statuses.push({
			phoneNumberId: event.phoneNumberId,
			key,
			messageId: event.messageId,
			status: event.status,
			timestampSeconds: event.timestampEpoch,
			...(waId ? { waId } : {}),
			...(userId ? { userId } : {}),
			...(parentUserId ? { parentUserId } : {}),
			// A group message's status names the participant as recipient and the group as recipient_id.
			...(event.recipientType === 'group' && event.groupId ? { groupId: event.groupId } : {}),
		});
	}
	if (phoneNumberIds.length === 0) return;
	try {
		const confirmed = await confirmByStatuses(state, phoneNumberIds, statuses);
		if (confirmed > 0) context.logger.info(`${logPrefix(context)} confirmed ${confirmed} message(s) a worker claimed but never recorded as sent (Skip Items Already Sent).`);
	} catch (error) {
		const { message, fix } = error as { message: string; fix?: string };
		context.logger.error(`${logPrefix(context)} could not record status webhooks for Skip Items Already Sent: ${message}${fix ? ` ${fix}` : ''}`);
	}
}
