import { editDistance, similarTemplateNames } from '../../../nodes/shared/whatsapp/templates';

describe('Minor 9: template name suggestions by edit distance', () => {
	test('the distance counts an insertion, a deletion, a substitution and a swap of neighbours as one edit each', () => {
		expect(editDistance('order_confirmation', 'order_confirmation')).toBe(0);
		expect(editDistance('order_confirmaton', 'order_confirmation')).toBe(1);
		expect(editDistance('order_confirmationn', 'order_confirmation')).toBe(1);
		expect(editDistance('order_confirmatiom', 'order_confirmation')).toBe(1);
		expect(editDistance('order_cofnirmation', 'order_confirmation')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
	});

	test('the distance stops early past its limit', () => {
		expect(editDistance('shipping_update', 'order_confirmation', 2)).toBe(3);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
	});

	test('a typo is answered with the nearest name first; case, spaces and hyphens do not count as edits', () => {
		const names = ['order_confirmation', 'order_cancelled', 'shipping_update', 'order_confirmation_v2'];
		expect(similarTemplateNames('order_confirmaton', names)[0]).toBe('order_confirmation');
		expect(similarTemplateNames('Order Confirmation', names)[0]).toBe('order_confirmation');
		expect(similarTemplateNames('order-confirmation', names)[0]).toBe('order_confirmation');
		expect(similarTemplateNames('shiping_update', names)).toEqual(['shipping_update']);
	});

	test('names containing the one typed are suggested after the near ones', () => {
		expect(similarTemplateNames('order_confirmatio', ['order_confirmation_v2', 'order_confirmation'])).toEqual(['order_confirmation', 'order_confirmation_v2']);
		expect(similarTemplateNames('cart', ['abandoned_cart', 'cat'])).toEqual(['cat', 'abandoned_cart']);
	});

	test('nothing unlike the name is suggested, nor the name itself, nor more than the limit', () => {
		expect(similarTemplateNames('welcome', ['order_confirmation', 'shipping_update'])).toEqual([]);
		expect(similarTemplateNames('welcome', ['welcome'])).toEqual([]);
		expect(similarTemplateNames('', ['welcome'])).toEqual([]);
		expect(similarTemplateNames('promo_a', ['promo_b', 'promo_c', 'promo_d', 'promo_e'], 2)).toHaveLength(2);
	});
});
