/**
 * What a rerun does with a message an earlier run claimed (just before sending it) but never
 * confirmed: its worker died, or its connection broke, while the request was on its way, so
 * WhatsApp may have the message. WhatsApp has no look-up of sent messages by our key; what tells is a status
 * webhook, which WhatsApp sends for every accepted message within seconds, with the message's
 * tracking data (Meta: Status messages webhook reference). A WhatsApp Trigger sharing the node's
 * Redis applies each such status to the claim (applyStatusToClaim); judgeUnconfirmedSend decides the rest.
 */
import { normaliseRecipient, phoneVariants } from '../phone';

/** A claim waiting for the status webhooks of its message(s). Times in ms since 1970 (UTC). */
export interface ClaimAwaitingStatus {
	claimedAtMs: number;
	/** The `to` (phone number or business-scoped user ID) the message went to, as sent; undefined: unknown. */
	recipient?: string;
	/** How many messages the item sends (a Long Text split sends several, all with the key). */
	parts: number;
	/** Message IDs whose `sent` or `failed` status arrived, recipient matching. */
	seenMessageIds: string[];
	/** A recipient other than the claim's whose message had the key, sent after the claim (ambiguous). */
	otherRecipient?: string;
}

/** A status webhook whose tracking data starts with the claim's key (alreadySentKeyIn). */
export interface KeyedStatusSeen {
	/** sent, delivered, read or failed. */
	status: string;
	messageId: string;
	/** Meta's timestamp of the status, Unix seconds (null when missing). */
	timestampSeconds: number | null;
	waId?: string;
	userId?: string;
	parentUserId?: string;
	/** For a message to a group: the group's ID (its status's recipient_id; the wa_id is then the participant's). */
	groupId?: string;
}

/**
 * How much earlier than the claim a status may be dated and still be its message's: Meta's clock
 * and n8n's differ (Meta stamps whole seconds).
 */
export const CLAIM_CLOCK_TOLERANCE_MS = 30_000;

/**
 * What one status does to a claim:
 * - only `sent` and `failed` count (WhatsApp sends one of them for every message it accepted, dated
 *   when it went out), and only when dated after the claim (less the tolerance): a late `delivered`
 *   or `read` of an older message with the same key says nothing of this claim;
 * - the status's recipient must be the claim's (the group; the wa_id, in any of its forms, against
 *   the `to` read as a phone number; or the business-scoped user ID); another recipient makes the
 *   claim ambiguous (`otherRecipient`), so it is never resent by itself;
 * - `confirm` once every part has a status; `update` records what was seen; `ignore` otherwise.
 */
export function applyStatusToClaim(
	claim: ClaimAwaitingStatus,
	status: KeyedStatusSeen,
): { kind: 'ignore' } | { kind: 'confirm' } | { kind: 'update'; claim: ClaimAwaitingStatus } {
	if (status.status !== 'sent' && status.status !== 'failed') return { kind: 'ignore' };
	if (status.timestampSeconds === null || status.timestampSeconds * 1000 < claim.claimedAtMs - CLAIM_CLOCK_TOLERANCE_MS) return { kind: 'ignore' };
	if (!sameRecipient(claim.recipient, status)) {
		if (claim.otherRecipient) return { kind: 'ignore' };
		return { kind: 'update', claim: { ...claim, otherRecipient: status.groupId || status.waId || status.userId || 'unknown' } };
	}
	if (claim.seenMessageIds.includes(status.messageId)) return { kind: 'ignore' };
	const seenMessageIds = [...claim.seenMessageIds, status.messageId];
	return seenMessageIds.length >= claim.parts ? { kind: 'confirm' } : { kind: 'update', claim: { ...claim, seenMessageIds } };
}

/**
 * Whether the status names the claim's recipient: the group for a group message; else the wa_id
 * against the `to` read as a phone number ('+' or '00', separators; docs/phone-numbers.md), in any
 * of the wa_id's forms (Brazil's ninth digit, Mexico's legacy 1, Argentina's 9: WhatsApp answers
 * with the form it keeps, not the one sent); else the business-scoped user ID.
 */
