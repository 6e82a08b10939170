/**
 * Activation with automatic registration (Meta: Webhook overrides, Create a webhook endpoint) when
 * something is wrong: a webhook URL Meta can never call (n8n-io/n8n#11625, #23195, #12913, #26079),
 * Meta refusing the callback, a wrong App Secret or App ID. Each error names the fix.
 */
import { SEED, useRegistrationEmulator, type TriggerTestBed } from '../harness/triggerTestBed';

const suite = useRegistrationEmulator();
const { emulator } = suite;

async function patchConfig(config: Record<string, unknown>): Promise<void> {
	await fetch(`${emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
}

const workflow = async (credentials: Record<string, string> = {}) => await suite.workflow({ credentials });

/** The n8n error activation ends with: its message and the fix n8n shows under it. */
async function activationError(bed: TriggerTestBed): Promise<{ message: string; description: string }> {
	const error = await bed.activate().then(
		() => undefined,
		(thrown: Error & { description?: string }) => thrown,
	);
	if (!error) throw new Error('activation succeeded');
	return { message: error.message, description: error.description ?? '' };
}

async function webhookConfiguration(): Promise<Record<string, string>> {
	const response = await fetch(`${emulator.url}/v24.0/${SEED.phoneNumberId}?fields=webhook_configuration`, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
	return ((await response.json()) as { webhook_configuration: Record<string, string> }).webhook_configuration;
}

describe('Trigger › registration: a webhook URL Meta cannot reach', () => {
	test('is refused before any call when the credential talks to graph.facebook.com, with how to expose n8n (WEBHOOK_URL, a tunnel)', async () => {
		const bed = await workflow({ baseUrl: 'https://graph.facebook.com' });
		const { message, description } = await activationError(bed);
		expect(message).toMatch(/^Meta only delivers webhooks to a public HTTPS address, but this trigger's URL http:\/\/127\.0\.0\.1:\d+\/webhook\/\S+ does not start with https:\/\//);
		expect(description).toMatch(/WEBHOOK_URL/);
		expect(description).toMatch(/tunnel/);
		// Refused before any request: one to graph.facebook.com would have failed with "Could not reach" here
		// (no internet in tests). Nothing was registered, so nothing is left to undo.
		expect(bed.staticData['node:WhatsApp Business Trigger'] ?? {}).not.toHaveProperty('registration');
	});

	test('is registered as it is when the credential\'s Base URL is the local emulator (how the tests, e2e and demo run)', async () => {
		const bed = await workflow();
		expect(await bed.activate()).toBe(true);
		expect(await webhookConfiguration()).toMatchObject({ whatsapp_business_account: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) });
	});
});

describe("Trigger › registration: Meta's refusals name the fix", () => {
	test('2200 (callback verification failed) names the URL, says to make it reachable over HTTPS and check the Verify Token', async () => {
		const bed = await workflow();
		// The URL stops answering, as one behind a firewall or an unset WEBHOOK_URL would.
		await bed.close();
		const { message, description } = await activationError(bed);
		expect(message).toMatch(new RegExp(`^Meta refused this trigger's webhook URL ${bed.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(WhatsApp error 2200: Callback verification failed`));
		expect(description).toMatch(/reachable from the internet over HTTPS/);
		expect(description).toMatch(/WEBHOOK_URL/);
		expect(description).toMatch(/Verify Token/);
	});

	test('100 on the WABA override says it was the callback URL that Meta refused', async () => {
		const bed = await workflow();
		await patchConfig({ faults: [{ pathPattern: '/subscribed_apps$', method: 'POST', kind: 'http500', code: 100, count: 1 }] });
		const { message, description } = await activationError(bed);
		expect(message).toMatch(/^Meta refused this trigger's webhook URL http:\/\/127\.0\.0\.1:\d+\/webhook\/\S+ \(WhatsApp error 100/);
		expect(description).toMatch(/public https:\/\/ address of at most 200 characters/);
	});

	test("a wrong App Secret points at the App Secret in the credential, not at Meta's status page", async () => {
		const bed = await workflow({ appSecret: 'not-the-app-secret' });
		const { message, description } = await activationError(bed);
		expect(message).toMatch(/App Secret/);
		expect(description).toMatch(/App Dashboard › App settings › Basic/);
		expect(`${message} ${description}`).not.toMatch(/metastatus/);
		expect(`${message} ${description}`).not.toContain('not-the-app-secret');
	});

	test('a wrong App ID points at the App ID in the credential', async () => {
		const bed = await workflow({ appId: '999' });
		const { message, description } = await activationError(bed);
		expect(message).toMatch(/App ID/);
		expect(description).toMatch(/App settings › Basic/);
	});
});
