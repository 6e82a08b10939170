/** Case-insensitive accessors over a TemplateDefinition (Meta mixes upper and lower case, (Meta: Templates overview)). */
import type {
	TemplateButtonDefinition,
	TemplateComponentDefinition,
	TemplateComponentType,
	TemplateDefinition,
	TemplateParameterFormat,
} from './types';
import { placeholderKeys } from './placeholders';

export const upper = (value: string | undefined): string => (value ?? '').trim().toUpperCase();

export function findComponent(
	components: TemplateComponentDefinition[],
	type: TemplateComponentType,
): TemplateComponentDefinition | undefined {
	return components.find((component) => upper(component.type) === type);
}

export function templateButtons(components: TemplateComponentDefinition[]): TemplateButtonDefinition[] {
	return findComponent(components, 'BUTTONS')?.buttons ?? [];
}

export function isAuthenticationTemplate(def: TemplateDefinition): boolean {
	return upper(def.category) === 'AUTHENTICATION';
}

/**
 * POSITIONAL is Meta's default (Meta: Template components). A definition without `parameter_format` whose text uses
 * names like {{first_name}} can only be NAMED, so we infer it rather than send the wrong shape.
 */
export function parameterFormatOf(def: TemplateDefinition): TemplateParameterFormat {
	const declared = upper(def.parameter_format);
	if (declared === 'NAMED' || declared === 'POSITIONAL') return declared;
	const texts = [findComponent(def.components, 'HEADER'), findComponent(def.components, 'BODY')]
		.map((component) => component?.text ?? '');
	const usesNames = texts.some((text) => placeholderKeys(text).some((key) => !/^\d+$/.test(key)));
	return usesNames ? 'NAMED' : 'POSITIONAL';
}

/** The example Meta stored for a header/body placeholder, for showing next to the field. */
export function exampleFor(
	component: TemplateComponentDefinition,
	key: string,
	orderIndex: number,
): string | undefined {
	const example = component.example;
	if (!example) return undefined;
	const named = [...(example.body_text_named_params ?? []), ...(example.header_text_named_params ?? [])];
	const byName = named.find((entry) => entry.param_name === key)?.example;
	if (byName !== undefined) return byName;
	const positional = upper(component.type) === 'HEADER' ? example.header_text : example.body_text?.[0];
	return positional?.[orderIndex];
}

/** The first example value of a button (URL suffix or coupon code); Meta stores a string or an array. */
export function buttonExample(button: TemplateButtonDefinition): string | undefined {
	return Array.isArray(button.example) ? button.example[0] : button.example;
}
