/**
 * What a rerun does with a message an earlier run claimed but never confirmed (judgeUnconfirmedSend):
 * it is sent again only after Resend Unconfirmed After, and only when statuses of the number arrived
 * after the claim (a Trigger was recording them, and none was this message's).
 */
import { applyStatusToClaim, judgeUnconfirmedSend, type ClaimAwaitingStatus, type KeyedStatusSeen } from '../../../nodes/shared/whatsapp/messages';

const CLAIMED = Date.parse('2026-12-01T10:00:00Z');
const TEN_MINUTES = 10 * 60_000;
const judge = (overrides: Partial<Parameters<typeof judgeUnconfirmedSend>[0]>) =>
	judgeUnconfirmedSend({ claimedAtMs: CLAIMED, nowMs: CLAIMED + 11 * 60_000, resendAfterMs: TEN_MINUTES, statusesHeardAtMs: CLAIMED + 2_000, ...overrides });

describe('an unconfirmed claim', () => {
	test('is sent again once the wait has passed and statuses of the number arrived after the claim', () => {
		expect(judge({})).toEqual({ action: 'resend' });
	});

	test('waits until the claim time plus Resend Unconfirmed After, and says from when', () => {
		expect(judge({ nowMs: CLAIMED + 60_000 })).toEqual({ action: 'wait', resendFromMs: CLAIMED + TEN_MINUTES });
	});

	test('is kept (never resent) when no status of the number arrived after the claim: no Trigger records them, or it was down', () => {
		expect(judge({ statusesHeardAtMs: undefined })).toEqual({ action: 'keep', why: 'noStatuses' });
		expect(judge({ statusesHeardAtMs: CLAIMED })).toEqual({ action: 'keep', why: 'noStatuses' });
		expect(judge({ statusesHeardAtMs: CLAIMED - 1 })).toEqual({ action: 'keep', why: 'noStatuses' });
	});

	test('is kept when Resend Unconfirmed After is 0, or the claim has no readable time', () => {
		expect(judge({ resendAfterMs: 0 })).toEqual({ action: 'keep', why: 'resendOff' });
		expect(judge({ claimedAtMs: undefined })).toEqual({ action: 'keep', why: 'noTime' });
		expect(judge({ claimedAtMs: Number.NaN })).toEqual({ action: 'keep', why: 'noTime' });
	});
});

describe('an unconfirmed claim, after some statuses', () => {
	test('is never resent when some parts of a Long Text reached WhatsApp: the verdict names them', () => {
		expect(judge({ awaiting: { parts: 2, seenMessageIds: ['wamid.P1'] } })).toEqual({ action: 'keep', why: 'partlySent', messageIds: ['wamid.P1'], parts: 2 });
	});

	test('is never resent when a message with the key went to another recipient after the claim', () => {
		expect(judge({ awaiting: { parts: 1, seenMessageIds: [], otherRecipient: '447700900123' } })).toEqual({ action: 'keep', why: 'otherRecipient', recipient: '447700900123' });
	});
});

