/** Parameter values → the send-time `template.components` JSON (Meta: Template components and the pages per template kind), validated first. */
import { fileNameFromLink } from '../media/documentFileName';
import { WhatsAppValidationError } from '../validationError';
import { buttonComponent } from './buttonComponents';
import { findComponent, isAuthenticationTemplate, parameterFormatOf, templateButtons, upper } from './definition';
import {
	LTO_EXPIRATION_FIELD,
	OTP_CODE_FIELD,
	bodyFieldId,
	cardPrefix,
	headerFieldId,
	headerFilenameFieldId,
	headerLocationFieldId,
} from './fieldIds';
import {
	BODY_TEXT_MAX,
	CARD_BODY_TEXT_MAX,
	HEADER_TEXT_MAX,
	checkCoordinate,
	checkExpirationTime,
	checkMedia,
	checkOtpCode,
	checkRenderedLength,
	checkTextParameter,
} from './parameterRules';
import { templateParameterFields } from './parameters';
import { placeholderKeys } from './placeholders';
import { placeholderValueOf, substitutePlaceholders } from './render';
import type {
	SendButtonComponent,
	SendCardComponent,
	SendHeaderOrBodyComponent,
	SendTemplateComponent,
	SendTemplateParameter,
	TemplateComponentDefinition,
	TemplateDefinition,
	TemplateParameterFormat,
	TemplateValues,
} from './types';
import { readValue } from './fieldValues';

export function buildTemplateComponents(def: TemplateDefinition, values: TemplateValues): SendTemplateComponent[] {
	requireAllValues(def, values);
	if (isAuthenticationTemplate(def)) return authenticationComponents(def, values);
	const format = parameterFormatOf(def);
	const components: SendTemplateComponent[] = [];
	const { headerAndBody, buttons } = cardComponents(def, def.components, values, format, undefined);
	components.push(...headerAndBody);
	const expiration = readValue(values, LTO_EXPIRATION_FIELD);
	if (findComponent(def.components, 'LIMITED_TIME_OFFER') && expiration !== undefined) {
		const expiration_time_ms = checkExpirationTime(expiration, LTO_EXPIRATION_FIELD);
		components.push({
			type: 'limited_time_offer',
			parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms } }],
		});
	}
	components.push(...buttons);
	const cards = findComponent(def.components, 'CAROUSEL')?.cards ?? [];
	if (cards.length > 0) {
		components.push({
			type: 'carousel',
			cards: cards.map((card, cardIndex) => {
				const parts = cardComponents(def, card.components, values, format, cardIndex);
				return { card_index: cardIndex, components: [...parts.headerAndBody, ...parts.buttons] as SendCardComponent[] };
			}),
		});
	}
	return components;
}

/** A missing value is named with its field id and its place in the template, never dropped. */
function requireAllValues(def: TemplateDefinition, values: TemplateValues): void {
	const missing = templateParameterFields(def).find((field) => field.required && readValue(values, field.id) === undefined);
	if (!missing) return;
	throw new WhatsAppValidationError(
		`Template "${def.name}" needs a value for ${missing.displayName}: ${missing.description}`,
		missing.id,
		`Fill in "${missing.id}"${missing.example !== undefined ? `, for example "${missing.example}"` : ''}.`,
	);
}

/** Meta's Authentication templates page: the same code in the body and in the OTP (URL) button at index 0. */
function authenticationComponents(def: TemplateDefinition, values: TemplateValues): SendTemplateComponent[] {
	const code = checkOtpCode(readValue(values, OTP_CODE_FIELD) ?? '', OTP_CODE_FIELD);
	const components: SendTemplateComponent[] = [{ type: 'body', parameters: [{ type: 'text', text: code }] }];
	const otpIndex = templateButtons(def.components).findIndex((button) => ['OTP', 'URL'].includes(upper(button.type)));
	if (otpIndex >= 0)
		components.push({ type: 'button', sub_type: 'url', index: String(otpIndex), parameters: [{ type: 'text', text: code }] });
	return components;
}

