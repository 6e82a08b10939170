import { call, expectMetaError, graph, PHONE, send, useTestEmulator, USER, WABA } from '../harness/emulatorClient';

const emulator = useTestEmulator();
afterEach(() => call(emulator, 'PATCH', '/__emulator/config', { faults: [], latency: { fixedMs: 0, jitterMs: 0 } }));

const hello = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

describe('request log', () => {
	it('lists accepted requests with method, path, query, body, provider, response id and timestamp', async () => {
		const sent = await send(emulator, hello);
		await graph(emulator, 'GET', `/${WABA}/message_templates?limit=1`);
		await send(emulator, { type: 'text', text: {} }); // rejected: not logged
		const all = (await call(emulator, 'GET', '/__emulator/requests')).json.data;
		expect(all).toEqual([
			{ seq: expect.any(Number), timestamp: expect.any(String), method: 'POST', path: `/v23.0/${PHONE}/messages`, query: {}, provider: 'meta', status: 200, body: expect.objectContaining({ type: 'template' }), responseId: sent.json.messages[0].id },
			expect.objectContaining({ method: 'GET', query: { limit: '1' }, body: null }),
		]);
		expect((await call(emulator, 'GET', '/__emulator/requests?path=/messages')).json.data).toHaveLength(1);
		expect((await call(emulator, 'GET', '/__emulator/requests?method=get')).json.data).toHaveLength(1);
		await call(emulator, 'DELETE', '/__emulator/requests');
		expect((await call(emulator, 'GET', '/__emulator/requests')).json.data).toEqual([]);
	});
});

describe('reset and inbound', () => {
	it('POST /__emulator/reset forgets messages, windows, media and created templates', async () => {
		await call(emulator, 'POST', '/__emulator/inbound', { from: USER });
		await send(emulator, { type: 'text', text: { body: 'hi' } });
		await graph(emulator, 'DELETE', `/${WABA}/message_templates?name=hello_world`);
		await call(emulator, 'POST', '/__emulator/reset');
		expect((await call(emulator, 'GET', '/__emulator/messages')).json.data).toEqual([]);
		expect((await call(emulator, 'GET', '/__emulator/inbound')).json.data).toEqual([]);
		expect((await graph(emulator, 'GET', `/${WABA}/message_templates?name=hello_world`)).json.data).toHaveLength(1);
		const afterReset = await send(emulator, { type: 'text', text: { body: 'hi' } });
		expect(emulator.state.messages.get(afterReset.json.messages[0].id)!.status).toBe('failed');
	});

	it('POST /__emulator/inbound returns the webhook-shaped message and when the window closes', async () => {
		const response = await call(emulator, 'POST', '/__emulator/inbound', { from: '+1 650 555 1234', text: 'Does it come in another color?', name: 'Sheena Nelson' });
		expect(response.json).toMatchObject({
			phoneNumberId: PHONE,
			contact: { profile: { name: 'Sheena Nelson' }, wa_id: USER },
			message: { from: USER, id: expect.stringMatching(/^wamid\./), timestamp: expect.stringMatching(/^\d+$/), type: 'text', text: { body: 'Does it come in another color?' } },
			windowClosesAt: expect.any(String),
		});
	});

	it.each([
		['no from', {}],
		['an unknown phone number', { from: USER, phoneNumberId: '42' }],
		['an unknown type', { from: USER, type: 'hologram' }],
		['a reaction with nothing to react to', { from: USER, type: 'reaction' }],
		['a raw message without type', { from: USER, message: { text: { body: 'hi' } } }],
	])('inbound with %s → 400', async (_name, body) => {
		expect((await call(emulator, 'POST', '/__emulator/inbound', body)).status).toBe(400);
	});
});

describe('configuration', () => {
	it('GET shows the settings without the app secret; PATCH merges and validates', async () => {
		const current = (await call(emulator, 'GET', '/__emulator/config')).json;
		expect(current).toMatchObject({ throughput: { messagesPerSecond: 80 }, pairRate: { burst: 45, refillIntervalMs: 6000 }, webhook: { url: null } });
		expect(JSON.stringify(current)).not.toContain('emulator-app-secret');
		const patched = await call(emulator, 'PATCH', '/__emulator/config', { latency: { fixedMs: 5 }, templateReview: { forbiddenWords: ['spam'] } });
		expect(patched.json).toMatchObject({ latency: { fixedMs: 5, jitterMs: 0 }, templateReview: { forbiddenWords: ['spam'], delayMs: 0 } });
		await call(emulator, 'PATCH', '/__emulator/config', { templateReview: { forbiddenWords: ['forbidden'] } });
	});

	it.each([
		['an unknown key', { colour: 'red' }],
		['a wrong type', { throughput: { messagesPerSecond: 'fast' } }],
		['a fault without a valid kind', { faults: [{ pathPattern: '/messages$', kind: 'explode' }] }],
		['a fault with a broken pattern', { faults: [{ pathPattern: '(', kind: 'http500' }] }],
	])('PATCH with %s → 400 and nothing changes', async (_name, patch) => {
		const response = await call(emulator, 'PATCH', '/__emulator/config', patch);
		expect(response.status).toBe(400);
		expect(response.json.error.message).toEqual(expect.any(String));
		expect(emulator.config.faults).toEqual([]);
	});
});

describe('fault injection', () => {
	it('"fail the next 2 sends": two 500s with code 131000, then normal answers', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'http500', count: 2 }] });
		const statuses = [];
		for (let attempt = 0; attempt < 3; attempt += 1) statuses.push(await send(emulator, hello));
		expectMetaError(statuses[0], 131000, 500);
		expectMetaError(statuses[1], 131000, 500);
		expect(statuses[2].status).toBe(200);
		expect(emulator.config.faults).toEqual([]);
	});

	it('http503 answers code 2 by default, or the configured code; other paths are untouched', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', method: 'POST', kind: 'http503', count: 1 }, { pathPattern: '/media$', kind: 'http500', code: 131016, count: 1 }] });
		expect((await graph(emulator, 'GET', `/${PHONE}`)).status).toBe(200);
		expectMetaError(await send(emulator, hello), 2, 503);
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/media`, {}), 131016, 500);
	});

	it('reset destroys the connection without an answer', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'reset', count: 1 }] });
		await expect(send(emulator, hello)).rejects.toThrow();
		expect((await send(emulator, hello)).status).toBe(200);
	});

	it('delay and latency slow the answer down', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'delay', delayMs: 120, count: 1 }], latency: { fixedMs: 30 } });
		const started = Date.now();
		expect((await send(emulator, hello)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(145);
		const next = Date.now();
		await graph(emulator, 'GET', `/${PHONE}`);
		expect(Date.now() - next).toBeGreaterThanOrEqual(25);
	});

	it('an unknown admin route → 404 with a hint', async () => {
		const response = await call(emulator, 'GET', '/__emulator/nothing');
		expect(response.status).toBe(404);
		expect(response.json.error.message).toContain('README');
	});
});
