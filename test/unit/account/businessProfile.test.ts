import { BUSINESS_VERTICALS, buildBusinessProfileUpdate } from '../../../nodes/shared/whatsapp/account/businessProfile';
import { expectValidationError } from '../../harness/expectValidationError';

describe('buildBusinessProfileUpdate (Meta: Business profiles)', () => {
	test('sends only the fields given, with messaging_product (Meta example values)', () => {
		expect(
			buildBusinessProfileUpdate({
				about: 'Succulent specialists!',
				email: 'lucky@luckyshrub.com',
				vertical: 'RETAIL',
				websites: ['https://www.luckyshrub.com'],
			}),
		).toEqual({
			messaging_product: 'whatsapp',
			about: 'Succulent specialists!',
			email: 'lucky@luckyshrub.com',
			vertical: 'RETAIL',
			websites: ['https://www.luckyshrub.com'],
		});
	});

	test('limits are inclusive: 139 characters of About (emoji count once) pass, 140 do not', () => {
		expect(buildBusinessProfileUpdate({ about: '🌵'.repeat(139) }).about).toHaveLength(278);
		expectValidationError(() => buildBusinessProfileUpdate({ about: 'a'.repeat(140) }), 'about', /139/);
	});

	test('About cannot be blank', () => {
		expectValidationError(() => buildBusinessProfileUpdate({ about: '   ' }), 'about', /1 to 139/);
	});

	test.each([
		['address', 256],
		['description', 512],
	] as const)('%s is limited to %i characters', (field, max) => {
		expect(buildBusinessProfileUpdate({ [field]: 'x'.repeat(max) })[field]).toHaveLength(max);
		expectValidationError(() => buildBusinessProfileUpdate({ [field]: 'x'.repeat(max + 1) }), field, new RegExp(String(max)));
	});

	test('email must look like an address and fit 128 characters', () => {
		expectValidationError(() => buildBusinessProfileUpdate({ email: 'lucky at luckyshrub' }), 'email', /hello@example\.com/);
		expectValidationError(() => buildBusinessProfileUpdate({ email: `${'a'.repeat(120)}@shrub.com` }), 'email', /128/);
		expect(buildBusinessProfileUpdate({ email: ' lucky@luckyshrub.com ' }).email).toBe('lucky@luckyshrub.com');
	});

	test('at most two websites, each a full http(s) address; blanks are dropped', () => {
		expect(buildBusinessProfileUpdate({ websites: ['https://a.example.com', ' ', 'http://b.example.com/shop'] }).websites).toEqual([
			'https://a.example.com',
			'http://b.example.com/shop',
		]);
		expectValidationError(() => buildBusinessProfileUpdate({ websites: ['https://a.com', 'https://b.com', 'https://c.com'] }), 'websites', /two/);
		expectValidationError(() => buildBusinessProfileUpdate({ websites: ['www.luckyshrub.com'] }), 'websites', /https:\/\//);
		expectValidationError(() => buildBusinessProfileUpdate({ websites: [`https://shrub.com/${'p'.repeat(240)}`] }), 'websites', /256/);
	});

	test('vertical must be one of Meta’s categories; case is forgiven', () => {
		expect(buildBusinessProfileUpdate({ vertical: 'prof_services' }).vertical).toBe('PROF_SERVICES');
		expectValidationError(() => buildBusinessProfileUpdate({ vertical: 'GARDENING' }), 'vertical', /RETAIL/);
		expect(BUSINESS_VERTICALS).toEqual(expect.arrayContaining(['NOT_A_BIZ', 'RESTAURANT', 'OTC_DRUGS']));
	});

	test('an update with no field is refused', () => {
		expectValidationError(() => buildBusinessProfileUpdate({}), 'updateFields', /at least one/);
	});
});
