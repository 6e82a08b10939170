import { createHash } from 'node:crypto';
import { call, graph, openWindow, PHONE, SEED, send, USER, WABA } from '../harness/emulatorClient';
import { emulatorWithAppReceiver, valueOf, type ReceivedPost } from '../harness/webhookReceiver';

const stack = emulatorWithAppReceiver();

/** Posts an inbound message and returns the admin answer and the message object the stack.receiver got. */
async function inbound(body: Record<string, unknown>) {
	const response = await call(stack.emulator, 'POST', '/__emulator/inbound', { from: USER, name: 'Sheena Nelson', ...body });
	expect(response.status).toBe(200);
	// Status webhooks of earlier sends may arrive in between; pick the message webhook.
	const isThisMessage = (candidate: ReceivedPost) => valueOf(candidate).messages?.[0]?.id === response.json.message.id;
	await stack.receiver.waitForPosts(1, undefined, 3000, isThisMessage);
	const post = stack.receiver.posts.find(isThisMessage)!;
	return { response: response.json, post, message: valueOf(post).messages[0] };
}

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;
const mediaObject = (extra: Record<string, unknown>) => ({ sha256: expect.stringMatching(BASE64_SHA256), id: expect.stringMatching(/^\d+$/), url: expect.stringContaining('/whatsapp_business/attachments/?mid='), ...extra });

