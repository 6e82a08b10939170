import { buildTemplateCreateBody, validateTemplateForCreate } from '../../../nodes/shared/whatsapp/templates';
import { orderConfirmationInput } from './fixtures';

describe('buildTemplateCreateBody', () => {
	it('builds the NAMED example exactly (Meta: Templates overview)', () => {
		expect(buildTemplateCreateBody(orderConfirmationInput)).toEqual({
			name: 'order_confirmation',
			language: 'en_US',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			message_send_ttl_seconds: 3600,
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{order_number}}',
					example: { header_text_named_params: [{ param_name: 'order_number', example: '860198' }] } },
				{ type: 'BODY', text: 'Thank you, {{first_name}}! Your order number is {{order_number}}.',
					example: { body_text_named_params: [{ param_name: 'first_name', example: 'Pablo' }, { param_name: 'order_number', example: '860198-230332' }] } },
				{ type: 'FOOTER', text: 'Lucky Shrub' },
				{ type: 'BUTTONS', buttons: [
					{ type: 'QUICK_REPLY', text: 'Cancel order' },
					{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: ['860198'] },
					{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550051310' },
				] },
			],
		});
	});

	it('builds the OpenAPI "text header, text body, footer, 2 quick replies" POSITIONAL example', () => {
		expect(buildTemplateCreateBody({
			name: 'seasonal_promotion_text_only', language: 'en', category: 'MARKETING',
			headerText: 'Our {{1}} is on!', headerExample: 'Summer Sale',
			bodyText: 'Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.',
			bodyExamples: ['the end of August', '25OFF', '25%'],
			footerText: 'Use the buttons below to manage your marketing subscriptions',
			buttons: [{ type: 'QUICK_REPLY', text: 'Unsubcribe from Promos' }, { type: 'quick_reply', text: 'Unsubscribe from All' }],
		})).toEqual({
			name: 'seasonal_promotion_text_only', language: 'en', category: 'MARKETING',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Our {{1}} is on!', example: { header_text: ['Summer Sale'] } },
				{ type: 'BODY', text: 'Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.',
					example: { body_text: [['the end of August', '25OFF', '25%']] } },
				{ type: 'FOOTER', text: 'Use the buttons below to manage your marketing subscriptions' },
				{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Unsubcribe from Promos' }, { type: 'QUICK_REPLY', text: 'Unsubscribe from All' }] },
			],
		});
	});

	it('accepts positional samples keyed by number and infers NAMED from the text', () => {
		const positional = buildTemplateCreateBody({ name: 'a', language: 'en', category: 'UTILITY', bodyText: 'Hi {{1}}, see {{2}}.', bodyExamples: { 2: 'you', 1: 'Ann' } });
		expect(positional.components[0]).toEqual({ type: 'BODY', text: 'Hi {{1}}, see {{2}}.', example: { body_text: [['Ann', 'you']] } });
		expect(positional.parameter_format).toBeUndefined();
		const named = buildTemplateCreateBody({ name: 'a', language: 'en', category: 'UTILITY', bodyText: 'Hi {{first_name}}.', bodyExamples: { first_name: 'Ann' } });
		expect(named.parameter_format).toBe('NAMED');
	});

	it('builds media and location headers with a sample handle where Meta needs one', () => {
		const base = { name: 'order_confirmation', language: 'en_US', category: 'UTILITY', bodyText: 'Your receipt is attached.' };
		expect(buildTemplateCreateBody({ ...base, headerFormat: 'document', headerHandle: '4::YXBwbGljYXRpb24vcGRm:ARZ' }).components[0])
			.toEqual({ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::YXBwbGljYXRpb24vcGRm:ARZ'] } });
		expect(buildTemplateCreateBody({ ...base, headerFormat: 'LOCATION' }).components[0]).toEqual({ type: 'HEADER', format: 'LOCATION' });
	});

	it('builds COPY_CODE and FLOW buttons in Meta’s shape', () => {
		const body = buildTemplateCreateBody({
			name: 'coupon', language: 'en_US', category: 'MARKETING', bodyText: 'Use the code below for 25% off.',
			buttons: [{ type: 'COPY_CODE', example: '250FF' }, { type: 'FLOW', text: 'Check out this offer!', flowId: '1234567890', flowAction: 'navigate', navigateScreen: 'WELCOME_SCREEN' }],
		});
		expect(body.components[1]).toEqual({ type: 'BUTTONS', buttons: [
			{ type: 'COPY_CODE', example: '250FF' },
			{ type: 'FLOW', text: 'Check out this offer!', flow_id: '1234567890', flow_action: 'navigate', navigate_screen: 'WELCOME_SCREEN' },
		] });
	});

	it('builds the OpenAPI authentication copy-code example from the preset options', () => {
		expect(buildTemplateCreateBody({
			name: 'authentication_code_copy_code_button', language: 'en_US', category: 'AUTHENTICATION',
			addSecurityRecommendation: true, codeExpirationMinutes: 10,
			buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy Code' }],
		})).toEqual({
			name: 'authentication_code_copy_code_button', language: 'en_US', category: 'AUTHENTICATION',
			components: [
				{ add_security_recommendation: true, type: 'BODY' },
				{ code_expiration_minutes: 10, type: 'FOOTER' },
				{ buttons: [{ otp_type: 'COPY_CODE', text: 'Copy Code', type: 'OTP' }], type: 'BUTTONS' },
			],
		});
	});

	it('defaults the authentication button to copy code and names the app for one-tap', () => {
		const minimal = buildTemplateCreateBody({ name: 'otp', language: 'en_US', category: 'AUTHENTICATION' });
		expect(minimal.components).toEqual([{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] }]);
		const oneTap = buildTemplateCreateBody({
			name: 'otp', language: 'en_US', category: 'AUTHENTICATION', messageSendTtlSeconds: 600,
			buttons: [{ type: 'OTP', otpType: 'ONE_TAP', text: 'Copy Code', autofillText: 'Autofill', supportedApps: [{ packageName: 'com.example.luckyshrub', signatureHash: 'K8a%2FAINcGX7' }] }],
		});
		expect(oneTap.message_send_ttl_seconds).toBe(600);
		expect(oneTap.components[1]).toEqual({ type: 'BUTTONS', buttons: [{
			type: 'OTP', otp_type: 'ONE_TAP', text: 'Copy Code', autofill_text: 'Autofill',
			supported_apps: [{ package_name: 'com.example.luckyshrub', signature_hash: 'K8a%2FAINcGX7' }],
		}] });
	});

	it('validateTemplateForCreate accepts what buildTemplateCreateBody builds', () => {
		expect(() => validateTemplateForCreate(orderConfirmationInput)).not.toThrow();
	});
});
