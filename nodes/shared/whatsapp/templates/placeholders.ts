/** Placeholder parsing shared by sending, rendering and creation: {{1}} and {{first_name}} (Meta: Template components). */

/** Lenient on read: Meta-stored text is trusted, so inner spaces like {{ 1 }} are tolerated. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export interface PlaceholderMatch {
	key: string;
	raw: string;
	start: number;
	end: number;
}

export function placeholderMatches(text: string): PlaceholderMatch[] {
	return [...text.matchAll(PLACEHOLDER)].map((match) => ({
		key: match[1],
		raw: match[0],
		start: match.index ?? 0,
		end: (match.index ?? 0) + match[0].length,
	}));
}

/**
 * Distinct placeholder keys in the order values must be given: numeric order for positional
 * templates ({{2}} before {{1}} in the text is still parameter 2), first appearance for named ones.
 */
export function placeholderKeys(text: string): string[] {
	const keys = [...new Set(placeholderMatches(text).map((match) => match.key))];
	const allNumeric = keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
	return allNumeric ? keys.sort((a, b) => Number(a) - Number(b)) : keys;
}
