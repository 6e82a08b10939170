import { call, expectMetaError, graph, openWindow, PHONE, SEED, USER, useTestEmulator, WABA } from '../harness/emulatorClient';
import { useReceiver, VERIFY_TOKEN } from '../harness/webhookReceiver';

const receiver = useReceiver();
const emulator = useTestEmulator();
// No app callback: each test registers the one it needs.
beforeEach(async () => await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: null } }));

const form = (fields: Record<string, string>) => ({ rawBody: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, token: null });

async function appToken(): Promise<string> {
	const response = await call(emulator, 'POST', '/v19.0/oauth/access_token', undefined, form({ client_id: SEED.appId, client_secret: SEED.appSecret, grant_type: 'client_credentials' }));
	expect(response.status).toBe(200);
	return response.json.access_token;
}

const subscriptions = (method: string, token: string, body?: Record<string, unknown>) => call(emulator, method, `/v23.0/${SEED.appId}/subscriptions`, body, { token });
/** Where the next inbound message's webhook goes. */
async function inboundLandsOn(): Promise<string[]> {
	const response = await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'where does this go?' });
	return response.json.webhook.deliveries.map((delivery: { url: string }) => delivery.url.replace(receiver.base, ''));
}

describe('app access token (/oauth/access_token)', () => {
	it('client_credentials by query string or form gives "<app-id>|…" bearer tokens; the secret is never logged', async () => {
		const byQuery = await call(emulator, 'GET', `/oauth/access_token?client_id=${SEED.appId}&client_secret=${SEED.appSecret}&grant_type=client_credentials`, undefined, { token: null });
		expect(byQuery.json).toEqual({ access_token: expect.stringMatching(new RegExp(`^${SEED.appId}\\|.+`)), token_type: 'bearer' });
		expect(await appToken()).not.toBe(byQuery.json.access_token);
		expect(JSON.stringify((await call(emulator, 'GET', '/__emulator/requests')).json)).not.toContain(SEED.appSecret);
	});

	it.each([
		['a wrong secret', 1, { client_id: SEED.appId, client_secret: 'guess', grant_type: 'client_credentials' }],
		['an unknown app', 101, { client_id: '42', client_secret: SEED.appSecret, grant_type: 'client_credentials' }],
		['another grant type', 100, { client_id: SEED.appId, client_secret: SEED.appSecret, grant_type: 'password' }],
	])('%s is refused with code %d', async (_name, code, fields) => {
		const response = await call(emulator, 'POST', '/oauth/access_token', undefined, form(fields));
		expectMetaError(response, code);
		expect(JSON.stringify(response.json)).not.toContain(SEED.appSecret);
	});
});

describe('app subscriptions (/{app-id}/subscriptions) as n8n\'s trigger registers them', () => {
	it('POST verifies the callback (Meta: Create a webhook endpoint), then GET lists it, webhooks go there, DELETE removes it', async () => {
		const token = await appToken();
		expect((await subscriptions('GET', token)).json).toEqual({ data: [] });
		const created = await call(emulator, 'POST', `/v19.0/${SEED.appId}/subscriptions`, undefined, {
			...form({ object: 'whatsapp_business_account', callback_url: `${receiver.base}/n8n`, verify_token: VERIFY_TOKEN, fields: '["messages"]', include_values: 'true' }),
			token,
		});
		expect(created.json).toEqual({ success: true });
		expect(receiver.handshakes).toHaveLength(1);
		expect(receiver.handshakes[0].get('hub.mode')).toBe('subscribe');
		expect((await subscriptions('GET', token)).json).toEqual({
			data: [{ object: 'whatsapp_business_account', callback_url: `${receiver.base}/n8n`, active: true, fields: [{ name: 'messages', version: 'v23.0' }] }],
		});
		expect(await inboundLandsOn()).toEqual(['/n8n']);
		expect((await call(emulator, 'DELETE', `/v19.0/${SEED.appId}/subscriptions`, undefined, { ...form({ object: 'whatsapp_business_account' }), token })).json).toEqual({ success: true });
		expect((await subscriptions('GET', token)).json).toEqual({ data: [] });
		expect(await inboundLandsOn()).toEqual([]);
	});

	it('a callback that does not echo the challenge fails with 2200 and changes nothing', async () => {
		const token = await appToken();
		const response = await subscriptions('POST', token, { object: 'whatsapp_business_account', callback_url: `${receiver.base}/n8n`, verify_token: 'not-the-token', fields: ['messages'] });
		expectMetaError(response, 2200);
		expect((await subscriptions('GET', token)).json).toEqual({ data: [] });
	});

	it('fields add up across POSTs; DELETE with fields removes only those', async () => {
		const token = await appToken();
		const subscribe = (fields: string[]) => subscriptions('POST', token, { object: 'whatsapp_business_account', callback_url: `${receiver.base}/n8n`, verify_token: VERIFY_TOKEN, fields });
		await subscribe(['messages']);
		await subscribe(['message_template_status_update']);
		const names = async () => (await subscriptions('GET', token)).json.data[0]?.fields.map((field: { name: string }) => field.name);
		expect(await names()).toEqual(['messages', 'message_template_status_update']);
		await subscriptions('DELETE', token, { fields: ['message_template_status_update'] });
		expect(await names()).toEqual(['messages']);
		expectMetaError(await subscribe(['messages', 'kittens']), 100);
	});

	it('a user token on /{app-id}/subscriptions is code 15; an app token elsewhere is 190', async () => {
		expectMetaError(await subscriptions('GET', SEED.accessToken), 15);
		expectMetaError(await graph(emulator, 'GET', `/${PHONE}`, undefined, { token: await appToken() }), 190, 401);
		expect((await subscriptions('GET', `${SEED.appId}|${SEED.appSecret}`)).status).toBe(200);
	});
});

