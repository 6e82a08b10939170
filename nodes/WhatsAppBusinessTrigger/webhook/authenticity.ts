import { createHash, timingSafeEqual } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { SIGNATURE_FAILURE_ADVICE, verifyMetaSignature } from '../../shared/whatsapp/webhook';
import type { TriggerSettings } from '../settings';
import type { WebhookRequest } from './http';

export type Authenticity = { ok: true } | { ok: false; statusCode: number; reason: string };

const MISSING_RAW_BODY =
	'n8n did not keep the raw request body, so the signature cannot be checked. This is a problem of the n8n instance, not of the request: report it with the n8n version.';

const SECRET_HEADER_ADVICE = {
	missingSetting: 'No Header Value is set on the trigger: enter one, or choose Signature Check "None".',
	missingHeader: (name: string) =>
		`The request has no ${name} header: it did not come from 360dialog, or the webhook was registered without the header (re-activate the workflow, or add the header in the 360dialog Hub).`,
	mismatch: (name: string) => `The ${name} header does not match the Header Value set on the trigger.`,
};

/** Same-length digests, so the comparison time reveals nothing about the secret. */
function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

function headerValue(request: WebhookRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Cloud API: X-Hub-Signature-256 over the raw body with the App Secret (Meta: Create a webhook endpoint). 360dialog sends no
 * signature (docs/360dialog.md), so the optional check is a secret header registered with the webhook.
 * Reasons are safe to log and to answer: they never contain a secret or the body.
 */
export function checkAuthenticity(
	request: WebhookRequest,
	settings: TriggerSettings,
	credentials: ICredentialDataDecryptedObject,
): Authenticity {
	if (settings.signatureCheck === 'none') return { ok: true };
	if (settings.signatureCheck === 'secretHeader') {
		const { name, value } = settings.secretHeader ?? { name: '', value: '' };
		if (!name || !value) return { ok: false, statusCode: 401, reason: SECRET_HEADER_ADVICE.missingSetting };
		const given = headerValue(request, name);
		if (given === undefined) return { ok: false, statusCode: 401, reason: SECRET_HEADER_ADVICE.missingHeader(name) };
		return sameSecret(given, value) ? { ok: true } : { ok: false, statusCode: 401, reason: SECRET_HEADER_ADVICE.mismatch(name) };
	}
	const rawBody = request.rawBody;
	if (!Buffer.isBuffer(rawBody) && typeof rawBody !== 'string') return { ok: false, statusCode: 500, reason: MISSING_RAW_BODY };
	const check = verifyMetaSignature(rawBody, headerValue(request, 'x-hub-signature-256'), String(credentials.appSecret ?? ''));
	return check.valid ? { ok: true } : { ok: false, statusCode: 401, reason: SIGNATURE_FAILURE_ADVICE[check.reason] };
}
