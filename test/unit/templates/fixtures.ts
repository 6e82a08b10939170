/**
 * Template definitions as GET /{waba-id}/message_templates returns them (Meta: Template management): the create
 * examples of Meta's Templates overview page: and of Meta's OpenAPI (business-messaging-api_v23.0.yaml), plus the coupon,
 * carousel, limited-time-offer and authentication shapes (Meta: Template components, Authentication templates, Media card carousel templates, Limited-time offer templates).
 */
import type { TemplateCreateInput, TemplateDefinition } from '../../../nodes/shared/whatsapp/templates';

/** Meta's Templates overview create example page: NAMED, text header with a variable, URL button with {{1}}. */
export const orderConfirmationNamed: TemplateDefinition = {
	id: '1627019861106475',
	name: 'order_confirmation',
	language: 'en_US',
	status: 'APPROVED',
	category: 'UTILITY',
	sub_category: 'CUSTOM',
	parameter_format: 'NAMED',
	components: [
		{
			type: 'HEADER', format: 'TEXT', text: 'Order {{order_number}}',
			example: { header_text_named_params: [{ param_name: 'order_number', example: '860198' }] },
		},
		{
			type: 'BODY', text: 'Thank you, {{first_name}}! Your order number is {{order_number}}.',
			example: { body_text_named_params: [
				{ param_name: 'first_name', example: 'Pablo' },
				{ param_name: 'order_number', example: '860198-230332' },
			] },
		},
		{ type: 'FOOTER', text: 'Lucky Shrub' },
		{ type: 'BUTTONS', buttons: [
			{ type: 'QUICK_REPLY', text: 'Cancel order' },
			{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: ['860198'] },
			{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550051310' },
		] },
	],
};

/** OpenAPI "image header, text body, text footer" body, with the quick replies of seasonal_promotion. */
export const tuscanGetawayImage: TemplateDefinition = {
	id: '594425479261596',
	name: 'limited_time_offer_tuscan_getaway_2023',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	parameter_format: 'POSITIONAL',
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBn:ARYytyb0kLp5htbBB8vWlclG5M9gMBxiEyt4FNCvrueWB'] } },
		{
			type: 'BODY',
			text: 'Hi {{1}}! For a limited time only you can get our {{2}} for as low as {{3}}. Tap the Offer Details button for more information.',
			example: { body_text: [['Mark', 'Tuscan Getaway package', '800']] },
		},
		{ type: 'FOOTER', text: 'Offer valid until May 31, 2023' },
		{ type: 'BUTTONS', buttons: [
			{ type: 'QUICK_REPLY', text: 'Unsubcribe from Promos' },
			{ type: 'QUICK_REPLY', text: 'Unsubscribe from All' },
		] },
	],
};

