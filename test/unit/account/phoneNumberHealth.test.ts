import { describePhoneNumberHealth, messagingLimitOfTier } from '../../../nodes/shared/whatsapp/account/phoneNumberHealth';

/** Meta's Phone numbers page: composite example. */
const jaspersMarket = {
	id: '106540352242922',
	display_phone_number: '+1 631-555-5555',
	verified_name: "Jasper's Market",
	status: 'CONNECTED',
	quality_rating: 'GREEN',
	code_verification_status: 'VERIFIED',
	name_status: 'APPROVED',
	platform_type: 'CLOUD_API',
	throughput: { level: 'STANDARD' },
	messaging_limit_tier: 'TIER_1K',
	whatsapp_business_manager_messaging_limit: 'TIER_2K',
};

describe('describePhoneNumberHealth (Meta: Phone numbers, Throughput, Messaging limits)', () => {
	test('a connected GREEN number is healthy; the summary says quality, reach and throughput', () => {
		expect(describePhoneNumberHealth(jaspersMarket)).toEqual({
			phoneNumberId: '106540352242922',
			displayPhoneNumber: '+1 631-555-5555',
			verifiedName: "Jasper's Market",
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
		});
	});

	test('the deprecated messaging_limit_tier is used only when the new field is missing', () => {
		const { whatsapp_business_manager_messaging_limit: _ignored, ...old } = jaspersMarket;
		expect(describePhoneNumberHealth(old)).toMatchObject({ messagingLimitTier: 'TIER_1K', messagingLimit: 1000 });
	});

	test('a RED, not connected number is unhealthy and each problem is explained', () => {
		const health = describePhoneNumberHealth({ ...jaspersMarket, status: 'FLAGGED', quality_rating: 'RED', name_status: 'DECLINED' });
		expect(health.healthy).toBe(false);
		expect(health.issues).toHaveLength(3);
		expect(health.issues.join(' ')).toMatch(/CONNECTED.*RED.*display name/s);
		expect(health.summary).toMatch(/^Status FLAGGED · Quality RED/);
	});

	test('YELLOW quality is a warning, not unhealthy', () => {
		expect(describePhoneNumberHealth({ ...jaspersMarket, quality_rating: 'YELLOW' }).healthy).toBe(true);
	});

	test('unlimited tier and unknown throughput levels are still described', () => {
		const health = describePhoneNumberHealth({ ...jaspersMarket, whatsapp_business_manager_messaging_limit: 'TIER_UNLIMITED', throughput: { level: 'NOT_APPLICABLE' } });
		expect(health.messagingLimit).toBeNull();
		expect(health.summary).toBe('Quality GREEN · no limit on unique customers per 24 h · throughput NOT_APPLICABLE');
	});

	test('without any health fields the summary says so', () => {
		expect(describePhoneNumberHealth({ id: '1' })).toEqual({ phoneNumberId: '1', healthy: true, issues: [], summary: 'No health fields were returned' });
	});
});

test.each([
	['TIER_50', 50],
	['TIER_250', 250],
	['TIER_1K', 1000],
	['TIER_10K', 10000],
	['TIER_100K', 100000],
	['TIER_UNLIMITED', null],
	['SOMETHING_NEW', undefined],
	[undefined, undefined],
])('messagingLimitOfTier(%s) = %s', (tier, limit) => {
	expect(messagingLimitOfTier(tier)).toBe(limit);
});