function sameRecipient(recipient: string | undefined, status: KeyedStatusSeen): boolean {
	if (recipient === undefined) return true;
	if (status.groupId) return recipient.trim() === status.groupId;
	const digits = /^[\d\s+().-]+$/.test(recipient) ? phoneDigitsOf(recipient) : undefined;
	if (digits) return status.waId !== undefined && waIdForms(status.waId).includes(digits);
	return recipient === status.userId || recipient === status.parentUserId;
}

/** The wa_id digits of a `to` written as a phone number; its bare digits when it cannot be read as one. */
function phoneDigitsOf(recipient: string): string {
	try {
		return normaliseRecipient(recipient).waId;
	} catch {
		return recipient.replace(/\D/g, '');
	}
}

function waIdForms(waId: string): string[] {
	if (!/^\d{7,15}$/.test(waId)) return [waId];
	try {
		return phoneVariants(waId).map((e164) => e164.slice(1));
	} catch {
		return [waId];
	}
}

/** What is known of one unconfirmed claim, all times in ms since 1970 (UTC). */
export interface UnconfirmedSend {
	/** When the earlier run claimed the key; undefined when the record does not say. */
	claimedAtMs?: number;
	nowMs: number;
	/** Resend Unconfirmed After, in ms; 0 or less: never resend. */
	resendAfterMs: number;
	/** When a Trigger sharing the Redis last received a status of the sending number; undefined: never. */
	statusesHeardAtMs?: number;
	/** What statuses said of the claim so far (none: nothing, or no phone number ID to look under). */
	awaiting?: Pick<ClaimAwaitingStatus, 'parts' | 'seenMessageIds' | 'otherRecipient'>;
}

/**
 * - `resend`: no status came in `resendAfterMs`, while statuses of the same number did arrive after
 *   the claim: the request never reached WhatsApp;
 * - `wait`: too early to tell; a run from `resendFromMs` on decides;
 * - `keep`: cannot tell, or must not resend, so it stays unsent rather than risk a second message:
 *   some parts of a Long Text reached WhatsApp but not all (`partlySent`, their message IDs); a
 *   message with the key went to another recipient after the claim (`otherRecipient`); resending is
 *   off (`resendOff`); the claim has no time (`noTime`); no status of the number arrived after the
 *   claim (`noStatuses`: no Trigger shares the Redis, or it was down); or the sending number has no
 *   phone number ID (`noNumber`: a 360dialog credential), so no status can ever confirm it.
 */
export type UnconfirmedVerdict =
	| { action: 'resend' }
	| { action: 'wait'; resendFromMs: number }
	| { action: 'keep'; why: 'partlySent'; messageIds: string[]; parts: number }
	| { action: 'keep'; why: 'otherRecipient'; recipient: string }
	| { action: 'keep'; why: 'resendOff' | 'noTime' | 'noStatuses' | 'noNumber' };

export function judgeUnconfirmedSend(send: UnconfirmedSend): UnconfirmedVerdict {
	const seen = send.awaiting?.seenMessageIds ?? [];
	if (seen.length > 0) return { action: 'keep', why: 'partlySent', messageIds: seen, parts: send.awaiting!.parts };
	if (send.awaiting?.otherRecipient) return { action: 'keep', why: 'otherRecipient', recipient: send.awaiting.otherRecipient };
	if (!(send.resendAfterMs > 0)) return { action: 'keep', why: 'resendOff' };
	if (send.claimedAtMs === undefined || !Number.isFinite(send.claimedAtMs)) return { action: 'keep', why: 'noTime' };
	const resendFromMs = send.claimedAtMs + send.resendAfterMs;
	if (send.nowMs < resendFromMs) return { action: 'wait', resendFromMs };
	if (send.statusesHeardAtMs === undefined || send.statusesHeardAtMs <= send.claimedAtMs) return { action: 'keep', why: 'noStatuses' };
	return { action: 'resend' };
}
