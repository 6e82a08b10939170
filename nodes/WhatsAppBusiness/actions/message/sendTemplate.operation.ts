import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import {
	buildMarketingMessage,
	buildTemplateMessage,
	checkTemplateRecipient,
	type TemplateMessageBody,
	type TemplateRouteDecision,
} from '../../../shared/whatsapp/messages';
import {
	buildTemplateComponents,
	checkComponentsAgainstTemplate,
	combineComponents,
	parseComponentsJson,
	renderTemplateText,
	templateValuesFromInput,
	valuesFromComponents,
	type SendTemplateComponent,
	type TemplateValues,
} from '../../../shared/whatsapp/templates';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { StoredTemplate } from '../../transport/templates';
import { parseTemplateReference, requireTemplateName, sendableTranslation } from '../../transport/templateReference';
import type { OperationContext, PreparedSend } from '../types';
import { sendMessage } from '../../transport/messages';
import { templateRouteFor } from '../../transport/marketingMessages';
import { templateTranslations } from '../../transport/templateTranslations';
import { headerFromBinary, nameHeaderDocument } from '../../transport/templateHeaderMedia';
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

/** A template message built from the node's fields, ready to send. */
export interface PreparedTemplate {
	body: TemplateMessageBody;
	/** The approved translation read from WhatsApp. */
	template: StoredTemplate;
	templateName: string;
	languageCode: string;
	components: SendTemplateComponent[];
	templateOptions: TemplateOptions;
}

/** Changes the variable values before the components are built (Send and Wait sets its quick-reply payloads). */
export type AdjustTemplateValues = (template: StoredTemplate, values: TemplateValues) => TemplateValues;

/** Reads the template's definition and builds the message from the fields; sends nothing. */
export async function prepareTemplateMessage(this: IExecuteFunctions, context: OperationContext, adjustValues?: AdjustTemplateValues): Promise<PreparedTemplate> {
	const i = context.itemIndex;
	const options = this.getNodeParameter('messageOptions', i, {}) as MessagingOptions;
	const templateOptions = this.getNodeParameter('templateOptions', i, {}) as TemplateOptions;
	const reference = parseTemplateReference(this.getNodeParameter('template', i, '', { extractValue: true }), templateOptions.languageCode);
	const templateName = requireTemplateName(reference);
	// Read now, not when the workflow was built: the definition decides the parameter shapes (Meta: Template components).
	// What the look-up shows WhatsApp would refuse (unknown name or language, not approved) stops here.
	const { translations, similarNames } = await templateTranslations.call(this, context.connection, templateName, i);
	const template = sendableTranslation(translations, similarNames, reference);
	const languageCode = template.language;
	const mode = templateOptions.componentsMode ?? 'merge';
	const rawComponents = parseComponentsJson(templateOptions.componentsJson);
	let built: SendTemplateComponent[] = [];
	if (mode !== 'replace') {
		let values = templateValues.call(this, template, i);
		const binaryProperty = (templateOptions.headerMediaBinaryProperty ?? '').trim();
		if (binaryProperty) values = await headerFromBinary.call(this, context, template, binaryProperty, values);
		else values = await nameHeaderDocument.call(this, context, template, values);
		if (adjustValues) values = adjustValues(template, values);
		built = buildTemplateComponents(template, values);
	}
	const components = combineComponents(built, rawComponents, mode);
	// The fields build what the definition asks for; hand-written JSON is checked the way WhatsApp will (132000).
	if (rawComponents.length > 0 || mode === 'replace') checkComponentsAgainstTemplate(template, components);
	const body = buildTemplateMessage({ to: this.getNodeParameter('to', i) as string, templateName, languageCode, components, ...options });
	checkTemplateRecipient(body, template.category);
	return { body, template, templateName, languageCode, components, templateOptions };
}

/** Sends a prepared template through the chosen route; the output has the rendered text and the route. */
export async function sendPreparedTemplate(this: IExecuteFunctions, context: OperationContext, prepared: PreparedTemplate) {
	const { body, template, templateOptions } = prepared;
	const route = await templateRouteFor.call(this, context.connection, templateOptions.sendRoute ?? 'cloudApi', template.category, context.itemIndex);
	const result =
		route.route === 'marketingMessages'
			? await sendMessage.call(this, context, buildMarketingMessage(body, { messageActivitySharing: activitySharing(templateOptions) }), { endpoint: 'marketingMessages' })
			: await sendMessage.call(this, context, body);
	return [
		{
			json: {
				...result,
				templateName: prepared.templateName,
				languageCode: prepared.languageCode,
				...describeSent(template, prepared.components),
				...routeOutput(templateOptions, route, template),
			},
		},
	];
}

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const prepared = await prepareTemplateMessage.call(this, context);
	return { send: async () => await sendPreparedTemplate.call(this, context, prepared) };
}

/** The mapper's values, or in "map automatically" mode the item's fields named like the variables. */
function templateValues(this: IExecuteFunctions, template: StoredTemplate, i: number): TemplateValues {
	if (this.getNodeParameter('templateParameters.mappingMode', i, 'defineBelow') === 'autoMapInputData') {
		return templateValuesFromInput(template, this.getInputData()[i]?.json ?? {});
	}
	return mapperValues(this.getNodeParameter('templateParameters.value', i, {}));
}

function activitySharing(options: TemplateOptions): boolean | undefined {
	if (options.messageActivitySharing === 'share') return true;
	if (options.messageActivitySharing === 'doNotShare') return false;
	return undefined;
}

/** Which endpoint sent it, and why, when the Marketing Messages API was asked for. */
function routeOutput(options: TemplateOptions, decision: TemplateRouteDecision, template: StoredTemplate): IDataObject {
	if ((options.sendRoute ?? 'cloudApi') !== 'marketingMessages') return { route: decision.route };
	const ttl = template.message_send_ttl_seconds;
	return {
		route: decision.route,
		routeReason: decision.reason,
		...(decision.route === 'marketingMessages' ? { timeToLiveSeconds: typeof ttl === 'number' ? ttl : null } : {}),
	};
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
