import { createHash } from 'node:crypto';
import { compareSha256 } from '../../../nodes/shared/whatsapp/media/checksum';

const content = Buffer.from('%PDF-1.4 a small invoice');
const digest = createHash('sha256').update(content).digest();

describe('compareSha256 ((Meta: Media) hex or base64 not confirmed, so both are accepted)', () => {
	test('matches a hex checksum, in either case', () => {
		expect(compareSha256(content, digest.toString('hex'))).toEqual({ status: 'match', encoding: 'hex' });
		expect(compareSha256(content, digest.toString('hex').toUpperCase())).toEqual({ status: 'match', encoding: 'hex' });
	});

	test('matches a base64 checksum, padded or not, standard or URL-safe', () => {
		expect(compareSha256(content, digest.toString('base64'))).toEqual({ status: 'match', encoding: 'base64' });
		expect(compareSha256(content, digest.toString('base64url'))).toEqual({ status: 'match', encoding: 'base64' });
	});

	test('a checksum of other bytes is a mismatch that reports both values', () => {
		const other = createHash('sha256').update('something else').digest();
		expect(compareSha256(content, other.toString('hex'))).toEqual({ status: 'mismatch', expected: other.toString('hex'), actualHex: digest.toString('hex') });
		expect(compareSha256(content, other.toString('base64'))).toMatchObject({ status: 'mismatch' });
	});

	test('no checksum, or one in neither spelling, is left unchecked rather than failing the download', () => {
		expect(compareSha256(content, undefined)).toEqual({ status: 'unchecked' });
		expect(compareSha256(content, '')).toEqual({ status: 'unchecked' });
		expect(compareSha256(content, 'not-a-hash')).toEqual({ status: 'unchecked' });
	});
});
