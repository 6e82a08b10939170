import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { fetchWabaPhoneNumbers } from '../transport/analytics';
import { fetchAllTemplates } from '../transport/templates';
import { connectionForOptions } from '../transport/connection';

/** The language codes the WABA's templates use (en_US, es_ES…), for filtering the template list. */
export async function getTemplateLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const connection = await connectionForOptions.call(this);
	const templates = await fetchAllTemplates.call(this, connection, {});
	const languages = [...new Set(templates.map((template) => template.language))].sort();
	return languages.map((language) => ({ name: language, value: language }));
}

/** Templates for analytics: every one ever sendable (not pending or rejected), value = template ID. */
export async function getAnalyticsTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const connection = await connectionForOptions.call(this);
	const templates = await fetchAllTemplates.call(this, connection, {});
	return templates
		.filter((template) => template.status !== 'PENDING' && template.status !== 'REJECTED')
		.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
		.map((template) => ({ name: `${template.name} (${template.language}) · ${template.category}`, value: template.id }));
}

/** The WABA's numbers for the analytics filters, value = the display number in digits (Meta filters by it). */
export async function getAnalyticsPhoneNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const connection = await connectionForOptions.call(this);
	const numbers = await fetchWabaPhoneNumbers.call(this, connection);
	return numbers.map((number) => ({ name: `+${number.displayPhoneNumber}${number.verifiedName ? ` (${number.verifiedName})` : ''}`, value: number.displayPhoneNumber }));
}
