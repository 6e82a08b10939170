import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { endpoints, whatsAppRequest, WhatsAppConfigurationError } from '../../../shared/transport';
import type { OperationContext } from '../types';
import { fetchTemplateById, fetchTemplatesNamed, type StoredTemplate } from '../../transport/templates';
import { chooseTranslation, parseTemplateReference, requireTemplateName } from '../../transport/templateReference';
import { templateLocator } from '../commonFields';

const properties: INodeProperties[] = [
	templateLocator({ approvedOnly: false, withId: true, description: 'The template to delete' }),
	{
		displayName: 'Delete',
		name: 'deleteScope',
		type: 'options',
		default: 'allLanguages',
		options: [
			{
				name: 'All Languages of This Name',
				value: 'allLanguages',
				description: 'Every translation with this name (an approved name cannot be reused for 30 days)',
			},
			{
				name: 'Only This Translation',
				value: 'oneTranslation',
				description: 'Just the chosen language (or template ID); not available with 360dialog',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['delete'] } }, properties);

/**
 * Meta's Template management page: ?name= deletes every language, ?hsm_id=&name= one translation; 360dialog deletes by name
 * only (docs/360dialog.md). A template given by ID always means that one translation.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const { connection } = context;
	const reference = parseTemplateReference(this.getNodeParameter('template', i, '', { extractValue: true }));
	const scope = reference.templateId ? 'oneTranslation' : (this.getNodeParameter('deleteScope', i, 'allLanguages') as string);
	if (scope === 'allLanguages') {
		const name = requireTemplateName(reference);
		await deleteRequest.call(this, context, { name });
		return [{ json: { success: true, deleted: 'allLanguages', name } }];
	}
	if (connection.provider === 'dialog360') {
		throw new WhatsAppConfigurationError(
			"360dialog deletes templates by name only, which removes every language.",
			'Set "Delete" to "All Languages of This Name", or delete the single translation in the 360dialog Hub.',
		);
	}
	const template = await translationToDelete.call(this, context, reference);
	await deleteRequest.call(this, context, { name: template.name, hsm_id: template.id });
	return [{ json: { success: true, deleted: 'oneTranslation', name: template.name, language: template.language, templateId: template.id } }];
}

async function translationToDelete(
	this: IExecuteFunctions,
	context: OperationContext,
	reference: ReturnType<typeof parseTemplateReference>,
): Promise<StoredTemplate> {
	const i = context.itemIndex;
	const template = reference.templateId
		? await fetchTemplateById.call(this, context.connection, reference.templateId, i)
		: chooseTranslation(await fetchTemplatesNamed.call(this, context.connection, requireTemplateName(reference), i), reference);
	if (template) return template;
	throw new NodeOperationError(this.getNode(), `No template "${reference.name}"${reference.language ? ` in ${reference.language}` : ''} was found`, {
		description: 'Pick the template from the list; it may already have been deleted.',
		itemIndex: i,
	});
}

async function deleteRequest(this: IExecuteFunctions, context: OperationContext, query: { name: string; hsm_id?: string }) {
	const { connection } = context;
	const url = connection.provider === 'dialog360' ? endpoints.templateByName(connection, query.name) : endpoints.templates(connection);
	await whatsAppRequest.call(this, connection, {
		method: 'DELETE',
		url,
		qs: connection.provider === 'dialog360' ? undefined : query,
		itemIndex: context.itemIndex,
	});
}
