import {
	deliveryOutcomes,
	deliveryTotals,
	readDeliveryItem,
	type IndexedRecord,
} from '../../../nodes/shared/whatsapp/analytics';
import { normaliseWebhook } from '../../../nodes/shared/whatsapp/webhook';
import { expectValidationError } from '../../harness/expectValidationError';
import { messagesWebhook } from '../webhook/fixtures';

const T0 = 1749416383; // 2025-06-08T20:59:43Z
const MARKETING = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };
const FREE_UTILITY = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' };

/** Meta's Status messages webhook reference page: one status object. */
function status(id: string, state: string, at: number, extra: Record<string, unknown> = {}) {
	return { id, status: state, timestamp: String(at), recipient_id: '16505551234', ...extra };
}

/** The trigger's items for these statuses: the core normaliser the WhatsApp Business Trigger runs. */
function triggerItems(...statuses: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
	return normaliseWebhook(messagesWebhook({ statuses })).map((event) => JSON.parse(JSON.stringify(event)) as Record<string, unknown>);
}

/** What Send Template outputs (the fields the report reads). */
function sendResult(messageId: string, templateName: string, extra: Record<string, unknown> = {}) {
	return { messageId, waId: '16505551234', to: '+16505551234', type: 'template', phoneNumberId: '106540352242922', templateName, languageCode: 'en_US', templateId: '1627019861106401', category: 'MARKETING', ...extra };
}

function records(items: Array<Record<string, unknown>>): IndexedRecord[] {
	return items.flatMap((json, index) => {
		const record = readDeliveryItem(json);
		return record ? [{ record, index }] : [];
	});
}

const report = (items: Array<Record<string, unknown>>, zone?: string) => deliveryOutcomes(records(items), zone).map((entry) => entry.outcome);

