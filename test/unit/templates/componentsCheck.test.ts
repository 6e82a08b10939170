/** B4: Components (JSON) checked against the fetched definition before sending, as WhatsApp checks it (132000). */
import { buildTemplateComponents, checkComponentsAgainstTemplate, combineComponents } from '../../../nodes/shared/whatsapp/templates';
import { expectValidationError } from '../../harness/expectValidationError';
import { couponCode, orderConfirmationNamed, orderReceiptDocument, tuscanGetawayImage } from './fixtures';

const text = (value: string, name?: string) => ({ type: 'text' as const, text: value, ...(name ? { parameter_name: name } : {}) });

describe('checkComponentsAgainstTemplate', () => {
	it('passes what the fields build: named, positional with an image header, copy code and URL buttons, document header', () => {
		const values: Record<string, Record<string, string>> = {
			[orderReceiptDocument.name]: { header: 'https://example.com/r.pdf', body_1: 'Mark', body_2: '860198' },
		};
		for (const template of [orderConfirmationNamed, tuscanGetawayImage, couponCode]) {
			const built = buildTemplateComponents(template, exampleValues(template.name));
			expect(() => checkComponentsAgainstTemplate(template, built)).not.toThrow();
		}
		expect(() => checkComponentsAgainstTemplate(orderReceiptDocument, buildTemplateComponents(orderReceiptDocument, values[orderReceiptDocument.name]))).not.toThrow();
	});

	it('a body with more values than variables is refused, naming both counts and the variables', () => {
		const built = buildTemplateComponents(couponCode, exampleValues(couponCode.name));
		const raw = [{ type: 'body' as const, parameters: [text('25OFF'), text('25%'), text('extra')] }];
		const error = expectValidationError(() => checkComponentsAgainstTemplate(couponCode, combineComponents(built, raw, 'merge')), 'componentsJson', /exactly 2 parameters/);
		expect(error.message).toMatch(/body of the template "coupon_code_fall2023_25off" \(en_US\) takes 2 parameters \(\{\{1\}\}, \{\{2\}\}\); the components give 3/);
	});

	it('Send Only These without the media header the template has is refused', () => {
		const raw = [{ type: 'body' as const, parameters: [text('Mark'), text('Tuscan'), text('x'), text('y')] }];
		const error = expectValidationError(() => checkComponentsAgainstTemplate(tuscanGetawayImage, raw), 'componentsJson');
		expect(error.message).toMatch(/header .* takes 1 parameter \(the image\); the components give 0/);
	});

	it('a named template needs every variable by name', () => {
		const built = buildTemplateComponents(orderConfirmationNamed, exampleValues(orderConfirmationNamed.name));
		const raw = [{ type: 'body' as const, parameters: [text('Jessica', 'first_name'), text('SKBUP2', 'order_no')] }];
		const error = expectValidationError(() => checkComponentsAgainstTemplate(orderConfirmationNamed, combineComponents(built, raw, 'merge')), 'componentsJson', /parameter_name/);
		expect(error.message).toMatch(/no value named order_number/);
	});

	it('buttons: a missing copy code, a parameter for a static button, and an index that does not exist', () => {
		const built = buildTemplateComponents(couponCode, exampleValues(couponCode.name));
		const withoutCode = built.filter((component) => !('sub_type' in component && component.sub_type === 'copy_code'));
		expectValidationError(() => checkComponentsAgainstTemplate(couponCode, withoutCode), 'componentsJson', /index 0/);
		const staticButton = [...buildTemplateComponents(orderReceiptDocument, { header: '1037', body_1: 'a', body_2: 'b' }), { type: 'button' as const, sub_type: 'url' as const, index: '1', parameters: [text('x')] }];
		expect(() => checkComponentsAgainstTemplate(orderReceiptDocument, staticButton)).toThrow(/takes no parameter/);
		const noSuchButton = [...built, { type: 'button' as const, sub_type: 'quick_reply' as const, index: '7', parameters: [{ type: 'payload' as const, payload: 'x' }] }];
		expect(() => checkComponentsAgainstTemplate(couponCode, noSuchButton)).toThrow(/index 7.*has 2 buttons/);
	});

	it('a component type the template does not have is refused', () => {
		const built = buildTemplateComponents(couponCode, exampleValues(couponCode.name));
		expect(() => checkComponentsAgainstTemplate(couponCode, [...built, { type: 'limited_time_offer', parameters: [] }])).toThrow(/limited_time_offer component, but the template .* has none/);
	});
});

function exampleValues(name: string): Record<string, string> {
	const values: Record<string, Record<string, string>> = {
		[orderConfirmationNamed.name]: { header: '860198', body_first_name: 'Jessica', body_order_number: 'SKBUP2', button_1_url: '860198' },
		[tuscanGetawayImage.name]: { header: '1339522734477770', body_1: 'Mark', body_2: 'Tuscan', body_3: 'x', body_4: 'y' },
		[couponCode.name]: { body_1: '25OFF', body_2: '25%', button_0_coupon_code: '25OFF', button_1_url: 'fall' },
	};
	return values[name];
}
