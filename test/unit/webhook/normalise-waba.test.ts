import { normaliseWebhook, type WhatsAppEvent } from '../../../nodes/shared/whatsapp/webhook';
import * as fx from './fixtures';

const RECEIVED_MS = 1_751_247_600_000;

function onlyEvent(body: unknown): WhatsAppEvent {
	const events = normaliseWebhook(body, { now: () => RECEIVED_MS });
	expect(events).toHaveLength(1);
	return events[0];
}

describe('normaliseWebhook: WABA-level changes (Meta: Webhooks overview)', () => {
	it('reads a template rejection with the id as text and the rejection info (Meta: message_template_status_update webhook reference)', () => {
		const value = {
			event: 'REJECTED',
			message_template_id: 1689556908129835,
			message_template_name: 'abandoned_cart',
			message_template_language: 'en',
			reason: 'INVALID_FORMAT',
			message_template_category: 'MARKETING',
			rejection_info: {
				reason: 'Your template has parameters placed next to each other ...',
				recommendation: 'Separate parameters with descriptive text ...',
			},
		};
		const event = onlyEvent(fx.wabaWebhook('message_template_status_update', value, 1751247548));
		expect(event).toEqual({
			kind: 'template_status',
			field: 'message_template_status_update',
			wabaId: fx.WABA_ID,
			eventId: expect.stringMatching(/^template_status:[0-9a-f]{32}$/),
			timestamp: '2025-06-30T01:39:08.000Z',
			timestampEpoch: 1751247548,
			receivedAt: '2025-06-30T01:40:00.000Z',
			receivedAtEpoch: 1751247600,
			templateId: '1689556908129835',
			templateName: 'abandoned_cart',
			language: 'en',
			event: 'REJECTED',
			reason: 'INVALID_FORMAT',
			category: 'MARKETING',
			rejectionInfo: { reason: value.rejection_info.reason, recommendation: value.rejection_info.recommendation },
			raw: value,
		});
	});

	it('reads pause, disable and pending-deletion template events (Meta: message_template_status_update webhook reference)', () => {
		const paused = onlyEvent(
			fx.wabaWebhook('message_template_status_update', {
				event: 'PAUSED',
				message_template_id: 1,
				message_template_name: 'promo',
				message_template_language: 'en_US',
				reason: 'NONE',
				other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours because of low quality.' },
			}),
		);
		expect(paused).toMatchObject({ event: 'PAUSED', otherInfo: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours because of low quality.' } });
		const disabled = onlyEvent(
			fx.wabaWebhook('message_template_status_update', { event: 'DISABLED', message_template_id: 1, disable_info: { disable_date: 1751247548 } }),
		);
		expect(disabled).toMatchObject({ event: 'DISABLED', disableDate: '2025-06-30T01:39:08.000Z', disableDateEpoch: 1751247548 });
		const pendingDeletion = onlyEvent(
			fx.wabaWebhook('message_template_status_update', { event: 'PENDING_DELETION', message_template_id: 1, reason: null }),
		);
		expect(pendingDeletion).toMatchObject({ event: 'PENDING_DELETION' });
		expect(pendingDeletion).not.toHaveProperty('reason');
	});

	it('reads both template category notices; new_category is the current one in the advance notice (Meta: template_category_update webhook reference)', () => {
		const notice = onlyEvent(
			fx.wabaWebhook('template_category_update', {
				message_template_id: 278077987957091,
				message_template_name: 'welcome_template',
				message_template_language: 'en-US',
				new_category: 'UTILITY',
				correct_category: 'MARKETING',
				category_update_timestamp: 1746169200,
			}),
		);
		expect(notice).toMatchObject({
			kind: 'template_category',
			templateId: '278077987957091',
			language: 'en-US',
			newCategory: 'UTILITY',
			correctCategory: 'MARKETING',
			categoryUpdateAt: '2025-05-02T07:00:00.000Z',
		});
		const changed = onlyEvent(
			fx.wabaWebhook('template_category_update', {
				message_template_id: 278077987957091,
				message_template_name: 'welcome_template',
				message_template_language: 'en-US',
				previous_category: 'UTILITY',
				new_category: 'MARKETING',
			}),
		);
		expect(changed).toMatchObject({ kind: 'template_category', previousCategory: 'UTILITY', newCategory: 'MARKETING' });
	});

	it('reads a template quality change, also when Meta labels it as a status update (Meta: message_template_quality_update webhook reference)', () => {
		const value = {
			previous_quality_score: 'GREEN',
			new_quality_score: 'YELLOW',
			message_template_id: 806312974732579,
			message_template_name: 'welcome_template',
			message_template_language: 'en-US',
		};
		const expected = {
			kind: 'template_quality',
			templateId: '806312974732579',
			templateName: 'welcome_template',
			previousQualityScore: 'GREEN',
			newQualityScore: 'YELLOW',
		};
		expect(onlyEvent(fx.wabaWebhook('message_template_quality_update', value))).toMatchObject(expected);
		expect(onlyEvent(fx.wabaWebhook('message_template_status_update', value))).toMatchObject(expected);
	});

	it('reads a phone number quality / throughput change with the display number (Meta: phone_number_quality_update webhook reference)', () => {
		const event = onlyEvent(
			fx.wabaWebhook('phone_number_quality_update', {
				display_phone_number: '15550783881',
				event: 'THROUGHPUT_UPGRADE',
				old_limit: 'TIER_10K',
				current_limit: 'TIER_UNLIMITED',
				max_daily_conversations_per_business: 'TIER_UNLIMITED',
			}),
		);
		expect(event).toMatchObject({
			kind: 'phone_number_quality',
			displayPhoneNumber: '15550783881',
			event: 'THROUGHPUT_UPGRADE',
			oldLimit: 'TIER_10K',
			currentLimit: 'TIER_UNLIMITED',
			maxDailyConversationsPerBusiness: 'TIER_UNLIMITED',
		});
		expect(event.phoneNumberId).toBeUndefined();
	});

	it('reads an account ban with its ban info, and a deletion (Meta: account_update webhook reference)', () => {
		const ban = onlyEvent(
			fx.wabaWebhook('account_update', {
				event: 'DISABLED_UPDATE',
				ban_info: { waba_ban_state: 'SCHEDULE_FOR_DISABLE', waba_ban_date: '2025-07-01' },
			}),
		);
		expect(ban).toMatchObject({
			kind: 'account_update',
			event: 'DISABLED_UPDATE',
			banInfo: { wabaBanState: 'SCHEDULE_FOR_DISABLE', wabaBanDate: '2025-07-01T00:00:00.000Z', wabaBanDateEpoch: 1751328000 },
		});
		const violation = onlyEvent(fx.wabaWebhook('account_update', { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } }));
		expect(violation).toMatchObject({ violationInfo: { violationType: 'SCAM' } });
		const deleted = onlyEvent(fx.wabaWebhook('account_update', { event: 'ACCOUNT_DELETED' }, 1743451903));
		expect(deleted).toMatchObject({ kind: 'account_update', event: 'ACCOUNT_DELETED', timestampEpoch: 1743451903 });
	});

	it('reads an account review decision as an account_update whose field says which', () => {
		expect(onlyEvent(fx.wabaWebhook('account_review_update', { decision: 'APPROVED' }, 1739321024))).toMatchObject({
			kind: 'account_update',
			field: 'account_review_update',
			decision: 'APPROVED',
		});
	});

	it('reads the display name review, capability and security changes', () => {
		expect(
			onlyEvent(
				fx.wabaWebhook('phone_number_name_update', {
					display_phone_number: '15550783881',
					decision: 'REJECTED',
					requested_verified_name: 'Lucky Shrub',
					rejection_reason: 'NAME_FORMAT_UNACCEPTABLE',
				}),
			),
		).toMatchObject({ kind: 'phone_number_name', displayPhoneNumber: '15550783881', decision: 'REJECTED', requestedVerifiedName: 'Lucky Shrub', rejectionReason: 'NAME_FORMAT_UNACCEPTABLE' });
		expect(
			onlyEvent(fx.wabaWebhook('business_capability_update', { max_daily_conversation_per_phone: -1, max_daily_conversations_per_business: 'TIER_UNLIMITED', max_phone_numbers_per_waba: 25 })),
		).toMatchObject({ kind: 'business_capability', maxDailyConversationPerPhone: -1, maxDailyConversationsPerBusiness: 'TIER_UNLIMITED', maxPhoneNumbersPerWaba: 25 });
		expect(
			onlyEvent(fx.wabaWebhook('security', { display_phone_number: '15550783881', event: 'PIN_RESET_REQUEST', requester: '61555822107539' })),
		).toMatchObject({ kind: 'security', event: 'PIN_RESET_REQUEST', requester: '61555822107539', displayPhoneNumber: '15550783881' });
	});

	it('keeps a field it does not know, and a messages change without messages, as one unknown_change each', () => {
		const groups = { messaging_product: 'whatsapp', metadata: fx.METADATA, groups: [{ group_id: 'Y2Fw', type: 'group_create', timestamp: '1750269342', request_id: 'R1' }] };
		const events = normaliseWebhook({
			object: 'whatsapp_business_account',
			entry: [{ id: fx.WABA_ID, changes: [{ field: 'group_lifecycle_update', value: groups }, { field: 'messages', value: groups }, { field: 'history', value: 'odd' }] }],
		});
		expect(events.map((event) => [event.kind, event.field, event.phoneNumberId])).toEqual([
			['unknown_change', 'group_lifecycle_update', fx.PHONE_NUMBER_ID],
			['unknown_change', 'messages', fx.PHONE_NUMBER_ID],
			['unknown_change', 'history', undefined],
		]);
		expect(events[0].kind === 'unknown_change' && events[0].raw).toBe(groups);
		expect(events[2].kind === 'unknown_change' && events[2].raw).toBe('odd');
	});

	it('gives a retried WABA-level delivery the same dedupe key and a different change a new one', () => {
		const body = fx.wabaWebhook('account_update', { event: 'ACCOUNT_DELETED' }, 1743451903);
		const retried = JSON.parse(JSON.stringify(body));
		const later = fx.wabaWebhook('account_update', { event: 'ACCOUNT_DELETED' }, 1743451999);
		expect(onlyEvent(retried).eventId).toBe(onlyEvent(body).eventId);
		expect(onlyEvent(later).eventId).not.toBe(onlyEvent(body).eventId);
	});
});
