import { call, expectMetaError, graph, openWindow, PHONE, SEED, send, USER, useTestEmulator } from '../harness/emulatorClient';

const OTHER_USER = '16505550000';
const text = { type: 'text', text: { body: 'We are open until 6 pm.' } };
const blockBody = (...users: string[]) => ({ messaging_product: 'whatsapp', block_users: users.map((user) => ({ user })) });

describe('Block users: POST / DELETE / GET /{phone-number-id}/block_users', () => {
	const emulator = useTestEmulator();

	const block = (...users: string[]) => graph(emulator, 'POST', `/${PHONE}/block_users`, blockBody(...users));
	const unblock = (...users: string[]) => graph(emulator, 'DELETE', `/${PHONE}/block_users`, blockBody(...users));

	it('blocks a user who wrote in the last 24 hours and lists them', async () => {
		await openWindow(emulator);
		const response = await block(`+${USER}`);
		expect(response).toMatchObject({ status: 200, json: { messaging_product: 'whatsapp', block_users: { added_users: [{ input: `+${USER}`, wa_id: USER }] } } });
		const listed = await graph(emulator, 'GET', `/${PHONE}/block_users`);
		expect(listed.json).toEqual({ data: [{ messaging_product: 'whatsapp', wa_id: USER }], paging: expect.objectContaining({ cursors: expect.any(Object) }) });
	});

	it('a blocked user cannot be messaged (131026) and cannot write to the business; unblocking restores both', async () => {
		await openWindow(emulator);
		await block(USER);
		expectMetaError(await send(emulator, text), 131026);
		const inbound = await call(emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'Hello?' });
		expect(inbound.status).toBe(400);
		expect(inbound.json.error.message).toMatch(/blocked/);
		const removed = await unblock(USER);
		expect(removed.json).toEqual({ messaging_product: 'whatsapp', block_users: { removed_users: [{ input: USER, wa_id: USER }] } });
		expect((await send(emulator, text)).status).toBe(200);
		expect((await graph(emulator, 'GET', `/${PHONE}/block_users`)).json).toEqual({ data: [] });
	});

	it('blocks per phone number: the other number can still message the user', async () => {
		await openWindow(emulator);
		await block(USER);
		expect((await send(emulator, text, SEED.secondPhoneNumberId)).status).toBe(200);
	});

	it('a user who has not written in 24 hours fails with 131047 while the others are blocked: HTTP 400, error 139100, both lists', async () => {
		await openWindow(emulator);
		const response = await block(USER, OTHER_USER);
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({
			messaging_product: 'whatsapp',
			block_users: {
				added_users: [{ input: USER, wa_id: USER }],
				failed_users: [{ input: OTHER_USER, wa_id: OTHER_USER, errors: [{ code: 131047, message: 'Re-engagement required', error_data: { details: 'User has not messaged in the last 24 hours' } }] }],
			},
			error: { message: '(#139100) Failed to block/unblock users', type: 'OAuthException', code: 139100, error_data: { details: expect.any(String) }, fbtrace_id: expect.any(String) },
		});
		expect(emulator.state.features.isBlocked(PHONE, USER)).toBe(true);
	});

	it('blocking the sending number itself fails with 131021', async () => {
		const response = await block('15550783881');
		expect(response.json.block_users.failed_users[0].errors[0].code).toBe(131021);
	});

	it('the window closes 24 hours after the user\'s last message, and with it the right to block', async () => {
		await openWindow(emulator);
		await call(emulator, 'POST', '/__emulator/clock', { advanceMs: 25 * 3600 * 1000 });
		expect((await block(USER)).json.block_users.failed_users[0].errors[0].code).toBe(131047);
	});

	it('more than 1,000 users in one request → 130429', async () => {
		expectMetaError(await block(...Array.from({ length: 1001 }, (_, index) => String(16505550000 + index))), 130429);
	});

	it.each([
		['no messaging_product', { block_users: [{ user: USER }] }],
		['an empty list', { messaging_product: 'whatsapp', block_users: [] }],
		['a user that is not a string', { messaging_product: 'whatsapp', block_users: [{ user: 16505551234 }] }],
	])('%s → 100', async (_name, body) => {
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/block_users`, body), 100);
	});

	it('the list pages with limit, after and paging.next, in blocking order', async () => {
		const users = ['16505550001', '16505550002', '16505550003'];
		await call(emulator, 'POST', '/__emulator/blocked', { users });
		const first = await graph(emulator, 'GET', `/${PHONE}/block_users?limit=2`);
		expect(first.json.data.map((entry: { wa_id: string }) => entry.wa_id)).toEqual(users.slice(0, 2));
		const second = await graph(emulator, 'GET', `/${PHONE}/block_users?limit=2&after=${first.json.paging.cursors.after}`);
		expect(second.json.data).toEqual([{ messaging_product: 'whatsapp', wa_id: users[2] }]);
	});

	it('the admin API sets and clears block lists without the 24-hour rule', async () => {
		const set = await call(emulator, 'POST', '/__emulator/blocked', { phoneNumberId: SEED.secondPhoneNumberId, users: ['+1 650 555 1234'] });
		expect(set.json.data).toEqual([expect.objectContaining({ waId: USER, input: '+1 650 555 1234' })]);
		expect((await call(emulator, 'GET', `/__emulator/blocked?phoneNumberId=${SEED.secondPhoneNumberId}`)).json.data).toHaveLength(1);
		await call(emulator, 'DELETE', '/__emulator/blocked', { phoneNumberId: SEED.secondPhoneNumberId });
		expect(emulator.state.features.isBlocked(SEED.secondPhoneNumberId, USER)).toBe(false);
	});
});
