/**
 * Notes (HubSpot CRM v3 "Notes" guide): `POST /crm/v3/objects/notes` with `properties`
 * (`hs_timestamp` required — ms since the epoch or ISO 8601 UTC; `hs_note_body` ≤ 65,536
 * characters; `hs_attachment_ids` `;`-separated) and inline `associations` to contacts with
 * HUBSPOT_DEFINED type 202 (note → contact). Other type ids point at objects this fake does not
 * hold (201 is contact → note), so they answer 400.
 */
import { isPlainObject, json, type FakeRequest, type FakeResponse } from '../common/http';
import { requireScopes, SCOPES } from './auth';
import { fail, notFound } from './errors';
import { readBody } from './contacts';
import type { HubSpotNote, HubSpotState } from './state';
import { normaliseProperties, presentObject, requestedProperties } from './values';

const NOTE_TO_CONTACT = 202;

function associatedContacts(state: HubSpotState, value: unknown): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) fail(400, 'VALIDATION_ERROR', 'associations must be an array.');
	return value.map((association, index) => {
		const id = isPlainObject(association) && isPlainObject(association.to) ? String(association.to.id ?? '') : '';
		const types = isPlainObject(association) && Array.isArray(association.types) ? association.types : [];
		if (!id || types.length === 0) fail(400, 'VALIDATION_ERROR', `associations[${index}] needs to.id and types.`);
		for (const type of types) {
			if (!isPlainObject(type) || type.associationCategory !== 'HUBSPOT_DEFINED' || Number(type.associationTypeId) !== NOTE_TO_CONTACT) {
				fail(400, 'VALIDATION_ERROR', `associations[${index}]: association type ${JSON.stringify(type)} is not valid from a note to a contact (use HUBSPOT_DEFINED 202).`);
			}
		}
		if (!state.contacts.has(id)) fail(400, 'VALIDATION_ERROR', `One or more associations are invalid: contact ${id} does not exist.`, { context: { ids: [id] } });
		return id;
	});
}

export function createNote(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsWrite);
	const body = readBody(request);
	const properties = normaliseProperties(state, 'notes', body.properties);
	if (!properties.hs_timestamp) fail(400, 'VALIDATION_ERROR', 'Error creating NOTE. Some required properties were not set.', { context: { properties: ['hs_timestamp'] } });
	const contactIds = associatedContacts(state, body.associations);
	const id = state.nextNoteId();
	const now = new Date(request.now).toISOString();
	const note: HubSpotNote = { id, properties: { ...properties, hs_object_id: id, hs_createdate: now, hs_lastmodifieddate: now }, contactIds, createdAt: request.now, updatedAt: request.now };
	state.notes.set(id, note);
	return json(201, presentObject(note, 'notes', undefined, true));
}

export function getNote(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.contactsRead);
	const note = state.notes.get(request.params.id) ?? notFound();
	const body = presentObject(note, 'notes', requestedProperties(request.query.get('properties')));
	if (!(request.query.get('associations') ?? '').split(',').includes('contacts')) return json(200, body);
	return json(200, { ...body, associations: { contacts: { results: note.contactIds.map((contactId) => ({ id: contactId, type: 'note_to_contact' })) } } });
}
