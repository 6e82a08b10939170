/**
 * Which callback URLs Meta can deliver to: public HTTPS only, verified from the internet
 * (Meta: Create a webhook endpoint), at most 200 characters for overrides (Meta: Webhook overrides).
 */
import { callbackUrlAdvice, callbackUrlProblem, isMetaGraphHost } from '../../../nodes/shared/whatsapp/webhook';

describe('callback URLs Meta can reach', () => {
	it.each([
		['http://127.0.0.1:5678/webhook/abc/webhook', 'not-https'],
		['http://n8n.example.com/webhook/abc/webhook', 'not-https'],
		['n8n-demo.ngrok-free.app/webhook/abc/webhook', 'not-a-url'], // WEBHOOK_URL written without https://
		['https://localhost:5678/webhook/abc/webhook', 'local-host'],
		['https://n8n.local/webhook/abc/webhook', 'local-host'],
		['https://host.docker.internal/webhook/abc/webhook', 'local-host'],
		['https://127.0.0.1/webhook/abc/webhook', 'private-address'],
		['https://10.1.2.3/webhook/abc/webhook', 'private-address'],
		['https://172.20.0.5/webhook/abc/webhook', 'private-address'],
		['https://192.168.1.20:5678/webhook/abc/webhook', 'private-address'],
		['https://100.101.102.103/webhook/abc/webhook', 'private-address'], // carrier-grade NAT (e.g. a VPN)
		['https://[::1]/webhook/abc/webhook', 'private-address'],
		['https://[fd12:3456::1]/webhook/abc/webhook', 'private-address'],
		['https://n8n/webhook/abc/webhook', 'no-domain'],
		[`https://n8n.example.com/webhook/${'a'.repeat(200)}/webhook`, 'too-long'],
	])('refuses %s (%s)', (url, problem) => {
		expect(callbackUrlProblem(url)).toBe(problem);
	});

	it.each([
		'https://n8n.example.com/webhook/abc/webhook',
		'https://n8n-demo.ngrok-free.app/webhook/abc/webhook',
		'https://8.8.8.8/webhook/abc/webhook',
		'https://n8n.example.com:8443/webhook/abc/webhook',
	])('accepts %s', (url) => {
		expect(callbackUrlProblem(url)).toBeUndefined();
	});

	it('names the URL and the way to expose n8n in its advice', () => {
		const { message, fix } = callbackUrlAdvice('http://127.0.0.1:5678/webhook/abc/webhook', 'not-https');
		expect(message).toBe("Meta only delivers webhooks to a public HTTPS address, but this trigger's URL http://127.0.0.1:5678/webhook/abc/webhook does not start with https:// (Meta delivers over HTTPS only).");
		expect(fix).toMatch(/WEBHOOK_URL.*tunnel.*Manual/);
	});

	it.each([
		['https://graph.facebook.com', true],
		['https://graph.facebook.com/', true],
		['https://graph-video.facebook.com', true],
		['http://127.0.0.1:8089', false],
		['https://waba-v2.360dialog.io', false],
		['not a url', false],
	])('knows whether the Base URL %s is Meta\'s own host', (baseUrl, expected) => {
		expect(isMetaGraphHost(baseUrl)).toBe(expected);
	});
});
