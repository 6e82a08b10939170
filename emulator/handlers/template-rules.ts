/**
 * Template creation and edit rules (Meta: Templates overview): name, language, category, parameter format, component
 * limits, variables and their mandatory examples, button limits. All failures are code 100, with
 * the documented subcode where one exists (2388040 length, 2388047 header, 2388072 body,
 * 2388073 footer, 2388299 variable at the start or end).
 */
import { MetaApiError } from '../http/errors';
import type { TemplateButton, TemplateComponentDefinition } from '../state/types';

type Json = Record<string, any>;

export interface TemplateDefinition {
	name: string;
	language: string;
	category: string;
	parameter_format: 'POSITIONAL' | 'NAMED';
	components: TemplateComponentDefinition[];
	message_send_ttl_seconds?: number;
}

const fail = (details: string, subcode?: number) => new MetaApiError(100, details, subcode ? { subcode } : {});
const variablesIn = (text: string) => [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((match) => match[1]);

export function checkTemplateDefinition(body: Json): TemplateDefinition {
	const name = String(body.name ?? '');
	if (!/^[a-z0-9_]{1,512}$/.test(name)) throw fail('Param name is required: up to 512 lowercase letters, digits and underscores, e.g. "order_update".');
	const language = String(body.language ?? '');
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) throw fail('Param language is required: a locale code such as en, en_US, es_ES or pt_BR.');
	const definition = checkTemplateContent(body, undefined);
	return { name, language, ...definition };
}

