/**
 * Sending many items (the router's send path, actions/sendItems.ts): concurrency with output in
 * input order, the per-number pacer judged by the emulator's per-second account, Meta's throughput
 * refusals (130429, 131056, 131057), exactly once (accepted-then-dropped, Skip Items Already Sent),
 * items checked before the first request (B5) and a batch stopped by an expired token (C4).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { SEED } from '../../emulator';
import { useInMemoryDeduplicator } from '../harness/inMemoryDeduplicator';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { reset: false } });
const alreadySent = useInMemoryDeduplicator();
/** Reset keeps the emulator's settings: every test starts from the defaults, then sets its own. */
const DEFAULTS = { faults: [], latency: { fixedMs: 0, jitterMs: 0 }, pairRate: { burst: 45, refillIntervalMs: 6000 }, throughput: { messagesPerSecond: 80, phoneNumbers: {} } };
const reset = async (config: object = {}) => await bed.reset({ ...DEFAULTS, ...config });
beforeEach(async () => await reset());

const recipients = (count: number, from = 1000) => Array.from({ length: count }, (_, i) => `1650555${from + i}`);
const itemsFor = (numbers: string[]): INodeExecutionData[] => numbers.map((to, i) => ({ json: { to, orderId: `ORDER-${i}` } }));

function sendText(options: IDataObject = {}, extra: IDataObject = {}): INodeParameters {
	return { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'Your order has shipped', messageOptions: options as INodeParameters, ...(extra as INodeParameters) };
}

interface ThroughputSecond {
	second: number;
	accepted: number;
	refused: number;
	ceiling: number;
}
interface ThroughputReport {
	accepted: number;
	refused: number;
	maxPerSecond: number;
	violations: number;
	seconds: ThroughputSecond[];
}
interface SentRecord {
	to: string;
	waId: string;
	bizOpaqueCallbackData?: string;
	answerDropped?: true;
}

const throughput = async (): Promise<ThroughputReport> => (await bed.admin('GET', `throughput?phoneNumberId=${SEED.phoneNumberId}`)).data[0];
const sentMessages = async (): Promise<SentRecord[]> => (await bed.admin('GET', 'messages')).data;
const ceilingOfNumber = (messagesPerSecond: number) => ({ throughput: { phoneNumbers: { [SEED.phoneNumberId]: { messagesPerSecond } } } });

describe('Sending many items', () => {
	test('items are sent concurrently, yet the output keeps the input order, each paired with its item', async () => {
		// Answers come back in random order (20–100 ms each), as from a real network.
		await reset({ latency: { fixedMs: 20, jitterMs: 80 } });
		const numbers = recipients(30);
		const result = await bed.run(sendText(), itemsFor(numbers));
		expect(result.items.map((item) => item.json.to)).toEqual(numbers.map((to) => `+${to}`));
		expect(result.items.map((item) => item.pairedItem)).toEqual(numbers.map((_, item) => ({ item })));
		const accepted = (await sentMessages()).map((message) => message.waId);
		expect([...accepted].sort()).toEqual([...numbers].sort());
		// The emulator accepted them in another order than the input: they were in flight together.
		expect(accepted).not.toEqual(numbers);
	});

	test('the pacer never sends above the number\'s ceiling in any wall-clock second, counted by the emulator', async () => {
		await reset(ceilingOfNumber(20));
		const numbers = recipients(50);
		const result = await bed.run(sendText({ throughput: 'custom', messagesPerSecond: 20 }), itemsFor(numbers));
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		const account = await throughput();
		expect(account).toMatchObject({ accepted: 50, refused: 0, violations: 0 });
		expect(account.maxPerSecond).toBeLessThanOrEqual(20);
	});

	test('two executions sending from the same number at once share its pacer: together never above the ceiling', async () => {
		// The node paces at 20/s; the emulator's ceiling is 26, so a late arrival on a loaded machine is not
		// counted, while two pacers of their own (about 39/s together) would be.
		await reset(ceilingOfNumber(26));
		const parameters = sendText({ throughput: 'custom', messagesPerSecond: 20 });
		const [first, second] = await Promise.all([bed.run(parameters, itemsFor(recipients(30, 1000))), bed.run(parameters, itemsFor(recipients(30, 2000)))]);
		expect([...first.items, ...second.items].filter((item) => item.json.error)).toEqual([]);
		const account = await throughput();
		expect(account).toMatchObject({ accepted: 60, refused: 0, violations: 0 });
	});

	test('130429: a number slower than the ceiling set in the node slows the pacer down, and every item still goes out once', async () => {
		await reset(ceilingOfNumber(10));
		const numbers = recipients(40);
		const result = await bed.run(sendText({ throughput: 'custom', messagesPerSecond: 40 }), itemsFor(numbers), { continueOnFail: true });
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		const account = await throughput();
		expect(account.accepted).toBe(40);
		// Some sends were refused before the pace came down; then it held.
		expect(account.refused).toBeGreaterThan(0);
		const check = await bed.admin('POST', 'messages/check', { recipients: numbers });
		expect(check).toMatchObject({ lost: [], duplicated: [] });
	});

	test('131056: only the recipient over the pair rate waits (4^x s); the other items do not wait for it', async () => {
		// One message per recipient at once, the next after a second.
		await reset({ pairRate: { burst: 1, refillIntervalMs: 1000 } });
		const others = recipients(15, 3000);
		const numbers = ['16505559000', '16505559000', ...others];
		const result = await bed.run(sendText({ throughput: 'custom', messagesPerSecond: 40 }), itemsFor(numbers));
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		expect(result.items.map((item) => item.json.to)).toEqual(numbers.map((to) => `+${to}`));
		const accepted = (await sentMessages()).map((message) => message.waId);
		// The second message to 16505559000 went out last, after every other item.
		expect(accepted.lastIndexOf('16505559000')).toBe(accepted.length - 1);
		expect(accepted).toHaveLength(numbers.length);
	});

	test('131057 (maintenance): the sends wait and then go out, once each', async () => {
		await reset({ faults: [{ pathPattern: '/messages$', kind: 'http500', code: 131057, count: 1 }] });
		const numbers = recipients(5);
		const result = await bed.run(sendText(), itemsFor(numbers));
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		const check = await bed.admin('POST', 'messages/check', { recipients: numbers });
		expect(check).toMatchObject({ sentOnce: 5, lost: [], duplicated: [] });
	}, 30_000);
});