describe('inbound message webhooks (Meta: Messages webhook reference)', () => {
	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		['text', { text: 'Does it come in another color?' }, { type: 'text', text: { body: 'Does it come in another color?' } }],
		['image', { type: 'image', caption: 'Taj Mahal' }, { type: 'image', image: mediaObject({ caption: 'Taj Mahal', mime_type: 'image/jpeg' }) }],
		['video', { type: 'video' }, { type: 'video', video: mediaObject({ mime_type: 'video/mp4' }) }],
		['audio (voice note)', { type: 'audio' }, { type: 'audio', audio: mediaObject({ mime_type: 'audio/ogg; codecs=opus', voice: true }) }],
		['document', { type: 'document', filename: 'invoice.pdf', caption: 'My invoice' }, { type: 'document', document: mediaObject({ caption: 'My invoice', filename: 'invoice.pdf', mime_type: 'application/pdf' }) }],
		['sticker', { type: 'sticker', animated: true }, { type: 'sticker', sticker: mediaObject({ mime_type: 'image/webp', animated: true }) }],
		['location', { type: 'location', latitude: 40.782910059774, longitude: -73.959075808525, location: { name: 'Solomon R. Guggenheim Museum', address: '1071 5th Ave, New York, NY 10128' } },
			{ type: 'location', location: { latitude: 40.782910059774, longitude: -73.959075808525, name: 'Solomon R. Guggenheim Museum', address: '1071 5th Ave, New York, NY 10128' } }],
		['contacts', { type: 'contacts' }, { type: 'contacts', contacts: [{ name: { formatted_name: 'Sheena Nelson', first_name: 'Sheena' }, phones: [{ phone: `+${USER}`, wa_id: USER, type: 'CELL' }] }] }],
		['list_reply', { type: 'list_reply', replyId: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
			{ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' } } }],
		['nfm_reply (Flow completion)', { type: 'nfm_reply', responseJson: { flow_token: 'FT-1', size: 'M' } },
			{ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"FT-1","size":"M"}' } } }],
		['order', { type: 'order' }, { type: 'order', order: { catalog_id: '194836987003835', text: 'Love these!', product_items: [{ product_retailer_id: 'di9ozbzfi4', quantity: 2, item_price: 7.99, currency: 'USD' }] } }],
		['unsupported', { type: 'unsupported', unsupportedType: 'poll' }, {
			type: 'unsupported', unsupported: { type: 'poll' },
			errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
		}],
		['forwarded text', { text: 'Look at this', frequentlyForwarded: true }, { context: { frequently_forwarded: true }, type: 'text', text: { body: 'Look at this' } }],
		['Click-to-WhatsApp ad referral', { text: 'Is this still on sale?', referral: true }, {
			type: 'text', text: { body: 'Is this still on sale?' },
			referral: expect.objectContaining({ source_type: 'ad', source_id: expect.any(String), source_url: expect.any(String), ctwa_clid: expect.any(String), media_type: 'image' }),
		}],
	])('%s', async (_name, body, expected) => {
		const { response, post, message } = await inbound(body);
		expect(post.json).toEqual({
			object: 'whatsapp_business_account',
			entry: [{ id: WABA, changes: [{ field: 'messages', value: {
				messaging_product: 'whatsapp',
				metadata: { display_phone_number: '15550783881', phone_number_id: PHONE },
				contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: USER }],
				messages: [{ from: USER, id: expect.stringMatching(/^wamid\./), timestamp: expect.stringMatching(/^\d+$/), ...expected }],
			} }] }],
		});
		expect(post.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
		expect(response.webhook).toEqual({ body: post.json, deliveries: [{ id: expect.any(String), url: `${stack.receiver.base}/app`, provider: 'meta', statusCode: 200, delivered: true, attempts: 1 }] });
		expect(response.message).toEqual(message);
	});

	it('a user\'s image can be fetched like any media: GET /{media-id}, then the URL with the token; sha256 is base64 of the bytes', async () => {
		const bytes = Buffer.from('a photo of a cactus');
		const { message } = await inbound({ type: 'image', data: bytes.toString('base64'), mimeType: 'image/png' });
		expect(message.image.sha256).toBe(createHash('sha256').update(bytes).digest('base64'));
		const media = await graph(stack.emulator, 'GET', `/${message.image.id}?phone_number_id=${PHONE}`);
		expect(media.json).toMatchObject({ id: message.image.id, mime_type: 'image/png', file_size: String(bytes.length) });
		for (const url of [media.json.url, message.image.url]) {
			const download = await fetch(url, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
			expect(download.headers.get('content-type')).toBe('image/png');
			expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
		}
		expect((await fetch(message.image.url)).status).toBe(401);
	});

	it('a reaction targets the latest message to the user; removing one sends an empty or no emoji (Meta: Messages webhook reference)', async () => {
		await openWindow(stack.emulator);
		const sentId = (await send(stack.emulator, { type: 'text', text: { body: 'Here is your receipt' } })).json.messages[0].id;
		stack.receiver.clear();
		expect((await inbound({ type: 'reaction', emoji: '😮' })).message.reaction).toEqual({ message_id: sentId, emoji: '😮' });
		stack.receiver.clear();
		expect((await inbound({ type: 'reaction', messageId: sentId, emoji: '' })).message.reaction).toEqual({ message_id: sentId, emoji: '' });
		stack.receiver.clear();
		expect((await inbound({ type: 'reaction', emoji: null })).message.reaction).toEqual({ message_id: sentId });
	});

	it('a quick-reply tap replies to the latest template, a button_reply to the latest interactive message (Meta: Messages webhook reference)', async () => {
		const templateId = (await send(stack.emulator, { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } })).json.messages[0].id;
		stack.receiver.clear();
		const tap = await inbound({ type: 'button', text: 'Stop promotions' });
		expect(tap.message).toMatchObject({ context: { from: '15550783881', id: templateId }, type: 'button', button: { payload: 'Stop promotions', text: 'Stop promotions' } });
		const interactiveId = (await send(stack.emulator, { type: 'interactive', interactive: { type: 'button', body: { text: 'Change your order?' }, action: { buttons: [{ type: 'reply', reply: { id: 'change-button', title: 'Change' } }] } } })).json.messages[0].id;
		stack.receiver.clear();
		const reply = await inbound({ type: 'button_reply', replyId: 'change-button', title: 'Change' });
		expect(reply.message).toMatchObject({ context: { from: '15550783881', id: interactiveId }, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } } });
		stack.receiver.clear();
		expect((await inbound({ text: 'About this one', replyTo: templateId })).message.context).toEqual({ from: '15550783881', id: templateId });
	});

	it('a tap by position returns what was sent for that button or row: reply-button id, list-row id, template quick-reply payload (Meta: Messages webhook reference)', async () => {
		await openWindow(stack.emulator);
		const buttons = [{ type: 'reply', reply: { id: 'yes-id', title: 'Yes' } }, { type: 'reply', reply: { id: 'no-id', title: 'No' } }];
		const askId = (await send(stack.emulator, { type: 'interactive', interactive: { type: 'button', body: { text: 'Approve?' }, action: { buttons } } })).json.messages[0].id;
		const rows = [{ id: 'r1', title: 'Red' }, { id: 'r2', title: 'Green', description: 'Like a cactus' }];
		const sections = [{ title: 'Warm', rows: [rows[0]] }, { title: 'Cool', rows: [rows[1]] }];
		const listId = (await send(stack.emulator, { type: 'interactive', interactive: { type: 'list', body: { text: 'Colour?' }, action: { button: 'Pick', sections } } })).json.messages[0].id;
		const templateId = (await send(stack.emulator, {
			type: 'template',
			template: { name: 'approval_request', language: { code: 'en_US' }, components: [
				{ type: 'body', parameters: [{ type: 'text', text: 'a refund' }] },
				{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'DECLINE-42' }] },
			] },
		})).json.messages[0].id;
		stack.receiver.clear();
		expect((await inbound({ type: 'button_reply', buttonIndex: 1, replyTo: askId })).message).toMatchObject({ context: { id: askId }, interactive: { type: 'button_reply', button_reply: { id: 'no-id', title: 'No' } } });
		stack.receiver.clear();
		expect((await inbound({ type: 'list_reply', rowIndex: 1 })).message).toMatchObject({ context: { id: listId }, interactive: { type: 'list_reply', list_reply: { id: 'r2', title: 'Green', description: 'Like a cactus' } } });
		stack.receiver.clear();
		expect((await inbound({ type: 'button', buttonIndex: 1 })).message).toMatchObject({ context: { id: templateId }, type: 'button', button: { payload: 'DECLINE-42', text: 'Decline' } });
		stack.receiver.clear();
		// No payload was sent for button 0: the webhook carries its text (as in Meta's example).
		expect((await inbound({ type: 'button', buttonIndex: 0 })).message.button).toEqual({ payload: 'Approve', text: 'Approve' });
		const missing = await call(stack.emulator, 'POST', '/__emulator/inbound', { from: USER, type: 'button_reply', buttonIndex: 5, replyTo: askId });
		expect(missing.status).toBe(400);
		expect(JSON.stringify(missing.json)).toContain('has no button 5: it has 2 buttons, numbered 0 to 1');
	});

	it('a tap by position from a user who was sent no interactive message says what to send first', async () => {
		const nothing = await call(stack.emulator, 'POST', '/__emulator/inbound', { from: '447700900998', type: 'button_reply', buttonIndex: 0 });
		expect(nothing.status).toBe(400);
		expect(JSON.stringify(nothing.json)).toMatch(/No interactive message was sent to this user.*reply buttons first/);
	});

	it('a system notice (number change) carries no contacts and does not open the window (Meta: Messages webhook reference)', async () => {
		const { post, message } = await inbound({ type: 'system', newWaId: '12195555358' });
		expect(valueOf(post).contacts).toBeUndefined();
		expect(message.system).toEqual({ body: `User Sheena Nelson changed from ${USER} to 12195555358`, wa_id: '12195555358', type: 'user_changed_number' });
		const sent = await send(stack.emulator, { type: 'text', text: { body: 'Hello?' } });
		expect(stack.emulator.state.messages.get(sent.json.messages[0].id)!.status).toBe('failed');
	});

	it('request_welcome (the user opened the chat for the first time) has no object and opens the window (Meta: Conversational components)', async () => {
		const { post, message } = await inbound({ type: 'request_welcome' });
		expect(valueOf(post).contacts).toEqual([{ profile: { name: 'Sheena Nelson' }, wa_id: USER }]);
		expect(message).toEqual({ from: USER, id: expect.stringMatching(/^wamid\./), timestamp: expect.stringMatching(/^\d+$/), type: 'request_welcome' });
		const sent = await send(stack.emulator, { type: 'text', text: { body: 'Welcome!' } });
		expect(stack.emulator.state.messages.get(sent.json.messages[0].id)!.status).toBe('sent');
	});

	it('a raw message object is posted verbatim (from, id and timestamp filled in only when missing)', async () => {
		const raw = { id: 'wamid.RAW-1', type: 'text', text: { body: 'Raw hello' }, context: { forwarded: true }, identity_key_hash: 'abc' };
		const { message } = await inbound({ message: raw });
		expect(message).toEqual({ from: USER, timestamp: expect.stringMatching(/^\d+$/), ...raw });
	});

	it('a media message opens the window like any message (Meta: Customer service windows)', async () => {
		await inbound({ type: 'sticker' });
		const sent = await send(stack.emulator, { type: 'text', text: { body: 'Nice sticker' } });
		expect(stack.emulator.state.messages.get(sent.json.messages[0].id)!.status).toBe('sent');
	});

	it('without any callback the message is still recorded and the answer says why nothing was posted', async () => {
		await call(stack.emulator, 'PATCH', '/__emulator/config', { webhook: { url: null } });
		try {
			const response = await call(stack.emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'Anyone?' });
			expect(response.json.webhook).toMatchObject({ deliveries: [], note: expect.stringContaining('webhook.url') });
			expect(response.json.webhook.body.entry[0].changes[0].value.messages[0].text).toEqual({ body: 'Anyone?' });
		} finally {
			await call(stack.emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${stack.receiver.base}/app` } });
		}
	});
});
