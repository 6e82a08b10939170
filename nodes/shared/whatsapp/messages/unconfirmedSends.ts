/**
 * What a rerun does with a message an earlier run claimed (just before sending it) but never
 * confirmed: its worker died, or its connection broke, while the request was on its way, so
 * WhatsApp may have it. WhatsApp has no look-up of sent messages by our key; what tells is a status
 * webhook, which WhatsApp sends for every accepted message within seconds, with the message's
 * tracking data (Meta: Status messages webhook reference). A WhatsApp Trigger sharing the node's
 * Redis turns such a claim into "sent" when a status arrives; this decides the rest.
 */

/** What is known of one unconfirmed claim, all times in ms since 1970 (UTC). */
export interface UnconfirmedSend {
	/** When the earlier run claimed the key; undefined when the record does not say. */
	claimedAtMs?: number;
	nowMs: number;
	/** Resend Unconfirmed After, in ms; 0 or less: never resend. */
	resendAfterMs: number;
	/** When a Trigger sharing the Redis last received a status of the sending number; undefined: never. */
	statusesHeardAtMs?: number;
}

/**
 * - `resend`: no status came in `resendAfterMs`, while statuses of the same number did arrive after
 *   the claim: the request never reached WhatsApp;
 * - `wait`: too early to tell; a run from `resendFromMs` on decides;
 * - `keep`: cannot tell, so it stays unsent rather than risk a second message: resending is off
 *   (`resendOff`), the claim has no time (`noTime`), or no status of the number arrived after the
 *   claim (`noStatuses`: no Trigger shares the Redis, or it was down), or the sending number has no
 *   phone number ID (`noNumber`: a 360dialog credential), so no status can ever confirm it.
 */
export type UnconfirmedVerdict =
	| { action: 'resend' }
	| { action: 'wait'; resendFromMs: number }
	| { action: 'keep'; why: 'resendOff' | 'noTime' | 'noStatuses' | 'noNumber' };

export function judgeUnconfirmedSend(send: UnconfirmedSend): UnconfirmedVerdict {
	if (!(send.resendAfterMs > 0)) return { action: 'keep', why: 'resendOff' };
	if (send.claimedAtMs === undefined || !Number.isFinite(send.claimedAtMs)) return { action: 'keep', why: 'noTime' };
	const resendFromMs = send.claimedAtMs + send.resendAfterMs;
	if (send.nowMs < resendFromMs) return { action: 'wait', resendFromMs };
	if (send.statusesHeardAtMs === undefined || send.statusesHeardAtMs <= send.claimedAtMs) return { action: 'keep', why: 'noStatuses' };
	return { action: 'resend' };
}