/** OpenAPI "document header, text body, a phone number button, and a URL button" (static URL). */
export const orderReceiptDocument: TemplateDefinition = {
	id: '1179023836390958',
	name: 'order_confirmation',
	language: 'en_US',
	status: 'APPROVED',
	category: 'UTILITY',
	components: [
		{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::YXBwbGljYXRpb24vcGRm:ARZVv4zuogJMxmAdS3_6T4o'] } },
		{
			type: 'BODY',
			text: 'Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thanks again!',
			example: { body_text: [['Mark', '860198-230332']] },
		},
		{ type: 'BUTTONS', buttons: [
			{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '16467043595' },
			{ type: 'URL', text: 'Contact Support', url: 'https://www.examplesite.com/support' },
		] },
	],
};

/** A video-header marketing template, lowercase as some docs examples write it (Meta: Templates overview). */
export const productDemoVideo: TemplateDefinition = {
	name: 'product_demo',
	language: 'en',
	status: 'APPROVED',
	category: 'marketing',
	components: [
		{ type: 'header', format: 'video' },
		{ type: 'body', text: 'Hi {{1}}, here is a 30-second look at the {{2}}.', example: { body_text: [['Mark', 'Aloe Deluxe']] } },
	],
};

/** OpenAPI "location header, text body, text footer" (order_delivery_update). */
export const orderDeliveryLocation: TemplateDefinition = {
	id: '1406256083576574',
	name: 'order_delivery_update',
	language: 'en_US',
	status: 'APPROVED',
	category: 'UTILITY',
	components: [
		{ type: 'HEADER', format: 'LOCATION' },
		{
			type: 'BODY',
			text: 'Good news {{1}}! Your order #{{2}} is on its way to the location above. Thank you for your order!',
			example: { body_text: [['Mark', '566701']] },
		},
		{ type: 'FOOTER', text: 'To stop receiving delivery updates, tap the button below.' },
		{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop Delivery Updates' }] },
	],
};

/** Coupon template (Meta: Coupon templates): COPY_CODE at index 0, URL with {{1}} at index 1. */
export const couponCode: TemplateDefinition = {
	name: 'coupon_code_fall2023_25off',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	components: [
		{ type: 'HEADER', format: 'TEXT', text: 'Our Fall Sale is on!' },
		{
			type: 'BODY',
			text: 'Shop now through November and use code {{1}} to get {{2}} off of all merchandise!',
			example: { body_text: [['25OFF', '25%']] },
		},
		{ type: 'BUTTONS', buttons: [
			{ type: 'COPY_CODE', example: '250FF' },
			{ type: 'URL', text: 'Shop now', url: 'https://www.examplesite.com/shop?promo={{1}}', example: ['summer2023'] },
		] },
	],
};

/** OpenAPI "Create Flow Template Message by ID". */
export const flowOffer: TemplateDefinition = {
	name: 'flow_offer',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	components: [
		{ type: 'BODY', text: 'Check out this new offer' },
		{ type: 'BUTTONS', buttons: [
			{ type: 'FLOW', text: 'Check out this offer!', flow_id: '1234567890', flow_action: 'navigate', navigate_screen: 'WELCOME_SCREEN' },
		] },
	],
};

/** OpenAPI "authentication template w/ OTP copy code button", as listed after approval (Meta: Authentication templates). */
export const verificationCode: TemplateDefinition = {
	id: '1051539706059426',
	name: 'authentication_code_copy_code_button',
	language: 'en_US',
	status: 'APPROVED',
	category: 'AUTHENTICATION',
	components: [
		{
			type: 'BODY',
			text: '*{{1}}* is your verification code. For your security, do not share this code.',
			add_security_recommendation: true,
		},
		{ type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
		{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy Code' }] },
	],
};

/** Media card carousel (Meta: Media card carousel templates): two cards, image headers, quick reply + URL buttons. */
export const succulentCarousel: TemplateDefinition = {
	name: 'summer_succulents',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	components: [
		{ type: 'BODY', text: 'Rare succulents for sale! {{1}}, add these unique plants to your collection.', example: { body_text: [['Pablo']] } },
		{
			type: 'CAROUSEL',
			cards: [0, 1].map(() => ({
				components: [
					{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::an...'] } },
					{ type: 'BODY', text: 'Use code {{1}} to get {{2}} off.', example: { body_text: [['15OFF', '15%']] } },
					{ type: 'BUTTONS', buttons: [
						{ type: 'QUICK_REPLY', text: 'Send more like this' },
						{ type: 'URL', text: 'Buy now', url: 'https://www.luckyshrub.com/shop?promo={{1}}', example: ['https://www.luckyshrub.com/shop?promo=abc'] },
					] },
				],
			})),
		},
	],
};

/** Limited-time offer (Meta: Limited-time offer templates): image header, offer banner, COPY_CODE and URL buttons. */
export const limitedTimeOffer: TemplateDefinition = {
	name: 'limited_time_offer_caribbean_pkg_2023',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW...'] } },
		{ type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Expiring offer!', has_expiration: true } },
		{
			type: 'BODY',
			text: 'Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!',
			example: { body_text: [['Pablo', 'CARIBE25']] },
		},
		{ type: 'BUTTONS', buttons: [
			{ type: 'COPY_CODE', example: 'CARIBE25' },
			{ type: 'URL', text: 'Book now!', url: 'https://awesomedestinations.com/offers?code={{1}}', example: ['https://awesomedestinations.com/offers?ref=n3mtql'] },
		] },
	],
};

/** Meta's sample template: no parameters at all. */
export const helloWorld: TemplateDefinition = {
	id: '1192339204654487',
	name: 'hello_world',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	components: [
		{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
		{ type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a message notification from WhatsApp Business Platform’s Cloud API. Thank you for taking the time to test with us.' },
		{ type: 'FOOTER', text: 'WhatsApp Business API Team' },
	],
};

export const allTemplates: TemplateDefinition[] = [
	orderConfirmationNamed, tuscanGetawayImage, orderReceiptDocument, productDemoVideo, orderDeliveryLocation,
	couponCode, flowOffer, verificationCode, succulentCarousel, limitedTimeOffer, helloWorld,
];

/** The Meta's Templates overview page: create example, as a form would fill it in. */
export const orderConfirmationInput: TemplateCreateInput = {
	name: 'order_confirmation',
	language: 'en_US',
	category: 'utility',
	parameterFormat: 'NAMED',
	messageSendTtlSeconds: 3600,
	headerText: 'Order {{order_number}}',
	headerExample: '860198',
	bodyText: 'Thank you, {{first_name}}! Your order number is {{order_number}}.',
	bodyExamples: { first_name: 'Pablo', order_number: '860198-230332' },
	footerText: 'Lucky Shrub',
	buttons: [
		{ type: 'QUICK_REPLY', text: 'Cancel order' },
		{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: '860198' },
		{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+15550051310' },
	],
};
