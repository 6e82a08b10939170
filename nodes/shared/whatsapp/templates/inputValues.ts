import { templateParameterFields } from './parameters';
import type { TemplateDefinition, TemplateValues } from './types';

/**
 * Template values taken from an input item's fields by name (n8n's "map automatically" mode of the
 * Template Variables). The naming rule, in order:
 *
 * 1. a field named like the variable's field ID: `header`, `body_1`, `body_first_name`,
 *    `button_1_url`, `otp_code`, `card_0_body_1` … (the IDs Template › Get lists under `variables`);
 * 2. for named variables ({{first_name}}) outside carousel cards, also the bare name `first_name`
 *    (a header variable of that name fills the header as well).
 *
 * Numbered variables ({{1}}) have no name of their own, so they take their field ID only (`body_1`),
 * never a bare `1`: both the header and the body may have a {{1}}. Input fields that match no
 * variable are ignored; objects and arrays are not values. Missing required values are reported
 * by the component builder, as in the manual mode.
 */
export function templateValuesFromInput(template: TemplateDefinition, input: Record<string, unknown>): TemplateValues {
	const values: TemplateValues = {};
	for (const field of templateParameterFields(template)) {
		const byId = scalar(input[field.id]);
		const byName = field.parameterName !== undefined && field.cardIndex === undefined ? scalar(input[field.parameterName]) : undefined;
		const value = byId ?? byName;
		if (value !== undefined) values[field.id] = value;
	}
	return values;
}

function scalar(value: unknown): string | number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return String(value);
	return undefined;
}
