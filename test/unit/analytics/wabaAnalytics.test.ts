import {
	messagingAnalyticsField,
	messagingAnalyticsRows,
	pricingAnalyticsField,
	pricingAnalyticsRows,
} from '../../../nodes/shared/whatsapp/analytics';

describe('messaging analytics (Meta: Analytics, the analytics field)', () => {
	it('writes the field expansion Meta documents: start, end, granularity, then the filters given', () => {
		expect(messagingAnalyticsField({ start: 1543543200, end: 1544148000, granularity: 'day' })).toBe('analytics.start(1543543200).end(1544148000).granularity(DAY)');
		expect(
			messagingAnalyticsField({ start: 1, end: 2, granularity: 'halfHour', phoneNumbers: ['16505550111'], products: ['templates', 'otherMessages'], countryCodes: ['us', 'BR'] }),
		).toBe('analytics.start(1).end(2).granularity(HALF_HOUR).phone_numbers(["16505550111"]).product_types([0,2]).country_codes(["US","BR"])');
	});

	it('one row per period with ISO times, numbers and the delivery rate', () => {
		const body = {
			analytics: {
				phone_numbers: ['16505550111'],
				country_codes: ['US'],
				granularity: 'DAY',
				data_points: [
					{ start: 1543543200, end: 1543629600, sent: 196093, delivered: 179715 },
					{ start: 1543629600, end: 1543716000, sent: 0, delivered: 0 },
				],
			},
			id: '102290129340398',
		};
		expect(messagingAnalyticsRows(body)).toEqual([
			{ phoneNumber: '16505550111', date: '2018-11-30', start: '2018-11-30T02:00:00.000Z', end: '2018-12-01T02:00:00.000Z', granularity: 'DAY', sent: 196093, delivered: 179715, deliveryRate: 0.9165 },
			{ phoneNumber: '16505550111', date: '2018-12-01', start: '2018-12-01T02:00:00.000Z', end: '2018-12-02T02:00:00.000Z', granularity: 'DAY', sent: 0, delivered: 0, deliveryRate: null },
		]);
	});

	it('an answer without analytics gives no rows', () => {
		expect(messagingAnalyticsRows({ id: '1' })).toEqual([]);
	});
});

describe('pricing analytics (Meta: Analytics, the pricing_analytics field)', () => {
	it('spells the granularity as this field documents it and always asks for cost and volume', () => {
		expect(pricingAnalyticsField({ start: 1, end: 2, granularity: 'month', dimensions: ['PRICING_CATEGORY', 'COUNTRY'], pricingCategories: ['MARKETING'], countryCodes: ['br'] })).toBe(
			'pricing_analytics.start(1).end(2).granularity(MONTHLY).country_codes(["BR"]).metric_types(["COST","VOLUME"]).pricing_categories(["MARKETING"]).dimensions(["PRICING_CATEGORY","COUNTRY"])',
		);
		expect(pricingAnalyticsField({ start: 1, end: 2, granularity: 'day', dimensions: [] })).toBe('pricing_analytics.start(1).end(2).granularity(DAILY).metric_types(["COST","VOLUME"])');
	});

	it('one row per period and breakdown; a breakdown asked for but absent from a point is null; sorted', () => {
		const body = {
			pricing_analytics: {
				data: [
					{
						data_points: [
							{ start: 1748822400, end: 1748908800, country: 'US', pricing_category: 'SERVICE', volume: 3, cost: 0 },
							{ start: 1748736000, end: 1748822400, country: 'US', pricing_category: 'MARKETING', tier: '0:MAX', volume: 2, cost: 0.05 },
							{ start: 1748736000, end: 1748822400, country: 'BR', pricing_category: 'MARKETING', volume: 1, cost: 0.0625 },
						],
					},
				],
			},
			id: '102290129340398',
		};
		expect(pricingAnalyticsRows(body, ['COUNTRY', 'PRICING_CATEGORY', 'TIER'])).toEqual([
			{ date: '2025-06-01', start: '2025-06-01T00:00:00.000Z', end: '2025-06-02T00:00:00.000Z', country: 'BR', pricingCategory: 'MARKETING', tier: null, volume: 1, cost: 0.0625 },
			{ date: '2025-06-01', start: '2025-06-01T00:00:00.000Z', end: '2025-06-02T00:00:00.000Z', country: 'US', pricingCategory: 'MARKETING', tier: '0:MAX', volume: 2, cost: 0.05 },
			{ date: '2025-06-02', start: '2025-06-02T00:00:00.000Z', end: '2025-06-03T00:00:00.000Z', country: 'US', pricingCategory: 'SERVICE', tier: null, volume: 3, cost: 0 },
		]);
	});
});
