/**
 * What every benchmark sends: the seeded UTILITY template `after_hours_reply` (en_US, body {{1}})
 * to distinct recipients (so Meta's pair rate limit, one message per user every 6 s, never applies),
 * each with its own tracking key in `biz_opaque_callback_data`.
 */
import { SEED } from '../../emulator';

export const BENCH_PHONE_NUMBER_ID: string = SEED.phoneNumberId;
export const BENCH_TOKEN: string = SEED.accessToken;
export const BENCH_TEMPLATE = { name: 'after_hours_reply', language: 'en_US' } as const;

/** The i-th recipient: +1 555 01xxxxx style numbers, all distinct. */
export function recipient(index: number): string {
	return `1555${String(index).padStart(7, '0')}`;
}

/** The i-th item's tracking key (its idempotency key once the node sets one). */
export function itemKey(run: string, index: number): string {
	return `${run}-${index}`;
}

/** A valid Cloud API template send (Meta: Send messages, Template components). */
export function templateMessage(index: number, key: string): Record<string, unknown> {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: `+${recipient(index)}`,
		type: 'template',
		template: {
			name: BENCH_TEMPLATE.name,
			language: { code: BENCH_TEMPLATE.language },
			components: [{ type: 'body', parameters: [{ type: 'text', text: `Customer ${index}` }] }],
		},
		biz_opaque_callback_data: key,
	};
}
