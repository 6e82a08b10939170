import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, requireId, type CommonMessageOptions } from './common';
import type { SendTemplateComponent } from '../templates/types';
import type { TemplateMessageBody } from './types';

export interface TemplateMessageInput extends CommonMessageOptions {
	templateName: string;
	/** Code of an approved translation, e.g. en_US (Meta: Template components). */
	languageCode: string;
	/** Parameter values, as produced by the templates module. */
	components?: SendTemplateComponent[];
}

/** Meta's Template components page: template message envelope; the components are validated where they are built. */
export function buildTemplateMessage(input: TemplateMessageInput): TemplateMessageBody {
	const name = requireId(input.templateName, 'templateName', 'The template name', 'Choose an approved template by its name, e.g. order_confirmation.');
	const code = requireId(input.languageCode, 'languageCode', 'The template language', 'Choose the language of an approved translation, e.g. en_US.');
	const { components } = input;
	if (components !== undefined && !Array.isArray(components)) {
		throw new WhatsAppValidationError('The template components are not a list.', 'components', 'Give the components as a list, or leave them out for a template without variables.');
	}
	const template: TemplateMessageBody['template'] = { name, language: { code } };
	if (components && components.length > 0) template.components = components;
	return { ...buildEnvelope(input), type: 'template', template };
}

/**
 * Meta's Business-scoped user IDs page: authentication templates (one-tap, zero-tap, copy code) go
 * to phone numbers only (Meta answers 131062 otherwise), so such a body is refused before sending.
 * Throws WhatsAppValidationError (field `to`).
 */
export function checkTemplateRecipient(body: TemplateMessageBody, category: string | undefined): void {
	if (body.recipient === undefined || String(category ?? '').toUpperCase() !== 'AUTHENTICATION') return;
	throw new WhatsAppValidationError(
		`"${body.template.name}" is an authentication template: WhatsApp sends those to phone numbers only, not to business-scoped user IDs.`,
		'to',
		"Send it to the customer's phone number (Recipient Identified By: Phone Number).",
	);
}
