import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { inbound, SEED, signed, startTriggerTestBed, useTriggerTestBed, textMessage, type TriggerTestBed } from '../harness/triggerTestBed';

const bed = useTriggerTestBed();
beforeEach(() => {
	forgetAllDuplicates();
	bed.logs.length = 0;
});

const delivery = () => inbound(textMessage(`wamid.AUTH${Math.random().toString(36).slice(2)}`));

describe('Trigger › POST signature (X-Hub-Signature-256, Meta: Create a webhook endpoint)', () => {
	test('a delivery signed with the App Secret starts one execution and is answered 200', async () => {
		const { body, headers } = signed(delivery());
		const run = await bed.post(body, headers);
		expect(run).toMatchObject({ statusCode: 200, executed: true });
		expect(run.items).toHaveLength(1);
		expect(bed.logs.filter((log) => log.level === 'warn')).toEqual([]);
	});

	test('the 200 answer states its length, so n8n\'s compression middleware sends it as it is (no gzip stream per delivery)', async () => {
		const { body, headers } = signed(delivery());
		const run = await bed.post(body, headers);
		expect(run).toMatchObject({ statusCode: 200, responseBody: 'OK' });
		expect(run.responseHeaders['content-length']).toBe(2);
	});

	test('the signature is checked over the raw bytes: the same JSON re-spaced no longer matches', async () => {
		const payload = delivery();
		const { headers } = signed(payload);
		const run = await bed.post(JSON.stringify(payload, null, 2), headers);
		expect(run).toMatchObject({ statusCode: 401, executed: false, items: [] });
	});

	test('a wrong signature gets 401, no execution, and a log line saying why (without secret or body)', async () => {
		const payload = delivery();
		const { body } = signed(payload);
		const run = await bed.post(body, { 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` });
		expect(run).toMatchObject({ statusCode: 401, executed: false });
		expect(run.responseBody).toMatch(/does not match/);
		const warnings = bed.logs.filter((log) => log.level === 'warn');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toMatch(/refused a webhook POST \(HTTP 401\).*signature does not match/);
		expect(warnings[0].message).not.toContain(SEED.appSecret);
		expect(warnings[0].message).not.toContain('another color');
	});

	test('a missing signature gets 401 and no execution', async () => {
		const run = await bed.post(delivery());
		expect(run).toMatchObject({ statusCode: 401, executed: false });
		expect(bed.logs[0].message).toMatch(/no X-Hub-Signature-256 header/);
	});

	test('a malformed signature header gets 401', async () => {
		const run = await bed.post(delivery(), { 'X-Hub-Signature-256': 'sha1=abc' });
		expect(run).toMatchObject({ statusCode: 401, executed: false });
		expect(bed.logs[0].message).toMatch(/not "sha256=" followed by 64 hex digits/);
	});

	test('a delivery signed with another app secret gets 401', async () => {
		const { body, headers } = signed(delivery(), 'the-secret-of-another-app');
		const run = await bed.post(body, headers);
		expect(run).toMatchObject({ statusCode: 401, executed: false });
	});

	test('without an App Secret in the credential every delivery is refused, and the log names the fix', async () => {
		const noSecret = await startTriggerTestBed({ credentials: { appSecret: '' }, emulator: bed.emulator });
		try {
			const { body, headers } = signed(delivery());
			const run = await noSecret.post(body, headers);
			expect(run).toMatchObject({ statusCode: 401, executed: false });
			expect(noSecret.logs[0].message).toMatch(/enter the App Secret/);
		} finally {
			await noSecret.close();
		}
	});
});

describe('Trigger › GET verification (hub.challenge, Meta: Create a webhook endpoint)', () => {
	test('the right verify token gets 200 with the challenge as plain text, and no execution', async () => {
		const run = await bed.get({ 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': SEED.verifyToken });
		expect(run).toMatchObject({ statusCode: 200, responseBody: '1158201444', executed: false });
	});

	test('a wrong verify token gets 403 with the reason, and a log line', async () => {
		const run = await bed.get({ 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'guess' });
		expect(run).toMatchObject({ statusCode: 403, executed: false });
		expect(run.responseBody).toMatch(/verify_token does not match/);
		expect(run.responseBody).not.toContain('1158201444');
		expect(bed.logs[0]).toMatchObject({ level: 'warn', message: expect.stringMatching(/refused a webhook verification/) });
	});

	test('a GET that is not a subscription request gets 403', async () => {
		const run = await bed.get({ 'hub.mode': 'unsubscribe', 'hub.challenge': '1', 'hub.verify_token': SEED.verifyToken });
		expect(run).toMatchObject({ statusCode: 403, executed: false });
	});

	test('the test URL answers the handshake too', async () => {
		const run = await bed.get({ 'hub.mode': 'subscribe', 'hub.challenge': '77', 'hub.verify_token': SEED.verifyToken }, { test: true });
		expect(run).toMatchObject({ statusCode: 200, responseBody: '77', isTest: true });
	});
});

describe('Trigger › 360dialog (no signature, optional secret header, docs/360dialog.md)', () => {
	let dialogBed: TriggerTestBed;
	afterEach(async () => await dialogBed.close());

	test('with a secret header, the right value is accepted and a missing or wrong one refused with 401', async () => {
		dialogBed = await startTriggerTestBed({
			emulator: bed.emulator,
			parameters: { authentication: 'dialog360', registration: 'manual', signatureCheck: 'secretHeader', headerName: 'X-Hook-Secret', headerValue: 'open-sesame-1234' },
		});
		const ok = await dialogBed.post(delivery(), { 'X-Hook-Secret': 'open-sesame-1234' });
		expect(ok).toMatchObject({ statusCode: 200, executed: true });
		const missing = await dialogBed.post(delivery());
		expect(missing).toMatchObject({ statusCode: 401, executed: false });
		expect(missing.responseBody).toMatch(/no X-Hook-Secret header/);
		const wrong = await dialogBed.post(delivery(), { 'X-Hook-Secret': 'open-sesame-9999' });
		expect(wrong).toMatchObject({ statusCode: 401, executed: false });
		expect(dialogBed.logs.map((log) => log.message).join('\n')).not.toContain('open-sesame-1234');
	});

	test('with Signature Check "None", an unsigned delivery is accepted', async () => {
		dialogBed = await startTriggerTestBed({ emulator: bed.emulator, parameters: { authentication: 'dialog360', registration: 'manual', signatureCheck: 'none' } });
		const run = await dialogBed.post(delivery());
		expect(run).toMatchObject({ statusCode: 200, executed: true });
	});

	test('GET is refused: 360dialog has no handshake', async () => {
		dialogBed = await startTriggerTestBed({ emulator: bed.emulator, parameters: { authentication: 'dialog360', registration: 'manual', signatureCheck: 'none' } });
		const run = await dialogBed.get({ 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': 'x' });
		expect(run).toMatchObject({ statusCode: 403, executed: false });
	});
});
