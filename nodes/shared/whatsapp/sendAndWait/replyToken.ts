/**
 * The reply token of Send and Wait for Response: what a reply-button ID, a list-row ID or a template
 * quick-reply payload carries, so the answer that comes back in the Trigger's webhook names the
 * waiting n8n execution without any store (docs/send-and-wait.md).
 *
 * `w1.<executionId>.<requestId>.<answer>.<expiresAt>.<sealed>`: the visible parts are authenticated,
 * `sealed` is AES-256-GCM over n8n's resume token of the execution (the `signature` of
 * `$execution.resumeUrl`), and the recipient is bound in without being carried: the token opens only
 * with the identity of the person it was sent to (Meta: Business-scoped user IDs for user IDs). The
 * key is derived (HKDF-SHA256) from a secret both the sending node and the Trigger hold: the App
 * Secret of the Meta app, or the credential's token. A token is at most 128 characters for execution
 * IDs up to 24 characters: within Meta's limits for reply-button IDs (256) and list-row IDs (200);
 * Meta documents no limit for quick-reply payloads (Meta: Template components).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { WhatsAppValidationError } from '../validationError';

const VERSION = 'w1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const EXECUTION_ID = /^[A-Za-z0-9_-]{1,40}$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{4,24}$/;
const ANSWER = /^[a-z0-9]{1,2}$/;
/** n8n's resume tokens are 32 random bytes written as 64 hex digits: packed as bytes to keep tokens short. */
const HEX_RESUME_TOKEN = /^[0-9a-f]{64}$/;

/** Longest token this module makes, to stay within every place Meta returns it (see the file comment). */
export const REPLY_TOKEN_MAX_LENGTH = 128;

/** The visible, authenticated part of a token. */
export interface ReplyTokenClaims {
	/** The waiting n8n execution. */
	executionId: string;
	/** One request of that execution (a loop may ask several times): random, per message. */
	requestId: string;
	/** Which answer the button or row gives (see answers.ts). */
	answer: string;
	/** Unix seconds after which the answer is late; undefined = no limit. */
	expiresAt?: number;
}

export interface SealInput extends ReplyTokenClaims {
	/** n8n's resume token of the execution (never shown to anyone). */
	resumeToken: string;
	/** Who may answer: see `recipientIdentity`. */
	recipient: string;
}

export type OpenedReplyToken =
	| { ok: true; claims: ReplyTokenClaims; resumeToken: string }
	| { ok: false; reason: 'notAToken' | 'notForThisSender' | 'expired'; claims?: ReplyTokenClaims };

/** A 32-byte key for one secret (the App Secret, or the credential's token). Throws when the secret is empty. */
export function replyTokenKey(secret: string): Buffer {
	if (!secret) {
		throw new WhatsAppValidationError(
			'The credential has neither an App Secret nor a token to sign Send and Wait answers with.',
			'credentials',
			"Fill in the credential's App Secret (the Trigger needs it too).",
		);
	}
	return Buffer.from(hkdfSync('sha256', secret, 'n8n-nodes-whatsapp-business', 'send-and-wait reply token v1', 32));
}

/** A fresh request ID: 6 random bytes, base64url (8 characters). */
export function newRequestId(): string {
	return randomBytes(6).toString('base64url');
}

/**
 * Who a message goes to, as tokens bind it: the digits of a phone number (`to`), or a
 * business-scoped user ID (`recipient`), as they appear in a built message body.
 */
export function recipientIdentity(body: { to?: string; recipient?: string }): string {
	if (body.recipient) return body.recipient;
	return String(body.to ?? '').replace(/\D/g, '');
}

function aad(claims: ReplyTokenClaims, recipient: string): Buffer {
	return Buffer.from([VERSION, claims.executionId, claims.requestId, claims.answer, claims.expiresAt ?? '', recipient].join('|'), 'utf8');
}

function visible(claims: ReplyTokenClaims): string {
	return [VERSION, claims.executionId, claims.requestId, claims.answer, claims.expiresAt === undefined ? '' : claims.expiresAt.toString(36)].join('.');
}

