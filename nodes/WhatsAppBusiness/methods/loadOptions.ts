import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { fetchAllTemplates } from '../transport/templates';
import { connectionForOptions } from '../transport/connection';

/** The language codes the WABA's templates use (en_US, es_ES…), for filtering the template list. */
export async function getTemplateLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const connection = await connectionForOptions.call(this);
	const templates = await fetchAllTemplates.call(this, connection, {});
	const languages = [...new Set(templates.map((template) => template.language))].sort();
	return languages.map((language) => ({ name: language, value: language }));
}
