/**
 * Analytics › Template, Pricing and Messaging Analytics and Enable Template Insights, run in n8n-core's
 * ExecuteContext against the emulator, whose figures come from the sends and statuses it produced
 * (Meta: Analytics). The emulator's clock runs a day behind, so the messages sent here fall on
 * yesterday (UTC) and the "Yesterday" preset finds them.
 */
import { RATE_CARD, SEED } from '../../emulator';
import { executeNode } from '../harness/n8nContext';
import { sendTemplateParameters } from '../harness/templateTestKit';
import { useNodeTestBed, type NodeTestBed } from '../harness/whatsAppBusinessTestBed';

const DAY_MS = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const YESTERDAY = new Date(TODAY - DAY_MS).toISOString().slice(0, 10);
/** The emulator's clock: yesterday 12:00 UTC when the suite starts. */
const SHIFT_MS = Date.now() - (TODAY - DAY_MS / 2);

const US = '16505551234';
const GB = '447400123456';
const BR = '5511987654321';
const IN = '919876543210';
const ORDER_VALUES = { header: '860198', body_first_name: 'Ann', body_order_number: '860198', body_order_total: '$42.00', button_1_url: '860198' };
const CART_VALUES = { header: 'https://cdn.example.com/cactus.jpg', body_1: 'Ann', body_2: 'a Golden Barrel cactus', button_0_url: 'cart-1' };

const bed = useNodeTestBed({ emulator: { now: () => Date.now() - SHIFT_MS, webhook: { deliveredAfterMs: 20, readAfterMs: 40 } }, beforeEachTest: { reset: false } });

interface EmulatorMessage {
	id: string;
	waId: string;
	phoneNumberId: string;
	templateId?: string;
	status: string;
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${bed.emulator.url}/__emulator${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	return (await response.json()) as T;
}

async function sendTemplate(testBed: NodeTestBed, to: string, template: string, values: Record<string, string>, fromSecondNumber = false): Promise<string> {
	const extra = fromSecondNumber ? { phoneNumberId: { __rl: true, mode: 'id', value: SEED.secondPhoneNumberId } } : {};
	const parameters = await sendTemplateParameters(testBed, template, values, extra);
	const result = await testBed.run({ ...parameters, to: `+${to}` });
	return String(result.items[0].json.messageId);
}

/** Waits until every message has its last status (read, or failed). */
async function settledMessages(): Promise<EmulatorMessage[]> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const messages = (await admin<{ data: EmulatorMessage[] }>('GET', '/messages')).data;
		if (messages.every((message) => message.status === 'read' || message.status === 'failed')) return messages;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('The emulator did not finish the statuses.');
}

const YESTERDAY_CUSTOM = { dateRange: 'custom', startDate: `${YESTERDAY}T00:00:00Z`, endDate: new Date(TODAY).toISOString() };

describe('Analytics › Enable Template Insights and the 200007 advice', () => {
	beforeAll(() => bed.reset());

	test('Template Analytics before insights are enabled fails with advice naming Analytics › Enable Template Insights', async () => {
		await expect(bed.run({ resource: 'analytics', operation: 'templateAnalytics', dateRange: 'yesterday' })).rejects.toMatchObject({
			description: expect.stringMatching(/Analytics › Enable Template Insights/),
		});
	});

	test('a refusal with another code while insights are off is explained the same way', async () => {
		await admin('PATCH', '/config', { faults: [{ pathPattern: '/template_analytics', kind: 'http500', code: 1, count: 1 }] });
		await expect(bed.run({ resource: 'analytics', operation: 'templateAnalytics', dateRange: 'yesterday' })).rejects.toMatchObject({
			message: expect.stringMatching(/not enabled.*error 1\)/),
			description: expect.stringMatching(/Analytics › Enable Template Insights/),
		});
	});

	test('Enable Template Insights turns them on once; a second run changes nothing', async () => {
		const first = await bed.run({ resource: 'analytics', operation: 'enableTemplateInsights' });
		expect(first.items.map((item) => item.json)).toEqual([{ wabaId: SEED.wabaId, insightsEnabled: true, changed: true }]);
		const second = await bed.run({ resource: 'analytics', operation: 'enableTemplateInsights' });
		expect(second.items[0].json).toMatchObject({ insightsEnabled: true, changed: false });
		expect((await bed.accepted()).filter((request) => request.method === 'POST' && request.path.endsWith(`/${SEED.wabaId}`))).toHaveLength(1);
	});
});

