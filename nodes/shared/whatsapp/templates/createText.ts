/** Placeholder rules for template text at creation time (Meta: Templates overview "Variable rules"). */
import { WhatsAppValidationError } from '../validationError';
import type { TemplateParameterFormat } from './types';

const fail = (message: string, field: string, fix: string): never => {
	throw new WhatsAppValidationError(message, field, fix);
};

/** Strict on write: anything between double braces must be a valid placeholder. */
export function rawPlaceholders(text: string): string[] {
	return [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((match) => match[1]);
}

export function inferParameterFormat(texts: Array<string | undefined>): TemplateParameterFormat {
	const keys = texts.flatMap((text) => rawPlaceholders(text ?? ''));
	return keys.some((key) => !/^\d+$/.test(key.trim())) ? 'NAMED' : 'POSITIONAL';
}

/** Checks each placeholder's spelling for the template's format; returns the distinct keys in order. */
export function checkPlaceholders(text: string, format: TemplateParameterFormat, field: string, where: string): string[] {
	const keys = rawPlaceholders(text);
	for (const key of keys) {
		if (format === 'POSITIONAL' && !/^[1-9]\d*$/.test(key))
			fail(`{{${key}}} in the ${where} is not a numbered placeholder, but the template uses POSITIONAL parameters.`, field,
				/^[a-z_]+$/.test(key) ? 'Set the parameter format to NAMED, or number the placeholders {{1}}, {{2}}, …' : 'Write placeholders as {{1}}, {{2}}, … with no spaces inside the braces.');
		if (format === 'NAMED' && !/^[a-z_]+$/.test(key))
			fail(`{{${key}}} in the ${where} is not a valid named placeholder.`, field,
				'Named placeholders use only lowercase letters and underscores, e.g. {{first_name}}, with no spaces inside the braces.');
	}
	const distinct = [...new Set(keys)];
	return format === 'POSITIONAL' ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct;
}

/** Body-only rules: sequence, uniqueness, position and adjacency. */
export function checkBodyPlaceholders(text: string, format: TemplateParameterFormat, keys: string[]): void {
	const all = rawPlaceholders(text);
	if (format === 'POSITIONAL') {
		const expected = keys.map((_, index) => String(index + 1));
		if (keys.join(',') !== expected.join(','))
			fail(`The body placeholders ${keys.map((key) => `{{${key}}}`).join(', ')} are not numbered 1, 2, 3… without gaps.`, 'bodyText',
				`Renumber them ${expected.map((key) => `{{${key}}}`).join(', ')}.`);
	}
	if (format === 'NAMED' && all.length !== keys.length) {
		const repeated = all.find((key, index) => all.indexOf(key) !== index);
		fail(`{{${repeated}}} appears more than once in the body; named placeholders must be unique.`, 'bodyText',
			'Give each placeholder its own name, or write the value once.');
	}
	const trimmed = text.trim();
	if (trimmed.startsWith('{{') || trimmed.endsWith('}}'))
		fail('The body starts or ends with a placeholder, which Meta rejects (error 2388299).', 'bodyText',
			'Add words before the first and after the last placeholder, e.g. "Hi {{1}}, thanks!" rather than "{{1}}".');
	if (/\}\}\{\{/.test(text))
		fail('Two placeholders touch each other (like {{1}}{{2}}), which Meta rejects as INVALID_FORMAT.', 'bodyText',
			'Put text or a space between neighbouring placeholders.');
}

/** Meta wants one sample per variable; extra samples usually mean a typo in a name. */
export function examplesInOrder(
	keys: string[],
	examples: Record<string, string> | string[] | undefined,
	field: string,
	where: string,
): string[] {
	const byKey = (key: string, index: number): string | undefined =>
		Array.isArray(examples) ? examples[index] : examples?.[key];
	if (!Array.isArray(examples) && examples) {
		const unknown = Object.keys(examples).find((key) => !keys.includes(key));
		if (unknown !== undefined)
			fail(`There is a sample for "${unknown}" but the ${where} has no {{${unknown}}}.`, field,
				`Remove that sample or fix its name; the ${where} uses ${keys.map((key) => `{{${key}}}`).join(', ') || 'no placeholders'}.`);
	}
	if (Array.isArray(examples) && examples.length > keys.length)
		fail(`There are ${examples.length} samples but the ${where} has ${keys.length} placeholders.`, field,
			'Give exactly one sample per placeholder, in order.');
	return keys.map((key, index) => {
		const example = byKey(key, index);
		if (example === undefined || String(example).trim() === '')
			fail(`{{${key}}} in the ${where} has no sample value; Meta requires one for every variable.`, field,
				`Add a realistic sample for {{${key}}}, e.g. "Pablo" for a first name.`);
		return String(example);
	});
}
