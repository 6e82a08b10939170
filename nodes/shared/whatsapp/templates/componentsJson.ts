import { WhatsAppValidationError } from '../validationError';
import { isAuthenticationTemplate } from './definition';
import { OTP_CODE_FIELD, bodyFieldId, headerFieldId } from './fieldIds';
import type { SendTemplateComponent, SendTemplateParameter, TemplateDefinition, TemplateValues } from './types';

/**
 * "Components (JSON)": raw send-time components (Meta: Template components) for what the field form cannot express
 * (currency/date_time values, catalog buttons…). They replace the built component of the same
 * kind (type, plus index for buttons) and are otherwise added; or they are sent alone.
 */
export type ComponentsMode = 'merge' | 'replace';

const FIELD = 'componentsJson';
const FIX = 'Give a JSON list of components as in the Cloud API docs, e.g. [{"type":"body","parameters":[{"type":"text","text":"Ann"}]}].';

/**
 * The Components (JSON) option as a list of send-time components. Accepts a JSON string or an
 * object from an expression, a single component, or `{components: [...]}`. Only the `type` of each
 * component is checked here: the rest is passed through as written and WhatsApp judges it.
 * Throws WhatsAppValidationError (field componentsJson) for invalid JSON or a component without type.
 */
export function parseComponentsJson(raw: unknown): SendTemplateComponent[] {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return [];
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		let syntaxError: string | undefined;
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			syntaxError = (error as Error).message;
		}
		if (syntaxError !== undefined) throw new WhatsAppValidationError(`Components (JSON) is not valid JSON: ${syntaxError}`, FIELD, FIX);
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Array.isArray((parsed as { components?: unknown }).components)) {
		parsed = (parsed as { components: unknown[] }).components;
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	list.forEach((component, position) => {
		if (!component || typeof component !== 'object' || typeof (component as { type?: unknown }).type !== 'string') {
			throw new WhatsAppValidationError(`Component ${position + 1} in Components (JSON) has no "type".`, FIELD, FIX);
		}
	});
	return list as SendTemplateComponent[];
}

/** What a raw component replaces: the built one of the same type (buttons: and the same index). */
const keyOf = (component: SendTemplateComponent) => {
	const type = String(component.type).toLowerCase();
	return type === 'button' ? `button:${String('index' in component ? component.index : '')}` : type;
};

/** The components to send: `replace` sends the raw ones only; `merge` puts each raw one in place of its built twin and adds the rest. */
export function combineComponents(built: SendTemplateComponent[], raw: SendTemplateComponent[], mode: ComponentsMode): SendTemplateComponent[] {
	if (mode === 'replace') return raw;
	const rawByKey = new Map(raw.map((component) => [keyOf(component), component]));
	const merged = built.map((component) => {
		const key = keyOf(component);
		const replacement = rawByKey.get(key);
		rawByKey.delete(key);
		return replacement ?? component;
	});
	return [...merged, ...rawByKey.values()];
}

/** The values actually sent, read back from the components, so the rendered text matches the message. */
export function valuesFromComponents(template: TemplateDefinition, components: SendTemplateComponent[]): TemplateValues {
	const values: TemplateValues = {};
	const parametersOf = (type: string): SendTemplateParameter[] => {
		const component = components.find((candidate) => String(candidate.type).toLowerCase() === type);
		return component && 'parameters' in component ? component.parameters : [];
	};
	// Raw components are checked for their type only, so read by the keys present, not by `type`.
	const textOf = (parameter: SendTemplateParameter) => {
		if ('text' in parameter) return parameter.text;
		if ('currency' in parameter) return parameter.currency?.fallback_value;
		if ('date_time' in parameter) return parameter.date_time?.fallback_value;
		return undefined;
	};
	const body = parametersOf('body');
	if (isAuthenticationTemplate(template)) {
		values[OTP_CODE_FIELD] = body[0] ? textOf(body[0]) : undefined;
		return values;
	}
	const header = parametersOf('header')[0];
	if (header && header.type === 'text') values[headerFieldId()] = header.text;
	body.forEach((parameter, position) => {
		const name = 'parameter_name' in parameter ? parameter.parameter_name : undefined;
		values[bodyFieldId(name ?? String(position + 1))] = textOf(parameter);
	});
	return values;
}
