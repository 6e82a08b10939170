import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { withTemplateVariables } from '../../../shared/whatsapp/templates';
import type { OperationContext } from '../types';
import { fetchTemplateById, fetchTemplatesNamed } from '../../transport/templates';
import { chooseTranslation, parseTemplateReference, requireTemplateName } from '../../transport/templateReference';
import { templateLocator } from '../commonFields';

const properties: INodeProperties[] = [
	templateLocator({ approvedOnly: false, withId: true, description: 'The template to read, in any status' }),
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['get'] } }, properties);

/** One template with its status, components and the variables Send Template will ask for (Meta: Template management). */
export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const reference = parseTemplateReference(this.getNodeParameter('template', i, '', { extractValue: true }));
	const template = reference.templateId
		? await fetchTemplateById.call(this, context.connection, reference.templateId, i)
		: chooseTranslation(await fetchTemplatesNamed.call(this, context.connection, requireTemplateName(reference), i), reference);
	if (!template) {
		const what = reference.templateId ? `with ID ${reference.templateId}` : `"${reference.name}"${reference.language ? ` in ${reference.language}` : ''}`;
		throw new NodeOperationError(this.getNode(), `No template ${what} was found`, {
			description: 'Pick the template from the list, or check its name and language code (e.g. en_US) in WhatsApp Manager.',
			itemIndex: i,
		});
	}
	return [{ json: withTemplateVariables(template) }];
}
