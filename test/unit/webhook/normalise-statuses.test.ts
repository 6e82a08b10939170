import { normaliseWebhook, type StatusEvent } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from './fixtures';

const RECEIVED_MS = 1_750_030_080_000;

function statusEvents(statuses: unknown[]): StatusEvent[] {
	return normaliseWebhook(fx.messagesWebhook({ statuses }), { now: () => RECEIVED_MS }).map((event) => {
		if (event.kind !== 'status') throw new Error(`expected a status event, got ${event.kind}`);
		return event;
	});
}

describe('normaliseWebhook: outbound statuses (Meta: Status messages webhook reference)', () => {
	it('reads a sent status with conversation, pricing and callback data', () => {
		const [event] = statusEvents([fx.SENT_STATUS]);
		expect(event).toEqual({
			kind: 'status',
			field: 'messages',
			wabaId: fx.WABA_ID,
			phoneNumberId: fx.PHONE_NUMBER_ID,
			displayPhoneNumber: fx.DISPLAY_PHONE_NUMBER,
			eventId: `${fx.SENT_STATUS.id}:sent`,
			timestamp: '2025-06-15T23:27:53.000Z',
			timestampEpoch: 1750030073,
			receivedAt: '2025-06-15T23:28:00.000Z',
			receivedAtEpoch: 1750030080,
			status: 'sent',
			messageId: fx.SENT_STATUS.id,
			recipient: { waId: fx.USER_WA_ID, e164: '+16505551234' },
			bizOpaqueCallbackData: 'my-tracking-string',
			conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiresAt: '2025-06-16T23:28:00.000Z', expiresAtEpoch: 1750116480, originType: 'marketing' },
			pricing: { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' },
			raw: fx.SENT_STATUS,
		});
	});

	it('gives delivered and read of the same message distinct dedupe keys (docs/webhook-delivery.md: id + status)', () => {
		const delivered = { id: fx.SENT_STATUS.id, status: 'delivered', timestamp: '1750030080', recipient_id: fx.USER_WA_ID };
		const read = {
			...delivered,
			status: 'read',
			timestamp: '1750030090',
			pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
		};
		const events = statusEvents([delivered, read]);
		expect(events.map((event) => event.eventId)).toEqual([`${fx.SENT_STATUS.id}:delivered`, `${fx.SENT_STATUS.id}:read`]);
		expect(events[0].conversation).toBeUndefined();
		expect(events[0].pricing).toBeUndefined();
		expect(events[1].pricing).toEqual({ billable: false, pricingModel: 'PMP', type: 'free_customer_service', category: 'service' });
	});

	it('reads a failed status with its errors', () => {
		const [event] = statusEvents([fx.FAILED_STATUS]);
		expect(event.status).toBe('failed');
		expect(event.errors).toEqual([
			{
				code: 131049,
				title: 'This message was not delivered to maintain healthy ecosystem engagement.',
				message: 'This message was not delivered to maintain healthy ecosystem engagement.',
				details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
				href: '/documentation/business-messaging/whatsapp/support/error-codes',
				advice: expect.stringMatching(/marketing message/),
				retryable: false,
				category: 'policy',
			},
		]);
	});

	it('passes a status value it does not know (e.g. played) through unchanged', () => {
		const [event] = statusEvents([{ id: 'wamid.V', status: 'played', timestamp: '1750030100', recipient_id: fx.USER_WA_ID }]);
		expect(event).toMatchObject({ status: 'played', eventId: 'wamid.V:played' });
	});
});

