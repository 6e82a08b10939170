/**
 * Webhook authenticity (Meta: Create a webhook endpoint): the GET verify-token handshake and the X-Hub-Signature-256
 * HMAC over the raw POST body. Comparisons are constant-time; no secret ever appears in a result.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureFailure = 'missing-signature' | 'malformed-signature' | 'mismatch' | 'missing-secret';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

/** Plain-words advice for each failure, safe to log (it names no secret). */
export const SIGNATURE_FAILURE_ADVICE: Record<SignatureFailure, string> = {
	'missing-secret': 'No App Secret is set: enter the App Secret from the Meta App Dashboard (App settings > Basic) in the credential.',
	'missing-signature': 'The request has no X-Hub-Signature-256 header: it did not come from Meta, or a proxy removed the header.',
	'malformed-signature': 'The X-Hub-Signature-256 header is not "sha256=" followed by 64 hex digits: it did not come from Meta.',
	mismatch: 'The signature does not match: check that the App Secret belongs to the app subscribed to this webhook, and that nothing re-encodes the body before it reaches n8n.',
};

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;

function toBytes(rawBody: Buffer | string): Buffer {
	if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
	if (rawBody instanceof Uint8Array) return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
	// A programming error, not a bad request: the caller lost the raw body (e.g. parsed JSON only).
	throw new TypeError('The raw request body is needed as a Buffer or string to check the signature; pass the bytes as received, not parsed JSON.');
}

function hmacSha256(rawBody: Buffer | string, appSecret: string): Buffer {
	return createHmac('sha256', appSecret).update(toBytes(rawBody)).digest();
}

/**
 * Checks the X-Hub-Signature-256 header against HMAC-SHA256(appSecret, rawBody). Pass the bytes
 * exactly as received: re-serialised JSON differs (key order, spacing, \uXXXX escapes) and fails.
 */
export function verifyMetaSignature(
	rawBody: Buffer | string,
	signatureHeader: string | undefined,
	appSecret: string,
): SignatureCheck {
	if (typeof appSecret !== 'string' || appSecret === '') return { valid: false, reason: 'missing-secret' };
	const header = typeof signatureHeader === 'string' ? signatureHeader.trim() : '';
	if (header === '') return { valid: false, reason: 'missing-signature' };
	const match = SIGNATURE_HEADER.exec(header);
	if (!match) return { valid: false, reason: 'malformed-signature' };
	const received = Buffer.from(match[1], 'hex');
	const expected = hmacSha256(rawBody, appSecret);
	// Both are 32 bytes here, which timingSafeEqual requires.
	return timingSafeEqual(received, expected) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** The X-Hub-Signature-256 header value Meta would send for this body (for tests and the emulator's peers). */
export function signMetaPayload(rawBody: Buffer | string, appSecret: string): string {
	return `sha256=${hmacSha256(rawBody, appSecret).toString('hex')}`;
}

export type ChallengeFailure = 'missing-verify-token-setting' | 'wrong-mode' | 'missing-challenge' | 'token-mismatch';

export type ChallengeCheck = { ok: true; challenge: string } | { ok: false; reason: ChallengeFailure };

/** Reads "hub.mode" whether the query parser kept the dotted key or nested it under `hub`. */
function hubParam(query: Record<string, unknown>, name: string): string | undefined {
	const flat = query[`hub.${name}`];
	const hub = query.hub;
	const nested = typeof hub === 'object' && hub !== null ? (hub as Record<string, unknown>)[name] : undefined;
	const value = flat ?? nested;
	return typeof value === 'string' ? value : undefined;
}

/** Same-length digests, so the comparison time does not reveal how much of the token matched. */
function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Meta's Create a webhook endpoint GET handshake page: when hub.mode is "subscribe" and hub.verify_token equals the configured
 * token, answer 200 with the challenge as plain text; otherwise answer 4xx.
 */
export function verifyChallenge(query: Record<string, unknown>, verifyToken: string): ChallengeCheck {
	if (typeof verifyToken !== 'string' || verifyToken === '') return { ok: false, reason: 'missing-verify-token-setting' };
	const safeQuery = typeof query === 'object' && query !== null ? query : {};
	if (hubParam(safeQuery, 'mode') !== 'subscribe') return { ok: false, reason: 'wrong-mode' };
	const challenge = hubParam(safeQuery, 'challenge');
	if (challenge === undefined || challenge === '') return { ok: false, reason: 'missing-challenge' };
	const token = hubParam(safeQuery, 'verify_token') ?? '';
	if (!sameSecret(token, verifyToken)) return { ok: false, reason: 'token-mismatch' };
	return { ok: true, challenge };
}

export const CHALLENGE_FAILURE_ADVICE: Record<ChallengeFailure, string> = {
	'missing-verify-token-setting': 'No verify token is set on this trigger: choose one and enter the same text as "Verify token" in the Meta App Dashboard.',
	'wrong-mode': 'hub.mode is not "subscribe": this is not Meta\'s verification request.',
	'missing-challenge': 'hub.challenge is missing: this is not Meta\'s verification request.',
	'token-mismatch': 'hub.verify_token does not match: enter the same verify token here and in the Meta App Dashboard.',
};
