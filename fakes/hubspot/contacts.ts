/**
 * Contacts (HubSpot CRM v3 "Contacts"): create (201), read and update by id or by a unique
 * `idProperty` (email or a `hasUniqueValue` property), batch upsert by `idProperty`
 * (200 `{status:"COMPLETE", results:[{…, new}]}`, 207 with `errors` when some inputs fail), and
 * associated notes (`?associations=notes`, v4 association list).
 */
import { isPlainObject, json, parseJsonBody, type FakeRequest, type FakeResponse } from '../common/http';
import { requireScopes, SCOPES } from './auth';
import { fail, hubspotError, notFound } from './errors';
import type { HubSpotObject, HubSpotState } from './state';
import { assertUnique, normaliseProperties, presentObject, requestedProperties } from './values';

export function readBody(request: FakeRequest): Record<string, unknown> {
	const body = parseJsonBody(request, () => hubspotError(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1: the body is not valid JSON.'));
	if (!isPlainObject(body)) fail(400, 'VALIDATION_ERROR', 'Invalid input JSON: expected an object.');
	return body;
}

/** The contact addressed by `{id}` and `?idProperty=` (a unique property), or 404. */
function findContact(state: HubSpotState, request: FakeRequest): HubSpotObject {
	const idProperty = request.query.get('idProperty');
	if (!idProperty || idProperty === 'hs_object_id') return state.contacts.get(request.params.id) ?? notFound();
	if (!state.uniqueContactProperties().includes(idProperty)) fail(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property and cannot be used as idProperty.`);
	return state.contactByUnique(idProperty, request.params.id) ?? notFound();
}

function withAssociations(state: HubSpotState, contact: HubSpotObject, body: Record<string, unknown>, request: FakeRequest): Record<string, unknown> {
	if (!(request.query.get('associations') ?? '').split(',').includes('notes')) return body;
	const notes = [...state.notes.values()].filter((note) => note.contactIds.includes(contact.id));
	return { ...body, associations: { notes: { results: notes.map((note) => ({ id: note.id, type: 'contact_to_note' })) } } };
}

export function createContact(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsWrite);
	const properties = normaliseProperties(state, 'contacts', readBody(request).properties);
	assertUnique(state, properties);
	const contact: HubSpotObject = { id: state.nextContactId(), properties: dropEmpty(properties), createdAt: request.now, updatedAt: request.now };
	state.saveContact(contact);
	return json(201, presentObject(contact, 'contacts', undefined, true));
}

export function getContact(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsRead);
	const contact = findContact(state, request);
	return json(200, withAssociations(state, contact, presentObject(contact, 'contacts', requestedProperties(request.query.get('properties'))), request));
}

export function updateContact(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsWrite);
	const contact = findContact(state, request);
	const properties = normaliseProperties(state, 'contacts', readBody(request).properties);
	assertUnique(state, properties, contact.id);
	const updated = { ...contact, properties: dropEmpty({ ...contact.properties, ...properties }), updatedAt: Math.max(request.now, contact.updatedAt) };
	state.saveContact(updated);
	return json(200, presentObject(updated, 'contacts', undefined, true));
}

/** POST /crm/v3/objects/contacts/batch/upsert: `inputs[].id` is the value of `inputs[].idProperty`. */
export function upsertContacts(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsWrite);
	const inputs = readBody(request).inputs;
	if (!Array.isArray(inputs) || inputs.length === 0) fail(400, 'VALIDATION_ERROR', 'Invalid input JSON: "inputs" must be a non-empty array.');
	if (inputs.length > 100) fail(400, 'VALIDATION_ERROR', 'Batch input limit exceeded: at most 100 inputs.');
	const unique = state.uniqueContactProperties();
	const keys = inputs.map((input, index) => {
		if (!isPlainObject(input) || typeof input.id !== 'string' || input.id === '') fail(400, 'VALIDATION_ERROR', `inputs[${index}].id is required (the value of idProperty).`);
		const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
		if (idProperty !== 'hs_object_id' && !unique.includes(idProperty)) fail(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property and cannot be used as idProperty.`);
		return `${idProperty}=${input.id.toLowerCase()}`;
	});
	const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
	if (repeated.length > 0) fail(400, 'VALIDATION_ERROR', `Duplicate IDs found in batch input: [${repeated.join(', ')}]. IDs must be unique.`);
	const startedAt = new Date(request.now).toISOString();
	const results: unknown[] = [];
	const errors: unknown[] = [];
	for (const input of inputs as Array<Record<string, unknown>>) {
		const properties = normaliseProperties(state, 'contacts', input.properties ?? {});
		const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
		const id = String(input.id);
		const existing = idProperty === 'hs_object_id' ? state.contacts.get(id) : state.contactByUnique(idProperty, id);
		if (!existing && idProperty === 'hs_object_id') {
			errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `No contact with id ${id}`, context: { ids: [id] } });
			continue;
		}
		const merged = { ...(existing?.properties ?? {}), ...properties, ...(idProperty !== 'hs_object_id' && !existing ? { [idProperty]: id } : {}) };
		const other = state.uniqueContactProperties().map((name) => (merged[name] ? state.contactByUnique(name, merged[name], existing?.id) : undefined)).find(Boolean);
		if (other) {
			errors.push({ status: 'error', category: 'CONFLICT', message: `Contact already exists. Existing ID: ${other.id}`, context: { ids: [id] } });
			continue;
		}
		const contact: HubSpotObject = existing ? { ...existing, properties: dropEmpty(merged), updatedAt: Math.max(request.now, existing.updatedAt) } : { id: state.nextContactId(), properties: dropEmpty(merged), createdAt: request.now, updatedAt: request.now };
		state.saveContact(contact);
		results.push({ ...presentObject(contact, 'contacts', undefined, true), new: !existing });
	}
	const completedAt = new Date(request.now).toISOString();
	if (results.length === 0 && errors.length > 0) {
		const first = errors[0] as { category: string; message: string };
		return hubspotError(first.category === 'CONFLICT' ? 409 : 404, first.category, first.message);
	}
	return json(errors.length > 0 ? 207 : 200, { status: 'COMPLETE', results, ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}), startedAt, completedAt });
}

/** GET /crm/v4/objects/contacts/{id}/associations/notes */
export function contactNoteAssociations(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsRead);
	if (!state.contacts.has(request.params.id)) notFound();
	const notes = [...state.notes.values()].filter((note) => note.contactIds.includes(request.params.id));
	return json(200, { results: notes.map((note) => ({ toObjectId: Number(note.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 201, label: null }] })) });
}

function dropEmpty(properties: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== ''));
}
