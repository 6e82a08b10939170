import type { IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';
import { messagesPerSecondOfLevel } from '../../shared/whatsapp/account/phoneNumberHealth';

/** How long a number's throughput level read from WhatsApp is reused: it changes rarely (an upgrade). */
const LEVEL_TTL_MS = 10 * 60 * 1000;
/** Meta's Throughput page: 80 messages per second unless upgraded. */
export const DEFAULT_MESSAGES_PER_SECOND = 80;

const levels = new Map<string, { at: number; messagesPerSecond: Promise<number> }>();

/**
 * The ceiling of the sending number from its `throughput.level` (Meta: Phone numbers, Throughput:
 * STANDARD 80, HIGH 1,000 messages per second), read with GET /{phone-number-id}?fields=throughput
 * and kept for 10 minutes in this process. A level without a known rate, and 360dialog (whose API
 * does not expose it), give 80. A failed read throws (and is not kept).
 */
export async function throughputOfNumber(this: IExecuteFunctions, connection: WhatsAppConnection, itemIndex: number): Promise<number> {
	if (connection.provider !== 'cloudApi') return DEFAULT_MESSAGES_PER_SECOND;
	const key = `${connection.apiRoot}\u0000${connection.phoneNumberId ?? ''}`;
	const known = levels.get(key);
	if (known && Date.now() - known.at < LEVEL_TTL_MS) return await known.messagesPerSecond;
	const messagesPerSecond = whatsAppRequest
		.call(this, connection, { method: 'GET', url: endpoints.phoneNumber(connection), qs: { fields: 'throughput' }, itemIndex })
		.then((response) => messagesPerSecondOfLevel((response.body as { throughput?: { level?: string } }).throughput?.level) ?? DEFAULT_MESSAGES_PER_SECOND);
	levels.set(key, { at: Date.now(), messagesPerSecond });
	messagesPerSecond.catch(() => levels.delete(key));
	return await messagesPerSecond;
}
