/**
 * Messages whose send was never confirmed, with the Redis for shared state: the connection broke
 * while the request was on its way (as when a worker dies mid-request), so WhatsApp may have the
 * message. The item's key stays claimed; a WhatsApp Trigger sharing the Redis (here outputting
 * messages only) turns the claim into "sent" when a status webhook of the message arrives, so a
 * rerun skips it; a claim no status ever confirmed is sent again after Resend Unconfirmed After, but
 * only while statuses of the number were being recorded. Real redis-server, emulator, n8n-core contexts.
 */
import { itemsFor, sendText } from './alreadySentFixtures';
import { EMULATOR_DEFAULTS, useSenderAndTrigger } from './senderAndTrigger';
import { sleep } from '../harness/webhookReceiver';

const { bed, trigger, accepted, statusesHandled } = useSenderAndTrigger();

/** The emulator with one fault on the next send, and Meta's webhooks going to the trigger (or nowhere). */
const resetWith = async (fault: 'acceptedThenReset' | 'reset', webhookUrl: string | null = trigger().url) =>
	await bed.reset({ ...EMULATOR_DEFAULTS, faults: [{ pathPattern: '/messages$', kind: fault, count: 1 }], webhook: { url: webhookUrl } });

const RECIPIENTS = ['16505550101', '16505550102'];
const items = itemsFor(RECIPIENTS);
test('a send whose connection broke after WhatsApp accepted it: the claim stays, a status webhook confirms it, and a rerun skips it with its message ID', async () => {
	await resetWith('acceptedThenReset');
	const first = await bed.run(sendText(), items, { continueOnFail: true });
	const broken = first.items.findIndex((item) => item.json.error);
	expect(broken).toBeGreaterThanOrEqual(0);
	expect(first.items[broken].json.error).toMatchObject({ code: 'network', retryable: false, outcomeUnknown: true, alreadySentUnconfirmed: true, alreadySentNote: expect.stringMatching(/stays claimed/) });
	expect(await accepted()).toHaveLength(2); // WhatsApp had it; the node could not know

	await statusesHandled();
	const rerun = await bed.run(sendText(), items, { continueOnFail: true });
	expect(rerun.items.map((item) => item.json.skipped)).toEqual([true, true]);
	const message = (await accepted()).find((sent) => sent.waId === RECIPIENTS[broken])!;
	expect(rerun.items[broken].json).toMatchObject({ alreadySentConfirmedBy: 'statusWebhook', messageId: message.id, reason: expect.stringMatching(/a status webhook of the message \("(sent|delivered|read|failed)", message ID wamid\./) });
	expect(await accepted()).toHaveLength(2);
});

test('a send whose connection broke before WhatsApp had it: skipped until Resend Unconfirmed After passes, then sent once, saying why', async () => {
	await resetWith('reset');
	const first = await bed.run(sendText(), items, { continueOnFail: true });
	const broken = first.items.findIndex((item) => item.json.error);
	expect(first.items[broken].json.error).toMatchObject({ outcomeUnknown: true, alreadySentUnconfirmed: true });
	expect((await accepted()).map((sent) => sent.waId)).toEqual([RECIPIENTS[1 - broken]]);
	await statusesHandled(1); // the other message's statuses: the trigger was recording this number after the claim

	const early = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 10 }), items, { continueOnFail: true });
	expect(early.items[broken].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true, reason: expect.stringMatching(/a run from \d{4}-\d\d-\d\dT[\d:.]+Z on sends it if none arrives by then/) });

	await sleep(3_100); // 0.05 minutes after the claim
	const late = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), items, { continueOnFail: true });
	expect(late.items[1 - broken].json.skipped).toBe(true);
	expect(late.items[broken].json).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), alreadySentResent: true, alreadySentNote: expect.stringMatching(/no status webhook of its message arrived in 3 seconds while statuses of the number did/) });
	expect((await accepted()).map((sent) => sent.waId).sort()).toEqual(RECIPIENTS);

	const again = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), items, { continueOnFail: true });
	expect(again.items.map((item) => item.json.skipped)).toEqual([true, true]);
	expect(await accepted()).toHaveLength(2);
});

test('without a Trigger recording statuses of the number, an unconfirmed claim is never resent, and the reason names the fix', async () => {
	await resetWith('reset', null);
	const first = await bed.run(sendText(), items, { continueOnFail: true });
	const broken = first.items.findIndex((item) => item.json.error);
	await sleep(3_100);
	const rerun = await bed.run(sendText({ resendUnconfirmedAfterMinutes: 0.05 }), items, { continueOnFail: true });
	expect(rerun.items[broken].json).toMatchObject({ skipped: true, alreadySentUnconfirmed: true, reason: expect.stringMatching(/No WhatsApp Trigger using this credential's Redis has received a status webhook of this number since the claim.*Activate a WhatsApp Trigger with the same credential/) });
	expect(await accepted()).toHaveLength(1);
});

test('a Resend Unconfirmed After that is not a number of minutes, 0 or more, stops the run before anything is sent, naming the fix', async () => {
	await bed.reset(EMULATOR_DEFAULTS);
	for (const value of ['soon', -1]) {
		await expect(bed.run(sendText({ resendUnconfirmedAfterMinutes: value }), items)).rejects.toMatchObject({ message: expect.stringMatching(/Resend Unconfirmed After \(Minutes\) is not a number of minutes, 0 or more/) });
	}
	expect(await accepted()).toHaveLength(0);
});

test('without Continue On Fail, the error of a send whose connection broke says its key stays claimed and what a rerun does', async () => {
	await resetWith('reset');
	await expect(bed.run(sendText(), itemsFor(RECIPIENTS.slice(0, 1)))).rejects.toMatchObject({ description: expect.stringMatching(/unknown whether this request was carried out.*Its Already Sent Key stays claimed: a rerun skips this item/s) });
});
