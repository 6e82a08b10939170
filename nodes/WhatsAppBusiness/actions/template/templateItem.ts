import type { IDataObject } from 'n8n-workflow';
import { countTemplateParameters, templateParameterFields } from '../../../shared/whatsapp/templates';
import type { StoredTemplate } from './templateApi';

/**
 * A template as an output item: Meta's fields as returned (§3.2), plus the variables Send
 * Template needs (ids as its Template Variables fields name them), so a later node or an AI
 * agent can fill them without reading the components.
 */
export function templateItem(template: StoredTemplate): IDataObject {
	const variables = templateParameterFields(template).map((field) => ({
		id: field.id,
		label: field.displayName,
		required: field.required,
		...(field.example !== undefined ? { example: field.example } : {}),
	}));
	return { ...template, parameterCount: countTemplateParameters(template).total, variables };
}
