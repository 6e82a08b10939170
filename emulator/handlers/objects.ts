/**
 * Graph object paths /{id}: the same path shape serves a phone number (Meta: Phone numbers), a template (Meta: Template management,
 * (Meta: Template management)), a media object (Meta: Media) or the WABA; the ID decides. Unknown IDs are code 100.
 */
import { pickFields, requestedFields, type Handler } from '../http/context';
import { unknownObject } from '../http/errors';
import { deleteMedia, getMediaUrl } from './media';
import { phoneNumberView } from './phone-numbers';
import { configurePhoneWebhook } from './subscriptions';
import { editTemplate, templateView } from './templates';

const WABA_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace'] as const;

/** Meta's Phone numbers page: (phone number), Meta's Template management page: (template), Meta's Media page: (media), WABA object. */
export const getObject: Handler = (context) => {
	const { id } = context.params;
	const { state } = context;
	const phoneNumber = state.phoneNumbers.get(id);
	if (phoneNumber) return { json: phoneNumberView(context, phoneNumber) };
	const template = state.templates.get(id);
	if (template) return { json: templateView(template, requestedFields(context)) };
	if (state.media.has(id)) return getMediaUrl({ ...context, params: { mediaId: id } });
	const waba = state.wabas.get(id);
	if (waba) return { json: { ...pickFields({ ...waba }, requestedFields(context) ?? ['id', 'name'], WABA_FIELDS, 'WhatsAppBusinessAccount'), id } };
	throw unknownObject(id);
};

/** Meta's Template management page: POST /{template-id} edits a template; Meta's Webhook overrides page: POST /{phone-number-id} sets its webhook override. */
export const postObject: Handler = (context) => {
	const template = context.state.templates.get(context.params.id);
	if (template) return editTemplate(context, template);
	if (context.state.phoneNumbers.has(context.params.id)) return configurePhoneWebhook(context, context.params.id);
	throw unknownObject(context.params.id, 'The emulator supports POST /{id} for template edits and phone-number webhook_configuration only.');
};

/** Meta's Media page: DELETE /{media-id}. */
export const deleteObject: Handler = (context) => {
	if (context.state.media.has(context.params.id)) return deleteMedia({ ...context, params: { mediaId: context.params.id } });
	throw unknownObject(context.params.id, 'The emulator supports DELETE /{id} for media only.');
};
