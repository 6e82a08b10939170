/**
 * Activation and deactivation against the emulator (Meta: Webhook overrides): what the trigger adds is recorded in
 * static data and exactly that is undone; overrides that were there before come back.
 */
import type { INodeParameters } from 'n8n-workflow';
import type { WebhookRun } from '../harness/webhookContext';
import { SEED, useRegistrationEmulator, type TriggerTestBed } from '../harness/triggerTestBed';

const SECOND_NUMBER = '106540352242923';
const suite = useRegistrationEmulator();
const { emulator } = suite;

const posts = (runs: WebhookRun[]) => runs.filter((run) => run.method === 'POST');

async function workflow(workflowId: string, parameters: INodeParameters = {}): Promise<TriggerTestBed> {
	return await suite.workflow({ workflowId, parameters });
}

async function admin<T>(path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${emulator.url}/__emulator/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as T;
}

/** The callback each level routes to now, as Meta reports it (Meta: Webhook overrides). */
async function webhookConfiguration(phoneNumberId: string = SEED.phoneNumberId): Promise<Record<string, string>> {
	const response = await fetch(`${emulator.url}/v24.0/${phoneNumberId}?fields=webhook_configuration`, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
	return ((await response.json()) as { webhook_configuration: Record<string, string> }).webhook_configuration;
}

const userWrites = async (text: string, phoneNumberId: string = SEED.phoneNumberId) => await admin('inbound', { from: '16505551234', text, phoneNumberId });

describe('Trigger › Automatic (Meta) registration', () => {
	test('on an app without callback: app token, app subscription, WABA override; deliveries arrive; deactivation removes both', async () => {
		const bed = await workflow('wf-a');
		expect(await bed.activate()).toBe(true);

		const calls = (await bed.accepted()).map((request) => `${request.method} ${request.path.replace(/^\/v\d+\.\d+/, '')}`);
		expect(calls).toEqual([
			'GET /oauth/access_token',
			`GET /${SEED.appId}/subscriptions`,
			`POST /${SEED.appId}/subscriptions`,
			`GET /${SEED.wabaId}/subscribed_apps`,
			`POST /${SEED.wabaId}/subscribed_apps`,
		]);
		const [subscription] = await bed.accepted(`/${SEED.appId}/subscriptions`).then((requests) => requests.filter((request) => request.method === 'POST'));
		expect(subscription.body).toMatchObject({ object: 'whatsapp_business_account', callback_url: bed.url, fields: 'messages', include_values: true });
		expect(await webhookConfiguration()).toEqual({ application: bed.url, whatsapp_business_account: bed.url });
		expect(bed.staticData['node:WhatsApp Business Trigger']).toMatchObject({ registration: { webhookUrl: bed.url, appSubscriptionCreated: true } });
		// Meta's handshakes reached the trigger and were answered with the credential's Verify Token.
		expect(bed.runs.filter((run) => run.method === 'GET').map((run) => run.statusCode)).toEqual([200, 200]);

		await userWrites('Hello after activation');
		const [delivery] = posts(await bed.waitForRuns((runs) => posts(runs).length === 1));
		expect(delivery).toMatchObject({ statusCode: 200, executed: true });
		expect(delivery.items[0].json).toMatchObject({ kind: 'message', text: 'Hello after activation' });

		await bed.deactivate();
		expect(await webhookConfiguration()).toEqual({});
		const removal = (await bed.accepted(`/${SEED.appId}/subscriptions`)).filter((request) => request.method === 'DELETE');
		expect(removal).toMatchObject([{ query: { object: 'whatsapp_business_account' } }]);
		expect(bed.staticData['node:WhatsApp Business Trigger']).toEqual({});
	});

	test('a second activation with the same URL finds its registration and calls nothing that changes Meta', async () => {
		const bed = await workflow('wf-a');
		await bed.activate();
		await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });
		expect(await bed.activate()).toBe(false);
		expect((await bed.accepted()).filter((request) => request.method !== 'GET')).toEqual([]);
	});

	test("an app that already has a callback keeps it; the WABA override points here and the earlier one is restored", async () => {
		const first = await workflow('wf-first');
		await first.activate();
		const second = await workflow('wf-second');
		await second.activate();

		const secondCalls = (await second.accepted()).slice(-4).map((request) => `${request.method} ${request.path.replace(/^\/v\d+\.\d+/, '')}`);
		expect(secondCalls.filter((call) => call.startsWith(`POST /${SEED.appId}`))).toEqual([]);
		expect(await webhookConfiguration()).toEqual({ application: first.url, whatsapp_business_account: second.url });
		expect(second.staticData['node:WhatsApp Business Trigger']).toMatchObject({ registration: { wabaOverride: { previous: first.url } } });
		expect(second.staticData['node:WhatsApp Business Trigger']).not.toHaveProperty('registration.appSubscriptionCreated');

		await userWrites('for the second workflow');
		await second.waitForRuns((runs) => posts(runs).length === 1);
		expect(posts(second.runs)[0].items[0].json).toMatchObject({ text: 'for the second workflow' });

		await second.deactivate();
		expect(await webhookConfiguration()).toEqual({ application: first.url, whatsapp_business_account: first.url });
	});

	test('the app subscription created by a workflow is kept while another workflow relies on it, with a warning', async () => {
		const first = await workflow('wf-first');
		await first.activate();
		const second = await workflow('wf-second', { phoneNumberIds: SECOND_NUMBER });
		await second.activate();
		await first.deactivate();
		expect(await webhookConfiguration(SECOND_NUMBER)).toMatchObject({ application: first.url, phone_number: second.url });
		expect(first.logs.some((log) => log.level === 'warn' && /kept the WABA and app webhook subscriptions/.test(log.message))).toBe(true);
	});

	test('Phone Number IDs: each workflow gets its own number through phone-level overrides, restored on deactivation', async () => {
		const sales = await workflow('wf-sales', { phoneNumberIds: SEED.phoneNumberId });
		const support = await workflow('wf-support', { phoneNumberIds: SECOND_NUMBER });
		await sales.activate();
		await support.activate();
		expect((await webhookConfiguration(SEED.phoneNumberId)).phone_number).toBe(sales.url);
		expect((await webhookConfiguration(SECOND_NUMBER)).phone_number).toBe(support.url);

		await userWrites('to sales', SEED.phoneNumberId);
		await userWrites('to support', SECOND_NUMBER);
		const salesPosts = posts(await sales.waitForRuns((runs) => posts(runs).length === 1));
		const supportPosts = posts(await support.waitForRuns((runs) => posts(runs).length === 1));
		expect(salesPosts.flatMap((run) => run.items.map((item) => item.json.text))).toEqual(['to sales']);
		expect(supportPosts.flatMap((run) => run.items.map((item) => item.json.text))).toEqual(['to support']);

		await support.deactivate();
		expect((await webhookConfiguration(SECOND_NUMBER)).phone_number).toBeUndefined();
		expect((await webhookConfiguration(SEED.phoneNumberId)).phone_number).toBe(sales.url);
	});

	test('a phone override that was there before is put back on deactivation', async () => {
		const before = await workflow('wf-before', { phoneNumberIds: SECOND_NUMBER });
		await before.activate();
		const now = await workflow('wf-now', { phoneNumberIds: SECOND_NUMBER });
		await now.activate();
		expect((await webhookConfiguration(SECOND_NUMBER)).phone_number).toBe(now.url);
		await now.deactivate();
		expect((await webhookConfiguration(SECOND_NUMBER)).phone_number).toBe(before.url);
		const restore = (await now.accepted(`/${SECOND_NUMBER}`)).filter((request) => request.method === 'POST').at(-1);
		expect(restore?.body).toMatchObject({ webhook_configuration: { override_callback_uri: before.url } });
	});

	test('an override someone changed after activation is left alone on deactivation', async () => {
		const bed = await workflow('wf-a', { phoneNumberIds: SECOND_NUMBER });
		await bed.activate();
		const other = await workflow('wf-other', { registration: 'manual' });
		// Someone points the number elsewhere by hand (the other workflow answers the handshake).
		await fetch(`${emulator.url}/v24.0/${SECOND_NUMBER}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${SEED.accessToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ webhook_configuration: { override_callback_uri: other.url, verify_token: SEED.verifyToken } }),
		});
		await bed.deactivate();
		expect((await webhookConfiguration(SECOND_NUMBER)).phone_number).toBe(other.url);
	});

	test('the test URL overrides while testing, then the production URL is restored', async () => {
		const bed = await workflow('wf-a');
		await bed.activate();
		await bed.activate({ test: true });
		expect((await webhookConfiguration()).whatsapp_business_account).toBe(bed.testUrl);
		await bed.deactivate({ test: true });
		expect((await webhookConfiguration()).whatsapp_business_account).toBe(bed.url);
		// The production registration is intact: deactivating the workflow still cleans up.
		await bed.deactivate();
		expect(await webhookConfiguration()).toEqual({});
	});

	test('a WABA that was not subscribed to the app is subscribed, and unsubscribed on deactivation', async () => {
		await fetch(`${emulator.url}/v24.0/${SEED.wabaId}/subscribed_apps`, { method: 'DELETE', headers: { Authorization: `Bearer ${SEED.accessToken}` } });
		const bed = await workflow('wf-a', { phoneNumberIds: SECOND_NUMBER });
		await bed.activate();
		expect(bed.staticData['node:WhatsApp Business Trigger']).toMatchObject({ registration: { wabaSubscribed: true } });
		await bed.deactivate();
		const calls = (await bed.accepted(`/${SEED.wabaId}/subscribed_apps`)).map((request) => request.method);
		expect(calls).toEqual(['DELETE', 'GET', 'POST', 'DELETE']);
		const answer = await fetch(`${emulator.url}/v24.0/${SEED.wabaId}/subscribed_apps`, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
		expect(await answer.json()).toEqual({ data: [] });
	});

	test('without a Verify Token, activation fails with the fix and changes nothing', async () => {
		const bed = await suite.workflow({ credentials: { verifyToken: '' } });
		await expect(bed.activate()).rejects.toMatchObject({ message: 'Automatic registration needs a Verify Token.', description: expect.stringMatching(/Verify Token/) });
		expect(await bed.accepted()).toEqual([]);
	});

	test('a wrong App Secret fails activation, and the secret is not in the error', async () => {
		const bed = await suite.workflow({ credentials: { appSecret: 'not-the-secret' } });
		const error = await bed.activate().catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect(JSON.stringify(error)).not.toContain('not-the-secret');
		expect((error as Error).message).not.toContain('not-the-secret');
	});

	test('Manual registration calls nothing on activation or deactivation', async () => {
		const bed = await workflow('wf-manual', { registration: 'manual' });
		expect(await bed.activate()).toBe(false);
		await bed.deactivate();
		expect(await bed.accepted()).toEqual([]);
	});
});

describe('Trigger › 360dialog registration', () => {
	const dialog360 = { authentication: 'dialog360', registration: 'dialog360', signatureCheck: 'secretHeader', headerName: 'X-Hook-Secret', headerValue: 'open-sesame-1234' };

	test('sets the URL with the secret header; deliveries carry it and are accepted; deactivation clears it', async () => {
		const bed = await workflow('wf-360', dialog360);
		await bed.activate();
		const [configured] = (await bed.accepted('/v1/configs/webhook')).filter((request) => request.method === 'POST');
		expect(configured.body).toMatchObject({ url: bed.url });

		await userWrites('via 360dialog');
		const [run] = await bed.waitForRuns(1);
		// Accepted only because the secret header registered with the URL came with the delivery.
		expect(run).toMatchObject({ statusCode: 200, executed: true });
		expect(run.items[0].json).toMatchObject({ text: 'via 360dialog' });

		await bed.deactivate();
		const [last] = (await bed.accepted('/v1/configs/webhook')).filter((request) => request.method === 'POST').slice(-1);
		expect(last.body).toEqual({ url: '' });
	});

	test('a URL that was configured before is put back on deactivation', async () => {
		const before = await workflow('wf-before', { ...dialog360, registration: 'manual' });
		await fetch(`${emulator.url}/v1/configs/webhook`, {
			method: 'POST',
			headers: { 'D360-API-KEY': SEED.dialog360ApiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({ url: before.url }),
		});
		const bed = await workflow('wf-360', dialog360);
		await bed.activate();
		await bed.deactivate();
		const answer = await fetch(`${emulator.url}/v1/configs/webhook`, { headers: { 'D360-API-KEY': SEED.dialog360ApiKey } });
		expect(await answer.json()).toEqual({ url: before.url });
	});
});
