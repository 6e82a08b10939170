/** Validation and JSON body for POST /{waba-id}/message_templates (Meta: Templates overview). */
import { WhatsAppValidationError } from '../validationError';
import { authenticationComponents, checkAuthenticationInput } from './createAuthentication';
import { buttonJson, checkButtons } from './createButtons';
import { checkBodyPlaceholders, checkPlaceholders, examplesInOrder, inferParameterFormat } from './createText';
import type { TemplateCreateBody, TemplateCreateInput } from './createTypes';
import { upper } from './definition';
import type { TemplateParameterFormat } from './types';

const NAME_MAX = 512;
const HEADER_TEXT_MAX = 60;
const BODY_TEXT_MAX = 1024;
const FOOTER_TEXT_MAX = 60;
const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'];
const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'GIF', 'DOCUMENT'];
// Meta's Templates overview page: message_send_ttl_seconds; -1 means 30 days where allowed.
const TTL_RANGES: Record<string, { min: number; max: number; unlimited: boolean }> = {
	AUTHENTICATION: { min: 30, max: 900, unlimited: true },
	UTILITY: { min: 30, max: 43200, unlimited: true },
	MARKETING: { min: 43200, max: 2592000, unlimited: false },
};

const fail = (message: string, field: string, fix: string): never => {
	throw new WhatsAppValidationError(message, field, fix);
};

export function validateTemplateForCreate(input: TemplateCreateInput): void {
	buildTemplateCreateBody(input);
}

export function buildTemplateCreateBody(input: TemplateCreateInput): TemplateCreateBody {
	const category = checkEnvelope(input);
	const format = parameterFormatFor(input);
	const components = category === 'AUTHENTICATION'
		? (checkAuthenticationInput(input), authenticationComponents(input))
		: contentComponents(input, category, format);
	const declaresFormat = input.parameterFormat !== undefined || format === 'NAMED';
	return {
		name: input.name.trim(),
		language: input.language.trim(),
		category,
		...(declaresFormat && category !== 'AUTHENTICATION' ? { parameter_format: format } : {}),
		...(input.messageSendTtlSeconds !== undefined ? { message_send_ttl_seconds: input.messageSendTtlSeconds } : {}),
		components,
	};
}

function checkEnvelope(input: TemplateCreateInput): string {
	const name = (input.name ?? '').trim();
	if (!/^[a-z0-9_]+$/.test(name) || name.length > NAME_MAX)
		fail(`The template name "${name}" is not valid.`, 'name',
			`Use 1–${NAME_MAX} lowercase letters, digits and underscores, e.g. order_confirmation.`);
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test((input.language ?? '').trim()))
		fail(`"${input.language ?? ''}" is not a template language code.`, 'language', 'Use a locale code such as en, en_US, es_ES or pt_BR.');
	const category = upper(input.category);
	if (!CATEGORIES.includes(category))
		fail(`"${input.category ?? ''}" is not a template category.`, 'category', `Choose ${CATEGORIES.join(', ')}.`);
	const ttl = input.messageSendTtlSeconds;
	const range = TTL_RANGES[category];
	if (ttl !== undefined && !(ttl === -1 && range.unlimited) && (!Number.isInteger(ttl) || ttl < range.min || ttl > range.max))
		fail(`A time-to-live of ${ttl} seconds is outside the ${category} range.`, 'messageSendTtlSeconds',
			`Use ${range.min}–${range.max} seconds${range.unlimited ? ', or -1 for 30 days' : ''}.`);
	return category;
}

function parameterFormatFor(input: TemplateCreateInput): TemplateParameterFormat {
	if (input.parameterFormat === undefined || input.parameterFormat === '')
		return inferParameterFormat([input.headerText, input.bodyText]);
	const format = upper(input.parameterFormat);
	if (format !== 'POSITIONAL' && format !== 'NAMED')
		fail(`"${input.parameterFormat}" is not a parameter format.`, 'parameterFormat', 'Choose POSITIONAL ({{1}}) or NAMED ({{first_name}}).');
	return format as TemplateParameterFormat;
}

