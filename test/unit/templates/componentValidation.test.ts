import { buildTemplateComponents } from '../../../nodes/shared/whatsapp/templates';
import type { TemplateDefinition, TemplateValues } from '../../../nodes/shared/whatsapp/templates';
import { WhatsAppValidationError } from '../../../nodes/shared/whatsapp/validationError';
import {
	couponCode, flowOffer, limitedTimeOffer, orderConfirmationNamed, orderDeliveryLocation,
	succulentCarousel, tuscanGetawayImage, verificationCode,
} from './fixtures';

function rejection(def: TemplateDefinition, values: TemplateValues): WhatsAppValidationError {
	try {
		buildTemplateComponents(def, values);
	} catch (error) {
		if (error instanceof WhatsAppValidationError) return error;
		throw error;
	}
	throw new Error('expected a WhatsAppValidationError');
}

const namedValues = { header: '860198', body_first_name: 'Jessica', body_order_number: 'SKBUP2', button_1_url: '860198' };
const imageValues = { header: '1339522734477770', body_1: 'Mark', body_2: 'Tuscan Getaway package', body_3: '800' };

describe('buildTemplateComponents validation', () => {
	it('names a missing body value, its place in the template and an example', () => {
		const error = rejection(orderConfirmationNamed, { ...namedValues, body_first_name: '  ' });
		expect(error.field).toBe('body_first_name');
		expect(error.message).toContain('order_confirmation');
		expect(error.message).toContain('{{first_name}} in the body');
		expect(error.fix).toBe('Fill in "body_first_name", for example "Pablo".');
	});

	it('refuses a missing header, URL suffix, coupon code, OTP or offer expiration', () => {
		expect(rejection(orderConfirmationNamed, { ...namedValues, header: undefined }).field).toBe('header');
		expect(rejection(orderConfirmationNamed, { ...namedValues, button_1_url: '' }).field).toBe('button_1_url');
		expect(rejection(couponCode, { body_1: 'a', body_2: 'b', button_1_url: 'x' }).field).toBe('button_0_coupon_code');
		expect(rejection(verificationCode, {}).field).toBe('otp_code');
		const lto = { header: '1', body_1: 'Pablo', body_2: 'C', button_0_coupon_code: 'C', button_1_url: 'x' };
		expect(rejection(limitedTimeOffer, lto).field).toBe('lto_expiration');
		expect(rejection(succulentCarousel, { body_1: 'Pablo' }).field).toBe('card_0_header');
	});

	it('refuses a line break, a tab or more than 4 spaces in a body parameter (Meta error 132018)', () => {
		const newline = rejection(tuscanGetawayImage, { ...imageValues, body_2: 'Tuscan\nGetaway' });
		expect(newline).toMatchObject({ field: 'body_2' });
		expect(newline.message).toContain('line break');
		expect(newline.fix).toContain('Replace the line breaks with spaces');
		expect(rejection(tuscanGetawayImage, { ...imageValues, body_1: 'Mark\tT' }).message).toContain('tab');
		expect(rejection(tuscanGetawayImage, { ...imageValues, body_1: 'Mark     T' }).message).toContain('more than 4 spaces');
		expect(() => buildTemplateComponents(tuscanGetawayImage, { ...imageValues, body_1: 'Mark    T' })).not.toThrow();
	});

	it('refuses a body that exceeds 1024 characters once filled in (132005)', () => {
		const error = rejection(tuscanGetawayImage, { ...imageValues, body_2: 'x'.repeat(1000) });
		expect(error.message).toMatch(/The body would be \d+ characters .* at most 1024/);
	});

	it('refuses a text header that exceeds 60 characters once filled in', () => {
		const error = rejection(orderConfirmationNamed, { ...namedValues, header: '8'.repeat(60) });
		expect(error).toMatchObject({ field: 'header' });
		expect(error.message).toContain('at most 60');
	});

	it('refuses a carousel card body over 160 characters (Meta: Media card carousel templates)', () => {
		const values: TemplateValues = { body_1: 'Pablo' };
		for (const n of [0, 1]) Object.assign(values, { [`card_${n}_header`]: '1', [`card_${n}_body_1`]: 'A', [`card_${n}_body_2`]: 'B', [`card_${n}_button_1_url`]: 'u' });
		values.card_1_body_2 = 'y'.repeat(150);
		expect(rejection(succulentCarousel, values).message).toContain('card 2 body');
	});

	it('refuses coupon codes over 20 characters or with symbols', () => {
		const base = { body_1: 'a', body_2: 'b', button_1_url: 'x' };
		expect(rejection(couponCode, { ...base, button_0_coupon_code: 'A'.repeat(21) }).message).toContain('at most 20');
		expect(rejection(couponCode, { ...base, button_0_coupon_code: '25-OFF' }).fix).toContain('Remove spaces, dashes and symbols');
		expect(() => buildTemplateComponents(couponCode, { ...base, button_0_coupon_code: 'A'.repeat(20) })).not.toThrow();
	});

	it('refuses an OTP longer than 15 characters', () => {
		expect(rejection(verificationCode, { otp_code: '1234567890123456' })).toMatchObject({ field: 'otp_code' });
		expect(() => buildTemplateComponents(verificationCode, { otp_code: '123456789012345' })).not.toThrow();
	});

	it('refuses a media header that is neither an ID nor a link', () => {
		const error = rejection(tuscanGetawayImage, { ...imageValues, header: 'photo.jpg' });
		expect(error.field).toBe('header');
		expect(error.fix).toContain('https://');
	});

	it('refuses coordinates outside the globe', () => {
		const values = { header_latitude: '91', header_longitude: '0', body_1: 'Mark', body_2: '1' };
		expect(rejection(orderDeliveryLocation, values).field).toBe('header_latitude');
	});

	it('refuses flow initial data that is not a JSON object', () => {
		expect(rejection(flowOffer, { button_0_flow_action_data: '[1,2]' }).field).toBe('button_0_flow_action_data');
	});

	it('refuses an expiration in seconds or that is not a date', () => {
		const lto = { header: '1', body_1: 'Pablo', body_2: 'C', button_0_coupon_code: 'C', button_1_url: 'x' };
		expect(rejection(limitedTimeOffer, { ...lto, lto_expiration: 1698278400 }).message).toContain('Unix seconds');
		expect(rejection(limitedTimeOffer, { ...lto, lto_expiration: 'next friday' }).message).toContain('not a date');
	});

	it('refuses catalog buttons and GIF headers the form cannot fill in, instead of sending them empty', () => {
		const catalog: TemplateDefinition = { ...flowOffer, components: [{ type: 'BODY', text: 'See our catalog' }, { type: 'BUTTONS', buttons: [{ type: 'CATALOG', text: 'View catalog' }] }] };
		expect(rejection(catalog, {}).field).toBe('button_0');
		const gif: TemplateDefinition = { ...flowOffer, components: [{ type: 'HEADER', format: 'GIF' }, { type: 'BODY', text: 'Hello there' }] };
		expect(rejection(gif, {}).field).toBe('header');
	});
});
