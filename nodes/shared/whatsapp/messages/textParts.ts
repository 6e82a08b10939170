import { TEXT_BODY_MAX } from './limits';

/**
 * A text too long for one message (Meta: Text messages: `text.body` at most 4,096 characters), cut
 * into parts that each fit. Meta does not say how it counts characters; a part here is at most
 * `max` UTF-16 code units, which is never more than `max` code points, so a part fits whichever of
 * the two Meta counts.
 *
 * Each cut is made at the best boundary before the limit: a paragraph (blank line), else a line
 * break, else the end of a sentence, each only when it keeps at least half of the limit in the part
 * (otherwise parts get needlessly short); else between words; else between two characters as
 * people see them (graphemes: an emoji, a flag or an accented letter is never cut). Sentences and
 * words are found by the JavaScript engine's Unicode segmenter (Intl.Segmenter), so scripts
 * written without spaces are cut between words too. Whitespace at a cut and around the text is
 * dropped; nothing else changes, so the parts read in order give back the text.
 *
 * Returns the text itself as the only part when it fits. `max` is in UTF-16 code units.
 */
export function splitText(text: string, max: number = TEXT_BODY_MAX): string[] {
	if (text.length <= max) return [text];
	const parts: string[] = [];
	let rest = text.trim();
	while (rest.length > max) {
		const cut = cutIndex(rest, max);
		const part = rest.slice(0, cut).trimEnd();
		if (part !== '') parts.push(part);
		rest = rest.slice(cut).trimStart();
	}
	if (rest !== '') parts.push(rest);
	return parts;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
// A grapheme is rarely longer than a few dozen code units (emoji ZWJ sequences); this much past
// the limit is looked at to see whether the one at the limit ends there.
const GRAPHEME_LOOKAHEAD = 64;

/** Where the next part ends (exclusive), in UTF-16 code units from the start of `rest`. */
function cutIndex(rest: string, max: number): number {
	const limit = lastGraphemeBoundary(rest, max);
	const halfway = Math.floor(max / 2);
	return (
		lastMatch(rest, /\n[ \t]*\n/g, halfway, limit) ??
		lastMatch(rest, /\n/g, halfway, limit) ??
		lastSegmentStart(sentences, rest, halfway, limit) ??
		lastSegmentStart(words, rest, 1, limit) ??
		limit
	);
}

/** The last grapheme boundary at or before `max`; a code-point boundary when one grapheme is longer than that. */
function lastGraphemeBoundary(rest: string, max: number): number {
	let boundary = 0;
	for (const { index } of graphemes.segment(rest.slice(0, max + GRAPHEME_LOOKAHEAD))) {
		if (index > max) break;
		boundary = index;
	}
	if (boundary > 0) return boundary;
	const splitsPair = /[\uDC00-\uDFFF]/.test(rest[max] ?? '');
	return splitsPair ? max - 1 : max;
}

/** The start of the last match of `pattern` (global) with from ≤ start ≤ to. */
function lastMatch(rest: string, pattern: RegExp, from: number, to: number): number | undefined {
	let found: number | undefined;
	for (const match of rest.slice(0, to + 2).matchAll(pattern)) {
		if (match.index > to) break;
		if (match.index >= from) found = match.index;
	}
	return found;
}

/** The start of the last segment (sentence, word) with from ≤ start ≤ to. */
function lastSegmentStart(segmenter: Intl.Segmenter, rest: string, from: number, to: number): number | undefined {
	let found: number | undefined;
	for (const { index } of segmenter.segment(rest.slice(0, to + 1))) {
		if (index > to) break;
		if (index >= from) found = index;
	}
	return found;
}

/** Where part `index` of splitText(text) starts in `text` (parts are exact substrings, in order). */
export function partStart(text: string, parts: readonly string[], index: number): number {
	let cursor = 0;
	for (let position = 0; position <= index && position < parts.length; position++) {
		cursor = text.indexOf(parts[position], position === 0 ? 0 : cursor + parts[position - 1].length);
	}
	return cursor;
}
