import { WhatsAppValidationError } from '../../../shared/whatsapp/validationError';

/**
 * Reads a JSON-type parameter as a list. n8n hands over a string when typed in, or the value
 * itself when an expression returns an object; a single object counts as a list of one.
 */
export function jsonList(value: unknown, field: string, label: string, example: string): unknown[] {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw new WhatsAppValidationError(`${label} is empty.`, field, `Enter a JSON array, e.g. ${example}`);
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new WhatsAppValidationError(
				`${label} is not valid JSON (${(error as Error).message}).`,
				field,
				`Check quotes, commas and brackets; the expected shape is ${example}`,
			);
		}
	}
	if (Array.isArray(parsed)) return parsed;
	if (parsed && typeof parsed === 'object') return [parsed];
	throw new WhatsAppValidationError(`${label} must be a JSON array of objects.`, field, `Use the shape ${example}`);
}
