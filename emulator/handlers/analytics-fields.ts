/**
 * Graph field-expansion syntax used by the WABA analytics fields (Meta's Analytics page):
 * `fields=id,analytics.start(1543543200).end(1544148000).granularity(DAY).phone_numbers([])`.
 * Arguments are scalars or lists written as `[A,B]`, `["A","B"]` or `A,B`; whitespace (the
 * documentation's examples break the URL over lines) is ignored.
 */
import { MetaApiError } from '../http/errors';

export interface FieldRequest {
	name: string;
	/** Modifier name → its raw argument text, e.g. granularity → "DAY". */
	modifiers: Map<string, string>;
}

/** Splits `fields` on the commas that are not inside (), [] or {}. */
export function splitFields(raw: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of raw.replace(/\s+/g, '')) {
		if ('([{'.includes(char)) depth += 1;
		if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
		if (char === ',' && depth === 0) {
			if (current) parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	if (current) parts.push(current);
	return parts;
}

/** `analytics.start(1).end(2)` → {name: "analytics", modifiers: {start: "1", end: "2"}}. */
export function parseField(text: string): FieldRequest {
	const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0] ?? '';
	const modifiers = new Map<string, string>();
	let rest = text.slice(name.length);
	while (rest.length > 0) {
		const match = /^\.([A-Za-z_][A-Za-z0-9_]*)\(/.exec(rest);
		if (!match) {
			if (rest.startsWith('{')) break; // sub-field selection, ignored like Graph does for scalars
			throw new MetaApiError(100, `Cannot parse "${text}": modifiers are written .name(value), e.g. ${name}.start(1718064000).`);
		}
		const close = closingParenthesis(rest, match[0].length - 1);
		if (close < 0) throw new MetaApiError(100, `Cannot parse "${text}": a parenthesis is not closed.`);
		modifiers.set(match[1], rest.slice(match[0].length, close));
		rest = rest.slice(close + 1);
	}
	return { name, modifiers };
}

function closingParenthesis(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index += 1) {
		if (text[index] === '(') depth += 1;
		if (text[index] === ')' && --depth === 0) return index;
	}
	return -1;
}

/** `[A,"B"]`, `A,B`, `[]` → ['A', 'B'] / []. Values inside one quoted string are split on commas too. */
export function listArgument(raw: string | null | undefined): string[] {
	if (raw === undefined || raw === null) return [];
	return raw
		.replace(/^\[|\]$/g, '')
		.split(',')
		.map((value) => value.replace(/^["']|["']$/g, '').trim())
		.filter(Boolean);
}

/** A Unix-seconds argument (digits only). */
export function timeArgument(raw: string | undefined, name: string, field: string): number {
	if (raw === undefined || raw === '') throw new MetaApiError(100, `${field} requires ${name}, e.g. ${field}.start(1718064000).end(1718668800).`);
	if (!/^\d+$/.test(raw)) throw new MetaApiError(100, `${field}.${name} must be a Unix timestamp in seconds; got "${raw}".`);
	return Number(raw);
}

/** Checks an enum list against allowed values (case-insensitive); returns the upper-cased values. */
export function enumList(raw: string | null | undefined, allowed: readonly string[], where: string): string[] {
	const values = listArgument(raw).map((value) => value.toUpperCase());
	const unknown = values.filter((value) => !allowed.includes(value));
	if (unknown.length > 0) throw new MetaApiError(100, `${where} accepts ${allowed.join(', ')}; got ${unknown.join(', ')}.`);
	return values;
}
