import { call, expectMetaError, graph, openWindow, PHONE, send, useTestEmulator, upload, USER } from '../harness/emulatorClient';

const emulator = useTestEmulator();
beforeEach(async () => {
	await openWindow(emulator);
});

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('POST /{phone-number-id}/messages accepts every message type (Meta: Send messages)', () => {
	const examples: Record<string, Record<string, unknown>> = {
		text: { type: 'text', text: { preview_url: true, body: 'Here is the link: https://www.meta.com/quest/quest-3/' } },
		'image by link': { type: 'image', image: { link: 'https://example.com/succulent.png', caption: 'The best succulent ever?' } },
		'video by link': { type: 'video', video: { link: 'https://example.com/clip.mp4', caption: 'A succulent eclipse!' } },
		'audio voice note': { type: 'audio', audio: { link: 'https://example.com/note.ogg', voice: true } },
		document: { type: 'document', document: { link: 'https://example.com/order.pdf', filename: 'order_abc123.pdf', caption: 'Your order' } },
		sticker: { type: 'sticker', sticker: { link: 'https://example.com/sticker.webp' } },
		'location with string coordinates': { type: 'location', location: { latitude: '37.44216251868683', longitude: '-122.16153582049394', name: 'Philz Coffee', address: '101 Forest Ave' } },
		'location with numeric coordinates': { type: 'location', location: { latitude: 37.44, longitude: -122.16 } },
		contacts: {
			type: 'contacts',
			contacts: [{
				addresses: [{ street: '1 Lucky Shrub Way', city: 'Menlo Park', state: 'CA', zip: '94025', country: 'United States', country_code: 'US', type: 'Office' }],
				birthday: '1999-01-23',
				emails: [{ email: 'bjohnson@luckyshrub.com', type: 'Work' }],
				name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara', last_name: 'Johnson' },
				org: { company: 'Lucky Shrub', department: 'Legal', title: 'Lead Counsel' },
				phones: [{ phone: '+19175559999', type: 'Mobile', wa_id: '19175559999' }],
				urls: [{ url: 'https://www.luckyshrub.com', type: 'Company' }],
			}],
		},
		'reply buttons': {
			type: 'interactive',
			interactive: {
				type: 'button', header: { type: 'text', text: 'Workshop' }, body: { text: 'Your workshop is at 9am tomorrow.' }, footer: { text: 'Lucky Shrub' },
				action: { buttons: [{ type: 'reply', reply: { id: 'change-button', title: 'Change' } }, { type: 'reply', reply: { id: 'cancel-button', title: 'Cancel' } }] },
			},
		},
		list: {
			type: 'interactive',
			interactive: {
				type: 'list', header: { type: 'text', text: 'Choose Shipping Option' }, body: { text: 'Which shipping option do you prefer?' },
				action: { button: 'Shipping Options', sections: [{ title: 'I want it ASAP!', rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] }] },
			},
		},
		'cta url': {
			type: 'interactive',
			interactive: { type: 'cta_url', body: { text: 'Tap the button below to see available dates.' }, action: { name: 'cta_url', parameters: { display_text: 'See Dates', url: 'https://www.luckyshrub.com?clickID=abc' } } },
		},
		'location request': { type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Share your pickup location.' }, action: { name: 'send_location' } } },
		flow: {
			type: 'interactive',
			interactive: {
				type: 'flow', body: { text: 'Flow message body' },
				// The seeded published Flow appointment_booking and one of its screens (unknown Flows fail, see flows.test.ts).
				action: { name: 'flow', parameters: { flow_message_version: '3', flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.', flow_id: '1189466095612001', flow_cta: 'Book!', flow_action: 'navigate', flow_action_payload: { screen: 'APPOINTMENT', data: { product_name: 'name' } } } },
			},
		},
	};

	it.each(Object.entries(examples))('%s → 200 with contacts and a wamid, no message_status', async (_name, message) => {
		const response = await send(emulator, message);
		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			messaging_product: 'whatsapp',
			contacts: [{ input: `+${USER}`, wa_id: USER }],
			messages: [{ id: expect.stringMatching(/^wamid\./) }],
		});
	});

	it('takes uploaded media by id and a contextual reply', async () => {
		const mediaId = await upload(emulator, png, 'image/png');
		const response = await send(emulator, { type: 'image', image: { id: mediaId }, context: { message_id: 'wamid.quoted' }, biz_opaque_callback_data: 'tracking-1' });
		expect(response.status).toBe(200);
		const stored = emulator.state.messages.get(response.json.messages[0].id)!;
		expect(stored).toMatchObject({ type: 'image', status: 'sent', bizOpaqueCallbackData: 'tracking-1' });
	});

	it('treats a message without type but with text as a text message (Meta\'s default)', async () => {
		const response = await graph(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', to: USER, text: { body: 'hi' } });
		expect(emulator.state.messages.get(response.json.messages[0].id)!.type).toBe('text');
	});

	it('answers the same without the version segment and normalises wa_id to digits', async () => {
		const response = await call(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', to: '+1 (650) 555-1234', type: 'text', text: { body: 'hi' } });
		expect(response.json.contacts).toEqual([{ input: '+1 (650) 555-1234', wa_id: USER }]);
	});
});

describe('send validation (Meta: Text messages, Interactive reply buttons messages, Error codes)', () => {
	const cases: Array<[string, number, Record<string, unknown>]> = [
		['text over 4096 characters', 131009, { type: 'text', text: { body: 'x'.repeat(4097) } }],
		['text without body', 131008, { type: 'text', text: {} }],
		['unknown top-level key (schema)', 100, { type: 'text', text: { body: 'hi' }, colour: 'red' }],
		['missing the object named by type (schema)', 131008, { type: 'text' }],
		['unknown message type (schema)', 131009, { type: 'poll', poll: {} }],
		['caption over 1024 characters', 131009, { type: 'image', image: { link: 'https://example.com/a.png', caption: 'c'.repeat(1025) } }],
		['media with both id and link (schema)', 131009, { type: 'image', image: { id: '1', link: 'https://example.com/a.png' } }],
		['media with neither id nor link (schema)', 131008, { type: 'video', video: { caption: 'x' } }],
		['media id never uploaded', 131053, { type: 'image', image: { id: '999999' } }],
		['four reply buttons (schema)', 131009, { type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `id${n}`, title: `T${n}` } })) } } }],
		['duplicate button titles', 131009, { type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [1, 2].map((n) => ({ type: 'reply', reply: { id: `id${n}`, title: 'Same' } })) } } }],
		['button title over 20 characters (schema)', 131009, { type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] } } }],
		['eleven list rows across sections', 131009, { type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Pick', sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }] } } }],
		['list with a media header', 131009, { type: 'interactive', interactive: { type: 'list', header: { type: 'image', image: { link: 'https://example.com/a.png' } }, body: { text: 'b' }, action: { button: 'Pick', sections: [{ rows: rows(1, 'a') }] } } }],
		['button body over 1024 characters', 131009, { type: 'interactive', interactive: { type: 'button', body: { text: 'b'.repeat(1025) }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } } }],
		['interactive without body', 131008, { type: 'interactive', interactive: { type: 'location_request_message', action: { name: 'send_location' } } }],
		['cta_url without url (schema)', 131008, { type: 'interactive', interactive: { type: 'cta_url', body: { text: 'b' }, action: { name: 'cta_url', parameters: { display_text: 'Go' } } } }],
		['action not fitting the interactive type', 131009, { type: 'interactive', interactive: { type: 'button', body: { text: 'b' }, action: { name: 'send_location' } } }],
		['location without longitude', 131008, { type: 'location', location: { latitude: '37.4' } }],
		['latitude out of range', 131009, { type: 'location', location: { latitude: 97, longitude: 10 } }],
		['contact without formatted_name', 131008, { type: 'contacts', contacts: [{ name: { first_name: 'Ann' } }] }],
		['reaction as a contextual reply', 131009, { type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' }, context: { message_id: 'wamid.y' } }],
		['recipient without digits', 131009, { type: 'text', text: { body: 'hi' }, to: 'nobody' }],
		['recipient is the business number', 131021, { type: 'text', text: { body: 'hi' }, to: '15550783881' }],
	];

	it.each(cases)('%s → code %i', async (_name, code, message) => {
		const response = await send(emulator, message);
		expectMetaError(response, code);
	});

	it('names the offending field in error_data.details', async () => {
		const response = await send(emulator, { type: 'interactive', interactive: { type: 'cta_url', body: { text: 'b' }, action: { name: 'cta_url', parameters: { display_text: 'x'.repeat(21), url: 'https://a.example' } } } });
		expect(response.json.error.error_data.details).toContain("interactive['action']['parameters']['display_text']");
	});

	it('rejects a webp uploaded file sent as an image ((Meta: Media) stickers only)', async () => {
		const mediaId = await upload(emulator, Buffer.from('RIFF0000WEBP'), 'image/webp');
		expectMetaError(await send(emulator, { type: 'image', image: { id: mediaId } }), 131053);
		expect((await send(emulator, { type: 'sticker', sticker: { id: mediaId } })).status).toBe(200);
	});

	it('does not log or keep rejected messages', async () => {
		await call(emulator, 'DELETE', '/__emulator/requests');
		await send(emulator, { type: 'text', text: { body: 'x'.repeat(5000) } });
		expect((await call(emulator, 'GET', '/__emulator/requests')).json.data).toEqual([]);
		expect(emulator.state.messages.size).toBe(0);
	});
});

