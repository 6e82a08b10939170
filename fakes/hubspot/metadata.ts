/**
 * Owners (CRM v3 "Owners": `GET /crm/v3/owners` with `email`, `archived`, `limit`, `after`),
 * account details (`GET /account-info/v3/details`, what n8n's HubSpot credential tests with) and
 * contact properties (CRM v3 "Properties": list, read one, create — e.g. a unique `whatsapp_id`).
 */
import { json, type FakeRequest, type FakeResponse } from '../common/http';
import { authenticate, requireScopes, SCOPES } from './auth';
import { fail } from './errors';
import { readBody } from './contacts';
import { MAX_UNIQUE_PROPERTIES, type HubSpotProperty } from './property-defs';
import { HUBSPOT_SEED, type HubSpotSeedOwner } from './seed';
import type { HubSpotState } from './state';

function presentOwner(owner: HubSpotSeedOwner, now: number): Record<string, unknown> {
	const at = new Date(now).toISOString();
	return { id: owner.id, email: owner.email, type: 'PERSON', firstName: owner.firstName, lastName: owner.lastName, userId: owner.userId, userIdIncludingInactive: owner.userId, createdAt: at, updatedAt: at, archived: owner.archived, teams: [] };
}

export function listOwners(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.owners);
	const archived = request.query.get('archived') === 'true';
	const email = request.query.get('email');
	const limit = Math.min(500, Math.max(1, Number(request.query.get('limit') ?? 100) || 100));
	const after = Number(request.query.get('after') ?? 0) || 0;
	const owners = state.owners.filter((owner) => owner.archived === archived && (!email || owner.email.toLowerCase() === email.toLowerCase()));
	const page = owners.slice(after, after + limit);
	return json(200, { results: page.map((owner) => presentOwner(owner, request.now)), ...(after + limit < owners.length ? { paging: { next: { after: String(after + limit), link: '' } } } : {}) });
}

export function getOwner(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.owners);
	const owner = state.owners.find((candidate) => candidate.id === request.params.id);
	if (!owner) fail(404, 'OBJECT_NOT_FOUND', 'resource not found');
	return json(200, presentOwner(owner, request.now));
}

export function accountDetails(state: HubSpotState, request: FakeRequest): FakeResponse {
	authenticate(state, request);
	return json(200, { portalId: HUBSPOT_SEED.portalId, accountType: 'STANDARD', timeZone: 'Etc/UTC', companyCurrency: 'USD', additionalCurrencies: [], utcOffset: '+00:00', utcOffsetMilliseconds: 0, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' });
}

function objectTypeOf(request: FakeRequest): 'contacts' | 'notes' {
	const type = request.params.objectType;
	if (type === 'contacts' || type === '0-1') return 'contacts';
	if (type === 'notes' || type === '0-46') return 'notes';
	return fail(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${type}`);
}

function presentProperty(property: HubSpotProperty): Record<string, unknown> {
	const at = new Date(property.createdAt).toISOString();
	return {
		name: property.name,
		label: property.label,
		type: property.type,
		fieldType: property.fieldType,
		description: property.description,
		groupName: property.groupName,
		options: [],
		displayOrder: -1,
		calculated: property.calculated,
		externalOptions: property.name === 'hubspot_owner_id',
		hasUniqueValue: property.hasUniqueValue,
		hidden: false,
		hubspotDefined: property.hubspotDefined,
		formField: !property.calculated,
		dataSensitivity: 'non_sensitive',
		modificationMetadata: { archivable: !property.hubspotDefined, readOnlyDefinition: property.hubspotDefined, readOnlyValue: property.calculated },
		createdAt: at,
		updatedAt: at,
		archived: false,
	};
}

export function listProperties(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.schemaRead);
	return json(200, { results: [...state.properties[objectTypeOf(request)].values()].map(presentProperty) });
}

export function getProperty(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.schemaRead);
	const property = state.properties[objectTypeOf(request)].get(request.params.name);
	if (!property) fail(404, 'OBJECT_NOT_FOUND', `Unable to find property ${request.params.name}`);
	return json(200, presentProperty(property));
}

const TYPES = ['string', 'number', 'datetime', 'date', 'enumeration', 'bool'];

export function createProperty(state: HubSpotState, request: FakeRequest): FakeResponse {
	requireScopes(state, request, SCOPES.schemaWrite);
	const objectType = objectTypeOf(request);
	const body = readBody(request);
	const missing = ['name', 'label', 'type', 'fieldType', 'groupName'].filter((key) => typeof body[key] !== 'string' || body[key] === '');
	if (missing.length > 0) fail(400, 'VALIDATION_ERROR', `Missing required fields: ${missing.join(', ')}`);
	const name = String(body.name);
	if (!/^[a-z][a-z0-9_]*$/.test(name)) fail(400, 'VALIDATION_ERROR', `Property name ${name} is invalid: use lower-case letters, digits and underscores, starting with a letter.`);
	if (!TYPES.includes(String(body.type))) fail(400, 'VALIDATION_ERROR', `Property type ${String(body.type)} is invalid.`);
	const properties = state.properties[objectType];
	if (properties.has(name)) fail(409, 'OBJECT_ALREADY_EXISTS', `Property named '${name}' already exists.`);
	const unique = body.hasUniqueValue === true;
	if (unique && [...properties.values()].filter((property) => property.hasUniqueValue && !property.hubspotDefined).length >= MAX_UNIQUE_PROPERTIES) {
		fail(400, 'VALIDATION_ERROR', `At most ${MAX_UNIQUE_PROPERTIES} unique properties are allowed on this object.`);
	}
	const property: HubSpotProperty = {
		name,
		label: String(body.label),
		type: body.type as HubSpotProperty['type'],
		fieldType: String(body.fieldType),
		groupName: String(body.groupName),
		description: typeof body.description === 'string' ? body.description : '',
		hasUniqueValue: unique,
		hubspotDefined: false,
		calculated: false,
		createdAt: request.now,
	};
	properties.set(name, property);
	return json(201, presentProperty(property));
}
