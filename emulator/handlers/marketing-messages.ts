/**
 * POST /{phone-number-id}/marketing_messages: the Marketing Messages API for WhatsApp (Meta's
 * "Send marketing messages" page, reference "Marketing Messages Lite API", vendored OpenAPI
 * MarketingMessageRequestPayload). Only MARKETING templates; the WABA's onboarding status decides
 * the route: ONBOARDED → Marketing Messages API (statuses priced `marketing_lite`, the template's
 * TTL applies); otherwise the message goes through Cloud API (priced `marketing`) unless
 * product_policy is STRICT, which refuses it.
 */
import { jsonBody, phoneNumberOf, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';
import { accept, enforceRateLimits } from './messages';
import { checkTemplateRecipient, resolveRecipient } from './recipients';
import { checkTemplateParameters, findSendableTemplate } from './template-send';

type Json = Record<string, any>;

export const sendMarketingMessage: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const message = jsonBody(context) as Json;
	// Meta's Send marketing messages page, its error table: a non-template message is code 100 "Message must be a template message."
	if (message.type !== undefined && message.type !== 'template') throw new MetaApiError(100, 'Message must be a template message. Send other messages with POST /{phone-number-id}/messages.');
	context.validator.validate('sendMarketingMessage', message);
	const recipient = resolveRecipient(context.state, phoneNumber, message);
	const findMedia = (id: string) => context.state.media.get(id);
	const template = findSendableTemplate(context.state.templatesOf(phoneNumber.wabaId), message.template.name, message.template.language.code);
	if (template.category !== 'MARKETING') throw notMarketing(context.version, template.category);
	checkTemplateParameters(template, message.template.components ?? [], findMedia);
	checkTemplateRecipient(recipient, template);

	const settings = context.state.features.settingsOf(phoneNumber.wabaId);
	const onboarded = settings.marketingMessagesOnboardingStatus === 'ONBOARDED';
	if (!onboarded && message.product_policy === 'STRICT') {
		// Meta documents that STRICT refuses the message but not the code; 134102 is its "not eligible / not onboarded" error.
		throw new MetaApiError(
			134102,
			`This WhatsApp Business Account is not onboarded to the Marketing Messages API (status ${settings.marketingMessagesOnboardingStatus}). Onboard it, send with product_policy CLOUD_API_FALLBACK, or use POST /{phone-number-id}/messages.`,
		);
	}
	enforceRateLimits(context, phoneNumber.id, recipient.waId);
	return accept(context, message, phoneNumber.id, recipient, {
		templateCategory: template.category,
		templateId: template.id,
		route: onboarded ? 'marketing_messages' : 'cloud_api',
		messageActivitySharing: typeof message.message_activity_sharing === 'boolean' ? message.message_activity_sharing : settings.messageActivitySharing,
		...(onboarded && template.message_send_ttl_seconds !== undefined ? { ttlSeconds: template.message_send_ttl_seconds } : {}),
	});
};

/** 134100 from v23.0 on; older versions answer 131055 "Only marketing template messages are supported". */
function notMarketing(version: string | undefined, category: string): MetaApiError {
	const major = Number(/^v(\d+)/.exec(version ?? '')?.[1] ?? 99);
	const details = `Template category is ${category}; this endpoint sends MARKETING templates only. Send it with POST /{phone-number-id}/messages.`;
	return major >= 23 ? new MetaApiError(134100, `You're only able to send marketing messages on this API. ${details}`) : new MetaApiError(131055, `Only marketing template messages are supported. ${details}`);
}
