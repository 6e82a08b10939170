/**
 * Graph's field expansion, as the WABA analytics fields take their filters (Meta: Analytics):
 * `pricing_analytics.start(1748736000).end(1748822400).granularity(DAILY).dimensions(["COUNTRY"])`,
 * and the small readers the analytics rows share.
 */
import { asNumber } from '../webhook/jsonReaders';

export type FieldArgument = string | number | ReadonlyArray<string | number> | undefined;

/** Lists as Meta's examples write them: strings quoted, numbers bare; empty lists and undefined are left out (= no filter). */
export function fieldExpansion(field: string, modifiers: ReadonlyArray<readonly [string, FieldArgument]>): string {
	const parts = modifiers.flatMap(([name, value]) => {
		if (value === undefined) return [];
		if (Array.isArray(value)) {
			const list = value as ReadonlyArray<string | number>;
			return list.length === 0 ? [] : [`${name}([${list.map((entry) => (typeof entry === 'number' ? String(entry) : JSON.stringify(entry))).join(',')}])`];
		}
		return [`${name}(${String(value)})`];
	});
	return [field, ...parts].join('.');
}

/** A count Meta reported; absent or unreadable reads as 0 (Meta lists every metric asked for). */
export function countOf(value: unknown): number {
	return asNumber(value) ?? 0;
}

/** An amount Meta reported, or null when it gave none (e.g. no cost per delivered message when nothing was delivered). */
export function amountOf(value: unknown): number | null {
	return asNumber(value) ?? null;
}

/** part / whole rounded to 4 decimals; null when whole is 0 (a rate of nothing). */
export function ratio(part: number, whole: number): number | null {
	return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
