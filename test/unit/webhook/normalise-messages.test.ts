import { normaliseWebhook, type MessageEvent } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from './fixtures';

function onlyMessage(body: unknown): MessageEvent {
	const events = normaliseWebhook(body);
	expect(events).toHaveLength(1);
	const [event] = events;
	if (event.kind !== 'message') throw new Error(`expected a message event, got ${event.kind}`);
	return event;
}

describe('normaliseWebhook: inbound messages (Meta: Messages webhook reference)', () => {
	it('reads a text message with the common fields, sender profile and raw object', () => {
		const body = fx.inbound(fx.TEXT);
		const event = onlyMessage(body);
		expect(event).toMatchObject({
			kind: 'message',
			field: 'messages',
			wabaId: fx.WABA_ID,
			phoneNumberId: fx.PHONE_NUMBER_ID,
			displayPhoneNumber: fx.DISPLAY_PHONE_NUMBER,
			type: 'text',
			id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
			eventId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
			timestamp: '2025-06-08T20:59:43.000Z',
			timestampEpoch: 1749416383,
			from: { waId: fx.USER_WA_ID, e164: '+16505551234', profileName: 'Sheena Nelson' },
			text: 'Does it come in another color?',
		});
		const value = (body as { entry: Array<{ changes: Array<{ value: { messages: unknown[] } }> }> }).entry[0].changes[0].value;
		expect(event.raw).toBe(value.messages[0]);
		expect(event.context).toBeUndefined();
	});

	it('takes the profile from the contacts[] entry whose wa_id matches the sender, not the first', () => {
		const other = { profile: { name: 'Someone Else' }, wa_id: '447700900123' };
		const bsuid = { profile: { name: 'Sheena Nelson', username: 'sheena' }, wa_id: fx.USER_WA_ID, user_id: 'US.13491208655302741918' };
		const event = onlyMessage(fx.inbound(fx.TEXT, [other, bsuid]));
		expect(event.from).toEqual({
			waId: fx.USER_WA_ID,
			e164: '+16505551234',
			profileName: 'Sheena Nelson',
			userId: 'US.13491208655302741918',
			username: 'sheena',
		});
	});

	it('keeps a username-only sender with an empty wa_id instead of inventing a number (Meta: Business-scoped user IDs)', () => {
		const event = onlyMessage(fx.inbound({ ...fx.TEXT, from: '' }, [{ profile: { name: 'Ana' }, wa_id: '', user_id: 'US.1' }]));
		expect(event.from).toEqual({ waId: '', e164: '', profileName: 'Ana', userId: 'US.1' });
	});

	it.each([
		['image', fx.IMAGE, { id: '1003383421387256', mimeType: 'image/jpeg', sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=', url: fx.IMAGE.image.url }, 'Taj Mahal'],
		['video', fx.VIDEO, { id: '2003383421387256', mimeType: 'video/mp4', sha256: 'dmlkZW8=', url: 'https://lookaside.fbsbx.com/v' }, 'Unboxing'],
		['document', fx.DOCUMENT, { id: '3003383421387256', mimeType: 'application/pdf', sha256: 'ZG9j', url: 'https://lookaside.fbsbx.com/d', filename: 'invoice.pdf' }, 'March invoice'],
		['audio', fx.VOICE_NOTE, { id: '4003383421387256', mimeType: 'audio/ogg; codecs=opus', sha256: 'YXVkaW8=', url: 'https://lookaside.fbsbx.com/a', voice: true }, undefined],
		['sticker', fx.ANIMATED_STICKER, { id: '5003383421387256', mimeType: 'image/webp', sha256: 'c3RpY2tlcg==', url: 'https://lookaside.fbsbx.com/s', animated: true }, undefined],
	])('reads %s media: id, mime type, base64 sha256, url, flags and caption as text (Meta: Messages webhook reference)', (type, message, media, caption) => {
		const event = onlyMessage(fx.inbound(message));
		expect(event.type).toBe(type);
		expect(event.media).toEqual(media);
		expect(event.caption).toBe(caption);
		expect(event.text).toBe(caption);
	});

	it('reads a location with numeric coordinates (Meta: Messages webhook reference)', () => {
		expect(onlyMessage(fx.inbound(fx.LOCATION)).location).toEqual({
			latitude: 40.782910059774,
			longitude: -73.959075808525,
			name: 'Solomon R. Guggenheim Museum',
			address: '1071 5th Ave, New York, NY 10128',
			url: 'https://www.guggenheim.org',
		});
	});

	it('reads shared contact cards with camelCase keys (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.SHARED_CONTACT));
		expect(event.type).toBe('contacts');
		expect(event.contacts).toEqual([
			{
				name: { firstName: 'Lucía', lastName: 'Gómez', formattedName: 'Lucía Gómez' },
				org: { company: 'Google' },
				phones: [{ phone: '+1 (983) 555-2319', waId: '19835552319', type: 'MOBILE' }],
			},
		]);
		expect(event.from.profileName).toBe('Sheena Nelson');
	});

	it('reads a reaction and both forms of a removed reaction (Meta: Messages webhook reference)', () => {
		expect(onlyMessage(fx.inbound(fx.REACTION)).reaction).toEqual({
			messageId: fx.REACTION.reaction.message_id,
			emoji: '😮',
			removed: false,
		});
		const emptyEmoji = { type: 'reaction', reaction: { message_id: 'wamid.A', emoji: '' } };
		const absentEmoji = { type: 'reaction', reaction: { message_id: 'wamid.A' } };
		expect(onlyMessage(fx.inbound(emptyEmoji)).reaction).toEqual({ messageId: 'wamid.A', emoji: null, removed: true });
		expect(onlyMessage(fx.inbound(absentEmoji)).reaction).toEqual({ messageId: 'wamid.A', emoji: null, removed: true });
	});

	it('reads a template quick-reply tap with payload, text and reply context (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.TEMPLATE_QUICK_REPLY));
		expect(event).toMatchObject({ type: 'button', button: { payload: 'Unsubscribe', text: 'Unsubscribe' }, text: 'Unsubscribe' });
		expect(event.context).toEqual({
			repliedToMessageId: fx.TEMPLATE_QUICK_REPLY.context.id,
			from: fx.DISPLAY_PHONE_NUMBER,
			forwarded: false,
			frequentlyForwarded: false,
		});
	});

	it('reads an interactive button reply (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.BUTTON_REPLY));
		expect(event.type).toBe('interactive');
		expect(event.interactive).toEqual({ type: 'button_reply', id: 'change-button', title: 'Change' });
		expect(event.text).toBe('Change');
	});

	it('reads an interactive list reply with its description (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.LIST_REPLY));
		expect(event.interactive).toEqual({
			type: 'list_reply',
			id: 'priority_express',
			title: 'Priority Mail Express',
			description: 'Next Day to 2 Days',
		});
		expect(event.text).toBe('Priority Mail Express');
	});

	it('parses a Flow completion response_json and lifts its flow_token (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.flowReply('{"flow_token": "booking-42", "date": "2025-07-01", "guests": 2}')));
		expect(event.interactive).toEqual({
			type: 'nfm_reply',
			name: 'flow',
			body: 'Sent',
			flowResponse: { flow_token: 'booking-42', date: '2025-07-01', guests: 2 },
			flowToken: 'booking-42',
		});
	});

	it('keeps a broken Flow response_json as the original string and flags parseError', () => {
		const event = onlyMessage(fx.inbound(fx.flowReply('{"flow_token": "booking-42", "date": ')));
		expect(event.interactive).toEqual({
			type: 'nfm_reply',
			name: 'flow',
			body: 'Sent',
			flowResponse: '{"flow_token": "booking-42", "date": ',
			parseError: true,
		});
	});

	it('reads an order with its product items (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.ORDER));
		expect(event.order).toEqual({
			catalogId: '194836987003835',
			text: 'Love these!',
			productItems: [{ productRetailerId: 'di9ozbzfi4', quantity: 2, itemPrice: 7.99, currency: 'USD' }],
		});
	});

	it('reads a user_changed_number system message that has no contacts[] (Meta: Messages webhook reference)', () => {
		const body = fx.messagesWebhook({ messages: [fx.USER_CHANGED_NUMBER] });
		const event = onlyMessage(body);
		expect(event).toMatchObject({
			type: 'system',
			id: fx.USER_CHANGED_NUMBER.id,
			from: { waId: fx.USER_WA_ID, e164: '+16505551234' },
			system: { type: 'user_changed_number', body: fx.USER_CHANGED_NUMBER.system.body, newWaId: '12195555358' },
			timestamp: '2025-02-12T00:43:44.000Z',
		});
		expect(event.from.profileName).toBeUndefined();
	});

	it('reads an unsupported message with its errors and the real type (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound(fx.UNSUPPORTED_EDIT));
		expect(event).toMatchObject({ type: 'unsupported', unsupportedType: 'edit' });
		expect(event.errors).toEqual([
			{
				code: 131051,
				title: 'Message type unknown',
				message: 'Message type unknown',
				details: 'Message type is currently not supported.',
				advice: expect.stringMatching(/customer sent a message type/),
				retryable: false,
				category: 'request',
			},
		]);
	});

	it('turns a message type it does not know into unsupported, keeping the raw payload', () => {
		const poll = { type: 'poll', poll: { question: 'Lunch?', options: ['Pizza', 'Sushi'] } };
		const event = onlyMessage(fx.inbound(poll));
		expect(event).toMatchObject({ type: 'unsupported', unsupportedType: 'poll' });
		expect(event.raw).toMatchObject(poll);
	});

	it('keeps an interactive reply of a sub-type it does not know as interactive, with its fields camelCased', () => {
		const callReply = { type: 'interactive', interactive: { type: 'call_permission_reply', call_permission_reply: { response: 'accept', is_permanent: false } } };
		expect(onlyMessage(fx.inbound(callReply))).toMatchObject({
			type: 'interactive',
			interactive: { type: 'call_permission_reply', response: 'accept', isPermanent: false },
		});
	});

	it.each([
		[{ forwarded: true }, { forwarded: true, frequentlyForwarded: false }],
		[{ frequently_forwarded: true }, { forwarded: false, frequentlyForwarded: true }],
		[
			{ from: fx.DISPLAY_PHONE_NUMBER, id: 'wamid.Q', referred_product: { catalog_id: '194836987003835', product_retailer_id: 'di9ozbzfi4' } },
			{
				repliedToMessageId: 'wamid.Q',
				from: fx.DISPLAY_PHONE_NUMBER,
				forwarded: false,
				frequentlyForwarded: false,
				referredProduct: { catalogId: '194836987003835', productRetailerId: 'di9ozbzfi4' },
			},
		],
	])('reads message context %j (Meta: Messages webhook reference)', (context, expected) => {
		expect(onlyMessage(fx.inbound({ ...fx.TEXT, context })).context).toEqual(expected);
	});

	it('reads a Click-to-WhatsApp ad referral with its click id (Meta: Messages webhook reference)', () => {
		const event = onlyMessage(fx.inbound({ ...fx.TEXT, referral: fx.CTWA_REFERRAL }));
		expect(event.referral).toEqual({
			sourceUrl: 'https://fb.me/3cr4Wqqkv',
			sourceId: '120226305854810726',
			sourceType: 'ad',
			body: 'Summer Succulents are here!',
			headline: 'Chat with us',
			mediaType: 'image',
			imageUrl: 'https://scontent.xx.fbcdn.net/v/t45.1',
			ctwaClid: fx.CTWA_REFERRAL.ctwa_clid,
			welcomeMessageText: 'Hi there! Let us know how we can help!',
		});
	});
});
