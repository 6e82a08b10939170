import { createHmac, timingSafeEqual } from 'node:crypto';
import { call, openWindow, PHONE, SEED, send, USER, WABA } from '../harness/emulatorClient';
import { emulatorWithAppReceiver, sleep, statusOf } from '../harness/webhookReceiver';

const TIMING = { sentAfterMs: 0, deliveredAfterMs: 20, readAfterMs: 40, finalStatus: 'read', statusOrder: 'in-order' } as const;
const reply = { type: 'text', text: { body: 'It comes in pink — and green ✓' }, biz_opaque_callback_data: 'pedido-ñ-42' };
const utilityTemplate = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };
const marketingTemplate = { type: 'template', template: { name: 'spring_coupon', language: { code: 'en_US' }, components: [
	{ type: 'body', parameters: [{ type: 'text', text: '20%' }] },
	{ type: 'button', sub_type: 'copy_code', index: 0, parameters: [{ type: 'coupon_code', coupon_code: 'SPRING20' }] },
] } };

const { emulator, receiver } = emulatorWithAppReceiver(TIMING);
beforeEach(async () => await call(emulator, 'PATCH', '/__emulator/config', { webhook: TIMING, recipientFailures: [] }));

/** Opens the window, then forgets the inbound webhook so only statuses are left to look at. */
async function openWindowQuietly() {
	await openWindow(emulator);
	receiver.clear();
}

/** The first `count` status objects posted for one message (earlier tests' stragglers are ignored). */
const postsFor = (response: { json: any }) => receiver.posts.filter((post) => statusOf(post)?.id === response.json.messages[0].id);
const statusesOf = async (response: { json: any }, count: number) => {
	const id = response.json.messages[0].id;
	return (await receiver.waitForPosts(count, undefined, 3000, (post) => statusOf(post)?.id === id)).map(statusOf);
};

