import { buildMarkAsRead, buildTemplateMessage } from '../../../nodes/shared/whatsapp/messages';
import { expectValidationError } from '../../harness/expectValidationError';
import type { SendTemplateComponent } from '../../../nodes/shared/whatsapp/templates';

describe('buildMarkAsRead (Meta: Mark messages as read)', () => {
	it('builds the plain read receipt', () => {
		expect(buildMarkAsRead({ messageId: 'wamid.HBgL...' })).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.HBgL...' });
	});

	it('adds the typing indicator when asked, exactly like Meta\'s OpenAPI example', () => {
		const messageId = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUYzMjEzNDM2RTZGQ0MzMDJBRgA=';
		expect(buildMarkAsRead({ messageId, typingIndicator: true })).toEqual({
			message_id: messageId,
			messaging_product: 'whatsapp',
			status: 'read',
			typing_indicator: { type: 'text' },
		});
	});

	it('has no recipient or context, and rejects a missing message ID', () => {
		const body = buildMarkAsRead({ messageId: 'wamid.X' });
		expect(body).not.toHaveProperty('to');
		expect(body).not.toHaveProperty('recipient_type');
		expectValidationError(() => buildMarkAsRead({ messageId: ' ' }), 'messageId', /wamid/);
	});
});

describe('buildTemplateMessage (Meta: Template components)', () => {
	it("builds Meta's documented envelope with components", () => {
		const components: SendTemplateComponent[] = [{ type: 'body', parameters: [{ type: 'text', text: 'Jessica' }, { type: 'text', text: 'SKBUP2-4CPIG9' }] }];
		expect(buildTemplateMessage({ to: '+16505551234', templateName: 'order_confirmation', languageCode: 'en_US', components })).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'template',
			template: { name: 'order_confirmation', language: { code: 'en_US' }, components },
		});
	});

	it('omits components for a template without variables (hello_world)', () => {
		const body = buildTemplateMessage({ to: '16505551234', templateName: 'hello_world', languageCode: 'en_US', components: [] });
		expect(body.template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
		expect(body.to).toBe('+16505551234');
	});

	it('keeps reply context and tracking data', () => {
		const body = buildTemplateMessage({ to: '+16505551234', templateName: 't', languageCode: 'en', replyToMessageId: 'wamid.A', bizOpaqueCallbackData: 'campaign-7' });
		expect(body.context).toEqual({ message_id: 'wamid.A' });
		expect(body.biz_opaque_callback_data).toBe('campaign-7');
	});

	it('rejects a missing name or language, and components that are not a list', () => {
		expectValidationError(() => buildTemplateMessage({ to: '+16505551234', templateName: '', languageCode: 'en_US' }), 'templateName', /approved template/);
		expectValidationError(() => buildTemplateMessage({ to: '+16505551234', templateName: 'x', languageCode: ' ' }), 'languageCode', /en_US/);
		expectValidationError(() => buildTemplateMessage({ to: '+16505551234', templateName: 'x', languageCode: 'en', components: {} as never }), 'components');
	});
});
