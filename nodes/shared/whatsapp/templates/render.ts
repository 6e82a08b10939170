/** The template as the customer will read it, with placeholders filled in. */
import Handlebars from 'handlebars';
import { findComponent, isAuthenticationTemplate, templateButtons, upper } from './definition';
import { OTP_CODE_FIELD, bodyFieldId, headerFieldId } from './fieldIds';
import { placeholderMatches } from './placeholders';
import type { TemplateComponentDefinition, TemplateDefinition, TemplateValues } from './types';
import { readValue } from './fieldValues';

export interface RenderedTemplate {
	header?: string;
	body: string;
	footer?: string;
	buttons: string[];
	/** Header, body and footer joined by blank lines. */
	text: string;
}

// An isolated instance: helpers registered elsewhere must never run on customer text.
const handlebars = Handlebars.create();

/** A text turned into a Handlebars template once: its slots, each a literal piece or a placeholder. */
interface CompiledText {
	render: (slots: Record<string, string>) => string;
	slots: Array<{ name: string; literal?: string; key?: string; raw?: string }>;
}

/** Compiled texts by text: a batch of 1,000 items of one template compiles its text once, not 1,000 times. */
const compiledTexts = new Map<string, CompiledText>();
const COMPILED_TEXTS_KEPT = 500;

function compiledText(text: string): CompiledText {
	const known = compiledTexts.get(text);
	if (known) return known;
	const slots: CompiledText['slots'] = [];
	const slot = (content: Omit<CompiledText['slots'][number], 'name'>): string => {
		const name = `s${slots.length}`;
		slots.push({ name, ...content });
		return `{{${name}}}`;
	};
	const literal = (piece: string): string => (/[{}\\]/.test(piece) ? slot({ literal: piece }) : piece);
	let source = '';
	let cursor = 0;
	for (const match of placeholderMatches(text)) {
		source += literal(text.slice(cursor, match.start)) + slot({ key: match.key, raw: match.raw });
		cursor = match.end;
	}
	source += literal(text.slice(cursor));
	const compiled: CompiledText = { render: handlebars.compile(source, { noEscape: true, strict: true }), slots };
	if (compiledTexts.size >= COMPILED_TEXTS_KEPT) compiledTexts.clear();
	compiledTexts.set(text, compiled);
	return compiled;
}

/**
 * Fills {{1}} / {{first_name}} placeholders; a placeholder without a value stays as written.
 * Handlebars would read {{1}} as a number literal and treat any other "{{" or "\" in the text as
 * syntax, so every placeholder and every literal piece that holds such characters becomes an
 * opaque slot ({{s0}}, {{s1}}…) whose content is passed as data and never parsed. Each text is
 * compiled once (kept for the next items), its values filled per call.
 */
export function substitutePlaceholders(text: string, valueOf: (key: string) => string | undefined): string {
	const { render, slots } = compiledText(text);
	const data: Record<string, string> = {};
	for (const entry of slots) data[entry.name] = entry.literal ?? valueOf(entry.key!) ?? entry.raw!;
	return render(data);
}

/** Lookup of a header/body placeholder's value; `prefix` selects a carousel card's fields. */
export function placeholderValueOf(
	def: TemplateDefinition,
	values: TemplateValues,
	part: 'header' | 'body',
	prefix = '',
): (key: string) => string | undefined {
	if (isAuthenticationTemplate(def)) return () => readValue(values, OTP_CODE_FIELD);
	if (part === 'header') return () => readValue(values, headerFieldId(prefix));
	return (key) => readValue(values, bodyFieldId(key, prefix));
}

export function renderTemplateText(def: TemplateDefinition, values: TemplateValues): RenderedTemplate {
	const header = findComponent(def.components, 'HEADER');
	const footerText = findComponent(def.components, 'FOOTER')?.text;
	const rendered = (component: TemplateComponentDefinition | undefined, part: 'header' | 'body') =>
		component?.text === undefined ? undefined : substitutePlaceholders(component.text, placeholderValueOf(def, values, part));
	const headerText = header && (upper(header.format) || 'TEXT') === 'TEXT' ? rendered(header, 'header') : undefined;
	const body = rendered(findComponent(def.components, 'BODY'), 'body') ?? '';
	const buttons = templateButtons(def.components)
		.map((button) => button.text ?? '')
		.filter((label) => label !== '');
	const text = [headerText, body, footerText].filter((piece) => piece !== undefined && piece !== '').join('\n\n');
	return {
		...(headerText !== undefined ? { header: headerText } : {}),
		body,
		...(footerText !== undefined ? { footer: footerText } : {}),
		buttons,
		text,
	};
}
