import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { WhatsAppConfigurationError } from '../../../shared/transport';
import { buildTemplateMessage } from '../../../shared/whatsapp/messages';
import {
	buildTemplateComponents,
	combineComponents,
	parseComponentsJson,
	renderTemplateText,
	valuesFromComponents,
	type SendTemplateComponent,
	type TemplateValues,
} from '../../../shared/whatsapp/templates';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { StoredTemplate } from '../../transport/templates';
import { chooseTranslation, parseTemplateReference, requireTemplateName } from '../../transport/templateReference';
import type { OperationContext } from '../types';
import { sendMessage } from '../../transport/messages';
import { templateTranslations } from '../../transport/templateTranslations';
import { headerFromBinary } from '../../transport/templateHeaderMedia';
import { templateFields, templateOptionsField, type TemplateOptions } from './templateFields';

const properties: INodeProperties[] = [recipientField, ...templateFields, messagingOptions, templateOptionsField];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendTemplate'] } }, properties);

/** Mapper values as the core reads them: strings, with untouched inputs left out. */
function mapperValues(raw: unknown): TemplateValues {
	const values: TemplateValues = {};
	for (const [id, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
		if (value === null || value === undefined) continue;
		values[id] = typeof value === 'number' ? value : String(value);
	}
	return values;
}

export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const options = this.getNodeParameter('messageOptions', i, {}) as MessagingOptions;
	const templateOptions = this.getNodeParameter('templateOptions', i, {}) as TemplateOptions;
	const reference = parseTemplateReference(this.getNodeParameter('template', i, '', { extractValue: true }), templateOptions.languageCode);
	const templateName = requireTemplateName(reference);
	// Read now, not when the workflow was built: the definition decides the parameter shapes (Meta: Template components).
	const template = chooseTranslation(await templateTranslations.call(this, context.connection, templateName, i), reference);
	const languageCode = template?.language ?? reference.language;
	if (!languageCode) {
		throw new WhatsAppConfigurationError(
			`The template "${templateName}" was not found, and no language was given.`,
			`Pick the template from the list, or write it as ${templateName}|en_US with the language of an approved translation.`,
		);
	}
	const mode = templateOptions.componentsMode ?? 'merge';
	const rawComponents = parseComponentsJson(templateOptions.componentsJson);
	let built: SendTemplateComponent[] = [];
	// Without a definition WhatsApp itself answers (132001 for an unknown name or language).
	if (template && mode !== 'replace') {
		let values = mapperValues(this.getNodeParameter('templateParameters.value', i, {}));
		const binaryProperty = (templateOptions.headerMediaBinaryProperty ?? '').trim();
		if (binaryProperty) values = await headerFromBinary.call(this, context, template, binaryProperty, values);
		built = buildTemplateComponents(template, values);
	}
	const components = combineComponents(built, rawComponents, mode);
	const body = buildTemplateMessage({ to: this.getNodeParameter('to', i) as string, templateName, languageCode, components, ...options });
	const result = await sendMessage.call(this, context, body);
	return [{ json: { ...result, templateName, languageCode, ...(template ? describeSent(template, components) : {}) } }];
}

/** What the customer reads, rebuilt from the components actually sent. */
function describeSent(template: StoredTemplate, components: SendTemplateComponent[]): IDataObject {
	const rendered = renderTemplateText(template, valuesFromComponents(template, components));
	const { text, ...parts } = rendered;
	return {
		templateId: template.id,
		category: template.category,
		renderedText: text,
		rendered: { header: parts.header ?? null, body: parts.body, footer: parts.footer ?? null, buttons: parts.buttons },
	};
}
