import { createHmac } from 'node:crypto';
import { signMetaPayload, verifyChallenge, verifyMetaSignature } from '../../../nodes/shared/whatsapp/webhook';

const APP_SECRET = 'test-app-secret-0123456789abcdef';
// Meta escapes non-ASCII as \uXXXX (Meta: Create a webhook endpoint), so the raw bytes differ from a re-serialised copy.
const RAW_BODY = '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messages":[{"text":{"body":"Ol\\u00e1 \\ud83d\\ude00"}}]}}]}]}';

describe('verifyMetaSignature (Meta: Create a webhook endpoint)', () => {
	const header = `sha256=${createHmac('sha256', APP_SECRET).update(RAW_BODY).digest('hex')}`;

	it('accepts the HMAC-SHA256 of the raw body keyed with the App Secret', () => {
		expect(verifyMetaSignature(RAW_BODY, header, APP_SECRET)).toEqual({ valid: true });
		expect(verifyMetaSignature(Buffer.from(RAW_BODY), header, APP_SECRET)).toEqual({ valid: true });
	});

	it('accepts upper-case hex and surrounding spaces', () => {
		expect(verifyMetaSignature(RAW_BODY, `  ${header.replace(/[a-f]/g, (c) => c.toUpperCase()).replace('SHA256', 'sha256')} `, APP_SECRET)).toEqual({ valid: true });
	});

	it('signMetaPayload produces the header Meta would send', () => {
		expect(signMetaPayload(RAW_BODY, APP_SECRET)).toBe(header);
		expect(signMetaPayload(Buffer.from(RAW_BODY), APP_SECRET)).toBe(header);
	});

	it('rejects a body changed by one byte', () => {
		expect(verifyMetaSignature(RAW_BODY.replace('102290129340398', '102290129340399'), header, APP_SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('rejects the same JSON re-serialised (escapes and spacing differ from the signed bytes)', () => {
		const reserialised = JSON.stringify(JSON.parse(RAW_BODY));
		expect(JSON.parse(reserialised)).toEqual(JSON.parse(RAW_BODY));
		expect(verifyMetaSignature(reserialised, header, APP_SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		expect(verifyMetaSignature(JSON.stringify(JSON.parse(RAW_BODY), null, 2), header, APP_SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('rejects a signature made with another secret', () => {
		expect(verifyMetaSignature(RAW_BODY, signMetaPayload(RAW_BODY, 'another-secret'), APP_SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it.each([undefined, '', '   '])('reports a missing header (%j)', (missing) => {
		expect(verifyMetaSignature(RAW_BODY, missing, APP_SECRET)).toEqual({ valid: false, reason: 'missing-signature' });
	});

	it.each([
		['no prefix', header.slice('sha256='.length)],
		['legacy sha1 header', `sha1=${createHmac('sha1', APP_SECRET).update(RAW_BODY).digest('hex')}`],
		['too short', header.slice(0, -2)],
		['not hex', `sha256=${'z'.repeat(64)}`],
		['extra text', `${header}, sha256=00`],
	])('reports a malformed header: %s', (_case, malformed) => {
		expect(verifyMetaSignature(RAW_BODY, malformed, APP_SECRET)).toEqual({ valid: false, reason: 'malformed-signature' });
	});

	it('reports a missing App Secret before looking at the header, and never echoes the secret', () => {
		expect(verifyMetaSignature(RAW_BODY, header, '')).toEqual({ valid: false, reason: 'missing-secret' });
		expect(JSON.stringify(verifyMetaSignature(RAW_BODY, 'sha256=' + '0'.repeat(64), APP_SECRET))).not.toContain(APP_SECRET);
	});

	it('refuses to guess when the raw body was lost (parsed JSON instead of bytes)', () => {
		expect(() => verifyMetaSignature({ object: 'x' } as unknown as string, header, APP_SECRET)).toThrow(/raw request body/);
	});
});

describe('verifyChallenge (Meta: Create a webhook endpoint)', () => {
	const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'my-verify-token' };

	it('returns the challenge when mode is subscribe and the token matches', () => {
		expect(verifyChallenge(query, 'my-verify-token')).toEqual({ ok: true, challenge: '1158201444' });
	});

	it('also reads query parsers that nest dotted keys under `hub`', () => {
		const nested = { hub: { mode: 'subscribe', challenge: '42', verify_token: 'my-verify-token' } };
		expect(verifyChallenge(nested, 'my-verify-token')).toEqual({ ok: true, challenge: '42' });
	});

	it.each([
		['a wrong token', { ...query, 'hub.verify_token': 'guess' }, 'token-mismatch'],
		['a token that only shares a prefix', { ...query, 'hub.verify_token': 'my-verify-token-and-more' }, 'token-mismatch'],
		['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }, 'token-mismatch'],
		['another mode', { ...query, 'hub.mode': 'unsubscribe' }, 'wrong-mode'],
		['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token' }, 'missing-challenge'],
		['a repeated parameter (array)', { ...query, 'hub.verify_token': ['my-verify-token', 'x'] }, 'token-mismatch'],
	])('rejects %s', (_case, badQuery, reason) => {
		expect(verifyChallenge(badQuery, 'my-verify-token')).toEqual({ ok: false, reason });
	});

	it('never accepts when no verify token is configured, even if the request sends an empty one', () => {
		expect(verifyChallenge({ ...query, 'hub.verify_token': '' }, '')).toEqual({ ok: false, reason: 'missing-verify-token-setting' });
	});
});
