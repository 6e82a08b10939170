/** Pieces every event builder shares: where the change came from, the common fields, errors. */
import { asNumber, asObject, asObjects, asString, compact, epochToIso } from './jsonReaders';
import type { EventBase, WebhookError, WhatsAppEventKind } from './types';

/** Where a change sits in the envelope, plus the fallback clock. */
export interface ChangeScope {
	field: string;
	wabaId: string;
	phoneNumberId?: string;
	displayPhoneNumber?: string;
	/** entry.time: present on WABA-level changes (Meta: Messages webhook reference). */
	entryTime?: number;
	/** When the body was normalised, used when the payload has no usable time. */
	receivedEpoch: number;
}

export function eventBase(
	scope: ChangeScope,
	kind: WhatsAppEventKind,
	eventId: string,
	epoch: number | undefined,
): EventBase {
	const timestampEpoch = epoch ?? scope.entryTime ?? scope.receivedEpoch;
	return compact({
		kind,
		field: scope.field,
		wabaId: scope.wabaId,
		phoneNumberId: scope.phoneNumberId,
		displayPhoneNumber: scope.displayPhoneNumber,
		eventId,
		timestamp: epochToIso(timestampEpoch),
		timestampEpoch,
	});
}

/** Webhook error objects (Meta: Status messages webhook reference, Messages webhook reference): title and message carry the same text; details sit in error_data. */
export function readWebhookErrors(value: unknown): WebhookError[] {
	return asObjects(value).map((error) =>
		compact({
			code: asNumber(error.code),
			title: asString(error.title),
			message: asString(error.message),
			details: asString(asObject(error.error_data)?.details),
			href: asString(error.href),
		}),
	);
}

/** '+' + waId, or '' when there is no number (username-only users, (Meta: Business-scoped user IDs)). */
export function toE164(waId: string): string {
	return waId === '' ? '' : `+${waId.replace(/^\+/, '')}`;
}
