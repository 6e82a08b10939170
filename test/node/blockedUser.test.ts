/** Blocked User: block, unblock and list a phone number's block list against the emulator (Meta: Block users). */
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();
const SILENT_USER = '16505551299';

const blockedUser = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'blockedUser', operation, ...extra });
const blockList = async () => (await bed.admin<{ data: Array<{ waId: string }> }>('GET', 'blocked')).data.map((user) => user.waId);

describe('Blocked User', () => {
	test('blocks a customer who wrote today: one item per user, and WhatsApp then refuses messages to them', async () => {
		await bed.customerWrites();
		const result = await bed.run(blockedUser('block', { users: '={{ $json.from.waId }}' }), [{ json: { from: { waId: CUSTOMER_WA_ID } } }]);
		expect(result.items.map((item) => item.json)).toEqual([{ input: '+16505551234', waId: CUSTOMER_WA_ID, result: 'blocked', phoneNumberId: expect.any(String) }]);
		expect((await bed.accepted('/block_users'))[0]).toMatchObject({ method: 'POST', body: { messaging_product: 'whatsapp', block_users: [{ user: '+16505551234' }] } });
		expect(await blockList()).toEqual([CUSTOMER_WA_ID]);
		const text = await bed.run({ resource: 'message', operation: 'sendText', to: CUSTOMER_WA_ID, text: 'hello?' }, undefined, { continueOnFail: true });
		expect(text.items[0].json.error).toMatchObject({ code: 131026 });
	});

	test('a user who has not written in 24 hours cannot be blocked: the item fails with the reason', async () => {
		const result = await bed.run(blockedUser('block', { users: SILENT_USER }), undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toMatchObject({
			message: 'WhatsApp could not block the user',
			description: expect.stringMatching(/\+16505551299: has not written to this number in the last 24 hours.*\(131047\)/),
		});
		expect(await blockList()).toEqual([]);
	});

	test('a partly failed request (error 139100) keeps every user in the output, the failed one marked', async () => {
		await bed.customerWrites();
		const result = await bed.run(blockedUser('block', { users: `${CUSTOMER_WA_ID}, ${SILENT_USER}` }));
		expect(result.items.map((item) => [item.json.waId, item.json.result])).toEqual([
			[CUSTOMER_WA_ID, 'blocked'],
			[SILENT_USER, 'failed'],
		]);
		expect(result.items[1].json.error).toMatchObject({ code: 131047 });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('lists the block list (all pages, or up to a limit) and unblocks', async () => {
		const users = Array.from({ length: 150 }, (_, index) => String(16505551234 + index));
		await bed.admin('POST', 'blocked', { users });
		const all = await bed.run(blockedUser('getAll', { returnAll: true }));
		expect(all.items.map((item) => item.json.waId)).toEqual(users);
		expect((await bed.accepted('/block_users')).filter((request) => request.method === 'GET')).toHaveLength(2);
		const two = await bed.run(blockedUser('getAll', { limit: 2 }));
		expect(two.items.map((item) => item.json.waId)).toEqual(users.slice(0, 2));
		const unblocked = await bed.run(blockedUser('unblock', { users: '+1 650 555 1235' }));
		expect(unblocked.items[0].json).toMatchObject({ waId: '16505551235', result: 'unblocked' });
		expect((await bed.accepted('/block_users')).at(-1)).toMatchObject({ method: 'DELETE', body: { block_users: [{ user: '+16505551235' }] } });
		expect(await blockList()).toEqual(users.filter((user) => user !== '16505551235'));
	});

	test('an unreadable number is refused before any request', async () => {
		await expect(bed.run(blockedUser('block', { users: 'call me' }))).rejects.toThrow(/number/i);
		expect(await bed.accepted('/block_users')).toHaveLength(0);
	});
});