function cardComponents(
	def: TemplateDefinition,
	components: TemplateComponentDefinition[],
	values: TemplateValues,
	format: TemplateParameterFormat,
	cardIndex: number | undefined,
): { headerAndBody: SendHeaderOrBodyComponent[]; buttons: SendButtonComponent[] } {
	const prefix = cardPrefix(cardIndex);
	const where = cardIndex === undefined ? '' : `card ${cardIndex + 1} `;
	const headerAndBody: SendHeaderOrBodyComponent[] = [];
	const header = findComponent(components, 'HEADER');
	const headerParameter = header ? headerParameterFor(def, header, values, format, prefix, where) : undefined;
	if (headerParameter) headerAndBody.push({ type: 'header', parameters: [headerParameter] });
	const body = findComponent(components, 'BODY');
	const bodyParameters = body ? bodyParametersFor(def, body, values, format, prefix, where, cardIndex) : [];
	if (bodyParameters.length > 0) headerAndBody.push({ type: 'body', parameters: bodyParameters });
	const buttons = templateButtons(components)
		.map((button, index) => buttonComponent(button, index, values, prefix))
		.filter((button): button is SendButtonComponent => button !== undefined);
	return { headerAndBody, buttons };
}

function headerParameterFor(
	def: TemplateDefinition,
	header: TemplateComponentDefinition,
	values: TemplateValues,
	format: TemplateParameterFormat,
	prefix: string,
	where: string,
): SendTemplateParameter | undefined {
	const headerFormat = upper(header.format) || 'TEXT';
	const id = headerFieldId(prefix);
	const value = readValue(values, id) ?? '';
	switch (headerFormat) {
		case 'TEXT': {
			const key = placeholderKeys(header.text ?? '')[0];
			if (key === undefined) return undefined;
			checkTextParameter(value, id, `the ${where}header {{${key}}}`);
			const rendered = substitutePlaceholders(header.text ?? '', placeholderValueOf(def, values, 'header', prefix));
			checkRenderedLength(rendered, HEADER_TEXT_MAX, id, `The ${where}header`);
			return { type: 'text', ...(format === 'NAMED' ? { parameter_name: key } : {}), text: value };
		}
		case 'IMAGE':
			return { type: 'image', image: checkMedia(value, id, 'image') };
		case 'VIDEO':
			return { type: 'video', video: checkMedia(value, id, 'video') };
		case 'DOCUMENT': {
			const media = checkMedia(value, id, 'document');
			// Without a name the customer sees "Untitled" (Meta: Media messages): name it after its link.
			const filename = readValue(values, headerFilenameFieldId(prefix)) ?? ('link' in media ? fileNameFromLink(media.link) : undefined);
			const document = { ...media, ...(filename !== undefined ? { filename } : {}) };
			return { type: 'document', document };
		}
		case 'LOCATION':
			return { type: 'location', location: locationFor(values, prefix) };
		default:
			throw new WhatsAppValidationError(
				`The ${where}header format ${headerFormat} cannot be sent from this form.`,
				id,
				'Use a template whose header is text, image, video, document or location.',
			);
	}
}

function locationFor(values: TemplateValues, prefix: string) {
	const part = (name: 'latitude' | 'longitude' | 'name' | 'address') => readValue(values, headerLocationFieldId(name, prefix));
	const name = part('name');
	const address = part('address');
	return {
		latitude: checkCoordinate(part('latitude') ?? '', headerLocationFieldId('latitude', prefix), 'latitude'),
		longitude: checkCoordinate(part('longitude') ?? '', headerLocationFieldId('longitude', prefix), 'longitude'),
		...(name !== undefined ? { name } : {}),
		...(address !== undefined ? { address } : {}),
	};
}

function bodyParametersFor(
	def: TemplateDefinition,
	body: TemplateComponentDefinition,
	values: TemplateValues,
	format: TemplateParameterFormat,
	prefix: string,
	where: string,
	cardIndex: number | undefined,
): SendTemplateParameter[] {
	const parameters = placeholderKeys(body.text ?? '').map((key): SendTemplateParameter => {
		const id = bodyFieldId(key, prefix);
		const value = readValue(values, id) ?? '';
		checkTextParameter(value, id, `{{${key}}} in the ${where}body`);
		return { type: 'text', ...(format === 'NAMED' ? { parameter_name: key } : {}), text: value };
	});
	if (parameters.length > 0) {
		const rendered = substitutePlaceholders(body.text ?? '', placeholderValueOf(def, values, 'body', prefix));
		const max = cardIndex === undefined ? BODY_TEXT_MAX : CARD_BODY_TEXT_MAX;
		checkRenderedLength(rendered, max, bodyFieldId(placeholderKeys(body.text ?? '')[0], prefix), `The ${where}body`);
	}
	return parameters;
}
