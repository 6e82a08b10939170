import { countTemplateParameters, templateParameterFields } from '../../../nodes/shared/whatsapp/templates';
import type { TemplateDefinition } from '../../../nodes/shared/whatsapp/templates';
import {
	couponCode, flowOffer, helloWorld, limitedTimeOffer, orderConfirmationNamed, orderDeliveryLocation,
	orderReceiptDocument, productDemoVideo, succulentCarousel, tuscanGetawayImage, verificationCode,
} from './fixtures';

const summary = (def: TemplateDefinition) =>
	templateParameterFields(def).map((field) => `${field.id}:${field.kind}:${field.required ? 'required' : 'optional'}`);

describe('templateParameterFields', () => {
	it('lists a NAMED template header, body names in order of appearance, and button fields', () => {
		expect(summary(orderConfirmationNamed)).toEqual([
			'header:text:required',
			'body_first_name:text:required',
			'body_order_number:text:required',
			'button_0_payload:payload:optional',
			'button_1_url:url_suffix:required',
		]);
	});

	it('carries parameter names, examples and button positions for the form', () => {
		const [header, firstName, , payload, url] = templateParameterFields(orderConfirmationNamed);
		expect(header).toMatchObject({ component: 'header', parameterName: 'order_number', example: '860198' });
		expect(firstName).toMatchObject({ component: 'body', parameterName: 'first_name', example: 'Pablo', displayName: 'Body {{first_name}}' });
		expect(payload).toMatchObject({ component: 'button', buttonIndex: 0, example: 'Cancel order' });
		expect(url).toMatchObject({ buttonIndex: 1, example: '860198' });
		expect(url.description).toContain('https://example.com/track/{{1}}');
	});

	it('numbers POSITIONAL body fields and gives one optional payload per quick reply', () => {
		const fields = templateParameterFields(tuscanGetawayImage);
		expect(summary(tuscanGetawayImage)).toEqual([
			'header:image:required', 'body_1:text:required', 'body_2:text:required', 'body_3:text:required',
			'button_0_payload:payload:optional', 'button_1_payload:payload:optional',
		]);
		expect(fields[2]).toMatchObject({ position: 2, example: 'Tuscan Getaway package' });
		expect(fields[2].parameterName).toBeUndefined();
	});

	it('orders positional fields by number even when the text uses {{2}} first', () => {
		const def: TemplateDefinition = { ...helloWorld, components: [{ type: 'BODY', text: 'Order {{2}} for {{1}} is ready.' }] };
		expect(templateParameterFields(def).map((field) => field.id)).toEqual(['body_1', 'body_2']);
	});

	it('offers an optional filename for document headers and nothing for static URL or phone buttons', () => {
		expect(summary(orderReceiptDocument)).toEqual([
			'header:document:required', 'header_filename:document:optional', 'body_1:text:required', 'body_2:text:required',
		]);
	});

	it('reads lowercase component types and formats', () => {
		expect(summary(productDemoVideo)).toEqual(['header:video:required', 'body_1:text:required', 'body_2:text:required']);
	});

	it('splits a location header into latitude and longitude (required) and name and address (optional)', () => {
		expect(summary(orderDeliveryLocation).slice(0, 4)).toEqual([
			'header_latitude:location:required', 'header_longitude:location:required',
			'header_name:location:optional', 'header_address:location:optional',
		]);
	});

	it('asks for the coupon code of a COPY_CODE button with its example', () => {
		const fields = templateParameterFields(couponCode);
		expect(fields.map((field) => field.id)).toEqual(['body_1', 'body_2', 'button_0_coupon_code', 'button_1_url']);
		expect(fields[2]).toMatchObject({ kind: 'coupon_code', required: true, example: '250FF' });
	});

	it('gives flow buttons an optional token and optional initial data', () => {
		expect(summary(flowOffer)).toEqual(['button_0_flow_token:flow:optional', 'button_0_flow_action_data:flow:optional']);
	});

	it('asks authentication templates for one code only', () => {
		expect(summary(verificationCode)).toEqual(['otp_code:text:required']);
	});

	it('asks for the offer expiration of a limited-time offer', () => {
		expect(summary(limitedTimeOffer)).toEqual([
			'header:image:required', 'body_1:text:required', 'body_2:text:required',
			'lto_expiration:expiration_time:required', 'button_0_coupon_code:coupon_code:required', 'button_1_url:url_suffix:required',
		]);
	});

	it('prefixes carousel card fields with card_<n>_ and records the card', () => {
		const fields = templateParameterFields(succulentCarousel);
		expect(fields.map((field) => field.id)).toEqual([
			'body_1',
			'card_0_header', 'card_0_body_1', 'card_0_body_2', 'card_0_button_0_payload', 'card_0_button_1_url',
			'card_1_header', 'card_1_body_1', 'card_1_body_2', 'card_1_button_0_payload', 'card_1_button_1_url',
		]);
		expect(fields[6]).toMatchObject({ cardIndex: 1, kind: 'image', displayName: 'Card 2 Header Image' });
		expect(fields[0].cardIndex).toBeUndefined();
	});

	it('returns no fields for a template without variables', () => {
		expect(templateParameterFields(helloWorld)).toEqual([]);
	});

	it('infers NAMED when parameter_format is missing but the text uses names', () => {
		const { parameter_format: _ignored, ...withoutFormat } = orderConfirmationNamed;
		expect(templateParameterFields(withoutFormat)[1].parameterName).toBe('first_name');
	});
});

describe('countTemplateParameters', () => {
	it('counts what Meta expects per component', () => {
		expect(countTemplateParameters(orderConfirmationNamed)).toEqual({ header: 1, body: 2, buttons: 1, limitedTimeOffer: 0, cards: 0, total: 4 });
		expect(countTemplateParameters(tuscanGetawayImage)).toEqual({ header: 1, body: 3, buttons: 0, limitedTimeOffer: 0, cards: 0, total: 4 });
		expect(countTemplateParameters(verificationCode)).toEqual({ header: 0, body: 1, buttons: 1, limitedTimeOffer: 0, cards: 0, total: 2 });
		expect(countTemplateParameters(limitedTimeOffer)).toEqual({ header: 1, body: 2, buttons: 2, limitedTimeOffer: 1, cards: 0, total: 6 });
		expect(countTemplateParameters(succulentCarousel)).toEqual({ header: 0, body: 1, buttons: 0, limitedTimeOffer: 0, cards: 8, total: 9 });
		expect(countTemplateParameters(helloWorld).total).toBe(0);
	});
});
