/**
 * The `sha256` that GET /{media-id} returns (Meta: Media). Meta's docs do not say whether it is hex or
 * base64 (webhooks use base64, (Meta: Messages webhook reference)), so both spellings are accepted.
 */
import { createHash } from 'node:crypto';

export type ChecksumResult =
	| { status: 'match'; encoding: 'hex' | 'base64' }
	| { status: 'mismatch'; expected: string; actualHex: string }
	/** No checksum given, or one in neither spelling: nothing to compare. */
	| { status: 'unchecked' };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
// 32 bytes → 43 base64 characters plus one "=" (standard or URL-safe alphabet, padding optional).
const BASE64_SHA256 = /^[A-Za-z0-9+/_-]{43}=?$/;

function base64Standard(value: string): string {
	return value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

export function compareSha256(content: Uint8Array, expected: string | undefined | null): ChecksumResult {
	const given = String(expected ?? '').trim();
	if (!given) return { status: 'unchecked' };
	const digest = createHash('sha256').update(content).digest();
	const actualHex = digest.toString('hex');
	if (HEX_SHA256.test(given)) {
		return given.toLowerCase() === actualHex ? { status: 'match', encoding: 'hex' } : { status: 'mismatch', expected: given, actualHex };
	}
	if (BASE64_SHA256.test(given)) {
		const actual = digest.toString('base64').replace(/=+$/, '');
		return base64Standard(given) === actual ? { status: 'match', encoding: 'base64' } : { status: 'mismatch', expected: given, actualHex };
	}
	return { status: 'unchecked' };
}
