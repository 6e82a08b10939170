/**
 * The HTTPS side (`tls` option): a certificate made at start for graph.facebook.com, so a client
 * with that host hard-coded can be pointed at the emulator by name resolution alone.
 */
import * as https from 'node:https';
import { checkServerIdentity } from 'node:tls';
import { call, PHONE, SEED, USER, useTestEmulator } from '../harness/emulatorClient';

// The tests share what they send; nothing is reset between them.
const emulator = useTestEmulator({ tls: {} }, { reset: false });

/** A Graph request over TLS to 127.0.0.1 that checks the certificate against `servername`. */
function secureRequest(path: string, body: unknown, options: { ca?: string; servername: string }): Promise<{ status: number; json: any }> {
	return new Promise((resolve, reject) => {
		const data = JSON.stringify(body);
		const request = https.request(
			{
				host: '127.0.0.1',
				port: emulator.tls!.port,
				servername: options.servername,
				ca: options.ca,
				path,
				method: 'POST',
				headers: { Authorization: `Bearer ${SEED.accessToken}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) },
				// Verify the name as a client of graph.facebook.com would, although the socket goes to 127.0.0.1.
				checkServerIdentity: (_host, certificate) => checkServerIdentity(options.servername, certificate),
				agent: false,
			},
			(response) => {
				let text = '';
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }));
			},
		);
		request.on('error', reject);
		request.end(data);
	});
}

const template = { messaging_product: 'whatsapp', to: `+${USER}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

describe('HTTPS side (tls option)', () => {
	it('serves the Graph API over TLS with a certificate valid for graph.facebook.com, sharing state with the HTTP side', async () => {
		expect(emulator.tls).toEqual({ url: `https://127.0.0.1:${emulator.tls!.port}`, port: expect.any(Number), cert: expect.stringContaining('-----BEGIN CERTIFICATE-----') });
		const response = await secureRequest(`/v13.0/${PHONE}/messages`, template, { ca: emulator.tls!.cert, servername: 'graph.facebook.com' });
		expect(response.status).toBe(200);
		const messages = (await call(emulator, 'GET', '/__emulator/messages')).json.data;
		expect(messages.map((message: { id: string }) => message.id)).toContain(response.json.messages[0].id);
	});

	it('is real TLS: a client that does not trust the certificate, or asks for another name, is refused', async () => {
		await expect(secureRequest(`/v13.0/${PHONE}/messages`, template, { servername: 'graph.facebook.com' })).rejects.toThrow(/self-signed certificate/);
		await expect(secureRequest(`/v13.0/${PHONE}/messages`, template, { ca: emulator.tls!.cert, servername: 'example.com' })).rejects.toThrow(/example\.com/);
	});

	it('shows the TLS setting without the key, and cannot be changed while running', async () => {
		expect((await call(emulator, 'GET', '/__emulator/config')).json.tls).toEqual({});
		const patch = await call(emulator, 'PATCH', '/__emulator/config', { tls: { port: 8443 } });
		expect(patch.status).toBe(400);
		expect(patch.json.error.message).toContain('"tls" is fixed once the emulator listens; restart it with --tls-port');
	});
});