describe('a status webhook applied to a claim waiting for it', () => {
	const claim: ClaimAwaitingStatus = { claimedAtMs: CLAIMED, recipient: '+1 650-555-1234', parts: 1, seenMessageIds: [] };
	const status = (overrides: Partial<KeyedStatusSeen> = {}): KeyedStatusSeen => ({ status: 'sent', messageId: 'wamid.A', timestampSeconds: CLAIMED / 1000 + 1, waId: '16505551234', ...overrides });

	test('"sent" or "failed" to the same recipient (digits of the to against the wa_id), dated after the claim, confirms it', () => {
		expect(applyStatusToClaim(claim, status())).toEqual({ kind: 'confirm' });
		expect(applyStatusToClaim(claim, status({ status: 'failed' }))).toEqual({ kind: 'confirm' });
		expect(applyStatusToClaim({ ...claim, recipient: 'US.13491208655302741918' }, status({ waId: undefined, userId: 'US.13491208655302741918' }))).toEqual({ kind: 'confirm' });
	});

	test('"delivered" or "read", or a status dated well before the claim (an older message with the same key), says nothing', () => {
		expect(applyStatusToClaim(claim, status({ status: 'read' }))).toEqual({ kind: 'ignore' });
		expect(applyStatusToClaim(claim, status({ status: 'delivered' }))).toEqual({ kind: 'ignore' });
		expect(applyStatusToClaim(claim, status({ timestampSeconds: CLAIMED / 1000 - 3600 }))).toEqual({ kind: 'ignore' });
		expect(applyStatusToClaim(claim, status({ timestampSeconds: null }))).toEqual({ kind: 'ignore' });
		// Meta's clock and ours: a few seconds before the claim still counts.
		expect(applyStatusToClaim(claim, status({ timestampSeconds: CLAIMED / 1000 - 5 }))).toEqual({ kind: 'confirm' });
	});

	test('a status to another recipient makes the claim ambiguous instead of confirming it', () => {
		expect(applyStatusToClaim(claim, status({ waId: '447700900123' }))).toEqual({ kind: 'update', claim: { ...claim, otherRecipient: '447700900123' } });
	});

	test('a Long Text is confirmed once every part has a status; the same message twice counts once', () => {
		const twoParts = { ...claim, parts: 2 };
		const first = applyStatusToClaim(twoParts, status());
		expect(first).toEqual({ kind: 'update', claim: { ...twoParts, seenMessageIds: ['wamid.A'] } });
		const afterFirst = (first as { claim: ClaimAwaitingStatus }).claim;
		expect(applyStatusToClaim(afterFirst, status({ status: 'failed' }))).toEqual({ kind: 'ignore' });
		expect(applyStatusToClaim(afterFirst, status({ messageId: 'wamid.B' }))).toEqual({ kind: 'confirm' });
	});
});

describe('a status webhook to the same customer written another way', () => {
	const claimTo = (recipient: string): ClaimAwaitingStatus => ({ claimedAtMs: CLAIMED, recipient, parts: 1, seenMessageIds: [] });
	const sentTo = (waId: string, overrides: Partial<KeyedStatusSeen> = {}): KeyedStatusSeen => ({ status: 'sent', messageId: 'wamid.A', timestampSeconds: CLAIMED / 1000 + 1, waId, ...overrides });

	test('a wa_id without the Brazilian ninth digit, with Mexico\'s legacy 1 or Argentina\'s 9 (docs/phone-numbers.md) confirms the claim, not "another recipient"', () => {
		expect(applyStatusToClaim(claimTo('+5511987654321'), sentTo('551187654321'))).toEqual({ kind: 'confirm' });
		expect(applyStatusToClaim(claimTo('+525512345678'), sentTo('5215512345678'))).toEqual({ kind: 'confirm' });
		expect(applyStatusToClaim(claimTo('+541123456789'), sentTo('5491123456789'))).toEqual({ kind: 'confirm' });
	});

	test('a to written with 00 instead of + (a raw message body) is the same recipient as its wa_id', () => {
		expect(applyStatusToClaim(claimTo('0044 7700 900123'), sentTo('447700900123'))).toEqual({ kind: 'confirm' });
	});

	test('a message to a group is confirmed by a status naming the group, whichever participant it names', () => {
		const group = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyNzIzNjk=';
		expect(applyStatusToClaim(claimTo(group), sentTo('16505551234', { groupId: group }))).toEqual({ kind: 'confirm' });
		expect(applyStatusToClaim(claimTo(group), sentTo('16505551234', { groupId: 'another-group' }))).toMatchObject({ kind: 'update', claim: { otherRecipient: 'another-group' } });
	});

	test('a different customer in the same country is still another recipient', () => {
		expect(applyStatusToClaim(claimTo('+5511987654321'), sentTo('551187654322'))).toMatchObject({ kind: 'update', claim: { otherRecipient: '551187654322' } });
	});
});
