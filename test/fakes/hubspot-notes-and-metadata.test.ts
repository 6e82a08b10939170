/** HubSpot notes (hs_timestamp, association 202), owners, account details, properties API and 429. */
import { HUBSPOT_SEED, startCrmFake, type RunningHubSpotFake } from '../../fakes';
import { call, hubspotAuth } from './helpers';

let fake: RunningHubSpotFake;
beforeAll(async () => {
	fake = await startCrmFake('hubspot');
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const send = (method: string, path: string, json?: unknown, token?: string) => call(fake, method, path, { headers: hubspotAuth(token), json });
const toContact = (id: string, typeId = 202) => [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }];

describe('HubSpot notes', () => {
	it('creates a note associated to a contact with type 202 and lists it from both sides', async () => {
		const note = await send('POST', '/crm/v3/objects/notes', { properties: { hs_timestamp: '2026-05-14T09:51:00Z', hs_note_body: 'WhatsApp: Olá!', hubspot_owner_id: '88842095' }, associations: toContact('51') });
		expect(note.status).toBe(201);
		expect(note.json.properties).toMatchObject({ hs_timestamp: '2026-05-14T09:51:00.000Z', hs_note_body: 'WhatsApp: Olá!', hs_object_id: note.json.id });
		const read = await send('GET', `/crm/v3/objects/notes/${note.json.id}?associations=contacts&properties=hs_note_body`);
		expect(read.json.associations.contacts.results).toEqual([{ id: '51', type: 'note_to_contact' }]);
		const contact = await send('GET', '/crm/v3/objects/contacts/51?associations=notes');
		expect(contact.json.associations.notes.results).toEqual([{ id: note.json.id, type: 'contact_to_note' }]);
		const v4 = await send('GET', '/crm/v4/objects/contacts/51/associations/notes');
		expect(v4.json.results[0]).toEqual({ toObjectId: Number(note.json.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 201, label: null }] });
	});

	it('answers 400 without hs_timestamp, with association type 201 or with a contact that does not exist', async () => {
		const noTimestamp = await send('POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'x' }, associations: toContact('51') });
		expect(noTimestamp.json).toMatchObject({ category: 'VALIDATION_ERROR', message: 'Error creating NOTE. Some required properties were not set.', context: { properties: ['hs_timestamp'] } });
		expect((await send('POST', '/crm/v3/objects/notes', { properties: { hs_timestamp: '1778752260000' }, associations: toContact('51', 201) })).status).toBe(400);
		expect((await send('POST', '/crm/v3/objects/notes', { properties: { hs_timestamp: '1778752260000' }, associations: toContact('999') })).status).toBe(400);
		expect(fake.state.notes.size).toBe(0);
	});
});

describe('HubSpot owners and account', () => {
	it('lists active owners for round-robin, archived ones on request, and one by email', async () => {
		const active = await send('GET', '/crm/v3/owners?limit=100');
		expect(active.json.results.map((owner: { id: string }) => owner.id)).toEqual(['88842095', '88842096', '88842097']);
		expect((await send('GET', '/crm/v3/owners?archived=true')).json.results[0]).toMatchObject({ id: '88842098', archived: true });
		expect((await send('GET', '/crm/v3/owners?email=ravi.kumar@example.com')).json.results[0].firstName).toBe('Ravi');
		expect((await send('GET', '/crm/v3/owners', undefined, HUBSPOT_SEED.readOnlyToken)).status).toBe(403);
	});

	it('answers the account details request that credential tests use', async () => {
		const reply = await send('GET', '/account-info/v3/details');
		expect(reply.json).toMatchObject({ portalId: HUBSPOT_SEED.portalId, accountType: 'STANDARD', uiDomain: 'app.hubspot.com' });
	});
});

describe('HubSpot properties', () => {
	it('reports whatsapp_id as a unique property and lets an integration create one when it is missing', async () => {
		const seeded = await send('GET', '/crm/v3/properties/contacts/whatsapp_id');
		expect(seeded.json).toMatchObject({ name: 'whatsapp_id', type: 'string', fieldType: 'text', hasUniqueValue: true, hubspotDefined: false });
		expect((await send('GET', '/crm/v3/properties/contacts')).json.results.some((property: { name: string }) => property.name === 'email')).toBe(true);
		const duplicate = await send('POST', '/crm/v3/properties/contacts', { name: 'whatsapp_id', label: 'WhatsApp ID', type: 'string', fieldType: 'text', groupName: 'contactinformation', hasUniqueValue: true });
		expect([duplicate.status, duplicate.json.category]).toEqual([409, 'OBJECT_ALREADY_EXISTS']);

		fake.config.whatsAppProperties = false;
		fake.reset();
		try {
			expect((await send('GET', '/crm/v3/properties/contacts/whatsapp_id')).status).toBe(404);
			const upsertWithout = await send('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'whatsapp_id', id: '1', properties: {} }] });
			expect(upsertWithout.status).toBe(400);
			const created = await send('POST', '/crm/v3/properties/contacts', { name: 'whatsapp_id', label: 'WhatsApp ID', type: 'string', fieldType: 'text', groupName: 'contactinformation', hasUniqueValue: true });
			expect([created.status, created.json.hasUniqueValue]).toEqual([201, true]);
			const upsertWith = await send('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'whatsapp_id', id: '1', properties: {} }] });
			expect(upsertWith.json.results[0].new).toBe(true);
		} finally {
			fake.config.whatsAppProperties = true;
		}
	});

	it('needs the schema scopes and valid definitions', async () => {
		expect((await send('GET', '/crm/v3/properties/contacts', undefined, HUBSPOT_SEED.readOnlyToken)).json.category).toBe('MISSING_SCOPES');
		expect((await send('POST', '/crm/v3/properties/contacts', { name: 'Bad Name', label: 'x', type: 'string', fieldType: 'text', groupName: 'g' })).status).toBe(400);
		expect((await send('POST', '/crm/v3/properties/contacts', { name: 'no_type', label: 'x' })).json.message).toMatch(/type, fieldType, groupName/);
	});
});

describe('HubSpot limits', () => {
	it('answers 429 with policyName and Retry-After, then serves again', async () => {
		fake.faults.add({ status: 429, retryAfterSeconds: 10, path: '/crm/v3/objects/contacts/search' });
		const limited = await send('POST', '/crm/v3/objects/contacts/search', { filterGroups: [] });
		expect([limited.status, limited.headers.get('retry-after'), limited.json.policyName, limited.json.errorType]).toEqual([429, '10', 'TEN_SECONDLY_ROLLING', 'RATE_LIMIT']);
		expect((await send('POST', '/crm/v3/objects/contacts/search', { filterGroups: [] })).status).toBe(200);
	});

	it('limits search per second per token when searchRequestsPerSecond is set', async () => {
		fake.config.searchRequestsPerSecond = 2;
		try {
			const replies = [];
			for (let index = 0; index < 3; index++) replies.push(await send('POST', '/crm/v3/objects/contacts/search', { filterGroups: [] }));
			expect(replies.map((reply) => reply.status)).toEqual([200, 200, 429]);
			expect([replies[2].json.policyName, replies[2].headers.get('retry-after')]).toEqual(['SECONDLY', '1']);
		} finally {
			fake.config.searchRequestsPerSecond = 0;
		}
	});
});
