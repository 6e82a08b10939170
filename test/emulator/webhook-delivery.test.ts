import { call, graph, openWindow, PHONE, SEED, send, USER, WABA } from '../harness/emulatorClient';
import { emulatorWithAppReceiver, sleep, startReceiver, statusOf, valueOf, VERIFY_TOKEN } from '../harness/webhookReceiver';

const { emulator, receiver } = emulatorWithAppReceiver({ retryBackoffMs: 10 });

const deliveries = async (query = '') => (await call(emulator, 'GET', `/__emulator/webhook-deliveries${query}`)).json.data;

describe('batches: several messages and statuses in one POST (Meta: Messages webhook reference)', () => {
	it('POST /__emulator/webhooks/batch puts inbound messages and statuses in one body, statuses in the order asked', async () => {
		await openWindow(emulator);
		const first = (await send(emulator, { type: 'text', text: { body: 'one' } })).json.messages[0].id;
		const second = (await send(emulator, { type: 'text', text: { body: 'two' } })).json.messages[0].id;
		await receiver.waitForPosts(3);
		receiver.clear();
		const response = await call(emulator, 'POST', '/__emulator/webhooks/batch', {
			inbound: [{ from: USER, text: 'first', name: 'Sheena Nelson' }, { from: '447700900123', type: 'location', name: 'Ann' }, { from: USER, text: 'second' }],
			statuses: [{ messageId: first, status: 'delivered' }, { messageId: second, status: 'read' }],
			order: 'reverse',
		});
		expect(response.status).toBe(200);
		const [post] = await receiver.waitForPosts(1);
		expect(response.json.webhook.body).toEqual(post.json);
		const [messagesChange, statusesChange] = post.json.entry[0].changes;
		expect(post.json.entry).toHaveLength(1);
		expect(messagesChange.value.contacts).toEqual([{ profile: { name: 'Sheena Nelson' }, wa_id: USER }, { profile: { name: 'Ann' }, wa_id: '447700900123' }]);
		expect(messagesChange.value.messages.map((message: any) => message.type)).toEqual(['text', 'location', 'text']);
		expect(statusesChange.value.statuses.map((status: any) => [status.id, status.status])).toEqual([[second, 'read'], [first, 'delivered']]);
		expect(statusesChange.value.metadata).toEqual({ display_phone_number: '15550783881', phone_number_id: PHONE });
		expect(emulator.state.messages.get(second)!.status).toBe('read');
		await sleep(30);
		expect(receiver.posts).toHaveLength(1); // batched statuses are not posted a second time on their own
	});

	it('POST /__emulator/inbound with messages: [...] is a batch of inbound messages', async () => {
		const response = await call(emulator, 'POST', '/__emulator/inbound', { messages: [{ from: USER, text: 'a' }, { from: USER, type: 'image' }] });
		const [post] = await receiver.waitForPosts(1);
		expect(valueOf(post).messages.map((message: any) => message.type)).toEqual(['text', 'image']);
		expect(response.json.inbound).toHaveLength(2);
	});

	it.each([
		['nothing to send', {}],
		['an unknown message', { statuses: [{ messageId: 'wamid.nope', status: 'read' }] }],
		['a bad status', { statuses: [{ messageId: 'x', status: 'seen' }] }],
		['an item for another phone number', { inbound: [{ from: USER, phoneNumberId: SEED.secondPhoneNumberId }] }],
	])('rejects %s with 400', async (_name, body) => {
		expect((await call(emulator, 'POST', '/__emulator/webhooks/batch', body)).status).toBe(400);
	});
});

