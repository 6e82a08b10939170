/** Small helpers the fakes share: digits of a phone string, id sequences, UTC time strings. */

/** `"+55 (11) 98888-7777"` → `"5511988887777"`. */
export function digitsOnly(value: string): string {
	return value.replace(/\D+/g, '');
}

/** Sequential numeric ids as strings: `prefix` followed by a counter padded to `width` digits. */
export class IdSequence {
	private next = 0;

	constructor(
		private readonly prefix: string,
		private readonly start: number,
		private readonly width = 0,
	) {
		this.next = start;
	}

	take(): string {
		return `${this.prefix}${String(this.next++).padStart(this.width, '0')}`;
	}

	reset(): void {
		this.next = this.start;
	}
}

/** ISO 8601 UTC without milliseconds: `2026-05-14T09:51:00Z`. */
export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Case-insensitive equality of two values as strings (`null`/`undefined` never equal). */
export function sameText(a: unknown, b: unknown): boolean {
	if (a === null || a === undefined || b === null || b === undefined) return false;
	return String(a).toLowerCase() === String(b).toLowerCase();
}

export function isBlank(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
