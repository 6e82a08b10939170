/** Identifier formats (Meta: Send messages): numeric-string IDs and opaque `wamid.` message IDs. */
import { randomBytes as cryptoRandomBytes, randomInt } from 'node:crypto';

/** Random bytes cut from a 64 KB pool: one system call per ~2,000 IDs instead of three per message. */
let pool = Buffer.alloc(0);
let poolOffset = 0;
function randomBytes(size: number): Buffer {
	if (poolOffset + size > pool.length) {
		pool = cryptoRandomBytes(64 * 1024);
		poolOffset = 0;
	}
	poolOffset += size;
	return pool.subarray(poolOffset - size, poolOffset);
}

/** A numeric string like Meta's media and template IDs (16 digits, no leading zero). */
export function numericId(): string {
	return String(randomInt(1, 10)) + Array.from({ length: 15 }, () => randomInt(0, 10)).join('');
}

/** A wamid: base64 of the recipient and a random part, prefixed `wamid.` like Meta's (Meta: Send messages). */
export function wamid(waId: string): string {
	const payload = Buffer.concat([Buffer.from([0x18, waId.length]), Buffer.from(waId), Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]), Buffer.from(randomBytes(9).toString('hex').toUpperCase())]);
	return `wamid.${payload.toString('base64')}`;
}

/** fbtrace_id (Meta: Error codes): an opaque token people quote to support. */
export function fbtraceId(): string {
	return randomBytes(17).toString('base64').replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : '')).slice(0, 23);
}

/** Meta's Status messages webhook reference page: conversation.id: 32 hex characters. */
export function conversationId(): string {
	return randomBytes(16).toString('hex');
}
