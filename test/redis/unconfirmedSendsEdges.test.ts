/**
 * Edge cases of unconfirmed sends with the Redis for shared state (see unconfirmedSends.test.ts):
 * when a claim is dated, what a status webhook may confirm, multi-part texts, and what a 360dialog
 * credential (no phone number ID) is told. Real redis-server, emulator, n8n-core contexts.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { sendText } from './alreadySentFixtures';
import { EMULATOR_DEFAULTS, useSenderAndTrigger } from './senderAndTrigger';
import { sleep } from '../harness/webhookReceiver';

const { redis, bed, trigger, accepted, statusesHandled } = useSenderAndTrigger();
const keyed = (numbers: string[], prefix: string): INodeExecutionData[] => numbers.map((to, i) => ({ json: { to, orderId: `${prefix}-${i}` } }));

test('a key claimed late in a long batch is dated when it was claimed: a rerun right after does not resend it while its status is still on its way', async () => {
	// Statuses arrive 2 s after acceptance; the fifth send is accepted, then its answer is lost.
	await bed.reset({
		...EMULATOR_DEFAULTS,
		faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', count: 1, skip: 4 }],
		webhook: { url: trigger().url, sentAfterMs: 2000, deliveredAfterMs: 2050, readAfterMs: 2100 },
	});
	const recipients = ['16505550201', '16505550202', '16505550203', '16505550204', '16505550205'];
	const items = keyed(recipients, 'LATE');
	// One message per second: the fifth key is claimed about 4 s after the run started.
	const first = await bed.run(sendText({ throughput: 'custom', messagesPerSecond: 1 }), items, { continueOnFail: true });
	expect(first.items[4].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true });
	expect(await accepted()).toHaveLength(5);

	// Resend Unconfirmed After is 3 s: more than that since the run started, far less since the fifth claim.
	const rerun = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), items, { continueOnFail: true });
	expect(rerun.items[4].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true });
	expect(await accepted()).toHaveLength(5);
	await sleep(2_500); // the statuses reach the trigger before the next test empties Redis
});

test('a status of ANOTHER message whose tracking data starts with the same text (another workflow, Tracking Data = the order ID) does not confirm a claim that never reached WhatsApp', async () => {
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'reset', count: 1 }], webhook: { url: trigger().url } });
	const customer = [{ json: { to: '16505550301', orderId: 'ORDER-77' } }];
	const first = await bed.run(sendText(), customer, { continueOnFail: true });
	expect(first.items[0].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true });
	expect(await accepted()).toHaveLength(0); // the connection broke before WhatsApp had it

	// Another workflow writes to the same customer, tracking its message by the order ID (as the Tracking Data option suggests).
	await bed.run({ resource: 'message', operation: 'sendText', to: '16505550301', text: 'How was your order?', messageOptions: { bizOpaqueCallbackData: 'ORDER-77' } });
	await sleep(3_100);
	const rerun = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), customer, { continueOnFail: true });
	// The order's message never went out: it is sent now, not reported as confirmed by the other message's status.
	expect(rerun.items[0].json).toMatchObject({ alreadySentResent: true, messageId: expect.stringMatching(/^wamid\./) });
	expect((await accepted()).map((sent) => sent.waId)).toEqual(['16505550301', '16505550301']);
});

test('a long text whose second part never reached WhatsApp is not reported as sent by the first part\'s status', async () => {
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'reset', count: 1, skip: 1 }], webhook: { url: trigger().url } });
	const customer = [{ json: { to: '16505550401', orderId: 'LONG-1' } }];
	const parameters = { ...sendText({ resendUnconfirmedAfterMinutes: 0.05 }), text: `${'a'.repeat(4000)} ${'b'.repeat(4000)}`, longText: 'split' };
	const first = await bed.run(parameters, customer, { continueOnFail: true });
	expect(first.items[0].json.error).toMatchObject({ failedPart: 2, outcomeUnknown: true, alreadySentUnconfirmed: true });
	expect(await accepted()).toHaveLength(1); // part 1 only
	await sleep(3_100);
	const rerun = await bed.run(parameters, customer, { continueOnFail: true });
	// Part 2 was never sent: the item must not read as sent, confirmed by a status (part 1's).
	expect(rerun.items[0].json.alreadySentConfirmedBy).toBeUndefined();
	expect(rerun.items[0].json.reason ?? '').not.toMatch(/An earlier run of this node sent a message/);
	// Nor sent again (part 1 would arrive twice): skipped, naming what arrived.
	const [part1] = await accepted();
	expect(rerun.items[0].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true, reason: expect.stringContaining(`1 of its 2 messages reached WhatsApp (${part1.id})`) });
	expect(await accepted()).toHaveLength(1);
});

test('a message with the same key and a | to ANOTHER customer after the claim makes it ambiguous: never resent by itself, and the reason says why', async () => {
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'reset', count: 1 }], webhook: { url: trigger().url } });
	const customer = [{ json: { to: '16505550701', orderId: 'ORDER-88' } }];
	const first = await bed.run(sendText(), customer, { continueOnFail: true });
	expect(first.items[0].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true });
	// Someone else's message whose own tracking data copies the layout (key, |, more) to another customer.
	await bed.run({ resource: 'message', operation: 'sendText', to: '16505550702', text: 'Hello', messageOptions: { bizOpaqueCallbackData: 'ORDER-88|survey' } });
	await sleep(3_100);
	const rerun = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), customer, { continueOnFail: true });
	expect(rerun.items[0].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true, reason: expect.stringMatching(/went to another recipient \(16505550702\) after the claim/) });
	expect((await accepted()).map((sent) => sent.waId)).toEqual(['16505550702']);
});

test('360dialog (no phone number ID, so no status can confirm a claim): the advice does not promise a WhatsApp Trigger or Resend Unconfirmed After will settle it', async () => {
	(bed.subject.credentials as Record<string, Record<string, string>>).whatsApp360DialogApi.sharedStateRedisUrl = redis.url;
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'reset', count: 1 }], webhook: { url: trigger().url } });
	const customer = [{ json: { to: '16505550501', orderId: 'D360-1' } }];
	const parameters = { authentication: 'dialog360', ...sendText({ resendUnconfirmedAfterMinutes: 0.05 }) };
	const first = await bed.run(parameters, customer, { continueOnFail: true });
	expect(first.items[0].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true, alreadySentNote: expect.stringMatching(/360dialog/) });
	expect(first.items[0].json.error).not.toMatchObject({ alreadySentNote: expect.stringMatching(/WhatsApp Trigger|Resend Unconfirmed After/) });
	await sleep(3_100);
	const rerun = await bed.run(parameters, customer, { continueOnFail: true });
	expect(rerun.items[0].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true, reason: expect.stringMatching(/360dialog.*another Already Sent Key/) });
	expect(rerun.items[0].json.reason).not.toMatch(/Activate a WhatsApp Trigger/);
});

test('a claim confirmed by a "failed" status is skipped, and the reason says the customer did not get it and how to try again', async () => {
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', count: 1 }], webhook: { url: trigger().url }, recipientFailures: [{ waId: '16505550601', code: 131026 }] });
	const customer = [{ json: { to: '16505550601', orderId: 'FAIL-1' } }];
	const first = await bed.run(sendText(), customer, { continueOnFail: true });
	expect(first.items[0].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true });
	await statusesHandled();
	const rerun = await bed.run(sendText(), customer, { continueOnFail: true });
	expect(rerun.items[0].json).toMatchObject({ skipped: true, alreadySentConfirmedBy: 'statusWebhook', status: 'failed', reason: expect.stringMatching(/reported it failed.*another Already Sent Key/) });
	expect(await accepted()).toHaveLength(1);
});

test('a long text whose second part WhatsApp refused (expired token) after the first went out keeps its claim: a rerun does not send the first part again', async () => {
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: 'tokenExpired', count: 1, skip: 1 }], webhook: { url: trigger().url } });
	const customer = [{ json: { to: '16505550801', orderId: 'LONG-2' } }];
	const parameters = { ...sendText({ resendUnconfirmedAfterMinutes: 0.05 }), text: `${'a'.repeat(4000)} ${'b'.repeat(4000)}`, longText: 'split' };
	const first = await bed.run(parameters, customer, { continueOnFail: true });
	expect(first.items[0].json.error).toMatchObject({ failedPart: 2, sentParts: [{ part: 1 }], alreadySentUnconfirmed: true, alreadySentNote: expect.stringMatching(/error\.unsent.*another Already Sent Key/) });
	expect(await accepted()).toHaveLength(1);
	await statusesHandled(1);
	await sleep(3_100);
	// The token works again: the rerun must not repeat part 1.
	const rerun = await bed.run(parameters, customer, { continueOnFail: true });
	const [part1] = await accepted();
	expect(rerun.items[0].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true, reason: expect.stringContaining(`1 of its 2 messages reached WhatsApp (${part1.id})`) });
	expect(await accepted()).toHaveLength(1);
});
