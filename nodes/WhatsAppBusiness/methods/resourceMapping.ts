import { NodeOperationError, type ILoadOptionsFunctions, type ResourceMapperField, type ResourceMapperFields } from 'n8n-workflow';
import { toNodeError } from '../../shared/transport';
import {
	templateParameterFields,
	type TemplateButtonDefinition,
	type TemplateDefinition,
	type TemplateParameterField,
} from '../../shared/whatsapp/templates';
import { fetchTemplatesNamed } from '../transport/templates';
import { chooseTranslation, parseTemplateReference, requireTemplateName } from '../transport/templateReference';
import { connectionForOptions } from '../transport/connection';

/**
 * One mapper field per value the chosen template needs (header, each variable, each button that
 * takes a value), read from the template itself: no positional guessing, unlike n8n's built-in WhatsApp node, where the user keeps the parameter order by hand.
 */
export async function getTemplateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	try {
		const locator = this.getCurrentNodeParameter('template', { extractValue: true });
		const language = this.getCurrentNodeParameter('templateOptions.languageCode') as string | undefined;
		const reference = parseTemplateReference(locator, language);
		const name = requireTemplateName(reference);
		const connection = await connectionForOptions.call(this);
		const template = chooseTranslation(await fetchTemplatesNamed.call(this, connection, name), reference);
		if (!template) {
			throw new NodeOperationError(this.getNode(), `The template "${name}"${reference.language ? ` (${reference.language})` : ''} was not found`, {
				description: 'Pick the template from the list; only approved templates in that language can be sent.',
			});
		}
		const fields = templateParameterFields(template).map((field) => mapperField(template, field));
		return {
			fields,
			...(fields.length === 0 ? { emptyFieldsNotice: `"${template.name}" has no variables: it is sent exactly as approved.` } : {}),
		};
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

/** Quick-reply payloads and flow data have sensible defaults, so they start hidden (addable). */
const HIDDEN_BY_DEFAULT = new Set(['payload', 'flow']);

function mapperField(template: TemplateDefinition, field: TemplateParameterField): ResourceMapperField {
	return {
		id: field.id,
		displayName: fieldLabel(template, field),
		required: field.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
		removed: !field.required && HIDDEN_BY_DEFAULT.has(field.kind),
	};
}

/** Labels say what to type; the field form shows no descriptions, so the hint goes in the label. */
function fieldLabel(template: TemplateDefinition, field: TemplateParameterField): string {
	const where = field.cardIndex === undefined ? '' : `Card ${field.cardIndex + 1} `;
	const button = buttonOf(template, field);
	const buttonName = `${where}Button ${(field.buttonIndex ?? 0) + 1}`;
	const example = field.example !== undefined ? ` (e.g. ${field.example})` : '';
	const optional = field.required ? '' : ' (optional)';
	switch (field.kind) {
		case 'image':
		case 'video':
		case 'document':
			return field.id.endsWith('filename')
				? `${where}Header document filename${optional}`
				: `${where}Header ${field.kind} (media ID or https link)`;
		case 'url_suffix':
			return `${buttonName} URL suffix (${button?.url ?? 'the end of the link'})`;
		case 'coupon_code':
			return `${buttonName} coupon code${example}`;
		case 'payload':
			return `${buttonName} "${button?.text ?? 'Quick reply'}" payload${optional}`;
		case 'text':
			return `${field.displayName}${example}`;
		default:
			return `${field.displayName}${optional}`;
	}
}

function buttonOf(template: TemplateDefinition, field: TemplateParameterField): TemplateButtonDefinition | undefined {
	if (field.buttonIndex === undefined) return undefined;
	const upper = (value: string | undefined) => (value ?? '').toUpperCase();
	const components =
		field.cardIndex === undefined
			? template.components
			: (template.components.find((component) => upper(component.type) === 'CAROUSEL')?.cards?.[field.cardIndex]?.components ?? []);
	return components.find((component) => upper(component.type) === 'BUTTONS')?.buttons?.[field.buttonIndex];
}