describe('mark as read and typing indicator (Meta: Mark messages as read)', () => {
	it('marks a received message (and the earlier ones) read → {success:true}', async () => {
		const first = await openWindow(emulator);
		const second = await openWindow(emulator);
		const response = await graph(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: second.message.id, typing_indicator: { type: 'text' } });
		expect(response).toMatchObject({ status: 200, json: { success: true } });
		const inbound = emulator.state.inbound.filter((message) => [first.message.id, second.message.id].includes(message.message.id));
		expect(inbound.every((message) => message.readAt !== undefined)).toBe(true);
		expect(inbound[1].typingIndicatorAt).toBeDefined();
	});

	it('an unknown message id → 131009', async () => {
		const response = await graph(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.unknown' });
		expectMetaError(response, 131009);
	});

	it('a message received by the other number cannot be read from this one → 131009', async () => {
		const other = await openWindow(emulator, USER, '106540352242923');
		const response = await graph(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: other.message.id });
		expectMetaError(response, 131009);
	});

	it('a status other than read → 131009; a missing message_id → 131008', async () => {
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', status: 'delivered', message_id: 'wamid.x' }), 131009);
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', status: 'read' }), 131008);
	});
});

describe('reactions (Meta: Reaction messages)', () => {
	it('to a known message → sent; to an unknown one → accepted then failed with 131009', async () => {
		const inbound = await openWindow(emulator);
		const known = await send(emulator, { type: 'reaction', reaction: { message_id: inbound.message.id, emoji: '😀' } });
		const unknown = await send(emulator, { type: 'reaction', reaction: { message_id: 'wamid.gone', emoji: '' } });
		expect([known.status, unknown.status]).toEqual([200, 200]);
		expect(emulator.state.messages.get(known.json.messages[0].id)!.status).toBe('sent');
		expect(emulator.state.messages.get(unknown.json.messages[0].id)).toMatchObject({ status: 'failed', errors: [{ code: 131009 }] });
	});
});

function rows(count: number, prefix: string) {
	return Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, title: `Row ${prefix}${index}` }));
}
