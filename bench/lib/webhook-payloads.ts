/**
 * Inbound `messages` webhooks as Meta posts them ("Webhooks: messages" reference): one change whose
 * value holds `contacts[]` and `messages[]`, here `count` text messages from `count` different users
 * (a busy number's batch), with fresh message IDs so duplicate filters never drop them.
 */
import { randomBytes } from 'node:crypto';
import { SEED } from '../../emulator';

export function inboundBatch(count: number, sequence: number, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, unknown> {
	const contacts = [];
	const messages = [];
	for (let index = 0; index < count; index += 1) {
		const waId = `1650${String(sequence * count + index).padStart(7, '0')}`.slice(-11);
		contacts.push({ profile: { name: `Customer ${index}` }, wa_id: waId });
		messages.push({ from: waId, id: `wamid.${randomBytes(24).toString('base64')}`, timestamp: String(nowSeconds), type: 'text', text: { body: `Hello from ${index}` } });
	}
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: SEED.wabaId,
				changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: SEED.phoneNumberId }, contacts, messages } }],
			},
		],
	};
}
