/**
 * Checks one record of a write against its module's fields, as Zoho CRM v8 "Insert / Update /
 * Upsert Records" describe: `INVALID_DATA` (type, length, owner, date-time format),
 * `MANDATORY_NOT_FOUND`, and `DUPLICATE_DATA` for fields marked "Do not allow duplicate values"
 * (checked against every stored record, never the lagging search index).
 */
import { isPlainObject } from '../common/http';
import { isBlank, sameText } from '../common/util';
import type { ZohoFakeConfig } from './config';
import { itemError, type ZohoItem } from './envelope';
import type { ZohoField } from './fields';
import type { ZohoProduct } from './seed';
import type { ZohoRecord, ZohoState } from './state';

export interface ValidInput {
	values: Record<string, unknown>;
	ownerId?: string;
}

/** Zoho's date-time format `yyyy-MM-ddTHH:mm:ss±HH:mm` (no milliseconds, explicit offset). */
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SKIPPED_KEYS = new Set(['id', 'Layout', 'Tag', 'Created_Time', 'Modified_Time', 'Created_By', 'Modified_By']);

export function validateInput(state: ZohoState, config: ZohoFakeConfig, product: ZohoProduct, module: string, input: unknown, path: string, creating: boolean): ValidInput | ZohoItem {
	if (!isPlainObject(input)) return itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject', api_name: 'data', json_path: path });
	const fields = new Map(state.fields(product, module).map((field) => [field.api_name, field]));
	const result: ValidInput = { values: {} };
	for (const [key, value] of Object.entries(input)) {
		if (SKIPPED_KEYS.has(key) || key.startsWith('$')) continue;
		const field = fields.get(key);
		const at = `${path}.${key}`;
		if (!field) {
			if (config.unknownFields === 'reject') return itemError('INVALID_DATA', 'the field api name given seems to be invalid', { api_name: key, json_path: at });
			continue;
		}
		if (field.readOnly) continue;
		if (field.data_type === 'ownerlookup') {
			const ownerId = isPlainObject(value) ? value.id : value;
			const owner = state.user(product, ownerId);
			if (!owner || owner.status !== 'active') return itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'lookup', api_name: key, json_path: at });
			result.ownerId = owner.id;
			continue;
		}
		if (value === null) {
			result.values[key] = null;
			continue;
		}
		const problem = checkValue(field, value, at);
		if (problem) return problem;
		result.values[key] = field.data_type === 'lookup' ? { id: String((value as { id: unknown }).id) } : String(value);
	}
	const mandatory = config.mandatoryFields[`${product}.${module}`] ?? [];
	for (const name of mandatory) {
		const given = Object.prototype.hasOwnProperty.call(result.values, name);
		if ((creating && isBlank(result.values[name])) || (!creating && given && isBlank(result.values[name]))) {
			return itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: name, json_path: `${path}.${name}` });
		}
	}
	return result;
}

function checkValue(field: ZohoField, value: unknown, at: string): ZohoItem | undefined {
	const details = { api_name: field.api_name, json_path: at };
	if (field.data_type === 'lookup') {
		return isPlainObject(value) && (typeof value.id === 'string' || typeof value.id === 'number') ? undefined : itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject', ...details });
	}
	if (typeof value !== 'string' && typeof value !== 'number') return itemError('INVALID_DATA', 'invalid data', { expected_data_type: field.data_type === 'datetime' ? 'datetime' : 'string', ...details });
	const text = String(value);
	if (field.data_type === 'email' && !EMAIL.test(text)) return itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'email', ...details });
	if (field.data_type === 'datetime' && !DATETIME.test(text)) return itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'datetime', ...details });
	if (text.length > field.length) return itemError('INVALID_DATA', 'invalid data', { maximum_length: field.length, ...details });
	return undefined;
}

export function isItem(value: ValidInput | ZohoItem): value is ZohoItem {
	return (value as ZohoItem).status === 'error';
}

/** Another stored record holding the same value in a unique field, as a `DUPLICATE_DATA` item. */
export function duplicateOf(state: ZohoState, product: ZohoProduct, module: string, values: Record<string, unknown>, selfId: string | undefined, path: string): ZohoItem | undefined {
	for (const field of state.fields(product, module)) {
		if (!field.unique || isBlank(values[field.api_name])) continue;
		const other = findByValue(state, product, module, field.api_name, values[field.api_name]).find((record) => record.id !== selfId);
		if (!other) continue;
		const owner = state.user(product, other.ownerId);
		const duplicateRecord = { Owner: { name: owner ? `${owner.first_name} ${owner.last_name}` : '', id: other.ownerId, zuid: owner?.zuid ?? '' }, id: other.id, module: { api_name: module, id: moduleId(product, module) } };
		return itemError('DUPLICATE_DATA', 'duplicate data', { api_name: field.api_name, duplicate_record: duplicateRecord, json_path: `${path}.${field.api_name}`, id: other.id, more_records: false });
	}
	return undefined;
}

/** Stored records (not the search index) whose field equals `value`, case-insensitively, oldest first. */
export function findByValue(state: ZohoState, product: ZohoProduct, module: string, field: string, value: unknown): ZohoRecord[] {
	return [...state.store(product, module).values()].filter((record) => sameText(record.fields[field], value)).sort((a, b) => a.createdAt - b.createdAt);
}

export function moduleId(product: ZohoProduct, module: string): string {
	const base = product === 'crm' ? '5725767000000002' : '4876876000000002';
	return `${base}${module === 'Leads' ? '175' : module === 'Contacts' ? '179' : '181'}`;
}
