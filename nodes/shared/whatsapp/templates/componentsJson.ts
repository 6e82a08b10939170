import type { TemplateComponentPayload } from '../messages/types';
import { WhatsAppValidationError } from '../validationError';
import { isAuthenticationTemplate } from './definition';
import { OTP_CODE_FIELD, bodyFieldId, headerFieldId } from './fieldIds';
import type { TemplateDefinition, TemplateValues } from './types';

/**
 * "Components (JSON)": raw send-time components (§1.8) for what the field form cannot express
 * (currency/date_time values, catalog buttons…). They replace the built component of the same
 * kind (type, plus index for buttons) and are otherwise added; or they are sent alone.
 */
export type ComponentsMode = 'merge' | 'replace';

type RawComponent = TemplateComponentPayload & { type: string; index?: string | number };

const FIELD = 'componentsJson';
const FIX = 'Give a JSON list of components as in the Cloud API docs, e.g. [{"type":"body","parameters":[{"type":"text","text":"Ann"}]}].';

export function parseComponentsJson(raw: unknown): RawComponent[] {
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
	return list as RawComponent[];
}

const keyOf = (component: RawComponent) =>
	component.type.toLowerCase() === 'button' ? `button:${String(component.index ?? '')}` : component.type.toLowerCase();

export function combineComponents(built: TemplateComponentPayload[], raw: RawComponent[], mode: ComponentsMode): TemplateComponentPayload[] {
	if (mode === 'replace') return raw;
	const rawByKey = new Map(raw.map((component) => [keyOf(component), component]));
	const merged = built.map((component) => {
		const key = keyOf(component as RawComponent);
		const replacement = rawByKey.get(key);
		rawByKey.delete(key);
		return replacement ?? component;
	});
	return [...merged, ...rawByKey.values()];
}

interface SentParameter {
	type?: string;
	text?: string;
	parameter_name?: string;
	currency?: { fallback_value?: string };
	date_time?: { fallback_value?: string };
}

/** The values actually sent, read back from the components, so the rendered text matches the message. */
export function valuesFromComponents(template: TemplateDefinition, components: TemplateComponentPayload[]): TemplateValues {
	const values: TemplateValues = {};
	const parametersOf = (type: string) =>
		((components.find((component) => String(component.type).toLowerCase() === type) as { parameters?: SentParameter[] } | undefined)
			?.parameters ?? []);
	const textOf = (parameter: SentParameter) => parameter.text ?? parameter.currency?.fallback_value ?? parameter.date_time?.fallback_value;
	const body = parametersOf('body');
	if (isAuthenticationTemplate(template)) {
		values[OTP_CODE_FIELD] = body[0] ? textOf(body[0]) : undefined;
		return values;
	}
	const header = parametersOf('header')[0];
	if (header && header.type === 'text') values[headerFieldId()] = header.text;
	body.forEach((parameter, position) => {
		values[bodyFieldId(parameter.parameter_name ?? String(position + 1))] = textOf(parameter);
	});
	return values;
}
