import { buildMarketingMessage, buildTemplateMessage, chooseTemplateRoute } from '../../../nodes/shared/whatsapp/messages';

describe('chooseTemplateRoute (Meta: Send marketing messages, Marketing Messages onboarding)', () => {
	it('Cloud API when Cloud API is asked for, whatever the template', () => {
		expect(chooseTemplateRoute({ preferred: 'cloudApi', category: 'MARKETING', onboardingStatus: 'ONBOARDED' })).toEqual({ route: 'cloudApi', reason: '' });
	});

	it('the Marketing Messages API for a MARKETING template on an onboarded account', () => {
		expect(chooseTemplateRoute({ preferred: 'marketingMessages', category: 'marketing', onboardingStatus: 'ONBOARDED' }).route).toBe('marketingMessages');
	});

	it.each([
		['a UTILITY template', { category: 'UTILITY', onboardingStatus: 'ONBOARDED' }, /MARKETING templates only/],
		['an account only eligible', { category: 'MARKETING', onboardingStatus: 'ELIGIBLE' }, /not onboarded .*ELIGIBLE/],
		['an unknown onboarding status', { category: 'MARKETING' }, /status unknown/],
		['a 360dialog credential', { category: 'MARKETING', onboardingStatus: 'ONBOARDED', provider: 'dialog360' as const }, /360dialog/],
	])('falls back to Cloud API for %s, saying why', (_case, input, reason) => {
		const decision = chooseTemplateRoute({ preferred: 'marketingMessages', ...input });
		expect(decision.route).toBe('cloudApi');
		expect(decision.reason).toMatch(reason);
	});

	it('the /marketing_messages body is the template message with the fallback policy and, when chosen, activity sharing', () => {
		const template = buildTemplateMessage({ to: '+16505551234', templateName: 'spring_coupon', languageCode: 'en_US' });
		expect(buildMarketingMessage(template)).toEqual({ ...template, product_policy: 'CLOUD_API_FALLBACK' });
		expect(buildMarketingMessage(template, { messageActivitySharing: false })).toEqual({ ...template, product_policy: 'CLOUD_API_FALLBACK', message_activity_sharing: false });
	});
});
