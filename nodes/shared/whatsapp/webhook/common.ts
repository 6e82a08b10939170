/** Pieces every event builder shares: where the change came from, the common fields, errors. */
import { adviseWebhookError, type WebhookErrorPlace } from './errorAdvice';
import { asNumber, asObject, asObjects, asString, compact } from './jsonReaders';
import type { ReadTime } from './times';
import type { EventBase, WebhookError, WhatsAppEventKind } from './types';

/** Where a change sits in the envelope, and when it was received. */
export interface ChangeScope {
	field: string;
	wabaId: string;
	phoneNumberId?: string;
	displayPhoneNumber?: string;
	/** entry.time as Meta sent it: present on WABA-level changes (Meta: Webhooks overview). */
	entryTime?: unknown;
	/** When the body was normalised, Unix seconds, and the same as ISO 8601 (computed once per body). */
	receivedEpoch: number;
	receivedAt: string;
}

/**
 * The fields every event has. `time` is Meta's time for the event, read with times.ts; it is never
 * replaced by the arrival time, which has its own field (`receivedAt`).
 */
export function eventBase(scope: ChangeScope, kind: WhatsAppEventKind, eventId: string, time: ReadTime): EventBase {
	return compact({
		kind,
		field: scope.field,
		wabaId: scope.wabaId,
		phoneNumberId: scope.phoneNumberId,
		displayPhoneNumber: scope.displayPhoneNumber,
		eventId,
		timestamp: time.iso,
		timestampEpoch: time.epoch,
		timestampProblem: time.problem,
		timestampAsSent: time.asSent,
		receivedAt: scope.receivedAt,
		receivedAtEpoch: scope.receivedEpoch,
	});
}

/**
 * Webhook error objects (Meta: Status messages webhook reference, Messages webhook reference): title
 * and message carry the same text; details sit in error_data. Each gets advice for `place`.
 */
export function readWebhookErrors(value: unknown, place: WebhookErrorPlace): WebhookError[] {
	return asObjects(value).map((error) => {
		const code = asNumber(error.code);
		const details = asString(asObject(error.error_data)?.details);
		return compact({
			code,
			title: asString(error.title),
			message: asString(error.message),
			details,
			href: asString(error.href),
			...adviseWebhookError(code, place, details),
		});
	});
}
