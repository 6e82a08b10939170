import { SEED } from '../../emulator';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

const luckyShrub = {
	phoneNumberId: SEED.phoneNumberId,
	displayPhoneNumber: '15550783881',
	verifiedName: 'Lucky Shrub',
	status: 'CONNECTED',
	qualityRating: 'GREEN',
	nameStatus: 'APPROVED',
	codeVerificationStatus: 'VERIFIED',
	platformType: 'CLOUD_API',
	throughputLevel: 'STANDARD',
	messagingLimitTier: 'TIER_2K',
	messagingLimit: 2000,
	messagesPerSecond: 80,
	healthy: true,
	issues: [],
	summary: 'Quality GREEN · can reach 2,000 unique customers per 24 h · 80 messages/second',
};

/** Adds numbers to the seeded WABA so paging has something to page through. */
function addNumbers(count: number) {
	const template = bed.emulator.state.phoneNumbers.get(SEED.secondPhoneNumberId)!;
	for (let index = 0; index < count; index++) {
		const id = String(200000000000000 + index);
		bed.emulator.state.phoneNumbers.set(id, { ...template, id, display_phone_number: `1555${String(index).padStart(7, '0')}` });
	}
}

describe('Phone Number › Get Health', () => {
	test('reads the health fields of the default number and says it in plain words', async () => {
		const result = await bed.run({ resource: 'phoneNumber', operation: 'getHealth' });
		expect(result.items[0].json).toEqual(luckyShrub);
		const [request] = await bed.accepted(`/${SEED.phoneNumberId}`);
		expect(String(request.query?.fields).split(',')).toEqual(
			expect.arrayContaining(['quality_rating', 'status', 'name_status', 'whatsapp_business_manager_messaging_limit', 'messaging_limit_tier', 'throughput']),
		);
	});

	test('a RED, flagged number is reported unhealthy with what to do', async () => {
		Object.assign(bed.emulator.state.phoneNumbers.get(SEED.secondPhoneNumberId)!, { quality_rating: 'RED', status: 'FLAGGED' });
		const result = await bed.run({ resource: 'phoneNumber', operation: 'getHealth', phoneNumberId: { __rl: true, mode: 'list', value: SEED.secondPhoneNumberId } });
		expect(result.items[0].json).toMatchObject({ phoneNumberId: SEED.secondPhoneNumberId, healthy: false, summary: expect.stringMatching(/^Status FLAGGED · Quality RED/) });
		expect(result.items[0].json.issues).toHaveLength(2);
	});

	test('an unknown phone number ID comes back as Meta error 100 with advice', async () => {
		const result = await bed.run({ resource: 'phoneNumber', operation: 'getHealth', phoneNumberId: { __rl: true, mode: 'id', value: '111' } }, undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toMatchObject({ code: 100, advice: expect.stringMatching(/Phone Number ID/) });
	});
});

describe('Phone Number › List', () => {
	test('lists every number of the WABA with its health', async () => {
		const result = await bed.run({ resource: 'phoneNumber', operation: 'list', returnAll: true });
		expect(result.items.map((item) => item.json)).toEqual([luckyShrub, expect.objectContaining({ phoneNumberId: SEED.secondPhoneNumberId, verifiedName: 'Lucky Shrub Support', healthy: true })]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const [request] = await bed.accepted('/phone_numbers');
		expect(request.path).toContain(`/${SEED.wabaId}/phone_numbers`);
	});

	test('Return All follows the paging cursors (Meta pages at most 100)', async () => {
		addNumbers(150);
		const result = await bed.run({ resource: 'phoneNumber', operation: 'list', returnAll: true });
		expect(result.items).toHaveLength(152);
		expect(new Set(result.items.map((item) => item.json.phoneNumberId)).size).toBe(152);
		const requests = await bed.accepted('/phone_numbers');
		expect(requests.map((request) => request.query?.limit)).toEqual(['100', '100']);
		expect(requests[1].query?.after).toBeDefined();
	});

	test('Limit stops at the limit, asking only for what is still missing', async () => {
		addNumbers(150);
		const result = await bed.run({ resource: 'phoneNumber', operation: 'list', returnAll: false, limit: 120 });
		expect(result.items).toHaveLength(120);
		expect((await bed.accepted('/phone_numbers')).map((request) => request.query?.limit)).toEqual(['100', '20']);
		const one = await bed.run({ resource: 'phoneNumber', operation: 'list', limit: 1 });
		expect(one.items.map((item) => item.json.phoneNumberId)).toEqual([SEED.phoneNumberId]);
	});
});

describe('Phone Number on 360dialog', () => {
	test.each(['list', 'getHealth'])('%s is refused with a clear configuration error, before any request', async (operation) => {
		const result = await bed.run({ authentication: 'dialog360', resource: 'phoneNumber', operation }, undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toEqual({
			message: expect.stringMatching(/not offered by 360dialog/),
			description: expect.stringMatching(/Cloud API credential/),
			code: 'setup',
			advice: expect.stringMatching(/Cloud API credential/),
			retryable: false,
			category: 'setup',
		});
		expect(await bed.accepted()).toHaveLength(0);
	});
});
