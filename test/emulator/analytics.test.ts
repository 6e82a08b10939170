import { RATE_CARD } from '../../emulator';
import { call, expectMetaError, graph, SEED, send, useTestEmulator, WABA } from '../harness/emulatorClient';
import { abandonedCart, orderConfirmation, TEMPLATE_IDS } from './template-fixtures';

const DAY = 86_400;
const START = Date.UTC(2026, 2, 10, 9); // 10 March 2026, 09:00 UTC
const DAY1 = Date.UTC(2026, 2, 10) / 1000;
const DAY2 = DAY1 + DAY;
const US = '16505551234';
const BR = '5511987654321';
const IN = '919876543210';
const DISPLAY_NUMBERS = ['15550783881', '15550783882'];

describe('WABA analytics computed from the emulator\'s own sends and statuses', () => {
	let now = START;
	const ids: Record<string, string> = {};
	// Reset by the scenario itself (and before each insights test), not before every test.
	const emulator = useTestEmulator({ now: () => now, webhook: { finalStatus: 'read', deliveredAfterMs: 0, readAfterMs: 0 } }, { reset: false });

	const sendTo = async (name: string, to: string, message: Record<string, unknown>) => {
		const response = await send(emulator, { ...message, to: `+${to}` });
		expect(response.status).toBe(200);
		ids[name] = response.json.messages[0].id;
	};

	/**
	 * Day 1: two abandoned_cart (MARKETING, US and BR, read), two order_confirmation (UTILITY outside
	 * the window; the US one stops at delivered), a free service reply to IN; a quick-reply tap on the
	 * US order, three URL taps on the carts by two users. Day 2 (25 h later): one order_confirmation to US.
	 */
	async function playScenario(): Promise<void> {
		await call(emulator, 'POST', '/__emulator/reset');
		now = START;
		await sendTo('cartUs', US, abandonedCart);
		await sendTo('cartBr', BR, abandonedCart);
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { finalStatus: 'delivered' } });
		await sendTo('orderUs', US, orderConfirmation);
		await call(emulator, 'PATCH', '/__emulator/config', { webhook: { finalStatus: 'read' } });
		await sendTo('orderBr', BR, orderConfirmation);
		await call(emulator, 'POST', '/__emulator/inbound', { from: IN, text: 'Do you ship to Pune?' });
		await sendTo('replyIn', IN, { type: 'text', text: { body: 'Yes, we do.' } });
		await call(emulator, 'POST', '/__emulator/inbound', { from: US, type: 'button', text: 'Cancel order', replyTo: ids.orderUs });
		for (const messageId of [ids.cartUs, ids.cartUs, ids.cartBr]) expect((await call(emulator, 'POST', '/__emulator/clicks', { messageId })).status).toBe(200);
		now += 25 * 3600 * 1000;
		await sendTo('orderUsDay2', US, orderConfirmation);
	}

	const templateAnalytics = (query: string) => graph(emulator, 'GET', `/${WABA}/template_analytics?${query}`);
	const enableInsights = () => graph(emulator, 'POST', `/${WABA}?is_enabled_for_insights=true`);

	describe('template insights confirmation', () => {
		beforeEach(() => call(emulator, 'POST', '/__emulator/reset'));

		it('template analytics before insights are confirmed → 200007, and the WABA says is_enabled_for_insights false', async () => {
			expectMetaError(await templateAnalytics(`start=${DAY1}&end=${DAY2}&granularity=DAILY&template_ids=[${TEMPLATE_IDS.orderConfirmation}]`), 200007);
			expect((await graph(emulator, 'GET', `/${WABA}?fields=is_enabled_for_insights`)).json).toEqual({ is_enabled_for_insights: false, id: WABA });
		});

		it('POST /{waba-id}?is_enabled_for_insights=true answers the WABA ID (a number, as Meta shows) and turns insights on for good (200006 on false)', async () => {
			const enabled = await enableInsights();
			expect(enabled).toMatchObject({ status: 200, json: { id: Number(WABA) } });
			expect((await graph(emulator, 'GET', `/${WABA}?fields=is_enabled_for_insights`)).json.is_enabled_for_insights).toBe(true);
			expectMetaError(await graph(emulator, 'POST', `/${WABA}?is_enabled_for_insights=false`), 200006);
		});

		it('an account where insights are unavailable → 200005', async () => {
			await call(emulator, 'PATCH', '/__emulator/waba', { insightsAvailable: false });
			expectMetaError(await enableInsights(), 200005);
		});
	});

	describe('after the scenario', () => {
		beforeAll(async () => {
			await playScenario();
			expect((await enableInsights()).status).toBe(200);
		});

		it('template analytics: sent, delivered, read, clicks and cost per template per UTC day', async () => {
			const response = await templateAnalytics(`start=2026-03-10&end=${DAY2 + 3600}&granularity=daily&metric_types=sent,delivered,read,clicked,cost&template_ids=[${TEMPLATE_IDS.orderConfirmation},${TEMPLATE_IDS.abandonedCart}]&limit=10`);
			expect(response.status).toBe(200);
			expect(response.json.data).toHaveLength(1);
			expect(response.json.data[0]).toMatchObject({ granularity: 'DAILY', product_type: 'cloud_api' });
			expect(response.json.data[0].data_points).toEqual([
				{
					template_id: TEMPLATE_IDS.orderConfirmation, start: DAY1, end: DAY2, sent: 2, delivered: 2, read: 1,
					clicked: [
						{ type: 'quick_reply_button', button_content: 'Cancel order', count: 1 },
						{ type: 'url_button', button_content: 'Track order', count: 0 },
						{ type: 'unique_url_button', button_content: 'Track order', count: 0 },
					],
					cost: [{ type: 'amount_spent', value: 0.0108 }, { type: 'cost_per_delivered', value: 0.0054 }],
				},
				{
					template_id: TEMPLATE_IDS.orderConfirmation, start: DAY2, end: DAY2 + DAY, sent: 1, delivered: 1, read: 1,
					clicked: [
						{ type: 'quick_reply_button', button_content: 'Cancel order', count: 0 },
						{ type: 'url_button', button_content: 'Track order', count: 0 },
						{ type: 'unique_url_button', button_content: 'Track order', count: 0 },
					],
					cost: [{ type: 'amount_spent', value: 0.004 }, { type: 'cost_per_delivered', value: 0.004 }],
				},
				{
					template_id: TEMPLATE_IDS.abandonedCart, start: DAY1, end: DAY2, sent: 2, delivered: 2, read: 2,
					clicked: [
						{ type: 'url_button', button_content: 'Complete order', count: 3 },
						{ type: 'unique_url_button', button_content: 'Complete order', count: 2 },
						{ type: 'quick_reply_button', button_content: 'Stop promotions', count: 0 },
					],
					cost: [{ type: 'amount_spent', value: 0.0875 }, { type: 'cost_per_delivered', value: 0.04375 }, { type: 'cost_per_url_button_click', value: 0.029167 }],
				},
				expect.objectContaining({ template_id: TEMPLATE_IDS.abandonedCart, start: DAY2, sent: 0, delivered: 0, read: 0, cost: [{ type: 'amount_spent', value: 0 }] }),
			]);
		});

		it('template analytics agree with the status events: sent and read counts equal the statuses recorded', async () => {
			const response = await templateAnalytics(`start=${DAY1}&end=${DAY2}&granularity=DAILY&metric_types=[SENT,READ]&template_ids=[${TEMPLATE_IDS.orderConfirmation}]`);
			const statusesOf = (status: string) =>
				emulator.state.outcomes.filter((event) => event.status === status && emulator.state.messages.get(event.messageId)?.templateId === TEMPLATE_IDS.orderConfirmation).length;
			const points = response.json.data[0].data_points as Array<{ sent: number; read: number; delivered?: number }>;
			expect(points.reduce((sum, point) => sum + point.sent, 0)).toBe(statusesOf('sent'));
			expect(points.reduce((sum, point) => sum + point.read, 0)).toBe(statusesOf('read'));
			expect(points[0]).not.toHaveProperty('delivered');
		});

		it('template analytics pages over data points with limit and paging.next', async () => {
			const first = await templateAnalytics(`start=${DAY1}&end=${DAY2}&granularity=DAILY&metric_types=SENT&template_ids=[${TEMPLATE_IDS.orderConfirmation},${TEMPLATE_IDS.abandonedCart}]&limit=3`);
			expect(first.json.data[0].data_points).toHaveLength(3);
			const next = await fetch(first.json.paging.next, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
			const rest = (await next.json()) as any;
			expect(rest.data[0].data_points).toEqual([{ template_id: TEMPLATE_IDS.abandonedCart, start: DAY2, end: DAY2 + DAY, sent: 0 }]);
			expect(rest.paging.next).toBeUndefined();
		});

		it('product_type MARKETING_MESSAGES_API_FOR_WHATSAPP counts only Marketing Messages API sends (none here)', async () => {
			const response = await templateAnalytics(`start=${DAY1}&end=${DAY1}&granularity=DAILY&metric_types=SENT&template_ids=[${TEMPLATE_IDS.abandonedCart}]&product_type=MARKETING_MESSAGES_API_FOR_WHATSAPP`);
			expect(response.json.data[0]).toEqual({ granularity: 'DAILY', product_type: 'marketing_messages_api_for_whatsapp', data_points: [{ template_id: TEMPLATE_IDS.abandonedCart, start: DAY1, end: DAY2, sent: 0 }] });
		});

		it.each([
			['granularity other than DAILY', `start=${DAY1}&end=${DAY2}&granularity=MONTHLY&template_ids=[${TEMPLATE_IDS.abandonedCart}]`],
			['no template_ids', `start=${DAY1}&end=${DAY2}&granularity=DAILY`],
			['more than 10 template_ids', `start=${DAY1}&end=${DAY2}&granularity=DAILY&template_ids=[${Array.from({ length: 11 }, () => TEMPLATE_IDS.abandonedCart).join(',')}]`],
			['a template of no WABA', `start=${DAY1}&end=${DAY2}&granularity=DAILY&template_ids=[123]`],
			['a start more than 90 days back', `start=${DAY1 - 100 * DAY}&end=${DAY2}&granularity=DAILY&template_ids=[${TEMPLATE_IDS.abandonedCart}]`],
			['an end before start', `start=${DAY2}&end=${DAY1}&granularity=DAILY&template_ids=[${TEMPLATE_IDS.abandonedCart}]`],
			['an unknown metric', `start=${DAY1}&end=${DAY2}&granularity=DAILY&metric_types=opens&template_ids=[${TEMPLATE_IDS.abandonedCart}]`],
		])('template analytics with %s → 100', async (_name, query) => {
			expectMetaError(await templateAnalytics(query), 100);
		});

		it('pricing analytics: delivered volume and rate-card cost by category, type and country, per day', async () => {
			const response = await graph(emulator, 'GET', `/${WABA}?fields=pricing_analytics.start(${DAY1}).end(${DAY1 + 2 * DAY}).granularity(DAILY).dimensions(PRICING_CATEGORY,PRICING_TYPE,COUNTRY)`);
			expect(response.status).toBe(200);
			const point = (start: number, country: string, type: string, category: string, cost: number) => ({ start, end: start + DAY, country, pricing_type: type, pricing_category: category, volume: 1, cost });
			expect(response.json).toEqual({
				pricing_analytics: {
					data: [
						{
							data_points: [
								point(DAY1, 'US', 'REGULAR', 'MARKETING', RATE_CARD.US.marketing),
								point(DAY1, 'BR', 'REGULAR', 'MARKETING', RATE_CARD.BR.marketing),
								point(DAY1, 'US', 'REGULAR', 'UTILITY', RATE_CARD.US.utility),
								point(DAY1, 'BR', 'REGULAR', 'UTILITY', RATE_CARD.BR.utility),
								point(DAY1, 'IN', 'FREE_CUSTOMER_SERVICE', 'SERVICE', 0),
								point(DAY2, 'US', 'REGULAR', 'UTILITY', RATE_CARD.US.utility),
							],
						},
					],
				},
				id: WABA,
			});
		});

		it('pricing analytics agree with the pricing the status webhooks carried', async () => {
			const response = await graph(emulator, 'GET', `/${WABA}?fields=pricing_analytics.start(${DAY1}).end(${DAY1 + 2 * DAY}).granularity(MONTHLY).dimensions([PRICING_CATEGORY]).metric_types([VOLUME])`);
			const fromStatuses = new Map<string, number>();
			const counted = new Set<string>();
			for (const event of emulator.state.outcomes) {
				if ((event.status === 'delivered' || event.status === 'read') && !counted.has(event.messageId)) {
					counted.add(event.messageId);
					const category = emulator.state.outcomes.find((other) => other.messageId === event.messageId && other.pricing)!.pricing!.category.toUpperCase();
					fromStatuses.set(category, (fromStatuses.get(category) ?? 0) + 1);
				}
			}
			const points = response.json.pricing_analytics.data[0].data_points as Array<{ pricing_category: string; volume: number; cost?: number }>;
			expect(Object.fromEntries(points.map((point) => [point.pricing_category, point.volume]))).toEqual(Object.fromEntries(fromStatuses));
			expect(points.every((point) => point.cost === undefined)).toBe(true);
		});

		it('pricing analytics filters by pricing category and phone number, with TIER for billable points only', async () => {
			const response = await graph(emulator, 'GET', `/${WABA}?fields=pricing_analytics.start(${DAY1}).end(${DAY2}).granularity(DAILY).phone_numbers(["15550783881"]).pricing_categories(["MARKETING","SERVICE"]).dimensions(["PRICING_CATEGORY","TIER","PHONE"])`);
			expect(response.json.pricing_analytics.data[0].data_points).toEqual([
				{ start: DAY1, end: DAY2, phone_number: '15550783881', tier: '0:MAX', pricing_category: 'MARKETING', volume: 2, cost: 0.0875 },
				{ start: DAY1, end: DAY2, phone_number: '15550783881', pricing_category: 'SERVICE', volume: 1, cost: 0 },
			]);
		});

		it('messaging analytics: sent and delivered for every day, with the numbers and countries used', async () => {
			const response = await graph(emulator, 'GET', `/${WABA}?fields=analytics.start(${DAY1}).end(${DAY1 + 3 * DAY}).granularity(DAY)`);
			expect(response.json).toEqual({
				analytics: {
					phone_numbers: DISPLAY_NUMBERS,
					country_codes: ['US', 'BR', 'IN'],
					granularity: 'DAY',
					data_points: [
						{ start: DAY1, end: DAY2, sent: 5, delivered: 5 },
						{ start: DAY2, end: DAY2 + DAY, sent: 1, delivered: 1 },
						{ start: DAY2 + DAY, end: DAY2 + 2 * DAY, sent: 0, delivered: 0 },
					],
				},
				id: WABA,
			});
		});

		it('messaging analytics for the picked number, templates only (product type 0), by month and in half hours', async () => {
			const monthly = await graph(emulator, 'GET', `/${WABA}?fields=analytics.start(${Date.UTC(2026, 2, 1) / 1000}).end(${Date.UTC(2026, 3, 1) / 1000}).granularity(MONTH).phone_numbers([15550783881]).product_types([0])`);
			expect(monthly.json.analytics).toMatchObject({ phone_numbers: ['15550783881'], granularity: 'MONTH', data_points: [{ start: Date.UTC(2026, 2, 1) / 1000, end: Date.UTC(2026, 3, 1) / 1000, sent: 5, delivered: 5 }] });
			const halfHours = await graph(emulator, 'GET', `/${WABA}?fields=analytics.start(${DAY1 + 9 * 3600}).end(${DAY1 + 10 * 3600}).granularity(HALF_HOUR)`);
			expect(halfHours.json.analytics.data_points).toEqual([
				{ start: DAY1 + 9 * 3600, end: DAY1 + 9 * 3600 + 1800, sent: 5, delivered: 5 },
				{ start: DAY1 + 9 * 3600 + 1800, end: DAY1 + 10 * 3600, sent: 0, delivered: 0 },
			]);
		});

		it('conversation analytics: one conversation per message by category and direction, with cost', async () => {
			const response = await graph(emulator, 'GET', `/${WABA}?fields=conversation_analytics.start(${DAY1}).end(${DAY2}).granularity(DAILY).dimensions(["CONVERSATION_CATEGORY","CONVERSATION_DIRECTION"])`);
			expect(response.json.conversation_analytics.data[0].data_points).toEqual([
				{ start: DAY1, end: DAY2, conversation_direction: 'BUSINESS_INITIATED', conversation_category: 'MARKETING', conversation: 2, cost: 0.0875 },
				{ start: DAY1, end: DAY2, conversation_direction: 'BUSINESS_INITIATED', conversation_category: 'UTILITY', conversation: 2, cost: 0.0108 },
				{ start: DAY1, end: DAY2, conversation_direction: 'USER_INITIATED', conversation_category: 'SERVICE', conversation: 1, cost: 0 },
			]);
		});

		it('several fields in one request, with plain fields and the documentation\'s line breaks', async () => {
			const fields = encodeURIComponent(`id,name,\n  analytics\n  .start(${DAY1})\n  .end(${DAY2})\n  .granularity(DAY),marketing_messages_onboarding_status`);
			const response = await graph(emulator, 'GET', `/${WABA}?fields=${fields}`);
			expect(response.json).toMatchObject({ id: WABA, name: 'Lucky Shrub', marketing_messages_onboarding_status: 'ONBOARDED', analytics: { data_points: [{ sent: 5 }] } });
		});

		it.each([
			['no start', `analytics.end(${DAY2}).granularity(DAY)`],
			['a granularity the field does not document', `analytics.start(${DAY1}).end(${DAY2}).granularity(DAILY)`],
			['an end before start', `pricing_analytics.start(${DAY2}).end(${DAY1}).granularity(DAILY)`],
			['an unknown dimension', `pricing_analytics.start(${DAY1}).end(${DAY2}).granularity(DAILY).dimensions(COLOUR)`],
			['a start more than a year back', `analytics.start(${DAY1 - 400 * DAY}).end(${DAY2}).granularity(DAY)`],
			['an unknown field', 'template_group_analytics.start(1)'],
		])('WABA analytics with %s → 100', async (_name, fields) => {
			expectMetaError(await graph(emulator, 'GET', `/${WABA}?fields=${encodeURIComponent(fields)}`), 100);
		});
	});
});