function contentComponents(input: TemplateCreateInput, category: string, format: TemplateParameterFormat) {
	const components: Array<Record<string, unknown>> = [];
	const header = headerComponent(input, category, format);
	if (header) components.push(header);
	components.push(bodyComponent(input, format));
	const footer = (input.footerText ?? '').trim();
	if (footer !== '') {
		if (footer.length > FOOTER_TEXT_MAX)
			fail(`The footer has ${footer.length} characters; Meta allows at most ${FOOTER_TEXT_MAX}.`, 'footerText', `Shorten it to ${FOOTER_TEXT_MAX} characters.`);
		if (footer.includes('{{'))
			fail('The footer contains a placeholder; footers cannot have variables.', 'footerText', 'Move the variable into the body.');
		components.push({ type: 'FOOTER', text: footer });
	}
	const buttons = input.buttons ?? [];
	if (buttons.length > 0) {
		checkButtons(buttons);
		components.push({ type: 'BUTTONS', buttons: buttons.map(buttonJson) });
	}
	return components;
}

function headerComponent(input: TemplateCreateInput, category: string, format: TemplateParameterFormat) {
	const text = (input.headerText ?? '').trim();
	const headerFormat = upper(input.headerFormat) || (text !== '' ? 'TEXT' : 'NONE');
	if (headerFormat === 'NONE') return undefined;
	if (headerFormat === 'LOCATION') return { type: 'HEADER', format: 'LOCATION' }; // UTILITY/MARKETING only: AUTHENTICATION never reaches here
	if (headerFormat === 'GIF' && category !== 'MARKETING')
		fail('GIF headers are only available for MARKETING templates.', 'headerFormat', 'Use an IMAGE or VIDEO header, or change the category.');
	if (MEDIA_FORMATS.includes(headerFormat)) {
		const handle = (input.headerHandle ?? '').trim();
		if (handle === '')
			fail(`A ${headerFormat} header needs a sample file handle.`, 'headerHandle',
				'Upload a sample with the Resumable Upload API and give its handle (it starts with "4::"); a media ID does not work here.');
		return { type: 'HEADER', format: headerFormat, example: { header_handle: [handle] } };
	}
	if (headerFormat !== 'TEXT')
		fail(`"${input.headerFormat}" is not a header format.`, 'headerFormat', 'Choose TEXT, IMAGE, VIDEO, GIF, DOCUMENT or LOCATION.');
	if (text === '') fail('The header format is TEXT but the header text is empty.', 'headerText', 'Write the header text, or remove the header.');
	if (text.length > HEADER_TEXT_MAX)
		fail(`The header has ${text.length} characters; Meta allows at most ${HEADER_TEXT_MAX}.`, 'headerText', `Shorten it to ${HEADER_TEXT_MAX} characters.`);
	const keys = checkPlaceholders(text, format, 'headerText', 'header');
	if (keys.length > 1) fail('The header has more than one variable; Meta allows one.', 'headerText', 'Keep one variable in the header and move the others into the body.');
	if (keys.length === 0) return { type: 'HEADER', format: 'TEXT', text };
	if (format === 'POSITIONAL' && keys[0] !== '1') fail(`The header variable must be {{1}}, not {{${keys[0]}}}.`, 'headerText', 'Rename it {{1}}.');
	const [example] = examplesInOrder(keys, input.headerExample === undefined ? undefined : [input.headerExample], 'headerExample', 'header');
	const examples = format === 'NAMED'
		? { header_text_named_params: [{ param_name: keys[0], example }] }
		: { header_text: [example] };
	return { type: 'HEADER', format: 'TEXT', text, example: examples };
}

function bodyComponent(input: TemplateCreateInput, format: TemplateParameterFormat) {
	const text = (input.bodyText ?? '').trim();
	if (text === '') fail('The body text is empty; every template needs a body.', 'bodyText', 'Write the message body.');
	if (text.length > BODY_TEXT_MAX)
		fail(`The body has ${text.length} characters; Meta allows at most ${BODY_TEXT_MAX}.`, 'bodyText', `Shorten it to ${BODY_TEXT_MAX} characters.`);
	const keys = checkPlaceholders(text, format, 'bodyText', 'body');
	checkBodyPlaceholders(text, format, keys);
	if (keys.length === 0) return { type: 'BODY', text };
	const examples = examplesInOrder(keys, input.bodyExamples, 'bodyExamples', 'body');
	const example = format === 'NAMED'
		? { body_text_named_params: keys.map((key, index) => ({ param_name: key, example: examples[index] })) }
		: { body_text: [examples] };
	return { type: 'BODY', text, example };
}
