import { signatureHeader } from '../../emulator';
import { call, expectMetaError, graph, PHONE, SEED, send, USER, WABA } from '../harness/emulatorClient';
import { emulatorWithAppReceiver } from '../harness/webhookReceiver';

const outsideWindow = { type: 'text', text: { body: 'Your order has shipped' }, biz_opaque_callback_data: 'order-42' };
const stack = emulatorWithAppReceiver();

describe('signed status webhooks (Meta: Create a webhook endpoint, Status messages webhook reference)', () => {
	it('posts the failed 131047 status with X-Hub-Signature-256 over the exact body', async () => {
		const response = await send(stack.emulator, outsideWindow);
		await stack.receiver.waitForPosts(1);
		const [delivery] = stack.receiver.posts;
		expect(delivery.path).toBe('/app');
		expect(delivery.headers['x-hub-signature-256']).toBe(signatureHeader(SEED.appSecret, delivery.raw));
		const payload = delivery.json;
		expect(payload).toMatchObject({ object: 'whatsapp_business_account', entry: [{ id: WABA, changes: [{ field: 'messages' }] }] });
		expect(payload.entry[0].changes[0].value).toEqual({
			messaging_product: 'whatsapp',
			metadata: { display_phone_number: '15550783881', phone_number_id: PHONE },
			statuses: [{
				id: response.json.messages[0].id, status: 'failed', timestamp: expect.stringMatching(/^\d+$/), recipient_id: USER, biz_opaque_callback_data: 'order-42',
				errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: expect.any(String) }, href: expect.any(String) }],
			}],
		});
		expect((await call(stack.emulator, 'GET', '/__emulator/webhook-deliveries')).json.data).toEqual([expect.objectContaining({ url: `${stack.receiver.base}/app`, field: 'messages', statusCode: 200 })]);
	});

	it('a sent template carries PMP pricing', async () => {
		await send(stack.emulator, { type: 'template', template: { name: 'abandoned_cart', language: { code: 'en_US' }, components: [
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/cart.jpg' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'Pablo' }, { type: 'text', text: 'a cactus' }] },
			{ type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'abc' }] },
		] } });
		await stack.receiver.waitForPosts(1);
		const [status] = stack.receiver.posts[0].json.entry[0].changes[0].value.statuses;
		expect(status).toMatchObject({ status: 'sent', pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } });
	});
});

describe('webhook overrides (Meta: Webhook overrides)', () => {
	it('POST /{waba-id}/subscribed_apps verifies the URL (Meta: Create a webhook endpoint), then statuses go there', async () => {
		const subscribed = await graph(stack.emulator, 'POST', `/${WABA}/subscribed_apps`, { override_callback_uri: `${stack.receiver.base}/waba`, verify_token: 'emulator-verify-token' });
		expect(subscribed.json).toEqual({ success: true });
		expect((await graph(stack.emulator, 'GET', `/${WABA}/subscribed_apps`)).json.data).toEqual([expect.objectContaining({ override_callback_uri: `${stack.receiver.base}/waba` })]);
		await send(stack.emulator, outsideWindow);
		await stack.receiver.waitForPosts(1);
		expect(stack.receiver.posts[0].path).toBe('/waba');
	});

	it('a phone-number override wins over the WABA override and shows in webhook_configuration', async () => {
		await graph(stack.emulator, 'POST', `/${WABA}/subscribed_apps`, { override_callback_uri: `${stack.receiver.base}/waba`, verify_token: 'emulator-verify-token' });
		await graph(stack.emulator, 'POST', `/${PHONE}`, { webhook_configuration: { override_callback_uri: `${stack.receiver.base}/phone`, verify_token: 'emulator-verify-token' } });
		expect((await graph(stack.emulator, 'GET', `/${PHONE}?fields=webhook_configuration`)).json.webhook_configuration).toEqual({
			application: `${stack.receiver.base}/app`, whatsapp_business_account: `${stack.receiver.base}/waba`, phone_number: `${stack.receiver.base}/phone`,
		});
		await send(stack.emulator, outsideWindow);
		await stack.receiver.waitForPosts(1);
		expect(stack.receiver.posts[0].path).toBe('/phone');
	});

	it('a wrong verify token fails the handshake with 2200 and changes nothing', async () => {
		const response = await graph(stack.emulator, 'POST', `/${WABA}/subscribed_apps`, { override_callback_uri: `${stack.receiver.base}/waba`, verify_token: 'wrong' });
		expectMetaError(response, 2200);
		expect((await graph(stack.emulator, 'GET', `/${WABA}/subscribed_apps`)).json.data[0].override_callback_uri).toBeUndefined();
	});

	it('DELETE /{waba-id}/subscribed_apps stops every webhook', async () => {
		expect((await graph(stack.emulator, 'DELETE', `/${WABA}/subscribed_apps`)).json).toEqual({ success: true });
		expect((await graph(stack.emulator, 'GET', `/${WABA}/subscribed_apps`)).json.data).toEqual([]);
		await send(stack.emulator, outsideWindow);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(stack.receiver.posts).toEqual([]);
	});
});