describe('Exactly once', () => {
	test('accepted, then the connection dropped: the item is reported as unknown, not retried, and its key not recorded', async () => {
		await reset({ faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', skip: 2, count: 1 }] });
		const numbers = recipients(5);
		const options = { throughput: 'custom', messagesPerSecond: 1, skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}' };
		const result = await bed.run(sendText(options), itemsFor(numbers), { continueOnFail: true });
		const failed = result.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		const error = failed[0].json.error as { message: string; description: string };
		expect(error.message).toMatch(/connection to WhatsApp broke before it answered/);
		expect(error.description).toMatch(/unknown whether this request was carried out.*not repeated automatically/s);
		const messages = await sentMessages();
		expect(messages).toHaveLength(5);
		expect(messages.filter((message) => message.answerDropped)).toHaveLength(1);
		// Its key was not recorded: only the four answered items are.
		expect(alreadySent.entries()).toHaveLength(4);
		expect(failed[0].pairedItem).toEqual({ item: 2 });
	});

	test('Skip Items Already Sent: a rerun skips the items sent before and says so; new items go out; a key twice in a run is sent once', async () => {
		const options = { skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}' };
		const first = await bed.run(sendText(options), itemsFor(recipients(3)));
		expect(first.items.map((item) => item.json.alreadySentKey)).toEqual(['ORDER-0', 'ORDER-1', 'ORDER-2']);
		const rerun = itemsFor(recipients(5));
		rerun.push({ json: { to: '16505554444', orderId: 'ORDER-4' } });
		const second = await bed.run(sendText(options), rerun);
		expect(second.items.map((item) => item.json.skipped ?? false)).toEqual([true, true, true, false, false, true]);
		expect(second.items[0].json).toMatchObject({ skipped: true, sent: false, alreadySentKey: 'ORDER-0', reason: expect.stringMatching(/^An earlier run of this node sent a message with the Already Sent Key "ORDER-0": it was not sent again\./) });
		expect(second.items[5].json).toMatchObject({ skipped: true, alreadySentKey: 'ORDER-4', duplicateOfItem: 4 });
		expect(second.items.map((item) => item.pairedItem)).toEqual(rerun.map((_, item) => ({ item })));
		const check = await bed.admin('POST', 'messages/check', { keys: ['ORDER-0|', 'ORDER-1|', 'ORDER-2|', 'ORDER-3|', 'ORDER-4|'] });
		expect(check).toMatchObject({ by: 'key', sentOnce: 5, lost: [], duplicated: [] });
	});

	test('QA2 M1: a key naming the campaign and the customer sends the next campaign to the same customers; a key naming only the customer is skipped, the reason saying how to fix it', async () => {
		const customers = recipients(3).map((to, i) => ({ to, customerId: `C-${i}` }));
		const campaign = (name: string) => customers.map((customer) => ({ json: { ...customer, campaign: name } }));
		const byCampaign = { skipAlreadySent: true, alreadySentKey: '={{ $json.campaign }}:{{ $json.customerId }}' };
		await bed.run(sendText(byCampaign), campaign('spring-sale'));
		const next = await bed.run(sendText(byCampaign), campaign('summer-sale'));
		expect(next.items.map((item) => [item.json.alreadySentKey, typeof item.json.messageId])).toEqual(customers.map((customer) => [`summer-sale:${customer.customerId}`, 'string']));
		const again = await bed.run(sendText(byCampaign), campaign('spring-sale'));
		expect(again.items.every((item) => item.json.skipped === true)).toBe(true);
		expect((await sentMessages()).map((message) => message.bizOpaqueCallbackData).sort()).toEqual(
			['spring-sale', 'summer-sale'].flatMap((name) => customers.map((customer) => `${name}:${customer.customerId}|`)).sort(),
		);

		// The customer alone as the key: the next campaign is skipped, and the reason says why and what to change.
		const byCustomer = { skipAlreadySent: true, alreadySentKey: '={{ $json.customerId }}' };
		await bed.run(sendText(byCustomer), campaign('spring-sale'));
		const skipped = await bed.run(sendText(byCustomer), campaign('summer-sale'));
		expect(skipped.items[0].json).toMatchObject({ skipped: true, sent: false, alreadySentKey: 'C-0' });
		expect(skipped.items[0].json.reason).toMatch(/remembers its keys across all its runs.*new campaign, make the key name it, e\.g\. spring-sale:C-0/);
	});

	test('Skip Items Already Sent, two executions of the node at once in one n8n process with the same list: each message goes out once', async () => {
		const options = { skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}' };
		// The second starts once the first has looked its keys up and is waiting for WhatsApp's answers
		// (300 ms each): n8n's list does not hold the keys yet, so its look-up finds none.
		await reset({ latency: { fixedMs: 300, jitterMs: 0 } });
		const numbers = recipients(40, 5000);
		const first = bed.run(sendText(options), itemsFor(numbers));
		await new Promise((resolve) => setTimeout(resolve, 150));
		const [firstRun, second] = await Promise.all([first, bed.run(sendText(options), itemsFor(numbers))]);
		const check = await bed.admin('POST', 'messages/check', { recipients: numbers });
		expect(check).toMatchObject({ lost: [], duplicated: [] });
		// Every item is either sent by one execution or skipped by the other, with the reason.
		firstRun.items.forEach((item, i) => {
			const other = second.items[i].json;
			expect([item.json.skipped === true, other.skipped === true].sort()).toEqual([false, true]);
		});
		expect([...firstRun.items, ...second.items].filter((item) => item.json.error)).toEqual([]);
	});

	test('a run with more different keys than Keys to Remember fails before anything is sent, naming the number to set', async () => {
		const options = { skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}', alreadySentKeysToRemember: 3 };
		await expect(bed.run(sendText(options), itemsFor(recipients(5)))).rejects.toMatchObject({
			message: expect.stringMatching(/5 different Already Sent Keys, but Keys to Remember is 3: n8n would forget the first 2/),
			description: expect.stringMatching(/Keys to Remember to at least 5/),
		});
		expect(await sentMessages()).toHaveLength(0);
		expect((await bed.run(sendText(options), itemsFor(recipients(3)))).items.every((item) => typeof item.json.messageId === 'string')).toBe(true);
	});

	test("the key goes into the message's tracking data, first, then a | and the item's own Tracking Data (if any)", async () => {
		const numbers = recipients(2);
		await bed.run(sendText({ skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}', bizOpaqueCallbackData: '={{ $json.to === "16505551000" ? "spring-campaign" : "" }}' }), itemsFor(numbers));
		const tracking = (await sentMessages()).map((message) => [message.waId, message.bizOpaqueCallbackData]);
		expect(tracking).toEqual(expect.arrayContaining([['16505551000', 'ORDER-0|spring-campaign'], ['16505551001', 'ORDER-1|']]));
	});

	test('a key with a | or an empty key fails its item before anything is sent, naming the fix', async () => {
		const items = [{ json: { to: '16505551000', orderId: 'A|B' } }, { json: { to: '16505551001', orderId: '' } }, { json: { to: '16505551002', orderId: 'C' } }];
		const result = await bed.run(sendText({ skipAlreadySent: true, alreadySentKey: '={{ $json.orderId }}' }), items, { continueOnFail: true });
		const errors = result.items.map((item) => (item.json.error as { message?: string } | undefined)?.message);
		expect(errors[0]).toMatch(/contains "\|"/);
		expect(errors[1]).toMatch(/Already Sent Key of this item is empty/);
		expect(errors[2]).toBeUndefined();
		expect(await sentMessages()).toHaveLength(1);
	});
});

describe('A batch that cannot go on', () => {
	test('B5: without Continue On Fail, a bad item 3 stops the run before ANY item is sent', async () => {
		const items = itemsFor(recipients(5));
		items[3] = { json: { to: 'not a number' } };
		await expect(bed.run(sendText(), items)).rejects.toThrow();
		expect(await sentMessages()).toHaveLength(0);
	});

	test('B5: with Continue On Fail, only the bad item fails and the others are sent', async () => {
		const items = itemsFor(recipients(5));
		items[3] = { json: { to: 'not a number' } };
		const result = await bed.run(sendText(), items, { continueOnFail: true });
		expect(result.items.map((item) => Boolean(item.json.error))).toEqual([false, false, false, true, false]);
		expect(await sentMessages()).toHaveLength(4);
	});

	test('C4: an expired token (190) stops the rest of the batch with the same error instead of one failing request per item', async () => {
		await reset({ faults: [{ pathPattern: '/messages$', kind: 'tokenExpired', skip: 2, count: 1000 }] });
		const numbers = recipients(30);
		const result = await bed.run(sendText({ throughput: 'custom', messagesPerSecond: 5 }), itemsFor(numbers), { continueOnFail: true });
		const codes = result.items.map((item) => (item.json.error as { code?: number } | undefined)?.code);
		expect(codes.slice(0, 2)).toEqual([undefined, undefined]);
		expect(codes.slice(2)).toEqual(numbers.slice(2).map(() => 190));
		const config = await bed.admin('GET', 'config');
		const requestsRefused = 1000 - config.faults[0].count;
		// Only the requests already under way when the first 190 came back reached WhatsApp.
		expect(requestsRefused).toBeLessThan(10);
		const notSent = result.items.filter((item) => (item.json.error as { notSent?: boolean } | undefined)?.notSent);
		expect(notSent.length).toBe(28 - requestsRefused);
	});

	test('QA2 m2: at Throughput High, the requests already on their way when the first 190 comes back get their own 190; nothing goes out after it, every item is accounted for', async () => {
		// WhatsApp answers in 0.15 s: at 1,000 messages per second many requests are out before the first answer.
		await reset({ ...ceilingOfNumber(1000), latency: { fixedMs: 150, jitterMs: 0 }, faults: [{ pathPattern: '/messages$', kind: 'tokenExpired', skip: 50, count: 1000 }] });
		const numbers = recipients(300, 3000);
		const result = await bed.run(sendText({ throughput: 'high' }), itemsFor(numbers), { continueOnFail: true });
		const errors = result.items.map((item) => item.json.error as { code?: number; notSent?: boolean } | undefined);
		const requestsRefused = 1000 - (await bed.admin('GET', 'config')).faults[0].count;
		expect((await sentMessages()).length).toBe(50);
		expect(errors.filter((error) => error !== undefined).every((error) => error!.code === 190)).toBe(true);
		// Refused by their own request, or not sent: the README's "at most one second's worth" still went out.
		expect(errors.filter((error) => error && !error.notSent)).toHaveLength(requestsRefused);
		expect(errors.filter((error) => error?.notSent)).toHaveLength(250 - requestsRefused);
		expect(requestsRefused).toBeGreaterThan(0);
		expect(requestsRefused).toBeLessThanOrEqual(1000);
	});

	test('C4: without Continue On Fail, the node fails with that error', async () => {
		await reset({ faults: [{ pathPattern: '/messages$', kind: 'tokenExpired', count: 1000 }] });
		await expect(bed.run(sendText(), itemsFor(recipients(10)))).rejects.toThrow(/Access token has expired/);
	});
});

describe('The ceiling', () => {
	test("From the Phone Number's Throughput Level: read once for the whole batch", async () => {
		await reset({ throughput: { phoneNumbers: { [SEED.phoneNumberId]: { level: 'HIGH' } } } });
		const result = await bed.run(sendText({ throughput: 'phoneNumber' }), itemsFor(recipients(10)));
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		const reads = (await bed.accepted(`/${SEED.phoneNumberId}`)).filter((request) => request.method === 'GET');
		expect(reads).toHaveLength(1);
		expect(reads[0].query).toMatchObject({ fields: 'throughput' });
	});
});