describe('duplicates, retries and the delivery log (docs/webhook-delivery.md)', () => {
	it('redeliver {last:true} and {deliveryId} post the very same bytes and signature again', async () => {
		await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'Olá, tudo bem? 🌵' });
		await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'second' });
		const [first, second] = await receiver.waitForPosts(2);
		const again = await call(emulator, 'POST', '/__emulator/webhooks/redeliver', { last: true });
		const [firstId] = (await deliveries()).map((delivery: any) => delivery.id);
		await call(emulator, 'POST', '/__emulator/webhooks/redeliver', { deliveryId: firstId });
		const [, , duplicateOfSecond, duplicateOfFirst] = await receiver.waitForPosts(4);
		expect(duplicateOfSecond.raw).toEqual(second.raw);
		expect(duplicateOfSecond.headers['x-hub-signature-256']).toBe(second.headers['x-hub-signature-256']);
		expect(duplicateOfFirst.raw).toEqual(first.raw);
		expect(again.json.delivery).toMatchObject({ kind: 'inbound', redeliveryOf: expect.any(String), delivered: true, body: second.raw.toString('utf8') });
		expect((await call(emulator, 'POST', '/__emulator/webhooks/redeliver', { deliveryId: 'd0' })).status).toBe(400);
	});

	it('a non-200 answer is retried with back-off and every attempt is recorded', async () => {
		receiver.answers.push(500, 503);
		const response = await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'retry me' });
		expect(response.json.webhook.deliveries).toEqual([expect.objectContaining({ statusCode: 200, delivered: true, attempts: 3 })]);
		const posts = await receiver.waitForPosts(3);
		expect(new Set(posts.map((post) => post.raw.toString()))).toEqual(new Set([posts[0].raw.toString()]));
		const [delivery] = await deliveries('?kind=inbound');
		expect(delivery.attempts.map((attempt: any) => attempt.statusCode)).toEqual([500, 503, 200]);
	});

	it('gives up after maxAttempts and an unreachable URL is recorded with its error', async () => {
		receiver.answers.push(500, 500, 500);
		const failed = await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'nobody home' });
		expect(failed.json.webhook.deliveries).toEqual([expect.objectContaining({ statusCode: 500, delivered: false, attempts: 3 })]);
		const closed = await startReceiver();
		await closed.close();
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${closed.base}/gone`, maxAttempts: 1 } });
		try {
			const unreachable = await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'hello?' });
			expect(unreachable.json.webhook.deliveries).toEqual([expect.objectContaining({ delivered: false, attempts: 1, error: expect.stringMatching(/could not be reached: ECONNREFUSED/) })]);
		} finally {
			await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${receiver.base}/app`, maxAttempts: 3 } });
		}
		expect(await deliveries('?delivered=false')).toHaveLength(2);
	});

	it('GET /__emulator/webhook-deliveries lists id, kind, url, status, body and signature; DELETE clears it', async () => {
		await openWindow(emulator);
		await send(emulator, { type: 'text', text: { body: 'hi' } });
		await receiver.waitForPosts(2);
		await sleep(10);
		const list = await deliveries();
		expect(list).toEqual([
			expect.objectContaining({ id: expect.stringMatching(/^d\d+$/), kind: 'inbound', field: 'messages', url: `${receiver.base}/app`, provider: 'meta', statusCode: 200, delivered: true, signature: expect.stringMatching(/^sha256=/), body: expect.any(String), attempts: [expect.objectContaining({ statusCode: 200 })] }),
			expect.objectContaining({ kind: 'status', statusCode: 200 }),
		]);
		expect(JSON.stringify(list)).not.toContain(SEED.appSecret);
		await call(emulator, 'DELETE', '/__emulator/webhook-deliveries');
		expect(await deliveries()).toEqual([]);
	});
});

describe('template status webhooks (Meta: message_template_status_update webhook reference, Webhook overrides)', () => {
	it('go to the app callback, not to a WABA override, with the template ID as an integer', async () => {
		await graph(emulator, 'POST', `/${WABA}/subscribed_apps`, { override_callback_uri: `${receiver.base}/waba`, verify_token: VERIFY_TOKEN });
		const created = await graph(emulator, 'POST', `/${WABA}/message_templates`, {
			name: 'forbidden_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'A forbidden deal' }],
		});
		const [post] = await receiver.waitForPosts(1, '/app');
		expect(post.raw.toString()).toContain(`"message_template_id":${created.json.id}`);
		expect(post.json).toEqual({
			object: 'whatsapp_business_account',
			entry: [{ id: WABA, time: expect.any(Number), changes: [{ field: 'message_template_status_update', value: {
				event: 'REJECTED', message_template_id: Number(created.json.id), message_template_name: 'forbidden_offer', message_template_language: 'en_US',
				reason: 'INVALID_FORMAT', message_template_category: 'MARKETING', rejection_info: { reason: expect.any(String), recommendation: expect.any(String) },
			} }] }],
		});
		expect(receiver.posts.filter((candidate) => candidate.path === '/waba')).toEqual([]);
	});

	it('are not sent when the app subscribed to messages only', async () => {
		const { access_token: token } = (await call(emulator, 'GET', `/oauth/access_token?client_id=${SEED.appId}&client_secret=${SEED.appSecret}&grant_type=client_credentials`, undefined, { token: null })).json;
		await call(emulator, 'POST', `/v23.0/${SEED.appId}/subscriptions`, { object: 'whatsapp_business_account', callback_url: `${receiver.base}/app`, verify_token: VERIFY_TOKEN, fields: ['messages'] }, { token });
		try {
			await graph(emulator, 'POST', `/${WABA}/message_templates`, { name: 'quiet_update', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order shipped' }] });
			await send(emulator, { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
			const [post] = await receiver.waitForPosts(1);
			await sleep(30);
			expect(receiver.posts).toEqual([post]);
			expect(statusOf(post).status).toBe('sent');
		} finally {
			await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${receiver.base}/app` } });
		}
	});
});