/** The editable part (Meta: Template management): category, parameter format, components, TTL. */
export function checkTemplateContent(body: Json, current?: Pick<TemplateDefinition, 'category' | 'parameter_format'>): Omit<TemplateDefinition, 'name' | 'language'> {
	const category = String(body.category ?? current?.category ?? '').toUpperCase();
	if (!['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(category)) throw fail('Param category must be MARKETING, UTILITY or AUTHENTICATION.');
	const parameterFormat = String(body.parameter_format ?? current?.parameter_format ?? 'POSITIONAL').toUpperCase();
	if (parameterFormat !== 'POSITIONAL' && parameterFormat !== 'NAMED') throw fail('Param parameter_format must be POSITIONAL or NAMED.');
	if (!Array.isArray(body.components)) throw fail('Param components is required: an array with at least a BODY component.');
	const components = body.components.map((component: Json) => ({ ...component, type: String(component.type ?? '').toUpperCase() }));
	const format = parameterFormat as TemplateDefinition['parameter_format'];
	checkComponents(components, category, format);
	const ttl = body.message_send_ttl_seconds;
	if (ttl !== undefined) checkTtl(ttl, category);
	return { category, parameter_format: format, components, ...(ttl !== undefined ? { message_send_ttl_seconds: ttl } : {}) };
}

function checkComponents(components: Json[], category: string, format: TemplateDefinition['parameter_format']): void {
	for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS']) {
		if (components.filter((component) => component.type === type).length > 1) throw fail(`A template has at most one ${type} component.`);
	}
	const unknown = components.find((component) => !['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'].includes(component.type));
	if (unknown) throw fail(`Unknown component type "${unknown.type}"; use HEADER, BODY, FOOTER or BUTTONS.`);
	const body = components.find((component) => component.type === 'BODY');
	if (!body) throw fail('A template needs exactly one BODY component.', 2388072);
	for (const component of components) {
		if (component.type === 'HEADER') checkHeader(component, category, format);
		if (component.type === 'BODY') checkBody(component, category, format);
		if (component.type === 'FOOTER') checkFooter(component);
		if (component.type === 'BUTTONS') checkButtons(component.buttons);
	}
}

function checkHeader(header: Json, category: string, format: TemplateDefinition['parameter_format']): void {
	const kind = String(header.format ?? '').toUpperCase();
	header.format = kind;
	if (!['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'].includes(kind)) throw fail('HEADER format must be TEXT, IMAGE, VIDEO, GIF, DOCUMENT or LOCATION.', 2388047);
	if (kind === 'LOCATION' && category === 'AUTHENTICATION') throw fail('LOCATION headers are allowed only in UTILITY and MARKETING templates.', 2388047);
	if (kind === 'TEXT') {
		if (typeof header.text !== 'string' || header.text === '') throw fail('A TEXT header needs text.', 2388047);
		if (header.text.length > 60) throw fail('The header text is longer than 60 characters.', 2388040);
		const variables = variablesIn(header.text);
		if (variables.length > 1) throw fail('A TEXT header may contain at most one variable.', 2388047);
		checkVariables(variables, format, 'header', 2388047);
		if (variables.length === 1) requireExample(header.example, format === 'NAMED' ? 'header_text_named_params' : 'header_text', variables, 'header');
	} else if (kind !== 'LOCATION' && !Array.isArray(header.example?.header_handle)) {
		throw fail(`A ${kind} header needs example.header_handle (a handle from the Resumable Upload API).`, 2388047);
	}
}

function checkBody(body: Json, category: string, format: TemplateDefinition['parameter_format']): void {
	// Authentication bodies are preset text (Meta: Authentication templates): only add_security_recommendation is set.
	if (category === 'AUTHENTICATION' && body.text === undefined) return;
	if (typeof body.text !== 'string' || body.text.trim() === '') throw fail('The BODY component needs text.', 2388072);
	if (body.text.length > 1024) throw fail(`The body text is ${body.text.length} characters; the maximum is 1024.`, 2388040);
	const trimmed = body.text.trim();
	if (trimmed.startsWith('{{') || trimmed.endsWith('}}')) throw fail('A variable cannot be the first or last part of the body text; add words around it.', 2388299);
	const variables = variablesIn(body.text);
	checkVariables(variables, format, 'body', 2388072);
	if (variables.length > 0) requireExample(body.example, format === 'NAMED' ? 'body_text_named_params' : 'body_text', variables, 'body');
}

function checkFooter(footer: Json): void {
	if (footer.code_expiration_minutes !== undefined && footer.text === undefined) return; // (Meta: Authentication templates), preset footer
	if (typeof footer.text !== 'string' || footer.text === '') throw fail('The FOOTER component needs text.', 2388073);
	if (footer.text.length > 60) throw fail('The footer text is longer than 60 characters.', 2388040);
	if (variablesIn(footer.text).length > 0) throw fail('A footer cannot contain variables.', 2388073);
}

/** Meta's Templates overview page: positional {{1}}…{{n}} in sequence; named {{snake_case}}; never mixed with the other format. */
function checkVariables(variables: string[], format: TemplateDefinition['parameter_format'], where: string, subcode: number): void {
	const distinct = [...new Set(variables)];
	if (format === 'POSITIONAL') {
		const sequential = distinct.every((variable, index) => variable === String(index + 1));
		if (!sequential) throw fail(`The ${where} variables must be {{1}}, {{2}} … in order (POSITIONAL format); found {{${distinct.join('}}, {{')}}}.`, subcode);
	} else if (!distinct.every((variable) => /^[a-z_][a-z0-9_]*$/.test(variable))) {
		throw fail(`NAMED variables are lowercase letters, digits and underscores, e.g. {{first_name}}; found {{${distinct.join('}}, {{')}}}.`, subcode);
	}
}

/** Meta's Templates overview page: examples are mandatory for every variable. */
function requireExample(example: Json | undefined, key: string, variables: string[], where: string): void {
	const value = example?.[key];
	const distinct = [...new Set(variables)];
	const covered = key.endsWith('named_params')
		? Array.isArray(value) && distinct.every((name) => value.some((entry: Json) => entry?.param_name === name && entry.example))
		: key === 'body_text'
			? Array.isArray(value?.[0]) && value[0].length === distinct.length
			: Array.isArray(value) && value.length === distinct.length;
	if (!covered) throw fail(`Examples are required for every ${where} variable: set example.${key}.`);
}

/** Meta's Templates overview page: BUTTONS limits. */
function checkButtons(buttons: TemplateButton[] | undefined): void {
	if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 10) throw fail('BUTTONS needs 1 to 10 buttons.');
	const count = (type: string) => buttons.filter((button) => String(button.type).toUpperCase() === type).length;
	if (count('URL') > 2 || count('PHONE_NUMBER') > 1 || count('COPY_CODE') > 1) throw fail('At most 2 URL buttons, 1 PHONE_NUMBER button and 1 COPY_CODE button are allowed.');
	const quickReply = buttons.map((button) => String(button.type).toUpperCase() === 'QUICK_REPLY');
	const groups = quickReply.filter((value, index) => index === 0 || value !== quickReply[index - 1]).length;
	if (groups > 2) throw fail('Quick-reply buttons must be grouped together, before or after all other buttons.');
	buttons.forEach((button, index) => {
		button.type = String(button.type).toUpperCase();
		if (button.text !== undefined && button.text.length > 25) throw fail(`Button ${index} label is longer than 25 characters.`, 2388040);
		if (['QUICK_REPLY', 'URL', 'PHONE_NUMBER'].includes(button.type) && !button.text) throw fail(`Button ${index} needs a text label.`);
		if (button.type === 'URL') checkUrlButton(button, index);
		if (button.type === 'PHONE_NUMBER' && (!button.phone_number || button.phone_number.length > 20)) throw fail(`Button ${index} needs a phone_number of at most 20 characters.`);
	});
}

function checkUrlButton(button: TemplateButton, index: number): void {
	const url = button.url ?? '';
	if (!/^https?:\/\//.test(url) || url.length > 2000) throw fail(`Button ${index} needs a url starting with https:// (at most 2000 characters).`);
	const variables = variablesIn(url);
	if (variables.length > 1 || (variables.length === 1 && !url.endsWith('{{1}}'))) throw fail(`Button ${index} url may have one variable, {{1}}, at its end only.`);
	if (variables.length === 1 && !(Array.isArray(button.example) ? button.example.length > 0 : button.example)) {
		throw fail(`Button ${index} url has a variable: set example to a full sample URL.`);
	}
}

/** Meta's Templates overview page (time to live): allowed message_send_ttl_seconds per category; -1 means 30 days. */
function checkTtl(ttl: unknown, category: string): void {
	const ranges: Record<string, [number, number]> = { AUTHENTICATION: [30, 900], UTILITY: [30, 43200], MARKETING: [43200, 2592000] };
	const [min, max] = ranges[category];
	const valid = typeof ttl === 'number' && ((ttl === -1 && category !== 'MARKETING') || (ttl >= min && ttl <= max));
	if (!valid) throw fail(`message_send_ttl_seconds for ${category} templates must be between ${min} and ${max}${category !== 'MARKETING' ? ' or -1' : ''}.`);
}
