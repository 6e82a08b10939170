import fc from 'fast-check';
import {
	REPLY_TOKEN_MAX_LENGTH,
	looksLikeReplyToken,
	newRequestId,
	openReplyToken,
	recipientIdentity,
	replyTokenKey,
	sealReplyToken,
} from '../../../nodes/shared/whatsapp/sendAndWait';
import { senderIdentities } from '../../../nodes/shared/whatsapp/sendAndWait';

const KEY = replyTokenKey('emulator-app-secret');
const RESUME_TOKEN = 'a3f1'.repeat(16); // 64 hex digits, as n8n makes them
const NOW = 1_780_000_000;
const claims = { executionId: '1234', requestId: 'Ab3_d-9Z', answer: 'a', expiresAt: NOW + 3600 };
const seal = (overrides: Partial<Parameters<typeof sealReplyToken>[0]> = {}) =>
	sealReplyToken({ ...claims, resumeToken: RESUME_TOKEN, recipient: '447700900123', ...overrides }, KEY);
const person = (waId: string, userId?: string) => senderIdentities({ waId, e164: `+${waId}`, ...(userId ? { userId } : {}) });

describe('reply tokens of Send and Wait', () => {
	test('open for the person asked: the claims and the resume token come back', () => {
		const opened = openReplyToken(seal(), KEY, person('447700900123'), NOW);
		expect(opened).toEqual({ ok: true, claims, resumeToken: RESUME_TOKEN });
	});

	test('do not open for another sender, another key or an altered token; they look the same', () => {
		const token = seal();
		expect(openReplyToken(token, KEY, person('447700900999'), NOW)).toEqual({ ok: false, reason: 'notForThisSender' });
		expect(openReplyToken(token, replyTokenKey('another-app-secret'), person('447700900123'), NOW)).toEqual({ ok: false, reason: 'notForThisSender' });
		// Changing the visible answer (decline → approve) breaks the seal.
		expect(openReplyToken(token.replace('.a.', '.d.'), KEY, person('447700900123'), NOW)).toEqual({ ok: false, reason: 'notForThisSender' });
	});

	test('past their expiry they are late, and still say which execution they were for', () => {
		expect(openReplyToken(seal(), KEY, person('447700900123'), NOW + 3601)).toEqual({ ok: false, reason: 'expired', claims });
		const unlimited = seal({ expiresAt: undefined });
		expect(openReplyToken(unlimited, KEY, person('447700900123'), NOW + 10 * 365 * 86400)).toMatchObject({ ok: true, claims: { expiresAt: undefined } });
	});

	test('bind the number as sent; a Brazilian wa_id without the ninth digit still opens (docs/phone-numbers.md)', () => {
		const token = seal({ recipient: recipientIdentity({ to: '+5511987654321' }) });
		expect(openReplyToken(token, KEY, person('551187654321'), NOW)).toMatchObject({ ok: true });
	});

	test('bind a business-scoped user ID when the request went to one', () => {
		const token = seal({ recipient: recipientIdentity({ recipient: 'US.13491208655302741918' }) });
		expect(openReplyToken(token, KEY, person('', 'US.13491208655302741918'), NOW)).toMatchObject({ ok: true });
		expect(openReplyToken(token, KEY, person('447700900123'), NOW)).toMatchObject({ ok: false, reason: 'notForThisSender' });
	});

	test('keep a resume token that is not hex (a future n8n format) as it was', () => {
		const opened = openReplyToken(seal({ resumeToken: 'not-hex:Token/+' }), KEY, person('447700900123'), NOW);
		expect(opened).toMatchObject({ ok: true, resumeToken: 'not-hex:Token/+' });
	});

	test('other button ids and payloads are not tokens', () => {
		for (const value of ['Approve', 'change-button', 'w1.only.three', '', undefined, 42]) {
			expect(looksLikeReplyToken(value)).toBe(false);
		}
		expect(openReplyToken('w1.x.y.z.w.v', KEY, person('447700900123'), NOW)).toEqual({ ok: false, reason: 'notAToken' });
	});

	test(`stay within ${REPLY_TOKEN_MAX_LENGTH} characters for execution ids up to 24 characters, and refuse to make longer ones`, () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9]{1,24}$/), fc.constantFrom('a', 'd', '0', '9', 't'), (executionId, answer) => {
				const token = seal({ executionId, answer, requestId: newRequestId(), expiresAt: NOW + 400 * 86400 });
				expect(token.length).toBeLessThanOrEqual(REPLY_TOKEN_MAX_LENGTH);
				expect(openReplyToken(token, KEY, person('447700900123'), NOW)).toMatchObject({ ok: true, claims: { executionId, answer } });
			}),
			{ numRuns: 200 },
		);
		expect(() => seal({ executionId: '9'.repeat(40) })).toThrow(/characters/);
	});

	test('need a secret to make a key', () => {
		expect(() => replyTokenKey('')).toThrow(/App Secret/);
	});
});
