/**
 * Seeded message templates, stored in Meta's creation shape (Meta: Templates overview) as GET message_templates lists
 * them (Meta: Template management). The named ones are the fixtures tests and demos use; the fillers give the list
 * enough rows (39 in all) for two pages at limit 25 and every status a filter can ask for.
 */
import { SEED } from './seed';
import type { TemplateComponentDefinition, TemplateRecord, TemplateStatus } from './state/types';

type TemplateSeed = Pick<TemplateRecord, 'name' | 'language' | 'category' | 'components'> &
	Partial<Pick<TemplateRecord, 'status' | 'parameter_format' | 'rejected_reason' | 'sub_category'>>;

const body = (text: string, example?: Record<string, unknown>): TemplateComponentDefinition =>
	example ? { type: 'BODY', text, example } : { type: 'BODY', text };
const footer = (text: string): TemplateComponentDefinition => ({ type: 'FOOTER', text });

const FIXTURES: TemplateSeed[] = [
	{
		name: 'hello_world',
		language: 'en_US',
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
			body('Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.'),
			footer('WhatsApp Business Platform sample message'),
		],
	},
	{
		name: 'order_confirmation',
		language: 'en_US',
		category: 'UTILITY',
		parameter_format: 'NAMED',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Order {{order_number}}', example: { header_text_named_params: [{ param_name: 'order_number', example: '860198' }] } },
			body('Hi {{first_name}}, thanks for your order {{order_number}}. Total: {{order_total}}.', {
				body_text_named_params: [
					{ param_name: 'first_name', example: 'Pablo' },
					{ param_name: 'order_number', example: '860198' },
					{ param_name: 'order_total', example: '$42.00' },
				],
			}),
			footer('Lucky Shrub'),
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Cancel order' },
					{ type: 'URL', text: 'Track order', url: 'https://shop.example.com/orders/{{1}}', example: ['https://shop.example.com/orders/860198'] },
				],
			},
		],
	},
	{
		name: 'abandoned_cart',
		language: 'en_US',
		category: 'MARKETING',
		components: [
			{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBlZw==:emulator-cart'] } },
			body('Hi {{1}}, you left {{2}} in your cart. Complete your order: ', { body_text: [['Pablo', 'a Golden Barrel cactus']] }),
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'URL', text: 'Complete order', url: 'https://shop.example.com/cart/{{1}}', example: ['https://shop.example.com/cart/abc123'] },
					{ type: 'QUICK_REPLY', text: 'Stop promotions' },
				],
			},
		],
	},
	...(['en_US', 'es_ES'] as const).map((language) => ({
		name: 'shipping_update',
		language,
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::YXBwbGljYXRpb24vcGRm:emulator-label'] } },
			language === 'en_US'
				? body('Hi {{1}}, your order {{2}} has shipped. Track it with code {{3}}.', { body_text: [['Pablo', '860198', '1Z999AA1']] })
				: body('Hola {{1}}, tu pedido {{2}} ha sido enviado. Sigue el envío con el código {{3}}.', { body_text: [['Pablo', '860198', '1Z999AA1']] }),
		],
	})),
	{
		name: 'store_location',
		language: 'en_US',
		category: 'UTILITY',
		components: [{ type: 'HEADER', format: 'LOCATION' }, body('Our store is open until {{1}} today. We look forward to seeing you!', { body_text: [['8pm']] })],
	},
	{
		name: 'spring_coupon',
		language: 'en_US',
		category: 'MARKETING',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Spring sale' },
			body('Spring is here, {{1}}! Use the code below to get 25% off your next order.', { body_text: [['Pablo']] }),
			{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SPRING25' }] },
		],
	},
	{
		name: 'login_code',
		language: 'en_US',
		category: 'AUTHENTICATION',
		components: [
			{ type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.', add_security_recommendation: true, example: { body_text: [['123456']] } },
			{ type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
			{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
		],
	},
	{
		name: 'approval_request',
		language: 'en_US',
		category: 'UTILITY',
		components: [
			body('Approval needed: {{1}}. Please answer with a button below.', { body_text: [['Refund of £42.00 for order 860198']] }),
			{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Approve' }, { type: 'QUICK_REPLY', text: 'Decline' }] },
		],
	},
	{
		name: 'after_hours_reply',
		language: 'en_US',
		category: 'UTILITY',
		components: [body('Thanks for your message, {{1}}. We are closed now and will reply tomorrow from 9am.', { body_text: [['Pablo']] })],
	},
];

/** [name, language, category, status] — fillers for paging and status/category filters. */
const FILLERS: Array<[string, string, string, TemplateStatus]> = [
	['appointment_reminder', 'en_US', 'UTILITY', 'APPROVED'],
	['payment_due', 'en_US', 'UTILITY', 'APPROVED'],
	['payment_received', 'en_US', 'UTILITY', 'APPROVED'],
	['delivery_window', 'en_US', 'UTILITY', 'APPROVED'],
	['care_tips_weekly', 'en_US', 'MARKETING', 'APPROVED'],
	['new_arrivals', 'en_US', 'MARKETING', 'APPROVED'],
	['loyalty_points', 'pt_BR', 'MARKETING', 'APPROVED'],
	['survey_request', 'de_DE', 'UTILITY', 'APPROVED'],
	['back_in_stock', 'en_US', 'MARKETING', 'APPROVED'],
	['account_update_notice', 'en_US', 'UTILITY', 'APPROVED'],
	['pending_launch', 'en_US', 'MARKETING', 'PENDING'],
	['holiday_hours', 'en_US', 'UTILITY', 'PENDING'],
	['gift_card_offer', 'en_US', 'MARKETING', 'PENDING'],
	['workshop_invite', 'es_ES', 'MARKETING', 'PENDING'],
	['referral_bonus', 'en_US', 'MARKETING', 'PENDING'],
	['rejected_offer', 'en_US', 'MARKETING', 'REJECTED'],
	['flash_sale', 'en_US', 'MARKETING', 'REJECTED'],
	['price_drop', 'pt_BR', 'MARKETING', 'REJECTED'],
	['verify_email', 'en_US', 'AUTHENTICATION', 'REJECTED'],
	['order_feedback', 'en_US', 'UTILITY', 'REJECTED'],
	['winter_sale', 'en_US', 'MARKETING', 'PAUSED'],
	['cactus_club', 'en_US', 'MARKETING', 'PAUSED'],
	['weekend_deals', 'de_DE', 'MARKETING', 'PAUSED'],
	['repot_reminder', 'en_US', 'UTILITY', 'PAUSED'],
	['legacy_newsletter', 'en_US', 'MARKETING', 'DISABLED'],
	['old_promo_code', 'en_US', 'MARKETING', 'DISABLED'],
	['summer_catalog', 'es_ES', 'MARKETING', 'DISABLED'],
	['seasonal_greetings', 'en_US', 'MARKETING', 'DISABLED'],
	['plant_doctor', 'en_US', 'UTILITY', 'APPROVED'],
];

function fillerSeed([name, language, category, status]: (typeof FILLERS)[number]): TemplateSeed {
	const label = name.replace(/_/g, ' ');
	return {
		name,
		language,
		category,
		status,
		rejected_reason: status === 'REJECTED' ? 'INVALID_FORMAT' : undefined,
		components: [body(`Lucky Shrub ${label}: hi {{1}}, see the details in your account.`, { body_text: [['Pablo']] })],
	};
}

/** Template IDs are stable so docs and tests can name them (hello_world is 1627019861106400). */
export const FIRST_TEMPLATE_ID = 1627019861106400;

export function seedTemplates(now: number): TemplateRecord[] {
	return [...FIXTURES, ...FILLERS.map(fillerSeed)].map((seed, index) => ({
		id: String(FIRST_TEMPLATE_ID + index),
		wabaId: SEED.wabaId,
		name: seed.name,
		language: seed.language,
		status: seed.status ?? 'APPROVED',
		category: seed.category,
		parameter_format: seed.parameter_format ?? 'POSITIONAL',
		components: seed.components,
		...(seed.rejected_reason ? { rejected_reason: seed.rejected_reason } : {}),
		quality_score: { score: seed.status === 'PAUSED' ? 'RED' : 'GREEN', date: Math.floor(now / 1000) },
		createdAt: now - (1000 - index) * 60_000,
	}));
}