describe('status webhooks (Meta: Create a webhook endpoint, Status messages webhook reference)', () => {
	it('the X-Hub-Signature-256 header is the HMAC-SHA256 of the exact bytes received, keyed with the app secret', async () => {
		await openWindowQuietly();
		const response = await send(emulator, reply);
		await statusesOf(response, 1);
		const [post] = postsFor(response);
		const header = String(post.headers['x-hub-signature-256']);
		expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
		const expected = createHmac('sha256', SEED.appSecret).update(post.raw).digest();
		expect(timingSafeEqual(Buffer.from(header.slice('sha256='.length), 'hex'), expected)).toBe(true);
		const withWrongSecret = createHmac('sha256', 'not-the-secret').update(post.raw).digest();
		expect(timingSafeEqual(Buffer.from(header.slice('sha256='.length), 'hex'), withWrongSecret)).toBe(false);
		expect(post.headers['content-type']).toBe('application/json');
		const [recorded] = (await call(emulator, 'GET', '/__emulator/webhook-deliveries?kind=status')).json.data.filter((delivery: { body: string }) => delivery.body === post.raw.toString('utf8'));
		expect(recorded).toMatchObject({ body: post.raw.toString('utf8'), signature: header, provider: 'meta', delivered: true, statusCode: 200 });
	});

	it('a reply inside the window goes sent → delivered → read; pricing and conversation ride on sent and delivered only', async () => {
		await openWindowQuietly();
		const response = await send(emulator, reply);
		const id = response.json.messages[0].id;
		const [sent, delivered, read] = await statusesOf(response, 3);
		const pricing = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
		expect(sent).toEqual({
			id, status: 'sent', timestamp: expect.stringMatching(/^\d+$/), recipient_id: USER, biz_opaque_callback_data: 'pedido-ñ-42',
			conversation: { id: expect.stringMatching(/^[0-9a-f]{32}$/), expiration_timestamp: expect.stringMatching(/^\d+$/), origin: { type: 'service' } },
			pricing,
		});
		expect(delivered).toEqual({ id, status: 'delivered', timestamp: expect.any(String), recipient_id: USER, biz_opaque_callback_data: 'pedido-ñ-42', conversation: { id: sent.conversation.id, origin: { type: 'service' } }, pricing });
		expect(read).toEqual({ id, status: 'read', timestamp: expect.any(String), recipient_id: USER, biz_opaque_callback_data: 'pedido-ñ-42' });
		expect(emulator.state.messages.get(id)!.status).toBe('read');
		expect(postsFor(response)[0].json.entry[0]).toMatchObject({ id: WABA, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE } } }] });
	});

	it.each([
		['a utility template inside the window is free', true, utilityTemplate, { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' }],
		['a utility template outside the window is billed', false, utilityTemplate, { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' }],
		['a marketing template is billed even inside the window', true, marketingTemplate, { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }],
	])('%s (Meta: Pricing)', async (_name, insideWindow, template, pricing) => {
		if (insideWindow) await openWindowQuietly();
		const [sent] = await statusesOf(await send(emulator, template), 1);
		expect(sent).toMatchObject({ status: 'sent', pricing, conversation: { origin: { type: pricing.category } } });
	});

	it('outside the window a free-form message is accepted, then only a failed status with 131047 arrives', async () => {
		const response = await send(emulator, reply);
		const id = response.json.messages[0].id;
		const [failed] = await statusesOf(response, 1);
		expect(failed).toEqual({
			id, status: 'failed', timestamp: expect.stringMatching(/^\d+$/), recipient_id: USER, biz_opaque_callback_data: 'pedido-ñ-42',
			errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: expect.stringContaining('24 hours') }, href: '/documentation/business-messaging/whatsapp/support/error-codes' }],
		});
		await sleep(80);
		expect(postsFor(response)).toHaveLength(1);
	});

	it('config.recipientFailures makes messages to that user fail with the chosen code (131026)', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { recipientFailures: [{ waId: USER, code: 131026 }] });
		const [failed] = await statusesOf(await send(emulator, utilityTemplate), 1);
		expect(failed.errors).toEqual([expect.objectContaining({ code: 131026, title: 'Message undeliverable', error_data: { details: expect.stringContaining('not on WhatsApp') } })]);
		expect((await call(emulator, 'PATCH', '/__emulator/config', { recipientFailures: [{ waId: USER, code: 131047 }] })).status).toBe(400);
	});

	it('finalStatus "delivered" stops before read; read at the same moment as delivered replaces it (Meta: Status messages webhook reference)', async () => {
		await openWindowQuietly();
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { finalStatus: 'delivered' } });
		const first = await send(emulator, reply);
		await statusesOf(first, 2);
		await sleep(80);
		expect(postsFor(first).map((post) => statusOf(post).status)).toEqual(['sent', 'delivered']);

		receiver.clear();
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { finalStatus: 'read', readAfterMs: 20 } });
		const [sent, read] = await statusesOf(await send(emulator, reply), 2);
		expect([sent.status, read.status]).toEqual(['sent', 'read']);
		expect(read.pricing).toEqual(sent.pricing);
	});

	it('a reaction only gets sent', async () => {
		const inbound = await openWindow(emulator);
		receiver.clear();
		const reaction = await send(emulator, { type: 'reaction', reaction: { message_id: inbound.message.id, emoji: '👍' } });
		await statusesOf(reaction, 1);
		await sleep(80);
		expect(postsFor(reaction).map((post) => statusOf(post).status)).toEqual(['sent']);
	});

	it('a send through v24.0 has no conversation object (Meta: Status messages webhook reference)', async () => {
		await openWindowQuietly();
		const [sent] = await statusesOf(await call(emulator, 'POST', `/v24.0/${PHONE}/messages`, { messaging_product: 'whatsapp', to: USER, ...reply }), 1);
		expect(sent.pricing).toMatchObject({ category: 'service' });
		expect(sent.conversation).toBeUndefined();
	});
});

describe('status order (docs/webhook-delivery.md)', () => {
	it('"reverse" holds a message\'s statuses until the last one, then posts read, delivered, sent', async () => {
		await openWindowQuietly();
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { statusOrder: 'reverse' } });
		const response = await send(emulator, reply);
		const id = response.json.messages[0].id;
		const statuses = await statusesOf(response, 3);
		expect(statuses.map((status) => status.status)).toEqual(['read', 'delivered', 'sent']);
		expect(emulator.state.messages.get(id)!.status).toBe('read');
	});

	it('"shuffle" posts the same three statuses in some order', async () => {
		await openWindowQuietly();
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { statusOrder: 'shuffle' } });
		const statuses = await statusesOf(await send(emulator, reply), 3);
		expect(statuses.map((status) => status.status).sort()).toEqual(['delivered', 'read', 'sent']);
	});

	it('rejects an unknown order or final status', async () => {
		const response = await call(emulator, 'PATCH', '/__emulator/config', { webhook: { statusOrder: 'random', finalStatus: 'played' } });
		expect(response.status).toBe(400);
		expect(response.json.error.message).toMatch(/statusOrder" must be one of in-order, reverse, shuffle.*finalStatus/);
	});
});