describe('Analytics over a day of sends (yesterday, UTC)', () => {
	let messages: EmulatorMessage[] = [];
	const templateIdOf: Record<string, string> = {};

	beforeAll(async () => {
		await bed.reset({ recipientFailures: [{ waId: IN, code: 131026 }] });
		await admin('PATCH', '/waba', { insightsEnabled: true });
		await sendTemplate(bed, US, 'order_confirmation|en_US', ORDER_VALUES);
		await sendTemplate(bed, GB, 'order_confirmation|en_US', ORDER_VALUES);
		const cart = await sendTemplate(bed, BR, 'abandoned_cart|en_US', CART_VALUES);
		await sendTemplate(bed, IN, 'abandoned_cart|en_US', CART_VALUES);
		await sendTemplate(bed, US, 'order_confirmation|en_US', ORDER_VALUES, true);
		await admin('POST', '/clicks', { messageId: cart });
		messages = await settledMessages();
		for (const template of bed.emulator.state.templates.values()) templateIdOf[template.name] = template.id;
	});

	/** What the emulator itself recorded for a template: messages that reached each status. */
	const recorded = (name: string) => {
		const mine = messages.filter((message) => message.templateId === templateIdOf[name]);
		const reached = (statuses: string[]) => mine.filter((message) => statuses.includes(message.status)).length;
		return { sent: reached(['sent', 'delivered', 'read']), delivered: reached(['delivered', 'read']), read: reached(['read']) };
	};

	test('Template Analytics, Yesterday, all templates without empty days: one row per sent template with the emulator\'s counts, taps and cost', async () => {
		const result = await bed.run({ resource: 'analytics', operation: 'templateAnalytics', dateRange: 'yesterday', templateSelection: 'all', templateAnalyticsOptions: { skipEmptyRows: true } });
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				date: YESTERDAY, start: `${YESTERDAY}T00:00:00.000Z`, templateName: 'abandoned_cart', templateId: templateIdOf.abandoned_cart, category: 'MARKETING',
				...recorded('abandoned_cart'), urlButtonClicks: 1, uniqueUrlButtonClicks: 1, quickReplyClicks: 0, clicked: 1, amountSpent: RATE_CARD.BR.marketing,
			}),
			expect.objectContaining({
				date: YESTERDAY, templateName: 'order_confirmation', language: 'en_US', category: 'UTILITY', ...recorded('order_confirmation'), clicked: 0,
				amountSpent: 2 * RATE_CARD.US.utility + RATE_CARD.GB.utility, deliveryRate: 1, readRate: 1,
			}),
		]);
		expect(recorded('order_confirmation')).toEqual({ sent: 3, delivered: 3, read: 3 });
		expect(recorded('abandoned_cart')).toEqual({ sent: 1, delivered: 1, read: 1 });
	});

	test('Template Analytics asks 10 templates per request (Meta\'s limit), and lists every template for every day of a custom range', async () => {
		await admin('PATCH', '/config', { templateReview: { delayMs: 0 } });
		for (const index of [1, 2, 3, 4, 5]) {
			const created = await fetch(`${bed.emulator.url}/v24.0/${SEED.wabaId}/message_templates`, {
				method: 'POST',
				headers: { authorization: `Bearer ${SEED.accessToken}`, 'content-type': 'application/json' },
				body: JSON.stringify({ name: `weekly_digest_${index}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your weekly digest is ready.' }] }),
			});
			expect(created.status).toBe(200);
		}
		// Every template that was ever sendable: not pending, not rejected.
		const approved = [...bed.emulator.state.templates.values()].filter((template) => template.wabaId === SEED.wabaId && !['PENDING', 'REJECTED'].includes(template.status)).length;
		expect(approved).toBeGreaterThan(20);
		const before = (await bed.accepted('template_analytics')).length;
		const result = await bed.run({ resource: 'analytics', operation: 'templateAnalytics', ...YESTERDAY_CUSTOM, templateSelection: 'all' });
		const requests = (await bed.accepted('template_analytics')).slice(before);
		const batches = requests.map((request) => String(request.query?.template_ids ?? '').split(',').length);
		expect(batches).toEqual([...Array(Math.floor(approved / 10)).fill(10), ...(approved % 10 ? [approved % 10] : [])]);
		expect(result.items).toHaveLength(approved);
		expect(result.items.every((item) => item.json.date === YESTERDAY)).toBe(true);
	});

	test('Pricing Analytics: delivered volume and rate-card cost per country and pricing category, numbers as numbers', async () => {
		const result = await bed.run({ resource: 'analytics', operation: 'pricingAnalytics', ...YESTERDAY_CUSTOM, granularity: 'day', dimensions: ['COUNTRY', 'PRICING_CATEGORY'] });
		const row = (country: string, pricingCategory: string, volume: number, cost: number) => ({ date: YESTERDAY, start: `${YESTERDAY}T00:00:00.000Z`, end: new Date(TODAY).toISOString(), country, pricingCategory, volume, cost });
		expect(result.items.map((item) => item.json)).toEqual([
			row('BR', 'MARKETING', 1, RATE_CARD.BR.marketing),
			row('GB', 'UTILITY', 1, RATE_CARD.GB.utility),
			row('US', 'UTILITY', 2, 2 * RATE_CARD.US.utility),
		]);
	});

	test('Messaging Analytics: sent and delivered per phone number, one request per number', async () => {
		const result = await bed.run({ resource: 'analytics', operation: 'messagingAnalytics', ...YESTERDAY_CUSTOM, granularity: 'day', phoneNumbers: [] });
		const fromNumber = (id: string) => messages.filter((message) => message.phoneNumberId === id && message.status !== 'failed').length;
		expect(result.items.map((item) => item.json)).toEqual([
			{ phoneNumber: '15550783881', phoneNumberId: SEED.phoneNumberId, date: YESTERDAY, start: `${YESTERDAY}T00:00:00.000Z`, end: new Date(TODAY).toISOString(), granularity: 'DAY', sent: fromNumber(SEED.phoneNumberId), delivered: 3, deliveryRate: 1 },
			{ phoneNumber: '15550783882', phoneNumberId: SEED.secondPhoneNumberId, date: YESTERDAY, start: `${YESTERDAY}T00:00:00.000Z`, end: new Date(TODAY).toISOString(), granularity: 'DAY', sent: fromNumber(SEED.secondPhoneNumberId), delivered: 1, deliveryRate: 1 },
		]);
		expect(fromNumber(SEED.phoneNumberId)).toBe(3);
	});

	test('a custom range read in the workflow time zone: Berlin midnight to midnight touches two UTC days', async () => {
		const start = `${YESTERDAY}T00:00:00`;
		const end = new Date(TODAY).toISOString().slice(0, 19);
		const result = await executeNode(
			bed.subject,
			{ resource: 'analytics', operation: 'templateAnalytics', dateRange: 'custom', startDate: start, endDate: end, templateSelection: 'list', templateIds: [templateIdOf.order_confirmation] },
			[{ json: {} }],
			{ workflowTimeZone: 'Europe/Berlin' },
		);
		const dayBefore = new Date(TODAY - 2 * DAY_MS).toISOString().slice(0, 10);
		expect(result.items.map((item) => [item.json.date, item.json.sent])).toEqual([
			[dayBefore, 0],
			[YESTERDAY, 3],
		]);
	});
});

describe('Analytics: bad input fails before any request, with the fix', () => {
	beforeAll(() => bed.reset());

	test.each([
		['a start more than 90 days back', { dateRange: 'custom', startDate: '2020-01-01T00:00:00Z', endDate: '2020-01-02T00:00:00Z', templateSelection: 'all' }, /Start on .* or later/],
		['End before Start', { dateRange: 'custom', startDate: `${YESTERDAY}T00:00:00Z`, endDate: `${YESTERDAY}T00:00:00Z`, templateSelection: 'all' }, /later date-time than Start/],
		['a template ID of no template', { dateRange: 'yesterday', templateSelection: 'ids', templateIdList: '123, 456' }, /Template › Get Many/],
	])('Template Analytics with %s', async (_name, parameters, fix) => {
		await expect(bed.run({ resource: 'analytics', operation: 'templateAnalytics', ...parameters })).rejects.toMatchObject({ description: expect.stringMatching(fix) });
		expect(await bed.accepted('template_analytics')).toEqual([]);
	});

	test('Pricing Analytics with a phone number of another account names the account\'s numbers', async () => {
		await expect(bed.run({ resource: 'analytics', operation: 'pricingAnalytics', dateRange: 'yesterday', pricingFilters: { phoneNumbers: ['15551234567'] } })).rejects.toMatchObject({
			description: expect.stringMatching(/15550783881, 15550783882/),
		});
	});

	test('Messaging Analytics with a country that is not a two-letter code', async () => {
		await expect(bed.run({ resource: 'analytics', operation: 'messagingAnalytics', dateRange: 'yesterday', messagingFilters: { countryCodes: 'USA' } })).rejects.toMatchObject({
			description: expect.stringMatching(/ISO 3166/),
		});
	});

	test('with a 360dialog credential the operations say they need the Cloud API', async () => {
		await expect(bed.run({ authentication: 'dialog360', resource: 'analytics', operation: 'pricingAnalytics', dateRange: 'yesterday' })).rejects.toMatchObject({
			description: expect.stringMatching(/Cloud API credential/),
		});
	});

	test('Continue On Fail: a bad item fails alone and the next item is reported', async () => {
		const result = await bed.run(
			{ resource: 'analytics', operation: 'messagingAnalytics', dateRange: 'custom', startDate: '={{ $json.start }}', endDate: new Date(TODAY).toISOString(), phoneNumbers: [] },
			[{ json: { start: 'soon' } }, { json: { start: `${YESTERDAY}T00:00:00Z` } }],
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => [item.pairedItem, item.json.error ? 'error' : item.json.phoneNumber])).toEqual([
			[{ item: 0 }, 'error'],
			[{ item: 1 }, '15550783881'],
			[{ item: 1 }, '15550783882'],
		]);
		expect(result.items[0].json.error).toMatchObject({ message: expect.stringMatching(/Start is "soon"/) });
	});
});

test('the template and phone-number pickers list what the analytics operations accept', async () => {
	const { loadOptions } = await import('../../nodes/WhatsAppBusiness/methods');
	const context = (await bed.optionsContext({ resource: 'analytics', operation: 'templateAnalytics' })) as never;
	const templates = await loadOptions.getAnalyticsTemplates.call(context);
	expect(templates).toContainEqual({ name: 'order_confirmation (en_US) · UTILITY', value: expect.stringMatching(/^\d+$/) });
	expect(await loadOptions.getAnalyticsPhoneNumbers.call(context)).toEqual([
		{ name: '+15550783881 (Lucky Shrub)', value: '15550783881' },
		{ name: '+15550783882 (Lucky Shrub Support)', value: '15550783882' },
	]);
});
