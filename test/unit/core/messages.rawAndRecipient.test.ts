import { buildTextMessage, buildTemplateMessage, checkRawMessage, checkTemplateRecipient } from '../../../nodes/shared/whatsapp/messages';
import { looksLikeBusinessScopedUserId } from '../../../nodes/shared/whatsapp/businessScopedUserId';
import { expectValidationError } from '../../harness/expectValidationError';

describe('recipients identified by a business-scoped user ID (Meta: Business-scoped user IDs)', () => {
	it('a BSUID goes in `recipient`, as given, and no `to` is sent (Meta lets `to` win when both are present)', () => {
		const body = buildTextMessage({ to: ' US.13491208655302741918 ', recipientIdentifier: 'userId', body: 'Hi' });
		expect(body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', recipient: 'US.13491208655302741918', type: 'text', text: { body: 'Hi' } });
	});

	it('a phone number stays in `to` in E.164 by default', () => {
		expect(buildTemplateMessage({ to: '+1 650-555-1234', templateName: 'hello_world', languageCode: 'en_US' })).toMatchObject({ to: '+16505551234' });
	});

	it('a BSUID typed as a phone number, and a phone number typed as a BSUID, get errors naming the option', () => {
		expectValidationError(() => buildTextMessage({ to: 'US.13491208655302741918', body: 'Hi' }), 'to', /Recipient Identified By/);
		expectValidationError(() => buildTextMessage({ to: '+16505551234', recipientIdentifier: 'userId', body: 'Hi' }), 'to', /Phone Number/);
		expectValidationError(() => buildTextMessage({ to: '', recipientIdentifier: 'userId', body: 'Hi' }), 'to', /user_id/);
	});

	it('authentication templates go to phone numbers only; other templates may go to a BSUID', () => {
		const toUser = buildTemplateMessage({ to: 'US.13491208655302741918', recipientIdentifier: 'userId', templateName: 'login_code', languageCode: 'en_US' });
		expectValidationError(() => checkTemplateRecipient(toUser, 'AUTHENTICATION'), 'to', /phone number/);
		expect(() => checkTemplateRecipient(toUser, 'MARKETING')).not.toThrow();
		expect(() => checkTemplateRecipient(buildTemplateMessage({ to: '+16505551234', templateName: 'login_code', languageCode: 'en_US' }), 'AUTHENTICATION')).not.toThrow();
	});

	it('recognises the documented shape: country code, a period, letters and digits', () => {
		expect(looksLikeBusinessScopedUserId('US.13491208655302741918')).toBe(true);
		expect(looksLikeBusinessScopedUserId('BR.ab12')).toBe(true);
		expect(looksLikeBusinessScopedUserId('16505551234')).toBe(false);
		expect(looksLikeBusinessScopedUserId('us.123')).toBe(false);
		expect(looksLikeBusinessScopedUserId(`US.${'1'.repeat(257)}`)).toBe(false);
	});
});

describe('checkRawMessage (Meta: Send messages)', () => {
	const text = { messaging_product: 'whatsapp', to: '+16505551234', type: 'text', text: { body: 'Hi' } };

	it('returns the body unchanged, from an object or its JSON text', () => {
		expect(checkRawMessage(text)).toBe(text);
		expect(checkRawMessage(JSON.stringify({ ...text, to: undefined, recipient: 'US.1' }))).toEqual({ messaging_product: 'whatsapp', recipient: 'US.1', type: 'text', text: { body: 'Hi' } });
	});

	it.each([
		['not JSON', '{"to": ', /quotes/],
		['an array', '[]', /shape/],
		['without messaging_product', { ...text, messaging_product: undefined }, /messaging_product/],
		['without a recipient', { ...text, to: ' ' }, /"to"/],
		['without a type', { ...text, type: undefined }, /"type"/],
		['without the object of its type', { ...text, type: 'image' }, /"image": \{…\}/],
	])('refuses a body %s, naming the fix', (_case, body, fix) => {
		expectValidationError(() => checkRawMessage(body), 'rawBody', fix);
	});
});