function packResumeToken(resumeToken: string): Buffer {
	// First byte says how the rest is written: 1 = packed hex, 0 = UTF-8 (a future n8n might change its format).
	return HEX_RESUME_TOKEN.test(resumeToken) ? Buffer.concat([Buffer.from([1]), Buffer.from(resumeToken, 'hex')]) : Buffer.concat([Buffer.from([0]), Buffer.from(resumeToken, 'utf8')]);
}

function unpackResumeToken(packed: Buffer): string {
	return packed[0] === 1 ? packed.subarray(1).toString('hex') : packed.subarray(1).toString('utf8');
}

/**
 * The token for one answer of one request. Throws WhatsAppValidationError when the parts cannot
 * make a token within REPLY_TOKEN_MAX_LENGTH (e.g. an unusually long execution ID).
 */
export function sealReplyToken(input: SealInput, key: Buffer): string {
	const claims: ReplyTokenClaims = { executionId: input.executionId, requestId: input.requestId, answer: input.answer, expiresAt: input.expiresAt };
	if (!EXECUTION_ID.test(claims.executionId) || !REQUEST_ID.test(claims.requestId) || !ANSWER.test(claims.answer)) {
		throw new WhatsAppValidationError(`Send and Wait cannot make an answer token for execution "${claims.executionId}".`, 'executionId', 'Run the workflow as a saved workflow (not a pinned-data preview).');
	}
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(aad(claims, input.recipient));
	const sealed = Buffer.concat([cipher.update(packResumeToken(input.resumeToken)), cipher.final()]);
	const token = `${visible(claims)}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
	if (token.length > REPLY_TOKEN_MAX_LENGTH) {
		throw new WhatsAppValidationError(
			`The answer token would be ${token.length} characters; WhatsApp returns at most ${REPLY_TOKEN_MAX_LENGTH} reliably.`,
			'executionId',
			'This happens with very long execution IDs; report it with your n8n version.',
		);
	}
	return token;
}

/** Whether a button ID or payload is one of our tokens at all (cheap; says nothing of its validity). */
export function looksLikeReplyToken(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith(`${VERSION}.`) && value.split('.').length === 6;
}

function parseClaims(token: string): { claims: ReplyTokenClaims; sealed: Buffer } | undefined {
	const [version, executionId, requestId, answer, expires, sealed] = token.split('.');
	if (version !== VERSION || !EXECUTION_ID.test(executionId) || !REQUEST_ID.test(requestId) || !ANSWER.test(answer)) return undefined;
	if (expires !== '' && !/^[0-9a-z]{1,12}$/.test(expires)) return undefined;
	const bytes = Buffer.from(sealed ?? '', 'base64url');
	if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
	return { claims: { executionId, requestId, answer, expiresAt: expires === '' ? undefined : parseInt(expires, 36) }, sealed: bytes };
}

function tryOpen(claims: ReplyTokenClaims, sealed: Buffer, recipient: string, key: Buffer): string | undefined {
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
		decipher.setAAD(aad(claims, recipient));
		decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
		return unpackResumeToken(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]));
	} catch {
		return undefined; // wrong sender, other key or altered token: all look the same, by design of GCM
	}
}

/**
 * Opens a token for the person who sent it back. `senderIdentities` are every form of that person
 * (see `senderIdentities` in replies.ts); `nowSeconds` is Unix seconds. A token from another sender,
 * made with another key, or altered, gives `notForThisSender`; one past its `expiresAt`, `expired`.
 */
export function openReplyToken(token: string, key: Buffer, senderIdentities: string[], nowSeconds: number): OpenedReplyToken {
	const parsed = looksLikeReplyToken(token) ? parseClaims(token) : undefined;
	if (!parsed) return { ok: false, reason: 'notAToken' };
	const resumeToken = senderIdentities.map((identity) => tryOpen(parsed.claims, parsed.sealed, identity, key)).find((opened) => opened !== undefined);
	if (resumeToken === undefined) return { ok: false, reason: 'notForThisSender' };
	if (parsed.claims.expiresAt !== undefined && nowSeconds > parsed.claims.expiresAt) return { ok: false, reason: 'expired', claims: parsed.claims };
	return { ok: true, claims: parsed.claims, resumeToken };
}
