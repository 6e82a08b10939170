/**
 * The `criteria` parameter of Zoho's Search Records API: `(Field:operator:value)` conditions joined
 * by `and` / `or` in parentheses, at most 10 conditions; `\(`, `\)` and `\,` escape those
 * characters in values (Zoho CRM v8 "Search Records"; Kaizen #82 on special characters).
 * Operators modelled for text, email and phone fields: equals, not_equal, starts_with, in.
 */

export interface Condition {
	field: string;
	operator: string;
	/** Unescaped values (several for `in`). */
	values: string[];
}

export type Criteria = { condition: Condition } | { op: 'and' | 'or'; left: Criteria; right: Criteria };

export class CriteriaError extends Error {}

const OPERATORS = new Set(['equals', 'not_equal', 'starts_with', 'in']);
const MAX_CONDITIONS = 10;

export function parseCriteria(text: string): Criteria {
	let position = 0;
	let conditions = 0;

	const expect = (char: string): void => {
		if (text[position] !== char) throw new CriteriaError(`expected "${char}" at position ${position}`);
		position += 1;
	};

	// group := "(" ( condition | group (("and"|"or") group)* ) ")"
	const group = (): Criteria => {
		expect('(');
		let result: Criteria;
		if (text[position] === '(') {
			const parts: Criteria[] = [group()];
			const ops: Array<'and' | 'or'> = [];
			while (text[position] !== ')') {
				const match = /^(and|or)/i.exec(text.slice(position));
				if (!match) throw new CriteriaError(`expected "and" or "or" at position ${position}`);
				ops.push(match[1].toLowerCase() as 'and' | 'or');
				position += match[1].length;
				parts.push(group());
			}
			result = combine(parts, ops);
		} else result = { condition: condition() };
		expect(')');
		return result;
	};

	const condition = (): Condition => {
		let raw = '';
		while (position < text.length && text[position] !== ')') {
			if (text[position] === '\\' && position + 1 < text.length) {
				raw += text.slice(position, position + 2);
				position += 2;
			} else raw += text[position++];
		}
		const [field, operator, ...rest] = raw.split(':');
		if (!field || !operator || rest.length === 0) throw new CriteriaError(`"${raw}" is not Field:operator:value`);
		if (!OPERATORS.has(operator)) throw new CriteriaError(`invalid operator "${operator}"`);
		conditions += 1;
		if (conditions > MAX_CONDITIONS) throw new CriteriaError(`more than ${MAX_CONDITIONS} conditions`);
		const value = rest.join(':');
		const values = operator === 'in' ? splitUnescaped(value, ',') : [value];
		return { field: field.trim(), operator, values: values.map(unescape) };
	};

	const result = group();
	if (position !== text.length) throw new CriteriaError(`unexpected text after position ${position}`);
	return result;
}

/** `and` binds tighter than `or`. */
function combine(parts: Criteria[], ops: Array<'and' | 'or'>): Criteria {
	const orParts: Criteria[] = [parts[0]];
	ops.forEach((op, index) => {
		if (op === 'and') orParts.push({ op: 'and', left: orParts.pop()!, right: parts[index + 1] });
		else orParts.push(parts[index + 1]);
	});
	return orParts.reduce((left, right) => ({ op: 'or', left, right }));
}

function splitUnescaped(value: string, separator: string): string[] {
	const parts: string[] = [''];
	let index = 0;
	while (index < value.length) {
		const escaped = value[index] === '\\' && index + 1 < value.length;
		if (escaped) parts[parts.length - 1] += value.slice(index, index + 2);
		else if (value[index] === separator) parts.push('');
		else parts[parts.length - 1] += value[index];
		index += escaped ? 2 : 1;
	}
	return parts;
}

function unescape(value: string): string {
	return value.replace(/\\(.)/g, '$1');
}

export function conditionsOf(criteria: Criteria): Condition[] {
	return 'condition' in criteria ? [criteria.condition] : [...conditionsOf(criteria.left), ...conditionsOf(criteria.right)];
}

/** Evaluates the criteria; `matches` decides one condition. */
export function evaluate(criteria: Criteria, matches: (condition: Condition) => boolean): boolean {
	if ('condition' in criteria) return matches(criteria.condition);
	return criteria.op === 'and' ? evaluate(criteria.left, matches) && evaluate(criteria.right, matches) : evaluate(criteria.left, matches) || evaluate(criteria.right, matches);
}
