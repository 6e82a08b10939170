import { buildTemplateComponents, templateValuesFromInput } from '../../../nodes/shared/whatsapp/templates';
import { WhatsAppValidationError } from '../../../nodes/shared/whatsapp/validationError';
import { orderConfirmationNamed, tuscanGetawayImage } from './fixtures';

describe('templateValuesFromInput: variables filled from input fields of the same name', () => {
	it('named variables take the bare name; the header variable of that name is filled too; other fields are ignored', () => {
		const values = templateValuesFromInput(orderConfirmationNamed, { first_name: 'Ann', order_number: '860198', button_1_url: 'c-42', phone: '+16505551234' });
		expect(values).toEqual({ header: '860198', body_first_name: 'Ann', body_order_number: '860198', button_1_url: 'c-42' });
	});

	it('a field named like the field ID wins over the bare name', () => {
		const values = templateValuesFromInput(orderConfirmationNamed, { first_name: 'Ann', body_first_name: 'Annie', order_number: 1, button_1_url: 'x' });
		expect(values).toMatchObject({ body_first_name: 'Annie', body_order_number: 1 });
	});

	it('numbered variables take their field IDs (body_1 …), never a bare "1"', () => {
		const values = templateValuesFromInput(tuscanGetawayImage, { 1: 'nope', body_1: 'Mark', body_2: 'Tuscan Getaway package', body_3: '800', header: 'https://example.com/t.jpg' });
		expect(values).toEqual({ header: 'https://example.com/t.jpg', body_1: 'Mark', body_2: 'Tuscan Getaway package', body_3: '800' });
	});

	it('objects are not values, so a missing required variable is reported by the builder as in manual mapping', () => {
		const values = templateValuesFromInput(orderConfirmationNamed, { first_name: { name: 'Ann' }, order_number: '1', button_1_url: 'x' });
		expect(values).not.toHaveProperty('body_first_name');
		expect(() => buildTemplateComponents(orderConfirmationNamed, values)).toThrow(WhatsAppValidationError);
	});
});
