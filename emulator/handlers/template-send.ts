/**
 * Checks a template message against the stored definition (Meta: Template components): the template must exist in that
 * language and be APPROVED (132001, 404; paused 132015, disabled 132016, (Meta: Template quality)); parameter counts
 * per component must match (132000); named vs positional must match (132012); URL, copy-code and
 * OTP buttons need their parameter (131008, (Meta: Template components, Authentication templates)); hydrated body ≤ 1024 (132005).
 */
import { MetaApiError } from '../http/errors';
import type { TemplateButton, TemplateRecord } from '../state/types';
import { checkLocation, checkMediaObject, required, type MediaLookup } from './message-rules';

type Json = Record<string, any>;

export function findSendableTemplate(templates: TemplateRecord[], name: string, languageCode: string): TemplateRecord {
	const template = templates.find((candidate) => candidate.name === name && candidate.language === languageCode);
	if (!template) {
		const languages = templates.filter((candidate) => candidate.name === name).map((candidate) => candidate.language);
		const hint = languages.length > 0 ? ` It exists in: ${languages.join(', ')}.` : ' Check the name in GET /{waba-id}/message_templates.';
		throw new MetaApiError(132001, `template name (${name}) does not exist in ${languageCode}.${hint}`);
	}
	if (template.status === 'PAUSED') throw new MetaApiError(132015, `Template ${name} (${languageCode}) is paused because of low quality; wait for it to be unpaused.`);
	if (template.status === 'DISABLED') throw new MetaApiError(132016, `Template ${name} (${languageCode}) is disabled; create a new template.`);
	if (template.status !== 'APPROVED') {
		throw new MetaApiError(132001, `template name (${name}) in ${languageCode} is ${template.status}; only APPROVED templates can be sent.`);
	}
	return template;
}

export function checkTemplateParameters(template: TemplateRecord, sent: Json[], findMedia: MediaLookup): void {
	const byType = (type: string) => sent.filter((component) => String(component.type).toLowerCase() === type);
	for (const type of ['header', 'body']) {
		if (byType(type).length > 1) throw new MetaApiError(131009, `Send at most one ${type} component.`);
	}
	for (const component of sent) {
		const type = String(component.type).toLowerCase();
		if (!['header', 'body', 'button'].includes(type) && !template.components.some((defined) => defined.type.toLowerCase() === type)) {
			throw new MetaApiError(132000, `The template ${template.name} has no ${type} component.`);
		}
	}
	checkHeader(template, byType('header')[0]?.parameters ?? [], findMedia);
	checkBody(template, byType('body')[0]?.parameters ?? []);
	checkButtons(template, byType('button'));
}

function checkHeader(template: TemplateRecord, parameters: Json[], findMedia: MediaLookup): void {
	const header = template.components.find((component) => component.type === 'HEADER');
	const format = header?.format ?? 'TEXT';
	if (!header || format === 'TEXT') return checkTextParameters(template, 'header', header?.text ?? '', parameters);
	expectCount('header', 1, parameters.length);
	const kind = format.toLowerCase();
	const parameter = parameters[0];
	if (parameter.type !== kind) {
		throw new MetaApiError(132012, `The template header is ${format}; send a parameter of type ${kind}, not ${parameter.type}.`);
	}
	required(parameter[kind], `header parameter ${kind}`);
	if (kind === 'location') return checkLocation(parameter.location, "header['location']");
	if (Boolean(parameter[kind].id) === Boolean(parameter[kind].link)) {
		throw new MetaApiError(131009, `The header ${kind} takes either id or link, not both or neither.`);
	}
	checkMediaObject(parameter[kind], kind, `header['${kind}']`, findMedia);
}

function checkBody(template: TemplateRecord, parameters: Json[]): void {
	const text = template.components.find((component) => component.type === 'BODY')?.text ?? '';
	checkTextParameters(template, 'body', text, parameters);
	const values = parameters.map((parameter) => String(parameter.text ?? parameter[parameter.type]?.fallback_value ?? ''));
	let index = 0;
	const hydrated = text.replace(/\{\{\s*[^{}]+?\s*\}\}/g, () => values[index++] ?? '');
	if ([...hydrated].length > 1024) throw new MetaApiError(132005, `The body is ${[...hydrated].length} characters once filled in; the maximum is 1024.`);
}

