import { WhatsAppConfigurationError } from '../../shared/transport';
import type { StoredTemplate } from './templates';

/**
 * How a template is named in the node: `order_confirmation|en_US` (what the list stores and what
 * "By Name" takes), a bare name plus a separate language, or a template ID (Get and Delete).
 */
export interface TemplateReference {
	name?: string;
	language?: string;
	templateId?: string;
}

export function parseTemplateReference(value: unknown, separateLanguage?: string): TemplateReference {
	const text = String(value ?? '').trim();
	if (/^\d+$/.test(text)) return { templateId: text };
	const [name, language] = text.split('|').map((part) => part.trim());
	const chosenLanguage = language || (separateLanguage ?? '').trim();
	return { ...(name ? { name } : {}), ...(chosenLanguage ? { language: chosenLanguage } : {}) };
}

export const templateValue = (template: Pick<StoredTemplate, 'name' | 'language'>) => `${template.name}|${template.language}`;

/**
 * The one translation a reference means. Without a language, a name with a single translation
 * is unambiguous; with several, the user has to say which (Meta needs the exact code, (Meta: Template components)).
 */
export function chooseTranslation(translations: StoredTemplate[], reference: TemplateReference): StoredTemplate | undefined {
	if (reference.language) return translations.find((template) => template.language === reference.language);
	const approved = translations.filter((template) => template.status === 'APPROVED');
	const pool = approved.length > 0 ? approved : translations;
	if (pool.length <= 1) return pool[0];
	throw new WhatsAppConfigurationError(
		`The template "${reference.name}" exists in several languages (${pool.map((template) => template.language).join(', ')}).`,
		`Say which one: pick it from the list, or write it as ${reference.name}|${pool[0].language}.`,
	);
}

export function requireTemplateName(reference: TemplateReference): string {
	if (reference.name) return reference.name;
	throw new WhatsAppConfigurationError(
		'No template is chosen.',
		'Pick a template from the list, or type it By Name as name|language, e.g. order_confirmation|en_US.',
	);
}
