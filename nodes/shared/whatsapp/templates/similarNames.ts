/**
 * Suggestions for a template name that does not exist. Meta's list filters names by substring only
 * (Meta: Template management, `name` filter), which finds nothing for a typo such as
 * "order_confirmaton"; an edit distance does. Names are compared as Meta stores them: lower case,
 * words joined by underscores (Meta: Templates overview, "Template names").
 */

/** Lower case, spaces and hyphens as underscores: "Order Confirmation" reads as order_confirmation. */
const comparable = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions, no
 * substring edited twice): insertions, deletions, substitutions and swaps of two neighbours each
 * cost 1. Stops early and returns `limit + 1` once the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMinimum = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
			current[j] = value;
			rowMinimum = Math.min(rowMinimum, value);
		}
		if (rowMinimum > limit) return limit + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length];
}

/**
 * Up to `limit` names from `candidates` that `name` was probably meant to be, best first: those
 * within a few edits (one per four characters, at least 1, at most 3), nearest first, then those
 * containing it or contained in it. The name itself, exactly, is never suggested.
 */
export function similarTemplateNames(name: string, candidates: Iterable<string>, limit = 5): string[] {
	const wanted = comparable(name);
	if (!wanted) return [];
	const maxEdits = Math.min(3, Math.max(1, Math.floor(wanted.length / 4)));
	const scored: Array<{ candidate: string; score: number }> = [];
	for (const candidate of new Set(candidates)) {
		if (candidate === name) continue;
		const other = comparable(candidate);
		const distance = editDistance(wanted, other, maxEdits);
		if (distance <= maxEdits) scored.push({ candidate, score: distance });
		else if (Math.min(wanted.length, other.length) >= 3 && (other.includes(wanted) || wanted.includes(other))) scored.push({ candidate, score: maxEdits + 1 });
	}
	return scored
		.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
		.slice(0, limit)
		.map(({ candidate }) => candidate);
}