/** Text components: count and named/positional format (Meta: Template components). */
function checkTextParameters(template: TemplateRecord, where: string, text: string, parameters: Json[]): void {
	const variables = [...new Set([...text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((match) => match[1]))];
	const named = template.parameter_format === 'NAMED';
	const sentNamed = parameters.filter((parameter) => parameter.parameter_name !== undefined).length;
	if (parameters.length > 0 && (named ? sentNamed !== parameters.length : sentNamed > 0)) {
		throw new MetaApiError(
			132012,
			named
				? `Template ${template.name} uses NAMED parameters: give every ${where} parameter a parameter_name.`
				: `Template ${template.name} uses POSITIONAL parameters ({{1}}, {{2}} …): remove parameter_name from the ${where} parameters.`,
		);
	}
	expectCount(where, variables.length, parameters.length);
	parameters.forEach((parameter, index) => {
		if (!['text', 'currency', 'date_time'].includes(parameter.type)) {
			throw new MetaApiError(131009, `A ${where} parameter must be of type text, currency or date_time; parameter ${index} is ${parameter.type}.`);
		}
		if (parameter.type === 'text') required(parameter.text, `${where} parameter ${index} text`);
		else required(parameter[parameter.type]?.fallback_value, `${where} parameter ${index} ${parameter.type}.fallback_value`);
	});
	if (named) {
		const names = parameters.map((parameter) => parameter.parameter_name);
		const missing = variables.filter((variable) => !names.includes(variable));
		const unknown = names.filter((name) => !variables.includes(name));
		if (missing.length > 0 || unknown.length > 0) {
			throw new MetaApiError(132000, `The ${where} expects {{${variables.join('}}, {{')}}}; missing: ${missing.join(', ') || 'none'}; unknown: ${unknown.join(', ') || 'none'}.`);
		}
	}
}

/** The parameter each defined button needs at send time, by index (Meta: Template components, Authentication templates). */
function buttonNeeds(button: TemplateButton): { subType: string; parameterType: string; required: boolean } | undefined {
	switch (button.type) {
		case 'URL':
			return { subType: 'url', parameterType: 'text', required: (button.url ?? '').includes('{{') };
		case 'OTP':
			return { subType: 'url', parameterType: 'text', required: true };
		case 'COPY_CODE':
			return { subType: 'copy_code', parameterType: 'coupon_code', required: true };
		case 'QUICK_REPLY':
			return { subType: 'quick_reply', parameterType: 'payload', required: false };
		case 'FLOW':
			return { subType: 'flow', parameterType: 'action', required: false };
		default:
			return undefined;
	}
}

function checkButtons(template: TemplateRecord, sent: Json[]): void {
	const defined = template.components.find((component) => component.type === 'BUTTONS')?.buttons ?? [];
	const seen = new Set<number>();
	for (const component of sent) {
		const index = Number(component.index);
		const button = defined[index];
		if (!button) throw new MetaApiError(131009, `Template ${template.name} has no button at index ${component.index}.`);
		if (seen.has(index)) throw new MetaApiError(131009, `The button at index ${index} is given twice.`);
		seen.add(index);
		const needs = buttonNeeds(button);
		if (!needs) throw new MetaApiError(132000, `The ${button.type} button at index ${index} takes no parameter.`);
		if (String(component.sub_type).toLowerCase() !== needs.subType) {
			throw new MetaApiError(131009, `The button at index ${index} is a ${button.type} button; use sub_type ${needs.subType}.`);
		}
		const parameters: Json[] = component.parameters ?? [];
		expectCount(`button ${index}`, 1, parameters.length);
		checkButtonParameter(button, index, parameters[0], needs.parameterType);
	}
	defined.forEach((button, index) => {
		if (buttonNeeds(button)?.required && !seen.has(index)) {
			const label = button.type === 'COPY_CODE' ? 'coupon code' : 'URL';
			throw new MetaApiError(131008, `Button at index ${index} of type ${button.type} requires a parameter: Parameter value for ${label} was expected but was not found.`);
		}
	});
}

function checkButtonParameter(button: TemplateButton, index: number, parameter: Json, parameterType: string): void {
	if (parameter.type !== parameterType) throw new MetaApiError(131009, `The button at index ${index} takes a parameter of type ${parameterType}.`);
	required(parameter[parameterType], `button ${index} parameter ${parameterType}`);
	const value = String(parameter[parameterType]);
	if (button.type === 'COPY_CODE' && value.length > 20) throw new MetaApiError(131009, 'A coupon_code is at most 20 characters.');
	if (button.type === 'OTP' && value.length > 15) throw new MetaApiError(131009, 'A one-time code is at most 15 characters.');
}

function expectCount(where: string, expected: number, received: number): void {
	if (expected !== received) {
		throw new MetaApiError(132000, `The ${where} of this template expects ${expected} parameter(s); the request gave ${received}.`);
	}
}
