import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * Reads a JSON-type parameter as a list. n8n hands over a string when typed in, or the value
 * itself when an expression returns an object; a single object counts as a list of one.
 */
export function jsonListParameter(this: IExecuteFunctions, name: string, itemIndex: number, label: string, example: string): unknown[] {
	const value = this.getNodeParameter(name, itemIndex) as unknown;
	const fail = (message: string, fix: string) => new NodeOperationError(this.getNode(), message, { description: `${fix} (field: ${name})`, itemIndex });
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw fail(`${label} is empty.`, `Enter a JSON array, e.g. ${example}`);
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw fail(`${label} is not valid JSON (${(error as Error).message}).`, `Check quotes, commas and brackets; the expected shape is ${example}`);
		}
	}
	if (Array.isArray(parsed)) return parsed;
	if (parsed && typeof parsed === 'object') return [parsed];
	throw fail(`${label} must be a JSON array of objects.`, `Use the shape ${example}`);
}
