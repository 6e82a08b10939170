/**
 * GET /{Module}/search (Zoho CRM v8 / Bigin v2 "Search Records"): one of `criteria`, `email`,
 * `phone`, `word` (that priority when several are given), over the lagging search index — a record
 * written a moment ago is not found yet. No match → **204 with an empty body**.
 * Matching is on the stored strings (no E.164 normalisation): `equals` is case-insensitive
 * equality, `starts_with` a prefix, `in` a list; `phone=` compares digits only (config
 * `phoneSearch`), `email=` the email fields, `word=` (≥ 2 characters) a substring of any text field.
 */
import type { FakeRequest, FakeResponse } from '../common/http';
import { digitsOnly, sameText } from '../common/util';
import { authenticate, requireSearchScope } from './auth';
import { conditionsOf, CriteriaError, evaluate, parseCriteria, type Condition } from './criteria';
import { fail } from './envelope';
import type { ZohoField } from './fields';
import { presentRecord } from './present';
import { fieldsParam, page, requireModule, type ZohoContext } from './records';
import type { ZohoRecord } from './state';

export function searchRecords(context: ZohoContext, request: FakeRequest): FakeResponse {
	const module = request.params.module;
	requireModule(context, module);
	requireSearchScope(authenticate(context.state, context.config, request), context.product, module, context.config);
	const fields = context.state.fields(context.product, module);
	const matcher = matcherFor(context, request, fields);
	const found = context.state
		.index(context.product, module)
		.visible()
		.filter(matcher)
		.sort((a, b) => a.createdAt - b.createdAt);
	return page(
		found.map((record) => presentRecord(context.state, record, fieldsParam(request))),
		request,
	);
}

function matcherFor(context: ZohoContext, request: FakeRequest, fields: ZohoField[]): (record: ZohoRecord) => boolean {
	const query = request.query;
	const criteria = query.get('criteria');
	if (criteria !== null) return criteriaMatcher(criteria, fields);
	const email = query.get('email');
	if (email !== null) return (record) => fields.some((field) => field.data_type === 'email' && sameText(record.fields[field.api_name], email));
	const phone = query.get('phone');
	if (phone !== null) {
		const wanted = digitsOnly(phone);
		const phoneFields = fields.filter((field) => field.data_type === 'phone');
		if (context.config.phoneSearch === 'exact') return (record) => phoneFields.some((field) => sameText(record.fields[field.api_name], phone));
		return (record) => wanted.length > 0 && phoneFields.some((field) => digitsOnly(String(record.fields[field.api_name] ?? '')) === wanted);
	}
	const word = query.get('word');
	if (word !== null) {
		if (word.trim().length < 2) fail(400, 'INVALID_QUERY', 'invalid query formed', { reason: 'the word must have at least 2 characters', param: 'word' });
		const needle = word.toLowerCase();
		return (record) => Object.values(record.fields).some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
	}
	fail(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'criteria' });
}

function criteriaMatcher(text: string, fields: ZohoField[]): (record: ZohoRecord) => boolean {
	let parsed;
	try {
		parsed = parseCriteria(text.trim());
	} catch (error) {
		if (error instanceof CriteriaError) fail(400, 'INVALID_QUERY', 'invalid query formed', { reason: error.message });
		throw error;
	}
	const known = new Set(['id', ...fields.map((field) => field.api_name)]);
	const unknown = conditionsOf(parsed).find((condition) => !known.has(condition.field));
	if (unknown) fail(400, 'INVALID_QUERY', 'invalid query formed', { reason: 'the api name given is invalid', api_name: unknown.field });
	return (record) => evaluate(parsed, (condition) => conditionMatches(record, condition));
}

function conditionMatches(record: ZohoRecord, condition: Condition): boolean {
	const stored = condition.field === 'id' ? record.id : condition.field === 'Owner' ? record.ownerId : record.fields[condition.field];
	const text = stored === undefined || stored === null ? '' : String(stored).toLowerCase();
	switch (condition.operator) {
		case 'equals':
			return sameText(stored, condition.values[0]);
		case 'not_equal':
			return !sameText(stored, condition.values[0]);
		case 'starts_with':
			return text !== '' && text.startsWith(condition.values[0].toLowerCase());
		default:
			return condition.values.some((value) => sameText(stored, value));
	}
}
