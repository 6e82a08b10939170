import { call, expectMetaError, graph, PHONE, SEED, useTestEmulator, USER } from '../harness/emulatorClient';

const emulator = useTestEmulator();

const hello = { messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

describe('Graph authentication (Meta: Send messages, Error codes)', () => {
	it.each([
		['no token', { token: null }],
		['a wrong token', { token: 'EAAJB-not-the-token' }],
		['a non-Bearer Authorization header', { token: null, headers: { Authorization: 'Basic abc' } }],
	])('%s → 190 with HTTP 401', async (_name, options) => {
		expectMetaError(await graph(emulator, 'GET', `/${PHONE}`, undefined, options), 190, 401);
	});

	it('never echoes the token in errors', async () => {
		const response = await graph(emulator, 'GET', `/${PHONE}`, undefined, { token: 'EAAJB-secret-value' });
		expect(JSON.stringify(response.json)).not.toContain('EAAJB-secret-value');
	});

	it('accepts ?access_token= like Graph, and leaves it out of the request log', async () => {
		const response = await call(emulator, 'GET', `/v24.0/${PHONE}?fields=status&access_token=${SEED.accessToken}`, undefined, { token: null });
		expect(response.json).toEqual({ status: 'CONNECTED', id: PHONE });
		const [entry] = (await call(emulator, 'GET', '/__emulator/requests')).json.data;
		expect(entry.query).toEqual({ fields: 'status' });
	});
});

describe('Graph routing', () => {
	it('any vNN.N version or none reaches the same endpoint', async () => {
		for (const prefix of ['/v23.0', '/v25.0', '']) {
			expect((await call(emulator, 'POST', `${prefix}/${PHONE}/messages`, hello)).status).toBe(200);
		}
	});

	it('an unknown phone-number id → 100 naming it (HTTP 400)', async () => {
		const response = await graph(emulator, 'POST', '/123456789/messages', hello);
		expectMetaError(response, 100);
		expect(response.json.error.error_data.details).toContain("'123456789'");
	});

	it('the WABA id where a phone-number id belongs → 100', async () => {
		expectMetaError(await graph(emulator, 'POST', `/${SEED.wabaId}/messages`, hello), 100);
	});

	it('an unknown path → 100; a body that is not JSON → 100', async () => {
		expectMetaError(await graph(emulator, 'GET', `/${PHONE}/unknown_edge`), 100);
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/messages`, undefined, { rawBody: '{not json', headers: { 'Content-Type': 'application/json' } }), 100);
	});

	it('a url-encoded form body is accepted like JSON', async () => {
		const form = new URLSearchParams({ messaging_product: 'whatsapp', to: USER, type: 'template', template: JSON.stringify(hello.template) });
		const response = await graph(emulator, 'POST', `/${PHONE}/messages`, undefined, { rawBody: form });
		expect(response.status).toBe(200);
	});
});

describe('360dialog mode (docs/360dialog.md)', () => {
	const key = { apiKey: SEED.dialog360ApiKey };

	it('POST /messages and /v1/messages send from the key\'s phone number', async () => {
		for (const path of ['/messages', '/v1/messages']) {
			const response = await call(emulator, 'POST', path, hello, key);
			expect(response.status).toBe(200);
			expect(emulator.state.messages.get(response.json.messages[0].id)).toMatchObject({ phoneNumberId: PHONE, provider: '360dialog' });
		}
	});

	it('a wrong key → 401; errors keep Meta\'s envelope', async () => {
		expectMetaError(await call(emulator, 'GET', '/whatsapp_business_profile', undefined, { apiKey: 'wrong' }), 190, 401);
		expectMetaError(await call(emulator, 'POST', '/messages', { ...hello, template: { name: 'nope', language: { code: 'en_US' } } }, key), 132001, 404);
	});

	it('Graph-style paths are not 360dialog paths', async () => {
		expectMetaError(await call(emulator, 'GET', `/v23.0/${SEED.wabaId}/message_templates`, undefined, key), 100);
	});
});