describe('delivery report: reading the items', () => {
	it('reads the trigger status item: message ID, time, recipient, tracking data, pricing', () => {
		const [item] = triggerItems(status('wamid.A', 'delivered', T0, { biz_opaque_callback_data: 'spring-sale', pricing: MARKETING }));
		expect(readDeliveryItem(item)).toEqual({
			kind: 'status', messageId: 'wamid.A', status: 'delivered', at: T0, waId: '16505551234', tracking: 'spring-sale', billable: true, pricingCategory: 'marketing', pricingType: 'regular',
		});
	});

	it('reads a failed status with its error (title, and the details of error_data)', () => {
		const [item] = triggerItems(status('wamid.F', 'failed', T0, { errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed.' } }] }));
		expect(readDeliveryItem(item)).toMatchObject({ status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message', errorDetails: expect.stringMatching(/24 hours/) });
	});

	it("reads Meta's raw status object and Data table rows in snake_case", () => {
		expect(readDeliveryItem(status('wamid.R', 'read', T0))).toMatchObject({ kind: 'status', messageId: 'wamid.R', status: 'read', at: T0, waId: '16505551234' });
		expect(readDeliveryItem({ message_id: 'wamid.D', wa_id: '447700900123', status: 'failed', error_code: 131026, updated_at: '2025-06-08T20:59:43.000Z' })).toMatchObject({
			kind: 'status', messageId: 'wamid.D', waId: '447700900123', errorCode: 131026, at: T0,
		});
	});

	it('reads a send result, and a row that only maps tracking data to a template', () => {
		expect(readDeliveryItem(sendResult('wamid.A', 'spring_sale', { bizOpaqueCallbackData: 'spring-sale' }))).toEqual({
			kind: 'send', messageId: 'wamid.A', waId: '16505551234', tracking: 'spring-sale', templateName: 'spring_sale', templateId: '1627019861106401', category: 'MARKETING',
		});
		expect(readDeliveryItem({ template_name: 'spring_sale', tracking_data: 'spring-sale' })).toEqual({ kind: 'send', templateName: 'spring_sale', tracking: 'spring-sale' });
	});

	it('other trigger events (inbound messages) and Validate Only results are not delivery data and are skipped', () => {
		expect(readDeliveryItem({ kind: 'message', eventId: 'wamid.IN', id: 'wamid.IN', type: 'text' })).toBeUndefined();
		expect(readDeliveryItem({ validateOnly: true, sent: false, templateName: 'spring_sale', request: {} })).toBeUndefined();
	});

	it('keeps the business-scoped user ID of a recipient whose number Meta withheld (Meta: Business-scoped user IDs)', () => {
		const [item] = triggerItems({ id: 'wamid.U', status: 'delivered', timestamp: String(T0), recipient_user_id: 'US.13491208655302741918' });
		expect(readDeliveryItem(item)).toMatchObject({ messageId: 'wamid.U', userId: 'US.13491208655302741918' });
		expect(report([item])[0]).toMatchObject({ waId: null, userId: 'US.13491208655302741918', status: 'delivered' });
	});

	it('an item with nothing to join on is an error that says what to connect', () => {
		expectValidationError(() => readDeliveryItem({ name: 'Sheena' }), 'messageId', /Send Template/);
	});
});

describe('delivery report: one outcome per message', () => {
	it('joins statuses to the send by message ID; the furthest status wins and each status keeps its earliest time', () => {
		const items = [
			sendResult('wamid.A', 'spring_sale'),
			...triggerItems(status('wamid.A', 'read', T0 + 20), status('wamid.A', 'sent', T0, { pricing: MARKETING, biz_opaque_callback_data: 'spring-sale' }), status('wamid.A', 'delivered', T0 + 5, { pricing: MARKETING })),
			...triggerItems(status('wamid.A', 'delivered', T0 + 9)), // Meta delivered the delivered status twice
		];
		expect(report(items)).toEqual([
			{
				messageId: 'wamid.A', waId: '16505551234', userId: null, templateName: 'spring_sale', templateId: '1627019861106401', campaign: 'spring-sale', status: 'read',
				sentAt: '2025-06-08T20:59:43.000Z', deliveredAt: '2025-06-08T20:59:48.000Z', readAt: '2025-06-08T21:00:03.000Z', playedAt: null, failedAt: null,
				day: '2025-06-08', billable: true, pricingCategory: 'marketing', pricingType: 'regular', errorCode: null, errorTitle: null, errorDetails: null, matchedSend: true,
			},
		]);
	});

	it('a failure before delivery is the outcome, with its error; a send without status is accepted', () => {
		const items = [sendResult('wamid.B', 'spring_sale'), sendResult('wamid.C', 'spring_sale'), ...triggerItems(status('wamid.B', 'failed', T0, { errors: [{ code: 131049, title: 'Not delivered' }] }))];
		expect(report(items).map((outcome) => [outcome.messageId, outcome.status, outcome.errorCode])).toEqual([
			['wamid.B', 'failed', 131049],
			['wamid.C', 'accepted', null],
		]);
	});

	it('statuses without their send are joined by tracking data when one template uses it', () => {
		const items = [{ templateName: 'spring_sale', bizOpaqueCallbackData: 'spring-sale' }, ...triggerItems(status('wamid.X', 'delivered', T0, { biz_opaque_callback_data: 'spring-sale' }), status('wamid.Y', 'sent', T0))];
		expect(report(items).map((outcome) => [outcome.messageId, outcome.templateName, outcome.campaign, outcome.matchedSend])).toEqual([
			['wamid.X', 'spring_sale', 'spring-sale', true],
			['wamid.Y', null, null, false],
		]);
	});

	it("a send found by tracking data gives the template, not its recipient's number", () => {
		const items = [sendResult('wamid.SENT', 'spring_sale', { bizOpaqueCallbackData: 'spring', waId: '447400123456' }), { message_id: 'wamid.OTHER', status: 'delivered', biz_opaque_callback_data: 'spring' }];
		expect(report(items).find((outcome) => outcome.messageId === 'wamid.OTHER')).toMatchObject({ templateName: 'spring_sale', waId: null, matchedSend: true });
	});

	it('the day is the calendar day of the first status in the report time zone', () => {
		const items = triggerItems(status('wamid.Z', 'sent', Date.UTC(2025, 5, 8, 23, 30) / 1000));
		expect(report(items)[0].day).toBe('2025-06-08');
		expect(report(items, 'Europe/Berlin')[0].day).toBe('2025-06-09');
		expect(() => report(items, 'Mars/Olympus')).toThrow(/IANA/);
	});
});

describe('delivery report: totals', () => {
	const items = [
		sendResult('wamid.1', 'spring_sale', { bizOpaqueCallbackData: 'spring' }),
		sendResult('wamid.2', 'spring_sale', { bizOpaqueCallbackData: 'spring' }),
		sendResult('wamid.3', 'order_confirmation', { category: 'UTILITY' }),
		sendResult('wamid.4', 'spring_sale', { bizOpaqueCallbackData: 'spring' }),
		...triggerItems(
			status('wamid.1', 'sent', T0, { pricing: MARKETING, biz_opaque_callback_data: 'spring' }),
			status('wamid.1', 'delivered', T0 + 1, { pricing: MARKETING, biz_opaque_callback_data: 'spring' }),
			status('wamid.1', 'read', T0 + 2, { biz_opaque_callback_data: 'spring' }),
			status('wamid.2', 'sent', T0, { pricing: MARKETING, biz_opaque_callback_data: 'spring' }),
			status('wamid.3', 'sent', T0, { pricing: FREE_UTILITY }),
			status('wamid.3', 'delivered', T0 + 1, { pricing: FREE_UTILITY }),
			status('wamid.4', 'failed', T0, { errors: [{ code: 131026 }], biz_opaque_callback_data: 'spring' }),
		),
	];
	const outcomes = deliveryOutcomes(records(items));

	it('per template: a funnel (read counts as delivered and sent), failures, billable messages and rates', () => {
		expect(deliveryTotals(outcomes, ['templateName']).map((entry) => entry.totals)).toEqual([
			{ templateName: 'order_confirmation', messages: 1, accepted: 0, sent: 1, delivered: 1, read: 0, played: 0, failed: 0, billable: 0, deliveryRate: 1, readRate: 0 },
			{ templateName: 'spring_sale', messages: 3, accepted: 0, sent: 2, delivered: 1, read: 1, played: 0, failed: 1, billable: 2, deliveryRate: 0.5, readRate: 1 },
		]);
	});

	it('per campaign and pricing category together; a message without either is grouped under null', () => {
		expect(deliveryTotals(outcomes, ['campaign', 'pricingCategory']).map(({ totals }) => [totals.campaign, totals.pricingCategory, totals.messages, totals.billable])).toEqual([
			[null, 'utility', 1, 0],
			['spring', null, 1, 0],
			['spring', 'marketing', 2, 2],
		]);
	});

	it('without grouping: one overall row, traced to every input item', () => {
		const [overall] = deliveryTotals(outcomes, []);
		expect(overall.totals).toMatchObject({ messages: 4, sent: 3, delivered: 2, failed: 1 });
		expect(overall.sources).toEqual(items.map((_, index) => index));
	});
});