describe('normaliseWebhook: value-level errors (Meta: Messages webhook reference)', () => {
	it('makes one error event per value.errors[] item, tied to the phone number', () => {
		const second = { ...fx.RATE_LIMIT_ERROR, code: 131000, title: 'Something went wrong', message: 'Something went wrong' };
		const events = normaliseWebhook(fx.messagesWebhook({ errors: [fx.RATE_LIMIT_ERROR, second] }), { now: () => 1_750_000_000_000 });
		expect(events).toHaveLength(2);
		expect(events[0]).toMatchObject({
			kind: 'error',
			field: 'messages',
			phoneNumberId: fx.PHONE_NUMBER_ID,
			errors: [{ code: 130429, title: 'Rate limit hit', details: fx.RATE_LIMIT_ERROR.error_data.details }],
			raw: fx.RATE_LIMIT_ERROR,
			// Meta sends no time with value-level errors: none is made up; receivedAt says when it arrived.
			timestamp: null,
			timestampEpoch: null,
			receivedAt: '2025-06-15T15:06:40.000Z',
		});
		expect(events[0]).not.toHaveProperty('timestampProblem');
		expect(events[0].eventId).toMatch(/^error:[0-9a-f]{32}$/);
		expect(events[0].eventId).not.toBe(events[1].eventId);
	});

	it('gives a retried delivery of the same error the same dedupe key', () => {
		const first = normaliseWebhook(fx.messagesWebhook({ errors: [fx.RATE_LIMIT_ERROR] }), { now: () => 1 });
		const retry = normaliseWebhook(fx.messagesWebhook({ errors: [fx.RATE_LIMIT_ERROR] }), { now: () => 9_000_000 });
		expect(retry[0].eventId).toBe(first[0].eventId);
	});
});

describe('normaliseWebhook: batches (Meta: Messages webhook reference)', () => {
	it('makes one event per message and per status across several entries and changes, never one per batch', () => {
		const otherNumber = { display_phone_number: '15550001111', phone_number_id: '222222222222222' };
		const body = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: fx.WABA_ID,
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: fx.METADATA,
								contacts: [fx.SHEENA, { profile: { name: 'Lucía' }, wa_id: '19835552319' }],
								messages: [
									{ from: fx.USER_WA_ID, id: 'wamid.M1', timestamp: '1749416383', ...fx.TEXT },
									{ from: '19835552319', id: 'wamid.M2', timestamp: '1749416384', ...fx.IMAGE },
								],
							},
						},
						{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: fx.METADATA, statuses: [fx.SENT_STATUS, fx.FAILED_STATUS] } },
					],
				},
				{
					id: '999999999999999',
					changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: otherNumber, statuses: [fx.SENT_STATUS] } }],
				},
			],
		};
		const events = normaliseWebhook(body);
		expect(events.map((event) => [event.kind, event.wabaId, event.phoneNumberId, event.eventId])).toEqual([
			['message', fx.WABA_ID, fx.PHONE_NUMBER_ID, 'wamid.M1'],
			['message', fx.WABA_ID, fx.PHONE_NUMBER_ID, 'wamid.M2'],
			['status', fx.WABA_ID, fx.PHONE_NUMBER_ID, `${fx.SENT_STATUS.id}:sent`],
			['status', fx.WABA_ID, fx.PHONE_NUMBER_ID, `${fx.FAILED_STATUS.id}:failed`],
			['status', '999999999999999', '222222222222222', `${fx.SENT_STATUS.id}:sent`],
		]);
		const second = events[1];
		expect(second.kind === 'message' && second.from.profileName).toBe('Lucía');
	});

	it('ignores bodies of other Meta products and non-object items', () => {
		expect(normaliseWebhook({ object: 'page', entry: [{ id: '1', changes: [{ field: 'messages', value: { messages: [fx.TEXT] } }] }] })).toEqual([]);
		expect(normaliseWebhook({ object: 'whatsapp_business_account', entry: [null, 3, 'x', { id: fx.WABA_ID, changes: [null, []] }] })).toEqual([]);
	});

	it('accepts a bare messages value without the envelope (docs/360dialog.md: 360dialog envelope not confirmed)', () => {
		const events = normaliseWebhook({ messaging_product: 'whatsapp', metadata: fx.METADATA, contacts: [fx.SHEENA], messages: [{ from: fx.USER_WA_ID, id: 'wamid.B', timestamp: '1749416383', ...fx.TEXT }] });
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ kind: 'message', wabaId: '', phoneNumberId: fx.PHONE_NUMBER_ID, eventId: 'wamid.B' });
	});
});
