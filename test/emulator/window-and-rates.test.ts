import { call, expectMetaError, openWindow, SEED, send, USER, useTestEmulator } from '../harness/emulatorClient';

const HOUR = 60 * 60 * 1000;
const textMessage = { type: 'text', text: { body: 'Your order has shipped' } };

describe('24-hour customer-service window (Meta: Customer service windows)', () => {
	let now = Date.UTC(2025, 5, 1, 12);
	const emulator = useTestEmulator({ now: () => now });

	it('a free-form message to a user who never wrote is accepted (200), then failed with 131047', async () => {
		const response = await send(emulator, textMessage);
		expect(response.status).toBe(200);
		const id = response.json.messages[0].id;
		expect(emulator.state.messages.get(id)).toMatchObject({ status: 'failed', insideCustomerServiceWindow: false, errors: [{ code: 131047, title: 'Re-engagement message' }] });
		expect(emulator.state.outcomes).toEqual([expect.objectContaining({ messageId: id, status: 'failed', recipientId: USER })]);
		const listed = await call(emulator, 'GET', '/__emulator/messages?status=failed');
		expect(listed.json.data.map((message: { id: string }) => message.id)).toEqual([id]);
	});

	it('an inbound message opens the window for that number only; it closes 24 h later', async () => {
		await openWindow(emulator);
		const inside = await send(emulator, textMessage);
		const otherNumber = await send(emulator, textMessage, SEED.secondPhoneNumberId);
		now += 24 * HOUR + 1000;
		const afterwards = await send(emulator, textMessage);
		const statusOf = (response: { json: any }) => emulator.state.messages.get(response.json.messages[0].id)!.status;
		expect([statusOf(inside), statusOf(otherNumber), statusOf(afterwards)]).toEqual(['sent', 'failed', 'failed']);
	});

	it('templates are allowed outside the window', async () => {
		const response = await send(emulator, { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
		expect(emulator.state.messages.get(response.json.messages[0].id)!.status).toBe('sent');
	});

	it('an old inbound timestamp opens an already-closed window; the admin clock moves time', async () => {
		await call(emulator, 'POST', '/__emulator/inbound', { from: USER, timestamp: Math.floor(now / 1000) - 25 * 3600 });
		expect(emulator.state.messages.get((await send(emulator, textMessage)).json.messages[0].id)!.status).toBe('failed');
		await openWindow(emulator);
		await call(emulator, 'POST', '/__emulator/clock', { advanceMs: 25 * HOUR });
		expect(emulator.state.messages.get((await send(emulator, textMessage)).json.messages[0].id)!.status).toBe('failed');
	});

	it('emits inbound and status events for a webhook sender', async () => {
		const events: string[] = [];
		const stopInbound = emulator.state.events.on('inbound', (inbound) => events.push(`inbound:${inbound.message.type}`));
		const stopStatus = emulator.state.events.on('status', (status) => events.push(`status:${status.status}`));
		await openWindow(emulator);
		await send(emulator, textMessage);
		await new Promise((resolve) => setImmediate(resolve));
		stopInbound();
		stopStatus();
		expect(events).toEqual(['inbound:text', 'status:sent']);
	});
});

describe('rate limits (Meta: Throughput)', () => {
	let now = 1_000_000;
	const emulator = useTestEmulator({ now: () => now, throughput: { messagesPerSecond: 5 }, pairRate: { burst: 3, refillIntervalMs: 6000 } });

	const template = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };
	const sendTo = (user: string) => send(emulator, { ...template, to: user });

	it('the pair rate allows a burst to one user, then 131056 until a token refills after 6 s', async () => {
		const burst = await Promise.all([1, 2, 3].map(() => sendTo(USER)));
		expect(burst.map((response) => response.status)).toEqual([200, 200, 200]);
		expectMetaError(await sendTo(USER), 131056);
		expect((await sendTo('16505550000')).status).toBe(200);
		now += 5999;
		expectMetaError(await sendTo(USER), 131056);
		now += 1;
		expect((await sendTo(USER)).status).toBe(200);
	});

	it('the throughput ceiling per number answers 130429 beyond messagesPerSecond, then recovers', async () => {
		now += 60_000;
		const users = ['1', '2', '3', '4', '5', '6'].map((digit) => `1650555000${digit}`);
		const results = [];
		for (const user of users) results.push((await sendTo(user)).status);
		expect(results).toEqual([200, 200, 200, 200, 200, 400]);
		expectMetaError(await sendTo('16505559999'), 130429);
		expect((await send(emulator, { ...template, to: '16505559999' }, SEED.secondPhoneNumberId)).status).toBe(200);
		now += 200; // 5 per second: one token per 200 ms
		expect((await sendTo('16505559999')).status).toBe(200);
	});

	it('limits can be changed at run time through PATCH /__emulator/config', async () => {
		now += 60_000;
		await call(emulator, 'PATCH', '/__emulator/config', { pairRate: { burst: 1 } });
		expect((await sendTo(USER)).status).toBe(200);
		expectMetaError(await sendTo(USER), 131056);
		await call(emulator, 'PATCH', '/__emulator/config', { pairRate: { burst: 3 } });
	});
});
