/**
 * The emulator behaviours the sending tests lean on: an API that echoes secrets (echoSecrets), a
 * fault that lets the first requests through (skip), and a file server for media links.
 */
import { call, graph, openWindow, SEED, send, useTestEmulator, WABA } from '../harness/emulatorClient';

const emulator = useTestEmulator();
afterEach(() => call(emulator, 'PATCH', '/__emulator/config', { faults: [] }));

const faults = async (rules: object[]) => expect((await call(emulator, 'PATCH', '/__emulator/config', { faults: rules })).status).toBe(200);

describe('echoSecrets fault', () => {
	it('answers an error repeating the access token and the app secret in the message and the details', async () => {
		await faults([{ pathPattern: '/messages$', kind: 'echoSecrets' }]);
		const response = await send(emulator, { type: 'text', text: { body: 'hi' } });
		expect(response.status).toBe(400);
		expect(response.json.error.code).toBe(100);
		for (const text of [response.json.error.message, response.json.error.error_data.details]) {
			expect(text).toContain(`access token ${SEED.accessToken}`);
			expect(text).toContain(`app secret ${SEED.appSecret}`);
		}
	});

	it('repeats the 360dialog key (and not the Meta app secret) on a 360dialog request, with the status and code asked for', async () => {
		await faults([{ pathPattern: '/messages$', kind: 'echoSecrets', status: 401, code: 190 }]);
		const response = await call(emulator, 'POST', '/messages', { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'hi' } }, { apiKey: SEED.dialog360ApiKey });
		expect(response.status).toBe(401);
		expect(response.json.error.code).toBe(190);
		expect(response.json.error.error_data.details).toBe(`Request credentials: D360-API-KEY ${SEED.dialog360ApiKey}.`);
	});

	it('with a status below 400, the normal answer comes back with an echo field', async () => {
		await faults([{ pathPattern: '/message_templates$', method: 'GET', kind: 'echoSecrets', status: 200 }]);
		const response = await graph(emulator, 'GET', `/${WABA}/message_templates?limit=1`);
		expect(response.status).toBe(200);
		expect(response.json.data).toHaveLength(1);
		expect(response.json.echo).toContain(SEED.accessToken);
	});

	it('a bad status is refused and nothing changes', async () => {
		const response = await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: 'x', kind: 'echoSecrets', status: 99 }] });
		expect(response.status).toBe(400);
		expect(JSON.stringify(response.json)).toMatch(/status must be an HTTP status/);
	});
});

describe('skip', () => {
	it('lets the first matching requests through, then disturbs the next', async () => {
		await openWindow(emulator);
		await faults([{ pathPattern: '/messages$', kind: 'http500', code: 131000, skip: 1, count: 1 }]);
		expect((await send(emulator, { type: 'text', text: { body: 'first' } })).status).toBe(200);
		expect((await send(emulator, { type: 'text', text: { body: 'second' } })).status).toBe(500);
		expect((await send(emulator, { type: 'text', text: { body: 'third' } })).status).toBe(200);
	});
});

describe('hosted files', () => {
	it('GET answers a sample of the type asked for; HEAD the same headers without a body', async () => {
		const get = await fetch(`${emulator.url}/__emulator/files/labels/860198?type=application/pdf`);
		expect(get.headers.get('content-type')).toBe('application/pdf');
		expect((await get.text()).startsWith('%PDF')).toBe(true);
		const head = await fetch(`${emulator.url}/__emulator/files/report.docx`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(await head.text()).toBe('');
	});

	it('a media link to this machine is accepted (HTTP/HTTPS only, as the OpenAPI describes links)', async () => {
		await openWindow(emulator);
		const link = `${emulator.url}/__emulator/files/download?type=application/pdf`;
		expect((await send(emulator, { type: 'document', document: { link } })).status).toBe(200);
		const ftp = await send(emulator, { type: 'document', document: { link: 'ftp://example.com/a.pdf' } });
		expect(ftp.status).toBe(400);
	});
});
