/**
 * Property values on write and read (CRM v3 objects): every value is stored and returned as a
 * string; unknown or read-only properties, bad emails, dates and owner ids answer 400
 * "Property values were not valid"; a value already held by another contact in a unique property
 * (email, or a custom property with `hasUniqueValue`) answers 409 CONFLICT
 * "Contact already exists. Existing ID: N" — checked against the store, never the search index.
 */
import { isPlainObject } from '../common/http';
import { fail, invalidProperty } from './errors';
import type { HubSpotObject, HubSpotState } from './state';

export type ObjectType = 'contacts' | 'notes';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_VALUE = 65536;

/** Validated `properties` of a write, as strings ("" clears a value). */
export function normaliseProperties(state: HubSpotState, objectType: ObjectType, input: unknown): Record<string, string> {
	if (!isPlainObject(input)) fail(400, 'VALIDATION_ERROR', 'Invalid input JSON: "properties" must be an object.');
	const definitions = state.properties[objectType];
	const result: Record<string, string> = {};
	for (const [name, raw] of Object.entries(input)) {
		const definition = definitions.get(name);
		if (!definition) invalidProperty(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
		if (definition.calculated) invalidProperty(name, 'READ_ONLY_VALUE', `Property "${name}" is a read only property; its value cannot be set.`);
		if (raw !== null && typeof raw === 'object') invalidProperty(name, 'INVALID_VALUE', `${JSON.stringify(raw)} is not a valid value for "${name}"`);
		const value = raw === null || raw === undefined ? '' : String(raw);
		if (value === '') {
			result[name] = '';
			continue;
		}
		if (value.length > MAX_VALUE) invalidProperty(name, 'INVALID_LENGTH', `Property "${name}" is longer than ${MAX_VALUE} characters`);
		if (name === 'email' && !EMAIL.test(value)) invalidProperty(name, 'INVALID_EMAIL', `Email address ${value} is invalid`);
		if (name === 'hubspot_owner_id' && !state.owners.some((owner) => owner.id === value && !owner.archived)) {
			invalidProperty(name, 'INVALID_OPTION', `${value} was not one of the allowed options: [${state.owners.filter((owner) => !owner.archived).map((owner) => owner.id).join(', ')}]`);
		}
		if (definition.type === 'datetime' || definition.type === 'date') result[name] = dateValue(name, value);
		else if (definition.type === 'number' && !Number.isFinite(Number(value))) invalidProperty(name, 'INVALID_INTEGER', `${value} is not a valid number`);
		else result[name] = value;
	}
	return result;
}

/** Milliseconds since the epoch or ISO 8601 → ISO 8601 UTC; anything else → 400. */
function dateValue(name: string, value: string): string {
	const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	if (!Number.isFinite(ms) || (!/^\d+$/.test(value) && !/^\d{4}-\d{2}-\d{2}/.test(value))) invalidProperty(name, 'INVALID_DATETIME', `${value} is not a valid datetime; use milliseconds since the epoch or ISO 8601`);
	return new Date(ms).toISOString();
}

/** 409 when another contact already holds one of these unique values. */
export function assertUnique(state: HubSpotState, properties: Record<string, string>, exceptId?: string): void {
	for (const name of state.uniqueContactProperties()) {
		const value = properties[name];
		if (!value) continue;
		const other = state.contactByUnique(name, value, exceptId);
		if (other) conflict(name, value, other.id);
	}
}

export function conflict(name: string, value: string, existingId: string): never {
	fail(409, 'CONFLICT', `Contact already exists. Existing ID: ${existingId}`, { errors: [{ message: `A contact with ${name} ${value} already exists. Existing ID: ${existingId}`, in: name }] });
}

export const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
	contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
	notes: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** `properties=a,b` query parameter or body list. */
export function requestedProperties(value: unknown): string[] | undefined {
	if (Array.isArray(value)) return value.map(String);
	if (typeof value === 'string' && value !== '') return value.split(',').map((name) => name.trim());
	return undefined;
}

/**
 * A `SimplePublicObject`: the requested properties (null when unset) plus the defaults, or — after
 * a write — every property that has a value plus the defaults.
 */
export function presentObject(object: HubSpotObject, objectType: ObjectType, requested: string[] | undefined, everySet = false): Record<string, unknown> {
	const names = new Set([...DEFAULT_PROPERTIES[objectType], ...(requested ?? []), ...(everySet ? Object.keys(object.properties) : [])]);
	const properties: Record<string, string | null> = {};
	for (const name of names) properties[name] = object.properties[name] === undefined || object.properties[name] === '' ? null : object.properties[name];
	return { id: object.id, properties, createdAt: new Date(object.createdAt).toISOString(), updatedAt: new Date(object.updatedAt).toISOString(), archived: false };
}
