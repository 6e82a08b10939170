/** Valid send bodies for the seeded templates the analytics, marketing and BSUID suites use. */
import { FIRST_TEMPLATE_ID } from '../../emulator';

const text = (value: string, parameterName?: string) => ({ type: 'text', text: value, ...(parameterName ? { parameter_name: parameterName } : {}) });

/** Seeded template IDs follow the seed order (seed-templates.ts). */
export const TEMPLATE_IDS = {
	helloWorld: String(FIRST_TEMPLATE_ID),
	orderConfirmation: String(FIRST_TEMPLATE_ID + 1),
	abandonedCart: String(FIRST_TEMPLATE_ID + 2),
};

/** UTILITY, NAMED; QUICK_REPLY "Cancel order" (0) and URL "Track order" (1). */
export const orderConfirmation = {
	type: 'template',
	template: {
		name: 'order_confirmation',
		language: { code: 'en_US' },
		components: [
			{ type: 'header', parameters: [text('860198', 'order_number')] },
			{ type: 'body', parameters: [text('Pablo', 'first_name'), text('860198', 'order_number'), text('$42.00', 'order_total')] },
			{ type: 'button', sub_type: 'url', index: '1', parameters: [text('860198')] },
		],
	},
};

/**
 * The components the node sends for order_confirmation filled with these values: NAMED parameters
 * carry parameter_name, the quick reply gets its text as payload, the URL button the order number.
 */
export function orderConfirmationComponents(values: { firstName: string; orderNumber: string; total: string }) {
	return [
		{ type: 'header', parameters: [text(values.orderNumber, 'order_number')] },
		{ type: 'body', parameters: [text(values.firstName, 'first_name'), text(values.orderNumber, 'order_number'), text(values.total, 'order_total')] },
		{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'Cancel order' }] },
		{ type: 'button', sub_type: 'url', index: '1', parameters: [text(values.orderNumber)] },
	];
}

/** MARKETING; URL "Complete order" (0) and QUICK_REPLY "Stop promotions" (1). */
export const abandonedCart = {
	type: 'template',
	template: {
		name: 'abandoned_cart',
		language: { code: 'en_US' },
		components: [
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/cart.jpg' } }] },
			{ type: 'body', parameters: [text('Pablo'), text('a Golden Barrel cactus')] },
			{ type: 'button', sub_type: 'url', index: 0, parameters: [text('abc123')] },
		],
	},
};

/** AUTHENTICATION with an OTP copy-code button. */
export const loginCode = {
	type: 'template',
	template: {
		name: 'login_code',
		language: { code: 'en_US' },
		components: [
			{ type: 'body', parameters: [text('123456')] },
			{ type: 'button', sub_type: 'url', index: 0, parameters: [text('123456')] },
		],
	},
};
