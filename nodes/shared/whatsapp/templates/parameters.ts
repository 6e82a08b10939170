/** Which values a user must supply to send a template, in the order the customer sees them. */
import {
	exampleFor,
	findComponent,
	isAuthenticationTemplate,
	parameterFormatOf,
	templateButtons,
	upper,
} from './definition';
import {
	LTO_EXPIRATION_FIELD,
	OTP_CODE_FIELD,
	bodyFieldId,
	cardPrefix,
	headerFieldId,
	headerFilenameFieldId,
	headerLocationFieldId,
} from './fieldIds';
import { countTemplateParameters } from './parameterCount';
import { placeholderKeys } from './placeholders';
import { buttonFields } from './buttonFields';
import type {
	TemplateComponentDefinition,
	TemplateDefinition,
	TemplateParameterField,
	TemplateParameterFormat,
} from './types';

type Field = TemplateParameterField;

/** One variable a template needs, as Send Template's Template Variables fields name it. */
export interface TemplateVariable {
	id: string;
	label: string;
	required: boolean;
	example?: string;
}

/**
 * A template as the node outputs it: Meta's fields as returned (GET /{waba-id}/message_templates),
 * plus the variables Send Template needs, so a later node or an AI agent can fill them without
 * reading the components.
 */
export function withTemplateVariables<T extends TemplateDefinition>(template: T): T & { parameterCount: number; variables: TemplateVariable[] } {
	const variables = templateParameterFields(template).map((field) => ({
		id: field.id,
		label: field.displayName,
		required: field.required,
		...(field.example !== undefined ? { example: field.example } : {}),
	}));
	return { ...template, parameterCount: countTemplateParameters(template).total, variables };
}

export function templateParameterFields(def: TemplateDefinition): TemplateParameterField[] {
	if (isAuthenticationTemplate(def)) return [otpField()];
	const format = parameterFormatOf(def);
	const fields = componentFields(def.components, format, undefined);
	const offer = findComponent(def.components, 'LIMITED_TIME_OFFER');
	if (offer?.limited_time_offer?.has_expiration === true) {
		// The offer banner sits above the buttons, so its field does too.
		const firstButton = fields.findIndex((field) => field.component === 'button');
		fields.splice(firstButton < 0 ? fields.length : firstButton, 0, expirationField());
	}
	const cards = findComponent(def.components, 'CAROUSEL')?.cards ?? [];
	cards.forEach((card, cardIndex) => fields.push(...componentFields(card.components, format, cardIndex)));
	return fields;
}

/** Meta's Authentication templates page: the one code goes into the body and into the URL button at index 0. */
function otpField(): Field {
	return {
		id: OTP_CODE_FIELD,
		displayName: 'Verification Code',
		component: 'body',
		kind: 'text',
		required: true,
		description: 'The one-time code (max 15 characters); it is sent in the body and the copy/autofill button.',
	};
}

function expirationField(): Field {
	return {
		id: LTO_EXPIRATION_FIELD,
		displayName: 'Offer Expiration',
		component: 'limited_time_offer',
		kind: 'expiration_time',
		required: true,
		description: 'When the offer ends: Unix time in milliseconds or an ISO 8601 date.',
	};
}

function componentFields(
	components: TemplateComponentDefinition[],
	format: TemplateParameterFormat,
	cardIndex: number | undefined,
): Field[] {
	const prefix = cardPrefix(cardIndex);
	const where = cardIndex === undefined ? '' : `Card ${cardIndex + 1} `;
	const withCard = (field: Field): Field => (cardIndex === undefined ? field : { ...field, cardIndex });
	const header = findComponent(components, 'HEADER');
	const body = findComponent(components, 'BODY');
	return [
		...(header ? headerFields(header, format, prefix, where) : []),
		...(body ? textFields(body, 'body', format, prefix, where) : []),
		...templateButtons(components).flatMap((button, index) => buttonFields(button, index, prefix, where)),
	].map(withCard);
}

function headerFields(
	header: TemplateComponentDefinition,
	format: TemplateParameterFormat,
	prefix: string,
	where: string,
): Field[] {
	const headerFormat = upper(header.format) || 'TEXT';
	if (headerFormat === 'TEXT') return textFields(header, 'header', format, prefix, where);
	if (headerFormat === 'LOCATION') return locationFields(prefix, where);
	if (headerFormat !== 'IMAGE' && headerFormat !== 'VIDEO' && headerFormat !== 'DOCUMENT') return [];
	const kind = headerFormat.toLowerCase() as 'image' | 'video' | 'document';
	const media: Field = {
		id: headerFieldId(prefix),
		displayName: `${where}Header ${headerFormat.charAt(0)}${kind.slice(1)}`,
		component: 'header',
		kind,
		required: true,
		description: `The header ${kind}: an uploaded media ID (digits only) or an https:// link.`,
	};
	if (kind !== 'document') return [media];
	const filename: Field = {
		id: headerFilenameFieldId(prefix),
		displayName: `${where}Header Document Filename`,
		component: 'header',
		kind: 'document',
		required: false,
		example: 'receipt.pdf',
		description: 'The file name the customer sees, e.g. receipt.pdf (optional).',
	};
	return [media, filename];
}

function textFields(
	component: TemplateComponentDefinition,
	part: 'header' | 'body',
	format: TemplateParameterFormat,
	prefix: string,
	where: string,
): Field[] {
	const label = part === 'header' ? 'Header' : 'Body';
	return placeholderKeys(component.text ?? '').map((key, orderIndex) => {
		const named = format === 'NAMED';
		const example = exampleFor(component, key, orderIndex);
		return {
			id: part === 'header' ? headerFieldId(prefix) : bodyFieldId(key, prefix),
			displayName: `${where}${label} {{${key}}}`,
			component: part,
			kind: 'text',
			required: true,
			...(named ? { parameterName: key } : { position: Number(key) }),
			...(example !== undefined ? { example } : {}),
			description: `Replaces {{${key}}} in the ${part} text${example !== undefined ? ` (e.g. "${example}")` : ''}.`,
		};
	});
}

function locationFields(prefix: string, where: string): Field[] {
	const part = (name: 'latitude' | 'longitude' | 'name' | 'address', required: boolean, example: string) => ({
		id: headerLocationFieldId(name, prefix),
		displayName: `${where}Header Location ${name.charAt(0).toUpperCase()}${name.slice(1)}`,
		component: 'header' as const,
		kind: 'location' as const,
		required,
		example,
		description: `The ${name} of the location shown in the header${required ? '' : ' (optional)'}.`,
	});
	return [
		part('latitude', true, '37.44211676562361'),
		part('longitude', true, '-122.16155960083124'),
		part('name', false, 'Philz Coffee'),
		part('address', false, '101 Forest Ave, Palo Alto, CA 94301'),
	];
}
