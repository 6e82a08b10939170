/**
 * Record endpoints of Zoho CRM v8 (`/crm/v8/{Module}`) and Bigin v2 (`/bigin/v2/{Module}`):
 * insert (201 / 207 / 400), upsert with `duplicate_check_fields` (200, per record
 * `action: insert|update` and `duplicate_field`), update by id, get by id (204 when absent).
 * Pages followed: Zoho CRM v8 "Insert Records", "Upsert Records", "Update Records", "Get Records".
 */
import { isPlainObject, parseJsonBody, type FakeRequest, type FakeResponse } from '../common/http';
import { isBlank } from '../common/util';
import { authenticate, requireModuleScope, type ZohoOperation } from './auth';
import type { ZohoFakeConfig } from './config';
import { envelope, fail, itemError, itemSuccess, NO_CONTENT, topError, type ZohoItem } from './envelope';
import { SYSTEM_DUPLICATE_CHECK } from './fields';
import { presentRecord, writeDetails } from './present';
import type { ZohoProduct } from './seed';
import type { ZohoRecord, ZohoState } from './state';
import { duplicateOf, findByValue, isItem, validateInput } from './validate';

export interface ZohoContext {
	state: ZohoState;
	config: ZohoFakeConfig;
	product: ZohoProduct;
}

export function requireModule(context: ZohoContext, module: string): void {
	if (!context.state.isModule(context.product, module)) fail(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
}

/** The `{module}` of the path once the module exists, the token is valid and has the operation's scope. */
function authorisedModule(context: ZohoContext, request: FakeRequest, operation: ZohoOperation): string {
	const module = request.params.module;
	requireModule(context, module);
	requireModuleScope(authenticate(context.state, context.config, request), context.product, module, operation);
	return module;
}

/** The `data` array of a write body (1–100 items) and the whole body. */
export function readData(request: FakeRequest): { body: Record<string, unknown>; data: unknown[] } {
	const body = parseJsonBody(request, () => topError(400, 'INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject', api_name: 'body' }));
	if (!isPlainObject(body) || body.data === undefined) fail(400, 'MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data', json_path: '$.data' });
	if (!Array.isArray(body.data) || body.data.length === 0) fail(400, 'INVALID_DATA', 'invalid data', { expected_data_type: 'jsonarray', api_name: 'data', json_path: '$.data' });
	if (body.data.length > 100) fail(400, 'LIMIT_EXCEEDED', 'limit exceeded', { limit: 100, api_name: 'data', json_path: '$.data' });
	return { body, data: body.data };
}

/** The user acting for a token: Zoho records the authorizing user; here the first active user. */
export function actingUser(context: ZohoContext): string {
	return context.state.users[context.product].find((user) => user.status === 'active')!.id;
}

function create(context: ZohoContext, module: string, values: Record<string, unknown>, ownerId: string | undefined, now: number): ZohoRecord {
	const actor = actingUser(context);
	const record: ZohoRecord = { id: context.state.nextId(context.product), product: context.product, module, fields: dropNulls(values), ownerId: ownerId ?? actor, createdBy: actor, modifiedBy: actor, createdAt: now, modifiedAt: now };
	context.state.store(context.product, module).set(record.id, record);
	context.state.index(context.product, module).put(record.id, record);
	return record;
}

function update(context: ZohoContext, record: ZohoRecord, values: Record<string, unknown>, ownerId: string | undefined, now: number): void {
	record.fields = dropNulls({ ...record.fields, ...values });
	if (ownerId) record.ownerId = ownerId;
	record.modifiedBy = actingUser(context);
	record.modifiedAt = Math.max(now, record.modifiedAt);
	context.state.index(context.product, record.module).put(record.id, record);
}

