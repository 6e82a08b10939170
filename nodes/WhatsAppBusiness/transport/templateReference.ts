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

const byLanguage = (translations: StoredTemplate[]) =>
	translations.map((template) => (template.status === 'APPROVED' ? template.language : `${template.language} (${template.status.toLowerCase()})`)).join(', ');

/**
 * The translation a send means, refused before anything is sent when the look-up shows WhatsApp
 * would refuse it (Meta: Template components, Template quality): no template has the name (132001),
 * none is in the language asked for (132001), or it is not APPROVED (132001, 132015 paused, 132016
 * disabled). Each refusal lists the languages that do exist and what to write instead. Throws
 * WhatsAppConfigurationError; `similarNames` are suggested for an unknown name.
 */
export function sendableTranslation(translations: StoredTemplate[], similarNames: string[], reference: TemplateReference): StoredTemplate {
	const name = reference.name ?? '';
	if (translations.length === 0) {
		const suggestions = similarNames.slice(0, 5);
		throw new WhatsAppConfigurationError(
			`No template named "${name}" exists in this WhatsApp Business Account.`,
			suggestions.length > 0
				? `Did you mean ${suggestions.map((candidate) => `"${candidate}"`).join(' or ')}? Template names must match exactly (lower case, underscores); pick the template from the list.`
				: 'Check the name in WhatsApp Manager › Message templates (names are lower case with underscores, e.g. order_confirmation), or pick the template from the list.',
		);
	}
	const approved = translations.filter((template) => template.status === 'APPROVED');
	const chosen = chooseTranslation(translations, reference);
	if (!chosen) {
		const suggestion = approved[0] ?? translations[0];
		throw new WhatsAppConfigurationError(
			`The template "${name}" has no ${reference.language} translation; it exists in ${byLanguage(translations)}.`,
			`Use a language it exists in, e.g. ${name}|${suggestion.language} (a language code must match exactly: en_US, not en), or pick the template from the list.`,
		);
	}
	if (chosen.status !== 'APPROVED') {
		const others = approved.length > 0 ? ` It is approved in ${approved.map((template) => template.language).join(', ')}.` : '';
		throw new WhatsAppConfigurationError(
			`The template "${name}" (${chosen.language}) is ${chosen.status}; WhatsApp sends only approved templates.${others}`,
			STATUS_FIX[chosen.status] ?? 'Wait until WhatsApp approves it (WhatsApp Manager › Message templates shows its status), or choose an approved template.',
		);
	}
	return chosen;
}

const STATUS_FIX: Record<string, string> = {
	PAUSED: 'It was paused for low quality: wait until it is unpaused, or edit it in WhatsApp Manager, or choose another template.',
	DISABLED: 'It was disabled after repeated low quality: create a new template and send that one.',
	REJECTED: 'It was rejected: edit it in WhatsApp Manager (the rejection reason is shown there) and submit it again, or choose another template.',
};
