/**
 * D: an API that echoes secrets (the emulator's echoSecrets fault) never gets them into an item, an
 * error or the API answer an n8n error keeps: the transport redacts the actual values of every
 * secret field of the credential the node uses, plus token shapes. The emulator's seeded token
 * (EMULATOR_ACCESS_TOKEN) and 360dialog key (EMULATOR_360_KEY) are not Meta-shaped (EAA...), so a
 * shape-only redaction would let them through.
 */
import { SEED } from '../../emulator';
import { SECRET_FIELDS } from '../../nodes/shared/transport';
import { packageCredentials, packageNodes } from '../harness/packageContents';
import { everythingShown, expectNoSecret } from '../harness/shownTexts';
import { startTriggerTestBed } from '../harness/triggerTestBed';
import { locator } from '../harness/templateTestKit';
import { CUSTOMER_WA_ID, startNodeTestBed, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const SECRETS: string[] = [SEED.accessToken, SEED.dialog360ApiKey, SEED.appSecret, SEED.verifyToken];
const sendText = { resource: 'message', operation: 'sendText', to: CUSTOMER_WA_ID, text: 'Your order has shipped' };


async function echoSecrets(rule: Record<string, unknown>) {
	await bed.reset({ faults: [{ kind: 'echoSecrets', ...rule }] });
	await bed.customerWrites();
}

describe('an API that echoes secrets', () => {
	test('the access token and the app secret echoed in an error reach neither the error item nor the error (Cloud API)', async () => {
		await echoSecrets({ pathPattern: '/messages$' });
		const result = await bed.run(sendText, undefined, { continueOnFail: true });
		const item = result.items[0];
		const error = item.json.error as { message: string; description: string; code: number };
		expect(error.code).toBe(100);
		expect(error.description).toMatch(/access token \[redacted\]; app secret \[redacted\]/);
		expectNoSecret(JSON.stringify(item.json), SECRETS);
	});

	test('the same echo stops the run without Continue On Fail, and the thrown error is clean', async () => {
		await echoSecrets({ pathPattern: '/messages$' });
		const thrown = await bed.run(sendText).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(thrown).toBeDefined();
		expectNoSecret(everythingShown(thrown), SECRETS);
		expect(everythingShown(thrown)).toContain('[redacted]');
	});

	test('the 360dialog API key echoed in an error is redacted', async () => {
		await echoSecrets({ pathPattern: '/messages$' });
		const result = await bed.run({ ...sendText, authentication: 'dialog360' }, undefined, { continueOnFail: true });
		const item = result.items[0];
		expect(String((item.json.error as { description: string }).description)).toMatch(/D360-API-KEY \[redacted\]/);
		expectNoSecret(JSON.stringify(item.json), SECRETS);
	});

	test('a successful answer that echoes secrets (HTTP 200) is redacted in the output item', async () => {
		const id = [...bed.emulator.state.templates.values()].find((template) => template.name === 'order_confirmation')!.id;
		await echoSecrets({ pathPattern: `/${id}$`, method: 'GET', status: 200 });
		const result = await bed.run({ resource: 'template', operation: 'get', template: locator(id, 'id') });
		const json = result.items[0].json;
		expect(json.name).toBe('order_confirmation');
		expect(String(json.echo)).toMatch(/access token \[redacted\]/);
		expectNoSecret(JSON.stringify(json), SECRETS);
	});

	test('a token of any shape is redacted: a credential with a non-Meta token', async () => {
		const token = 'sk-live-0123456789abcdef';
		SECRETS.push(token);
		try {
			const tokenBed = await startNodeTestBed({ faults: [{ pathPattern: '/messages$', kind: 'echoSecrets' }] }, { accessToken: token });
			try {
				const result = await tokenBed.run(sendText, undefined, { continueOnFail: true });
				expect(JSON.stringify(result.items[0].json)).toContain('access token [redacted]');
				expectNoSecret(JSON.stringify(result.items[0].json), SECRETS);
			} finally {
				await tokenBed.close();
			}
		} finally {
			SECRETS.pop();
		}
	});

	test("the trigger's registration errors: the app secret and the app access token are redacted", async () => {
		const trigger = await startTriggerTestBed({ parameters: { registration: 'meta' } });
		try {
			await fetch(`${trigger.emulator.url}/__emulator/config`, {
				method: 'PATCH',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ faults: [{ pathPattern: '/subscriptions$', method: 'GET', kind: 'echoSecrets' }] }),
			});
			const thrown = await trigger.activate().then(
				() => undefined,
				(error: unknown) => error,
			);
			expect(thrown).toBeDefined();
			const shown = everythingShown(thrown);
			expect(shown).toContain('access token [redacted]');
			expectNoSecret(shown, SECRETS);
			expect(shown).not.toMatch(new RegExp(`${SEED.appId}\\|`)); // the app access token is app-id|secret
		} finally {
			await trigger.close();
		}
	});
});

test('every secret field of every credential of the package is in the redaction table', () => {
	const credentialTypes = packageCredentials().map(([, type]) => type);
	const used = new Set(packageNodes().flatMap(([, node]) => (node.description.credentials ?? []).map((credential) => credential.name)));
	expect([...used].sort()).toEqual(credentialTypes.map((type) => type.name).sort());
	for (const type of credentialTypes) {
		const passwordFields = type.properties.filter((property) => property.typeOptions?.password).map((property) => property.name);
		// n8n's OAuth2 API credential, which an OAuth2 type extends, has the password field Client Secret.
		if (type.extends?.includes('oAuth2Api')) passwordFields.push('clientSecret');
		expect(SECRET_FIELDS[type.name]).toEqual(expect.arrayContaining(passwordFields));
	}
});

describe('Minor 1: a secret that is an ordinary word does not mangle outputs', () => {
	test('Verify Token "whatsapp": Validate Only shows messaging_product and the text as written', async () => {
		const wordBed = await startNodeTestBed({}, { verifyToken: 'whatsapp' });
		try {
			const text = 'Welcome to our whatsapp support line!';
			const result = await wordBed.run({ ...sendText, text, messageOptions: { validateOnly: true } });
			const body = (result.items[0].json.request as { body: { messaging_product: string; text: { body: string } } }).body;
			expect(body.messaging_product).toBe('whatsapp');
			expect(body.text.body).toBe(text);
			const template = await wordBed.run({ resource: 'template', operation: 'get', template: locator('hello_world|en_US', 'name') });
			expect(JSON.stringify(template.items[0].json)).not.toContain('[redacted]');
		} finally {
			await wordBed.close();
		}
	});
});
