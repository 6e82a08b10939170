import {
	resolveDateRange,
	templateAnalyticsDays,
	templateAnalyticsPoints,
	templateAnalyticsQuery,
	templateAnalyticsRows,
	templateIdBatches,
	type TemplateInfo,
} from '../../../nodes/shared/whatsapp/analytics';

const NOW = Date.UTC(2023, 6, 20, 9);
const JULY_15 = 1689379200; // 2023-07-15T00:00:00Z, the day of Meta's example on its Analytics page
const DAY = 86_400;
const days = templateAnalyticsDays(resolveDateRange({ preset: 'custom', start: '2023-07-15', end: '2023-07-16', zone: 'UTC', now: NOW }), NOW);
const TEMPLATES = new Map<string, TemplateInfo>([['1924084211297547', { id: '1924084211297547', name: 'seasonal_promotion', language: 'en_US', category: 'MARKETING' }]]);

/** Meta's Analytics page: template analytics answer (clicks and cost as its example shows them). */
const ANSWER = {
	data: [
		{
			granularity: 'DAILY',
			product_type: 'cloud_api',
			data_points: [
				{
					template_id: '1924084211297547',
					start: JULY_15,
					end: JULY_15 + DAY,
					sent: 4,
					delivered: 3,
					read: 2,
					clicked: [
						{ type: 'quick_reply_button', button_content: 'Tell me more', count: 3 },
						{ type: 'url_button', button_content: 'Shop now', count: 2 },
						{ type: 'unique_url_button', button_content: 'Shop now', count: 1 },
					],
					cost: [
						{ type: 'amount_spent', value: 0.075 },
						{ type: 'cost_per_delivered', value: 0.025 },
						{ type: 'cost_per_url_button_click', value: 0.0375 },
					],
				},
				{ template_id: '1924084211297547', start: JULY_15 + DAY, end: JULY_15 + 2 * DAY, sent: 0, delivered: 0, read: 0, cost: [{ type: 'amount_spent', value: 0 }] },
				{ template_id: '1924084211297547', start: JULY_15 + 2 * DAY, end: JULY_15 + 3 * DAY, sent: 9, delivered: 9, read: 9 },
			],
		},
	],
	paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } },
};

describe('template analytics requests (Meta: Analytics)', () => {
	it('batches template IDs by 10 (Meta\'s limit per request), without duplicates', () => {
		const ids = Array.from({ length: 23 }, (_, index) => String(1000 + index));
		expect(templateIdBatches([...ids, '1000', ' ']).map((batch) => batch.length)).toEqual([10, 10, 3]);
	});

	it('asks DAILY, from 00:00 UTC of the first day to the last second of the last day, all metrics', () => {
		expect(templateAnalyticsQuery(days, ['1924084211297547', '1924084211297548'])).toEqual({
			start: String(JULY_15),
			end: String(JULY_15 + 2 * DAY - 1),
			granularity: 'DAILY',
			template_ids: '[1924084211297547,1924084211297548]',
		});
		expect(templateAnalyticsQuery(days, ['1'], 'MARKETING_MESSAGES_API_FOR_WHATSAPP')).toMatchObject({ product_type: 'MARKETING_MESSAGES_API_FOR_WHATSAPP' });
	});
});

describe('template analytics rows', () => {
	const rows = (includeEmpty: boolean) => templateAnalyticsRows(templateAnalyticsPoints(ANSWER), TEMPLATES, days, { includeEmpty });

	it('one row per template per UTC day: numbers as numbers, ISO dates, clicks by kind, costs by type, rates', () => {
		expect(rows(true)[0]).toEqual({
			date: '2023-07-15',
			start: '2023-07-15T00:00:00.000Z',
			end: '2023-07-16T00:00:00.000Z',
			templateId: '1924084211297547',
			templateName: 'seasonal_promotion',
			language: 'en_US',
			category: 'MARKETING',
			sent: 4,
			delivered: 3,
			read: 2,
			clicked: 5,
			urlButtonClicks: 2,
			uniqueUrlButtonClicks: 1,
			quickReplyClicks: 3,
			amountSpent: 0.075,
			costPerDelivered: 0.025,
			costPerUrlButtonClick: 0.0375,
			deliveryRate: 0.75,
			readRate: 0.6667,
			buttons: [
				{ type: 'quick_reply_button', buttonContent: 'Tell me more', count: 3 },
				{ type: 'url_button', buttonContent: 'Shop now', count: 2 },
				{ type: 'unique_url_button', buttonContent: 'Shop now', count: 1 },
			],
		});
	});

	it('a day with nothing sent has zero counts, null rates and null for the costs Meta did not give', () => {
		expect(rows(true)[1]).toMatchObject({ date: '2023-07-16', sent: 0, clicked: 0, amountSpent: 0, costPerDelivered: null, deliveryRate: null, readRate: null });
	});

	it('days outside the range asked for are dropped (Meta rounds the range to whole days)', () => {
		expect(rows(true).map((row) => row.date)).toEqual(['2023-07-15', '2023-07-16']);
	});

	it('empty days can be left out', () => {
		expect(rows(false).map((row) => row.date)).toEqual(['2023-07-15']);
	});

	it('a template missing from the template list keeps its ID, with null name, language and category', () => {
		const [row] = templateAnalyticsRows(templateAnalyticsPoints(ANSWER), new Map(), days, { includeEmpty: false });
		expect(row).toMatchObject({ templateId: '1924084211297547', templateName: null, language: null, category: null });
	});

	it('the same template and day on two pages counts once', () => {
		const points = templateAnalyticsPoints(ANSWER);
		expect(templateAnalyticsRows([...points, points[0]], TEMPLATES, days, { includeEmpty: true })).toHaveLength(2);
	});
});