describe('overrides (Meta: Webhook overrides): phone number, then WABA, then app callback', () => {
	const overrideWaba = (body?: Record<string, unknown>) => graph(emulator, 'POST', `/${WABA}/subscribed_apps`, body);
	const overridePhone = (uri: string) => graph(emulator, 'POST', `/${PHONE}`, { webhook_configuration: { override_callback_uri: uri, verify_token: VERIFY_TOKEN } });

	it('precedence, and removal by re-POSTing without a body or with an empty phone override', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${receiver.base}/app` } });
		expect(await inboundLandsOn()).toEqual(['/app']);
		expect((await overrideWaba({ override_callback_uri: `${receiver.base}/waba`, verify_token: VERIFY_TOKEN })).json).toEqual({ success: true });
		expect(await inboundLandsOn()).toEqual(['/waba']);
		expect((await overridePhone(`${receiver.base}/phone`)).json).toEqual({ success: true });
		expect(await inboundLandsOn()).toEqual(['/phone']);
		expect(receiver.handshakes.map((query) => query.get('hub.verify_token'))).toEqual([VERIFY_TOKEN, VERIFY_TOKEN]);

		await overridePhone('');
		expect(await inboundLandsOn()).toEqual(['/waba']);
		await overrideWaba();
		expect((await graph(emulator, 'GET', `/${WABA}/subscribed_apps`)).json.data[0].override_callback_uri).toBeUndefined();
		expect(await inboundLandsOn()).toEqual(['/app']);
	});

	it('an override that fails the handshake is 2200 and is not set', async () => {
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}`, { webhook_configuration: { override_callback_uri: `${receiver.base}/phone`, verify_token: 'wrong' } }), 2200);
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${receiver.base}/app` } });
		expect(await inboundLandsOn()).toEqual(['/app']);
	});
});

describe('360dialog webhook configuration (docs/360dialog.md)', () => {
	const apiKey = SEED.dialog360ApiKey;

	it('POST /v1/configs/webhook {url, headers}: no handshake, webhooks carry the headers and no Meta signature', async () => {
		const saved = await call(emulator, 'POST', '/v1/configs/webhook', { url: `${receiver.base}/d360`, headers: { 'X-Webhook-Secret': 's3cr3t-value' } }, { apiKey });
		expect(saved.json).toEqual({ url: `${receiver.base}/d360` });
		expect(receiver.handshakes).toEqual([]);
		expect((await call(emulator, 'GET', '/v1/configs/webhook', undefined, { apiKey })).json).toEqual({ url: `${receiver.base}/d360` });

		await openWindow(emulator);
		const [post] = await receiver.waitForPosts(1, '/d360');
		expect(post.headers['x-webhook-secret']).toBe('s3cr3t-value');
		expect(post.headers['x-hub-signature-256']).toBeUndefined();
		expect(post.json.entry[0].changes[0].value.messages[0].text).toEqual({ body: 'Hi there' });

		const [delivery] = (await call(emulator, 'GET', '/__emulator/webhook-deliveries')).json.data;
		expect(delivery).toMatchObject({ provider: '360dialog', customHeaders: ['X-Webhook-Secret'] });
		expect(delivery.signature).toBeUndefined();
		const logs = JSON.stringify([delivery, (await call(emulator, 'GET', '/__emulator/requests')).json]);
		expect(logs).not.toContain('s3cr3t-value');
	});

	it('a Meta callback still gets its signed copy; an empty url removes the 360dialog webhook', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { url: `${receiver.base}/app` } });
		await call(emulator, 'POST', '/v1/configs/webhook', { url: `${receiver.base}/d360` }, { apiKey });
		expect((await inboundLandsOn()).sort()).toEqual(['/app', '/d360']);
		await call(emulator, 'POST', '/v1/configs/webhook', { url: '' }, { apiKey });
		expect(await inboundLandsOn()).toEqual(['/app']);
		expectMetaError(await call(emulator, 'POST', '/v1/configs/webhook', { url: 'ftp://nope' }, { apiKey }), 100);
	});
});
