import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { WhatsApp360DialogApi } from '../../credentials/WhatsApp360DialogApi.credentials';
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { connectionFromCredentials } from '../../nodes/shared/transport/connection';
import { evaluateCredentialExpression, runCredentialTest } from '../harness/credentialTest';
import { useTestEmulator } from '../harness/emulatorClient';
import { emulatorCredentials } from '../harness/emulatorCredentials';

/**
 * The credentials' "Test" buttons: the request each one declares, sent as n8n would (expressions
 * filled from the credential), and the rule whose message the user then reads.
 */
const emulator = useTestEmulator({}, { reset: false });

describe('WhatsApp Cloud API credential test', () => {
	const credential = new WhatsAppCloudApi();
	const bearer = (credentials: ICredentialDataDecryptedObject) => ({ Authorization: `Bearer ${credentials.accessToken}` });

	test('good credentials read the phone number', async () => {
		const credentials = emulatorCredentials(emulator).whatsAppCloudApi;
		expect(await runCredentialTest(credential.test, credentials, bearer(credentials))).toEqual({ status: 200, message: undefined });
	});

	test('an expired token (Meta 190) is explained as such', async () => {
		const credentials = { ...emulatorCredentials(emulator).whatsAppCloudApi, accessToken: 'EXPIRED' };
		const result = await runCredentialTest(credential.test, credentials, bearer(credentials));
		expect(result.status).toBe(401);
		expect(result.message).toMatch(/190.*token|token.*190/i);
	});

	test('a wrong phone number ID (Meta 100) is explained as such', async () => {
		const credentials = { ...emulatorCredentials(emulator).whatsAppCloudApi, phoneNumberId: '999999999' };
		const result = await runCredentialTest(credential.test, credentials, bearer(credentials));
		expect(result.status).toBe(400);
		expect(result.message).toMatch(/Phone Number ID.*error 100/i);
	});

	test('a base URL with a trailing slash still works', async () => {
		const credentials = { ...emulatorCredentials(emulator).whatsAppCloudApi, baseUrl: `${emulator.url}/` };
		expect((await runCredentialTest(credential.test, credentials, bearer(credentials))).status).toBe(200);
	});

	test('Minor 7: a version typed at the end of the Base URL, or a Graph API Version without its v, still reads the phone number', async () => {
		for (const [baseUrl, graphApiVersion] of [
			[`${emulator.url}/v24.0/`, 'v24.0'],
			[` ${emulator.url}/v24.0 `, '24.0'],
			[emulator.url, '24'],
			[emulator.url, '/v24.0/'],
		]) {
			const credentials = { ...emulatorCredentials(emulator).whatsAppCloudApi, baseUrl, graphApiVersion };
			expect(await runCredentialTest(credential.test, credentials, bearer(credentials))).toEqual({ status: 200, message: undefined });
		}
	});

	test('Minor 7: the credential test asks the same URL the nodes send to', async () => {
		const credentials = { ...emulatorCredentials(emulator).whatsAppCloudApi, baseUrl: `${emulator.url}/v24.0/`, graphApiVersion: '24.0' };
		expect(evaluateCredentialExpression(String(credential.test.request.baseURL), credentials)).toBe(
			connectionFromCredentials('cloudApi', credentials).apiRoot,
		);
	});
});

describe('QA2 m8/m9: a Base URL typed without its scheme, or pasted as the whole messages URL, is read as the host', () => {
	const credential = new WhatsAppCloudApi();
	const bearer = (credentials: ICredentialDataDecryptedObject) => ({ Authorization: `Bearer ${credentials.accessToken}` });
	const good = () => emulatorCredentials(emulator).whatsAppCloudApi;

	test("Meta's whole messages URL from API Setup, or a local host without http://, still reads the phone number, at the URL the nodes send to", async () => {
		const host = emulator.url.replace(/^http:\/\//, '');
		for (const baseUrl of [`${emulator.url}/v24.0/${good().phoneNumberId}/messages`, host, `${host}/v24.0/`]) {
			const credentials = { ...good(), baseUrl };
			expect(await runCredentialTest(credential.test, credentials, bearer(credentials))).toEqual({ status: 200, message: undefined });
			expect(evaluateCredentialExpression(String(credential.test.request.baseURL), credentials)).toBe(connectionFromCredentials('cloudApi', credentials).apiRoot);
		}
	});

	test("a host typed without https:// gets it (Meta serves only https), in the nodes and in the credential's Test alike", () => {
		for (const baseUrl of ['graph.facebook.com', 'graph.facebook.com/v24.0/106540352242922/messages?x=1', ' https://graph.facebook.com/v23.0/ ']) {
			const credentials = { ...good(), baseUrl, graphApiVersion: 'v24.0' };
			expect(connectionFromCredentials('cloudApi', credentials).apiRoot).toBe('https://graph.facebook.com/v24.0');
			expect(evaluateCredentialExpression(String(credential.test.request.baseURL), credentials)).toBe('https://graph.facebook.com/v24.0');
		}
		const proxied = { ...good(), baseUrl: 'https://proxy.example.com/graph/' };
		expect(evaluateCredentialExpression(String(credential.test.request.baseURL), proxied)).toBe('https://proxy.example.com/graph/v24.0');
	});
});

describe('360dialog credential test', () => {
	const credential = new WhatsApp360DialogApi();

	test('a good key reads the business profile; a wrong one is explained', async () => {
		const credentials = emulatorCredentials(emulator).whatsApp360DialogApi;
		expect((await runCredentialTest(credential.test, credentials, { 'D360-API-KEY': String(credentials.apiKey) })).status).toBe(200);
		const wrong = await runCredentialTest(credential.test, credentials, { 'D360-API-KEY': 'WRONG' });
		expect(wrong.status).toBe(401);
		expect(wrong.message).toMatch(/API key/);
	});

	test('Minor 7: a Base URL typed with /v1 or a trailing slash reads the business profile', async () => {
		const credentials = { ...emulatorCredentials(emulator).whatsApp360DialogApi, baseUrl: `${emulator.url}/v1/` };
		expect((await runCredentialTest(credential.test, credentials, { 'D360-API-KEY': String(emulatorCredentials(emulator).whatsApp360DialogApi.apiKey) })).status).toBe(200);
	});
});