function dropNulls(values: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

/** POST /{Module}: insert; unique fields answer `DUPLICATE_DATA`. */
export function insertRecords(context: ZohoContext, request: FakeRequest): FakeResponse {
	const module = authorisedModule(context, request, 'CREATE');
	const { data } = readData(request);
	const items = data.map((input, index): ZohoItem => {
		const path = `$.data[${index}]`;
		const valid = validateInput(context.state, context.config, context.product, module, input, path, true);
		if (isItem(valid)) return valid;
		const duplicate = duplicateOf(context.state, context.product, module, valid.values, undefined, path);
		if (duplicate) return duplicate;
		return itemSuccess('record added', writeDetails(context.state, create(context, module, valid.values, valid.ownerId, request.now)));
	});
	return envelope(items, 201);
}

/** POST /{Module}/upsert: update the record matching a duplicate-check field, else insert. */
export function upsertRecords(context: ZohoContext, request: FakeRequest): FakeResponse {
	// Zoho's upsert page lists the CREATE operation type (or WRITE / ALL) as the scope.
	const module = authorisedModule(context, request, 'CREATE');
	const { body, data } = readData(request);
	const fields = context.state.fields(context.product, module);
	const checkFields = checkFieldsOf(body.duplicate_check_fields, fields.map((field) => field.api_name), module, fields.filter((field) => field.unique).map((field) => field.api_name));
	const items = data.map((input, index): ZohoItem => {
		const path = `$.data[${index}]`;
		const existing = matchFor(context, module, input, checkFields);
		if (existing === 'invalid-id') return itemError('INVALID_DATA', 'the related id given seems to be invalid', { api_name: 'id', json_path: `${path}.id` });
		const valid = validateInput(context.state, context.config, context.product, module, input, path, !existing);
		if (isItem(valid)) return valid;
		const duplicate = duplicateOf(context.state, context.product, module, valid.values, existing?.record.id, path);
		if (duplicate) return duplicate;
		if (existing) {
			update(context, existing.record, valid.values, valid.ownerId, request.now);
			return itemSuccess('record updated', writeDetails(context.state, existing.record), { duplicate_field: existing.field, action: 'update' });
		}
		const record = create(context, module, valid.values, valid.ownerId, request.now);
		return itemSuccess('record added', writeDetails(context.state, record), { duplicate_field: null, action: 'insert' });
	});
	return envelope(items, 200);
}

function checkFieldsOf(given: unknown, known: string[], module: string, unique: string[]): string[] {
	if (given === undefined) return [...(SYSTEM_DUPLICATE_CHECK[module] ?? []), ...unique];
	if (!Array.isArray(given) || given.some((name) => typeof name !== 'string')) {
		fail(400, 'INVALID_DATA', 'invalid data', { expected_data_type: 'jsonarray', api_name: 'duplicate_check_fields', json_path: '$.duplicate_check_fields' });
	}
	const unknownIndex = (given as string[]).findIndex((name) => !known.includes(name));
	if (unknownIndex >= 0) fail(400, 'INVALID_DATA', 'invalid data', { api_name: 'duplicate_check_fields', json_path: `$.duplicate_check_fields[${unknownIndex}]`, supported_values: known });
	return given as string[];
}

function matchFor(context: ZohoContext, module: string, input: unknown, checkFields: string[]): { record: ZohoRecord; field: string | null } | 'invalid-id' | undefined {
	if (!isPlainObject(input)) return undefined;
	if (input.id !== undefined) {
		const record = context.state.store(context.product, module).get(String(input.id));
		return record ? { record, field: null } : 'invalid-id';
	}
	for (const field of checkFields) {
		if (isBlank(input[field])) continue;
		const [record] = findByValue(context.state, context.product, module, field, input[field]);
		if (record) return { record, field };
	}
	return undefined;
}

/** PUT /{Module} (ids in the body) and PUT /{Module}/{id}. */
export function updateRecords(context: ZohoContext, request: FakeRequest): FakeResponse {
	const module = authorisedModule(context, request, 'UPDATE');
	const { data } = readData(request);
	const items = data.map((input, index): ZohoItem => {
		const path = `$.data[${index}]`;
		const id = request.params.id ?? (isPlainObject(input) ? input.id : undefined);
		if (id === undefined) return itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'id', json_path: `${path}.id` });
		const record = context.state.store(context.product, module).get(String(id));
		if (!record) return itemError('INVALID_DATA', 'the related id given seems to be invalid', { api_name: 'id', json_path: `${path}.id`, id: String(id) });
		const valid = validateInput(context.state, context.config, context.product, module, input, path, false);
		if (isItem(valid)) return valid;
		const duplicate = duplicateOf(context.state, context.product, module, valid.values, record.id, path);
		if (duplicate) return duplicate;
		update(context, record, valid.values, valid.ownerId, request.now);
		return itemSuccess('record updated', writeDetails(context.state, record));
	});
	return envelope(items, 200);
}

/** GET /{Module}/{id}: `{data:[record]}`, or 204 with no body when there is no such record. */
export function getRecord(context: ZohoContext, request: FakeRequest): FakeResponse {
	const module = authorisedModule(context, request, 'READ');
	const record = context.state.store(context.product, module).get(request.params.id);
	if (!record) return NO_CONTENT;
	return { status: 200, json: { data: [presentRecord(context.state, record, fieldsParam(request))] } };
}

/** GET /{Module}?fields=…: v8 requires `fields`; 204 when the module is empty. */
export function listRecords(context: ZohoContext, request: FakeRequest): FakeResponse {
	const module = authorisedModule(context, request, 'READ');
	const fields = fieldsParam(request);
	if (context.product === 'crm' && !fields) fail(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'fields' });
	const records = [...context.state.store(context.product, module).values()].sort((a, b) => a.createdAt - b.createdAt);
	return page(records.map((record) => presentRecord(context.state, record, fields)), request);
}

export function fieldsParam(request: FakeRequest): string[] | undefined {
	const fields = request.query.get('fields');
	return fields ? fields.split(',').map((name) => name.trim()).filter(Boolean) : undefined;
}

/** One page (`page` from 1, `per_page` ≤ 200) with `info`, or 204 when empty. */
export function page(items: unknown[], request: FakeRequest): FakeResponse {
	const perPage = Math.min(200, Math.max(1, Number(request.query.get('per_page') ?? 200) || 200));
	const pageNumber = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
	const slice = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
	if (slice.length === 0) return NO_CONTENT;
	return { status: 200, json: { data: slice, info: { per_page: perPage, count: slice.length, page: pageNumber, more_records: items.length > pageNumber * perPage } } };
}
