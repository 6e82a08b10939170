/**
 * Graph object paths /{id}: the same path shape serves a phone number (Meta: Phone numbers), a template (Meta: Template management,
 * (Meta: Template management)), a media object (Meta: Media) or the WABA; the ID decides. Unknown IDs are code 100.
 */
import { requestedFields, type Handler } from '../http/context';
import { unknownObject } from '../http/errors';
import { getFlow } from './flows';
import { deleteMedia, getMediaUrl } from './media';
import { phoneNumberView } from './phone-numbers';
import { configurePhoneWebhook } from './subscriptions';
import { editTemplate, templateView } from './templates';
import { getWaba, postWaba } from './waba';

/** Phone number, template, media (Meta: Phone numbers, Template management, Media), WABA object (waba.ts), Flow (flows.ts). */
export const getObject: Handler = (context) => {
	const { id } = context.params;
	const { state } = context;
	const phoneNumber = state.phoneNumbers.get(id);
	if (phoneNumber) return { json: phoneNumberView(context, phoneNumber) };
	const template = state.templates.get(id);
	if (template) return { json: templateView(template, requestedFields(context)) };
	if (state.media.has(id)) return getMediaUrl({ ...context, params: { mediaId: id } });
	const waba = state.wabas.get(id);
	if (waba) return getWaba(context, waba);
	const flow = state.features.flows.get(id);
	if (flow) return getFlow(context, flow);
	throw unknownObject(id);
};

/** Meta's Template management page: POST /{template-id} edits a template; Meta's Webhook overrides page: POST /{phone-number-id} sets its webhook override. */
export const postObject: Handler = (context) => {
	const template = context.state.templates.get(context.params.id);
	if (template) return editTemplate(context, template);
	if (context.state.phoneNumbers.has(context.params.id)) return configurePhoneWebhook(context, context.params.id);
	const waba = context.state.wabas.get(context.params.id);
	if (waba) return postWaba(context, waba);
	throw unknownObject(context.params.id, 'The emulator supports POST /{id} for template edits, phone-number webhook_configuration and WABA is_enabled_for_insights only.');
};

/** Meta's Media page: DELETE /{media-id}. */
export const deleteObject: Handler = (context) => {
	if (context.state.media.has(context.params.id)) return deleteMedia({ ...context, params: { mediaId: context.params.id } });
	throw unknownObject(context.params.id, 'The emulator supports DELETE /{id} for media only.');
};
