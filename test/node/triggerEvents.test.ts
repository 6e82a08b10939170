/**
 * What comes out of the trigger: one item per message, status and change, in the core's
 * normalised shape, for Meta's documented payloads (Meta: Messages webhook reference, Webhooks overview), signed as Meta signs.
 */
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { inbound, messagesEnvelope, SEED, SHEENA, signed, startTriggerTestBed, useTriggerTestBed, statusUpdate, textMessage, type TriggerTestBed } from '../harness/triggerTestBed';

// Messages and statuses: statuses are not in Trigger On by default (a chatbot would run once per status).
const bed = useTriggerTestBed({ parameters: { events: ['message', 'status'] } });
beforeEach(() => forgetAllDuplicates());

async function deliver(payload: unknown, target: TriggerTestBed = bed) {
	const { body, headers } = signed(payload);
	return await target.post(body, headers);
}

const FROM = { waId: '16505551234', e164: '+16505551234', profileName: 'Sheena Nelson' };
const COMMON = { kind: 'message', field: 'messages', wabaId: SEED.wabaId, phoneNumberId: SEED.phoneNumberId, displayPhoneNumber: '15550783881', from: FROM, timestamp: '2025-06-08T20:59:43.000Z', timestampEpoch: 1749416383 };

/** Meta's Messages webhook reference page: each message type as Meta documents it, and the item it must become. */
const MESSAGE_CASES: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
	['text', { type: 'text', text: { body: 'Does it come in another color?' } }, { type: 'text', text: 'Does it come in another color?' }],
	[
		'image',
		{ type: 'image', image: { caption: 'Taj Mahal', mime_type: 'image/jpeg', sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=', id: '1003383421387256' } },
		{ type: 'image', caption: 'Taj Mahal', text: 'Taj Mahal', media: { id: '1003383421387256', mimeType: 'image/jpeg', sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=' } },
	],
	['video', { type: 'video', video: { mime_type: 'video/mp4', sha256: 'abc=', id: '2001' } }, { type: 'video', media: { id: '2001', mimeType: 'video/mp4' } }],
	['audio (voice note)', { type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'abc=', id: '2002', voice: true } }, { type: 'audio', media: { id: '2002', voice: true } }],
	[
		'document',
		{ type: 'document', document: { caption: 'March invoice', filename: 'invoice.pdf', mime_type: 'application/pdf', sha256: 'abc=', id: '2003' } },
		{ type: 'document', caption: 'March invoice', media: { id: '2003', filename: 'invoice.pdf', mimeType: 'application/pdf' } },
	],
	['sticker', { type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'abc=', id: '2004', animated: true } }, { type: 'sticker', media: { id: '2004', animated: true } }],
	[
		'location',
		{ type: 'location', location: { latitude: 40.782910059774, longitude: -73.959075808525, name: 'Solomon R. Guggenheim Museum', address: '1071 5th Ave, New York, NY 10128' } },
		{ type: 'location', location: { latitude: 40.782910059774, longitude: -73.959075808525, name: 'Solomon R. Guggenheim Museum', address: '1071 5th Ave, New York, NY 10128' } },
	],
	[
		'contacts',
		{ type: 'contacts', contacts: [{ name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara' }, phones: [{ phone: '+1 (940) 555-1234', type: 'HOME', wa_id: '19405551234' }] }] },
		{ type: 'contacts', contacts: [{ name: { formattedName: 'Barbara J. Johnson', firstName: 'Barbara' }, phones: [{ phone: '+1 (940) 555-1234', type: 'HOME', waId: '19405551234' }] }] },
	],
	['reaction', { type: 'reaction', reaction: { message_id: 'wamid.REACTED', emoji: '😮' } }, { type: 'reaction', reaction: { messageId: 'wamid.REACTED', emoji: '😮', removed: false } }],
	[
		'button (template quick reply)',
		{ context: { from: '15550783881', id: 'wamid.TEMPLATE' }, type: 'button', button: { payload: 'Unsubscribe', text: 'Unsubscribe' } },
		{ type: 'button', button: { payload: 'Unsubscribe', text: 'Unsubscribe' }, text: 'Unsubscribe', context: { repliedToMessageId: 'wamid.TEMPLATE', from: '15550783881' } },
	],
	[
		'interactive button_reply',
		{ context: { from: '15550783881', id: 'wamid.INTERACTIVE' }, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } } },
		{ type: 'interactive', interactive: { type: 'button_reply', id: 'change-button', title: 'Change' }, text: 'Change' },
	],
	[
		'interactive list_reply',
		{ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' } } },
		{ type: 'interactive', interactive: { type: 'list_reply', id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' } },
	],
	[
		'interactive nfm_reply (Flow)',
		{ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token": "FT-1", "size": "M"}' } } },
		{ type: 'interactive', interactive: { type: 'nfm_reply', name: 'flow', body: 'Sent', flowToken: 'FT-1', flowResponse: { flow_token: 'FT-1', size: 'M' } } },
	],
	[
		'order',
		{ type: 'order', order: { catalog_id: '194836987003835', text: 'Love these!', product_items: [{ product_retailer_id: 'di9ozbzfi4', quantity: 2, item_price: 7.99, currency: 'USD' }] } },
		{ type: 'order', text: 'Love these!', order: { catalogId: '194836987003835', productItems: [{ productRetailerId: 'di9ozbzfi4', quantity: 2, itemPrice: 7.99, currency: 'USD' }] } },
	],
	[
		'unsupported (an edit)',
		{ type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }], unsupported: { type: 'edit' } },
		{ type: 'unsupported', unsupportedType: 'edit', errors: [{ code: 131051, title: 'Message type unknown', details: 'Message type is currently not supported.' }] },
	],
	[
		'text from a Click-to-WhatsApp ad, forwarded',
		{ type: 'text', text: { body: 'Hi' }, context: { forwarded: true }, referral: { source_url: 'https://fb.me/3cr4Wqqkv', source_id: '120226305854810726', source_type: 'ad', ctwa_clid: 'Aff-n8ZT' } },
		{ type: 'text', context: { forwarded: true, frequentlyForwarded: false }, referral: { sourceUrl: 'https://fb.me/3cr4Wqqkv', sourceId: '120226305854810726', sourceType: 'ad', ctwaClid: 'Aff-n8ZT' } },
	],
];

describe('Trigger › one item per message, normalised (Meta: Messages webhook reference)', () => {
	test.each(MESSAGE_CASES)('%s', async (_name, message, expected) => {
		const id = `wamid.${_name.replace(/\W/g, '')}`;
		const run = await deliver(inbound({ id, ...message }));
		expect(run).toMatchObject({ statusCode: 200, executed: true });
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({ ...COMMON, id, eventId: id, ...expected });
		expect(run.items[0].json.raw).toMatchObject(message);
	});

	test('a system notice (number changed) has no contacts[] and still names the sender', async () => {
		const payload = messagesEnvelope({
			messages: [{ from: '16505551234', id: 'wamid.SYSTEM', timestamp: '1739321024', type: 'system', system: { body: 'User Sheena Nelson changed from 16505551234 to 12195555358', wa_id: '12195555358', type: 'user_changed_number' } }],
		});
		const run = await deliver(payload);
		expect(run.items[0].json).toMatchObject({ type: 'system', from: { waId: '16505551234' }, system: { type: 'user_changed_number', newWaId: '12195555358' } });
	});
});

describe('Trigger › statuses and batches (Meta: Messages webhook reference, Status messages webhook reference)', () => {
	test('a batch of two messages and three statuses in two changes gives five items, one each', async () => {
		const payload = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: SEED.wabaId,
					changes: [
						{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: SEED.phoneNumberId }, contacts: [SHEENA], messages: [{ from: SHEENA.wa_id, timestamp: '1749416383', ...textMessage('wamid.B1', 'one') }, { from: SHEENA.wa_id, timestamp: '1749416384', ...textMessage('wamid.B2', 'two') }] } },
						{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: SEED.phoneNumberId }, statuses: [statusUpdate('wamid.OUT1', 'sent'), statusUpdate('wamid.OUT1', 'delivered'), statusUpdate('wamid.OUT2', 'read')] } },
					],
				},
			],
		};
		const run = await deliver(payload);
		expect(run.items.map((item) => [item.json.kind, item.json.id ?? item.json.messageId, item.json.text ?? item.json.status])).toEqual([
			['message', 'wamid.B1', 'one'],
			['message', 'wamid.B2', 'two'],
			['status', 'wamid.OUT1', 'sent'],
			['status', 'wamid.OUT1', 'delivered'],
			['status', 'wamid.OUT2', 'read'],
		]);
	});

	test('a status carries pricing, conversation, the callback data and, when failed, the errors', async () => {
		const sent = statusUpdate('wamid.PRICED', 'sent', {
			biz_opaque_callback_data: 'order-1234',
			conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiration_timestamp: '1750116480', origin: { type: 'marketing' } },
			pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
		});
		const failed = statusUpdate('wamid.FAILED', 'failed', {
			errors: [{ code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.', message: 'This message was not delivered to maintain healthy ecosystem engagement.', error_data: { details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' } }],
		});
		const run = await deliver(messagesEnvelope({ statuses: [sent, failed] }));
		expect(run.items[0].json).toMatchObject({
			kind: 'status',
			eventId: 'wamid.PRICED:sent',
			status: 'sent',
			messageId: 'wamid.PRICED',
			recipient: { waId: '16505551234', e164: '+16505551234' },
			bizOpaqueCallbackData: 'order-1234',
			conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiresAt: '2025-06-16T23:28:00.000Z', originType: 'marketing' },
			pricing: { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' },
			timestamp: '2025-06-15T23:27:53.000Z',
		});
		expect(run.items[1].json).toMatchObject({ status: 'failed', errors: [{ code: 131049, details: expect.stringMatching(/healthy ecosystem/) }] });
	});

	test('a free-form text that failed later with 131047 carries the advice to send a template', async () => {
		const failed = statusUpdate('wamid.LATE', 'failed', {
			errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }],
		});
		const run = await deliver(messagesEnvelope({ statuses: [failed] }));
		expect(run.items[0].json).toMatchObject({ status: 'failed', errors: [{ code: 131047, retryable: false, advice: expect.stringMatching(/template/i) }] });
	});

	test('template status updates are dropped by default and emitted when chosen (Meta: message_template_status_update webhook reference)', async () => {
		const templateChange = {
			object: 'whatsapp_business_account',
			entry: [{ id: SEED.wabaId, time: 1751247548, changes: [{ field: 'message_template_status_update', value: { event: 'REJECTED', message_template_id: 1689556908129835, message_template_name: 'abandoned_cart', message_template_language: 'en', reason: 'INVALID_FORMAT' } }] }],
		};
		const dropped = await deliver(templateChange);
		expect(dropped).toMatchObject({ statusCode: 200, executed: false });

		const templatesBed = await startTriggerTestBed({ emulator: bed.emulator, parameters: { events: ['template_status'] } });
		try {
			const run = await deliver(templateChange, templatesBed);
			expect(run.items.map((item) => item.json)).toMatchObject([{ kind: 'template_status', event: 'REJECTED', templateId: '1689556908129835', templateName: 'abandoned_cart', reason: 'INVALID_FORMAT' }]);
		} finally {
			await templatesBed.close();
		}
	});

	test('a delivery with nothing this trigger wants is answered 200 and starts no execution', async () => {
		const run = await deliver({ object: 'page', entry: [] });
		expect(run).toMatchObject({ statusCode: 200, executed: false, items: [] });
	});
});
