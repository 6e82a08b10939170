/**
 * What a bulk-send benchmark reads from the emulator: the "accepted, then the connection dropped"
 * fault, each number's throughput level and ceiling, the per-second account of sends with its
 * ceiling violations, and the exactly-once check of tracking keys and recipients.
 */
import { call, expectMetaError, graph, PHONE, SEED, send, USER, useTestEmulator } from '../harness/emulatorClient';

let now = Date.UTC(2026, 0, 5, 9, 0, 0);
const emulator = useTestEmulator({ now: () => now });
beforeEach(async () => {
	now = Date.UTC(2026, 0, 5, 9, 0, 0);
	await call(emulator, 'PATCH', '/__emulator/config', { faults: [], throughput: { messagesPerSecond: 80, phoneNumbers: {} } });
});

const template = (key?: string, to = `+${USER}`) => ({
	type: 'template',
	to,
	template: { name: 'hello_world', language: { code: 'en_US' } },
	...(key ? { biz_opaque_callback_data: key } : {}),
});
const startOfSecond = Math.floor(Date.UTC(2026, 0, 5, 9, 0, 0) / 1000);

describe('fault "acceptedThenReset"', () => {
	it('accepts and records the message, then drops the connection instead of answering', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', count: 1 }] });
		await expect(send(emulator, template('order-1'))).rejects.toThrow(/fetch failed/);
		const [message] = (await call(emulator, 'GET', '/__emulator/messages?bizOpaqueCallbackData=order-1')).json.data;
		expect(message).toMatchObject({ bizOpaqueCallbackData: 'order-1', status: 'sent', answerDropped: true, waId: USER });
		const [logged] = (await call(emulator, 'GET', '/__emulator/requests?path=/messages')).json.data;
		expect(logged).toMatchObject({ responseId: message.id, answerDropped: true });
		// The rule was used up: the next send is answered.
		expect((await send(emulator, template('order-2'))).status).toBe(200);
		expect((await call(emulator, 'GET', '/__emulator/config')).json.faults).toEqual([]);
	});

	it('gets its status webhooks like any accepted message', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset' }] });
		await expect(send(emulator, template('order-3'))).rejects.toThrow();
		await new Promise((resolve) => setImmediate(resolve));
		expect(emulator.state.outcomes).toEqual([expect.objectContaining({ status: 'sent', bizOpaqueCallbackData: 'order-3' })]);
	});

	it('does not spend a use on a request that is refused: the refusal is answered as usual', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', count: 1 }] });
		const refused = await send(emulator, { type: 'template', template: { name: 'no_such_template', language: { code: 'en_US' } } });
		expectMetaError(refused, 132001, 404);
		expect((await call(emulator, 'GET', '/__emulator/config')).json.faults).toEqual([expect.objectContaining({ kind: 'acceptedThenReset', count: 1 })]);
	});

	it('with probability 0 never fires, and a probability outside 0–1 is refused', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', probability: 0 }] });
		expect((await send(emulator, template())).status).toBe(200);
		const invalid = await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', probability: 2 }] });
		expect(invalid.status).toBe(400);
		expect(invalid.json.error.message).toContain('faults[0].probability must be a number from 0 to 1');
	});
});

describe('throughput level per phone number', () => {
	const level = async (phoneNumberId: string) => (await graph(emulator, 'GET', `/${phoneNumberId}?fields=throughput`)).json;

	it('GET /{phone-number-id}?fields=throughput reports STANDARD by default and the configured level', async () => {
		expect(await level(PHONE)).toEqual({ throughput: { level: 'STANDARD' }, id: PHONE });
		await call(emulator, 'PATCH', '/__emulator/config', { throughput: { phoneNumbers: { [SEED.secondPhoneNumberId]: { level: 'HIGH' } } } });
		expect(await level(SEED.secondPhoneNumberId)).toEqual({ throughput: { level: 'HIGH' }, id: SEED.secondPhoneNumberId });
		expect(await level(PHONE)).toEqual({ throughput: { level: 'STANDARD' }, id: PHONE });
	});

	it('a custom ceiling answers 130429 beyond it, for that number only', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { throughput: { phoneNumbers: { [PHONE]: { messagesPerSecond: 2 } } } });
		expect((await send(emulator, template(undefined, '+16505550001'))).status).toBe(200);
		expect((await send(emulator, template(undefined, '+16505550002'))).status).toBe(200);
		const third = await send(emulator, template(undefined, '+16505550003'));
		expectMetaError(third, 130429);
		expect(third.json.error.error_data.details).toContain('2 messages per second');
		expect((await send(emulator, template(undefined, '+16505550003'), SEED.secondPhoneNumberId)).status).toBe(200);
	});

	it('GET /__emulator/throughput reports the level and ceiling in force: HIGH is 1,000 messages per second', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { throughput: { phoneNumbers: { [PHONE]: { level: 'HIGH' } } } });
		await send(emulator, template());
		const [report] = (await call(emulator, 'GET', `/__emulator/throughput?phoneNumberId=${PHONE}`)).json.data;
		expect(report).toMatchObject({ phoneNumberId: PHONE, level: 'HIGH', messagesPerSecond: 1000, accepted: 1 });
	});

	it.each([
		['an unknown level without a rate', { [PHONE]: { level: 'TURBO' } }, 'level must be STANDARD or HIGH'],
		['a rate of zero', { [PHONE]: { messagesPerSecond: 0 } }, 'messagesPerSecond must be a positive number'],
		['an unknown key', { [PHONE]: { burst: 5 } }, 'takes only level and messagesPerSecond'],
	])('refuses %s and changes nothing', async (_name, phoneNumbers, message) => {
		const response = await call(emulator, 'PATCH', '/__emulator/config', { throughput: { phoneNumbers } });
		expect(response.status).toBe(400);
		expect(response.json.error.message).toContain(message);
		expect((await call(emulator, 'GET', '/__emulator/config')).json.throughput).toEqual({ messagesPerSecond: 80, phoneNumbers: {} });
	});
});

