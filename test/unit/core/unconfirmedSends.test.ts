/**
 * What a rerun does with a message an earlier run claimed but never confirmed (judgeUnconfirmedSend):
 * it is sent again only after Resend Unconfirmed After, and only when statuses of the number arrived
 * after the claim (a Trigger was recording them, and none was this message's).
 */
import { judgeUnconfirmedSend } from '../../../nodes/shared/whatsapp/messages';

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
