/**
 * Every message type the WhatsApp Business Trigger emits keeps its content in a CRM note or ticket
 * comment: items made by the trigger's own normaliser from Meta's webhook shapes (test/unit/webhook
 * fixtures), read back as n8n passes items (JSON), rendered with the default note template.
 */
import { DEFAULT_NOTE_TEMPLATE, messageFromItem, noteValues, personFromItem, renderNote } from '../../../nodes/shared/crm';
import { normaliseWebhook } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from '../../unit/webhook/fixtures';

/** The trigger's item for one raw Meta message, as the next node receives it. */
function triggerItem(message: Record<string, unknown>): Record<string, unknown> {
	const [event] = normaliseWebhook(fx.inbound(message));
	return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

const noteOf = (item: Record<string, unknown>): string => {
	const message = messageFromItem(item, { now: '2026-05-14T09:51:07.000Z' });
	return renderNote(DEFAULT_NOTE_TEMPLATE, noteValues(message, personFromItem(item), item));
};

describe('the note of each inbound message type says what the message said', () => {
	test.each([
		['text', fx.TEXT, 'Does it come in another color?'],
		['image with a caption', fx.IMAGE, 'Taj Mahal'],
		['document with its caption', fx.DOCUMENT, 'March invoice'],
		['voice message', fx.VOICE_NOTE, '[voice message]'],
		['animated sticker', fx.ANIMATED_STICKER, '[sticker]'],
		[
			'location: place, address, coordinates and its link',
			fx.LOCATION,
			'Location: Solomon R. Guggenheim Museum, 1071 5th Ave, New York, NY 10128 (40.782910059774, -73.959075808525) https://www.guggenheim.org',
		],
		['shared contact: name and number', fx.SHARED_CONTACT, 'Shared contact: Lucía Gómez: +1 (983) 555-2319'],
		['reaction: the emoji and the message it is on', fx.REACTION, 'Reacted \ud83d\ude2e to message wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA'],
		["template quick-reply button: its text and payload", fx.TEMPLATE_QUICK_REPLY, 'Tapped the button "Unsubscribe" (payload Unsubscribe)'],
		['reply button: title and ID', fx.BUTTON_REPLY, 'Tapped the button "Change" (button ID change-button)'],
		['list row: title, description and ID', fx.LIST_REPLY, 'Chose "Priority Mail Express" from a list – Next Day to 2 Days (row ID priority_express)'],
		['flow: its answers', fx.flowReply('{"flow_token": "booking-42", "date": "2025-07-01", "guests": 2}'), 'Sent the flow "flow": date: 2025-07-01, guests: 2'],
		['order: items, prices, total and the note', fx.ORDER, 'Order of 1 item from catalog 194836987003835: di9ozbzfi4 × 2 at 7.99 USD; total 15.98 USD – "Love these!"'],
		['system: the change', fx.USER_CHANGED_NUMBER, 'System: User Sheena Nelson changed from 16505551234 to 12195555358 (new WhatsApp ID 12195555358)'],
		['request_welcome', { type: 'request_welcome' }, 'Opened the chat for the first time (a welcome message was requested)'],
		['unsupported: the type WhatsApp named', fx.UNSUPPORTED_EDIT, '[a message WhatsApp does not support: edit]'],
		['a message from a click-to-WhatsApp ad names the ad', { ...fx.TEXT, referral: fx.CTWA_REFERRAL }, 'Does it come in another color?\nFrom the ad "Chat with us" (https://fb.me/3cr4Wqqkv)'],
	])('%s', (_label, raw, said) => {
		const note = noteOf(triggerItem(raw as Record<string, unknown>));
		expect(note).toContain(said);
		expect(note).not.toMatch(/^\[(location|contacts|reaction|button|interactive|order|system|request_welcome)\]$/m);
	});

	test('a location without name or url still has its coordinates and a map link', () => {
		const item = triggerItem({ type: 'location', location: { latitude: 51.5007, longitude: -0.1246 } });
		expect(noteOf(item)).toContain('Location: shared (51.5007, -0.1246) https://maps.google.com/?q=51.5007,-0.1246');
	});

	test('a document without a caption is named by its file name', () => {
		const item = triggerItem({ type: 'document', document: { filename: 'quote.pdf', mime_type: 'application/pdf', id: '9' } });
		expect(noteOf(item)).toContain('[document: quote.pdf]');
	});
});