describe('per-second account (GET /__emulator/throughput)', () => {
	it('counts accepted and refused sends per wall-clock second and flags the seconds over the ceiling', async () => {
		await call(emulator, 'PATCH', '/__emulator/config', { throughput: { phoneNumbers: { [PHONE]: { messagesPerSecond: 3 } } } });
		const sendTo = (index: number) => send(emulator, template(undefined, `+1650555${String(index).padStart(4, '0')}`));
		// Second 0: the full bucket (3), one refusal; 999 ms later ~3 tokens have come back (2 whole).
		for (let index = 0; index < 4; index += 1) await sendTo(index);
		now += 999;
		for (let index = 4; index < 7; index += 1) await sendTo(index);
		// Second 2 (second 1 stays empty): within the ceiling.
		now += 1500;
		await sendTo(7);
		const [report] = (await call(emulator, 'GET', '/__emulator/throughput')).json.data;
		expect(report).toEqual({
			phoneNumberId: PHONE,
			level: 'STANDARD',
			messagesPerSecond: 3,
			accepted: 6,
			refused: 2,
			maxPerSecond: 5,
			violations: 1,
			violatingSeconds: [{ second: startOfSecond, accepted: 5, refused: 2, ceiling: 3 }],
			seconds: [
				{ second: startOfSecond, accepted: 5, refused: 2, ceiling: 3 },
				{ second: startOfSecond + 1, accepted: 0, refused: 0, ceiling: 3 },
				{ second: startOfSecond + 2, accepted: 1, refused: 0, ceiling: 3 },
			],
		});
	});

	it('DELETE /__emulator/throughput and POST /__emulator/reset start a new account', async () => {
		await send(emulator, template());
		expect((await call(emulator, 'GET', '/__emulator/throughput')).json.data).toHaveLength(1);
		await call(emulator, 'DELETE', '/__emulator/throughput');
		expect((await call(emulator, 'GET', '/__emulator/throughput')).json.data).toEqual([]);
		await send(emulator, template());
		await call(emulator, 'POST', '/__emulator/reset');
		expect((await call(emulator, 'GET', '/__emulator/throughput')).json.data).toEqual([]);
	});
});

describe('exactly-once check (POST /__emulator/messages/check)', () => {
	it('names the tracking keys sent 0 times (lost) and 2+ times (duplicated)', async () => {
		const keys = ['item-1', 'item-2', 'item-2', 'stray'];
		for (const [index, key] of keys.entries()) await send(emulator, template(key, `+165055500${index}`));
		const check = await call(emulator, 'POST', '/__emulator/messages/check', { keys: ['item-1', 'item-2', 'item-3'] });
		expect(check.json).toEqual({
			by: 'key',
			expected: 3,
			sentOnce: 1,
			lost: ['item-3'],
			duplicated: [{ value: 'item-2', count: 2, messageIds: [expect.stringMatching(/^wamid\./), expect.stringMatching(/^wamid\./)] }],
			unexpected: 1,
			answerDropped: 0,
		});
	});

	it('compares recipients as wa_id digits and counts answers the fault dropped', async () => {
		await send(emulator, template(undefined, '+1 (650) 555-0001'));
		await call(emulator, 'PATCH', '/__emulator/config', { faults: [{ pathPattern: '/messages$', kind: 'acceptedThenReset', count: 1 }] });
		await expect(send(emulator, template(undefined, '+16505550002'))).rejects.toThrow();
		const check = await call(emulator, 'POST', '/__emulator/messages/check', { recipients: ['16505550001', '+1 650 555 0002', '16505550003'], phoneNumberId: PHONE });
		expect(check.json).toMatchObject({ by: 'recipient', expected: 3, sentOnce: 2, lost: ['16505550003'], duplicated: [], unexpected: 0, answerDropped: 1 });
	});

	it.each([
		['neither keys nor recipients', {}],
		['both', { keys: ['a'], recipients: ['1'] }],
		['keys that are not strings', { keys: [1, 2] }],
	])('answers 400 for %s', async (_name, body) => {
		const response = await call(emulator, 'POST', '/__emulator/messages/check', body);
		expect(response.status).toBe(400);
		expect(response.json.error.message).toContain('{"keys"');
	});
});
