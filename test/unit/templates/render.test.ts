import fc from 'fast-check';
import { buildTemplateComponents, renderTemplateText, templateParameterFields } from '../../../nodes/shared/whatsapp/templates';
import type { TemplateDefinition } from '../../../nodes/shared/whatsapp/templates';
import { allTemplates, helloWorld, orderConfirmationNamed, orderDeliveryLocation, tuscanGetawayImage, verificationCode } from './fixtures';

describe('renderTemplateText', () => {
	it('fills NAMED placeholders in header and body and joins the parts with blank lines', () => {
		const rendered = renderTemplateText(orderConfirmationNamed, { header: '860198', body_first_name: 'Jessica', body_order_number: 'SKBUP2-4CPIG9' });
		expect(rendered).toEqual({
			header: 'Order 860198',
			body: 'Thank you, Jessica! Your order number is SKBUP2-4CPIG9.',
			footer: 'Lucky Shrub',
			buttons: ['Cancel order', 'Track', 'Call us'],
			text: 'Order 860198\n\nThank you, Jessica! Your order number is SKBUP2-4CPIG9.\n\nLucky Shrub',
		});
	});

	it('fills POSITIONAL placeholders and leaves out a media header', () => {
		const rendered = renderTemplateText(tuscanGetawayImage, { header: '1', body_1: 'Mark', body_2: 'Tuscan Getaway package', body_3: 800 });
		expect(rendered.header).toBeUndefined();
		expect(rendered.body).toBe('Hi Mark! For a limited time only you can get our Tuscan Getaway package for as low as 800. Tap the Offer Details button for more information.');
		expect(rendered.text).toBe(`${rendered.body}\n\nOffer valid until May 31, 2023`);
	});

	it('does not HTML-escape values and does not evaluate Handlebars syntax inside them', () => {
		const rendered = renderTemplateText(orderDeliveryLocation, { body_1: 'Tom & <Jerry> "{{x}}"', body_2: '{{#each a}}\\{{2}}' });
		expect(rendered.body).toBe('Good news Tom & <Jerry> "{{x}}"! Your order #{{#each a}}\\{{2}} is on its way to the location above. Thank you for your order!');
	});

	it('keeps literal braces, backslashes and helper-like names in the template text', () => {
		const def: TemplateDefinition = { ...helloWorld, parameter_format: 'NAMED', components: [{ type: 'BODY', text: 'C:\\{{log}} {{{x}}} {{#if}} {{lookup}} }} end' }] };
		expect(renderTemplateText(def, { body_log: 'dir', body_lookup: 'L' }).body).toBe('C:\\dir {{{x}}} {{#if}} L }} end');
	});

	it('shows a placeholder that has no value yet as written', () => {
		expect(renderTemplateText(orderConfirmationNamed, { body_first_name: 'Jessica' }).body)
			.toBe('Thank you, Jessica! Your order number is {{order_number}}.');
	});

	it('puts the OTP into an authentication body', () => {
		const rendered = renderTemplateText(verificationCode, { otp_code: '123456' });
		expect(rendered.body).toBe('*123456* is your verification code. For your security, do not share this code.');
		expect(rendered.footer).toBe('This code expires in 10 minutes.');
		expect(rendered.buttons).toEqual(['Copy Code']);
	});

	it('renders a template without variables unchanged', () => {
		expect(renderTemplateText(helloWorld, {}).text.startsWith('Hello World\n\nWelcome and congratulations!!')).toBe(true);
	});

	it('substitutes exactly like plain string replacement for any value', () => {
		fc.assert(fc.property(fc.string(), fc.string(), (first, order) => {
			const body = renderTemplateText(orderConfirmationNamed, { body_first_name: `x${first}`, body_order_number: `y${order}` }).body;
			expect(body).toBe(`Thank you, x${first}! Your order number is y${order}.`);
		}));
	});
});

describe('fields and components agree', () => {
	const safeValue = (kind: string, id: string): string => {
		if (kind === 'image' || kind === 'video' || kind === 'document') return id.endsWith('filename') ? 'file.pdf' : '1339522734477770';
		if (kind === 'location') return id.endsWith('itude') ? '12.5' : 'Somewhere';
		if (kind === 'expiration_time') return '1698278400000';
		if (kind === 'flow') return id.endsWith('data') ? '{"a":1}' : 'token';
		return 'ABC123';
	};

	it.each(allTemplates.map((def) => [def.name, def] as const))('%s builds once every field listed is filled in', (_name, def) => {
		const values = Object.fromEntries(templateParameterFields(def).map((field) => [field.id, safeValue(field.kind, field.id)]));
		const components = buildTemplateComponents(def, values);
		const sent = JSON.stringify(components);
		for (const value of new Set(Object.values(values))) if (value !== '{"a":1}') expect(sent).toContain(value);
	});
});
