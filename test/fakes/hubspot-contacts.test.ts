/** HubSpot contacts: auth and scopes, search shapes and lag, batch upsert under concurrency, unique properties, 409. */
import { HUBSPOT_SEED, startCrmFake, type RunningHubSpotFake } from '../../fakes';
import { call, hubspotAuth } from './helpers';

let fake: RunningHubSpotFake;
beforeAll(async () => {
	fake = await startCrmFake('hubspot', { config: { searchLagMs: 60_000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const send = (method: string, path: string, json?: unknown, token?: string) => call(fake, method, path, { headers: hubspotAuth(token), json });
const search = (filterGroups: unknown[], extra: Record<string, unknown> = {}) => send('POST', '/crm/v3/objects/contacts/search', { filterGroups, ...extra });
const eq = (propertyName: string, value: string) => ({ filters: [{ propertyName, operator: 'EQ', value }] });
const upsert = (whatsappId: string, properties: Record<string, string> = {}) =>
	send('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'whatsapp_id', id: whatsappId, properties: { phone: `+${whatsappId}`, ...properties } }] });

describe('HubSpot authentication', () => {
	it('answers 401 INVALID_AUTHENTICATION without a token or with an unknown or revoked one', async () => {
		const none = await call(fake, 'GET', '/account-info/v3/details');
		expect(none.status).toBe(401);
		expect(none.json).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION', correlationId: expect.any(String) });
		expect((await send('GET', '/account-info/v3/details', undefined, 'pat-na1-unknown')).status).toBe(401);
		const minted = await call(fake, 'POST', '/__fake/tokens', { json: {} });
		expect((await send('GET', '/account-info/v3/details', undefined, minted.json.token)).json.portalId).toBe(HUBSPOT_SEED.portalId);
		await call(fake, 'POST', '/__fake/tokens/revoke', { json: { token: minted.json.token } });
		expect((await send('GET', '/account-info/v3/details', undefined, minted.json.token)).status).toBe(401);
	});

	it('answers 401 EXPIRED_AUTHENTICATION for an OAuth-style token past its expiry', async () => {
		const minted = await call(fake, 'POST', '/__fake/tokens', { json: { expiresInSeconds: -5 } });
		const reply = await send('GET', '/crm/v3/owners', undefined, minted.json.token);
		expect(reply.json).toMatchObject({ category: 'EXPIRED_AUTHENTICATION', message: expect.stringMatching(/^The OAuth token used to make this call expired \d+ second\(s\) ago\.$/) });
	});

	it('answers 403 MISSING_SCOPES naming the scope when a read-only token writes', async () => {
		const reply = await send('POST', '/crm/v3/objects/contacts', { properties: { firstname: 'x' } }, HUBSPOT_SEED.readOnlyToken);
		expect(reply.status).toBe(403);
		expect(reply.json).toMatchObject({ category: 'MISSING_SCOPES', errors: [{ context: { requiredGranularScopes: ['crm.objects.contacts.write'] } }] });
		expect((await send('GET', '/crm/v3/objects/contacts/51', undefined, HUBSPOT_SEED.readOnlyToken)).status).toBe(200);
	});
});

describe('HubSpot search', () => {
	it('answers {"total":0,"results":[]} when nothing matches', async () => {
		const reply = await search([eq('phone', '+15550000000')]);
		expect([reply.status, reply.json]).toEqual([200, { total: 0, results: [] }]);
	});

	it('ORs filter groups, matches the stored string with EQ and the digits in hs_searchable_calculated_phone_number', async () => {
		const reply = await search([eq('phone', '+5511988887777'), eq('mobilephone', '+5511988887777')], { properties: ['phone', 'mobilephone', 'hubspot_owner_id'] });
		expect(reply.json.results.map((contact: { id: string }) => contact.id)).toEqual(['51']);
		expect(reply.json.results[0].properties).toMatchObject({ phone: '+5511988887777', mobilephone: null, hubspot_owner_id: '88842096', hs_object_id: '51' });
		expect((await search([eq('phone', '5511988887777')])).json.total).toBe(0);
		expect((await search([eq('hs_searchable_calculated_phone_number', '14155550132')])).json.results[0].id).toBe('54');
		expect((await search([{ filters: [{ propertyName: 'phone', operator: 'CONTAINS_TOKEN', value: '*900123' }] }])).json.results[0].id).toBe('53');
	});

	it('answers 400 for more than 5 groups, 6 filters in a group, a limit over 200 or an unknown property', async () => {
		expect((await search(Array.from({ length: 6 }, () => eq('phone', '1')))).status).toBe(400);
		expect((await search([{ filters: Array.from({ length: 7 }, () => ({ propertyName: 'phone', operator: 'EQ', value: '1' })) }])).status).toBe(400);
		expect((await search([], { limit: 201 })).status).toBe(400);
		expect((await search([eq('nope', '1')])).json.category).toBe('VALIDATION_ERROR');
	});

	it('pages with after and limit', async () => {
		const first = await search([], { limit: 2, sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
		expect([first.json.total, first.json.results.map((contact: { id: string }) => contact.id), first.json.paging.next.after]).toEqual([5, ['51', '52'], '2']);
		const last = await search([], { limit: 2, after: '4' });
		expect([last.json.results.length, last.json.paging]).toEqual([1, undefined]);
	});

	it('hides a contact created a moment ago while batch upsert by whatsapp_id already finds it', async () => {
		const created = await upsert('447700900444', { firstname: 'Ann' });
		expect(created.json.results[0]).toMatchObject({ new: true, properties: { whatsapp_id: '447700900444', phone: '+447700900444' } });
		expect((await search([eq('whatsapp_id', '447700900444')])).json).toEqual({ total: 0, results: [] });
		const again = await upsert('447700900444', { lastname: 'Lee' });
		expect(again.json.results[0]).toMatchObject({ id: created.json.results[0].id, new: false, properties: { firstname: 'Ann', lastname: 'Lee' } });
		fake.flushSearchIndex();
		expect((await search([eq('whatsapp_id', '447700900444')])).json.total).toBe(1);
	});
});

describe('HubSpot contacts', () => {
	it('yields one contact when twenty batch upserts on one whatsapp_id arrive at once', async () => {
		const replies = await Promise.all(Array.from({ length: 20 }, () => upsert('5531933334444')));
		expect(replies.filter((reply) => reply.json.results[0].new)).toHaveLength(1);
		expect([...fake.state.contacts.values()].filter((contact) => contact.properties.whatsapp_id === '5531933334444')).toHaveLength(1);
	});

	it('answers 409 "Contact already exists. Existing ID: N" for a duplicate email or unique property value', async () => {
		const email = await send('POST', '/crm/v3/objects/contacts', { properties: { email: 'EMMA.CLARKE@example.com' } });
		expect([email.status, email.json.category, email.json.message]).toEqual([409, 'CONFLICT', 'Contact already exists. Existing ID: 53']);
		const whatsapp = await send('POST', '/crm/v3/objects/contacts', { properties: { firstname: 'Copy', whatsapp_id: '34612345678' } });
		expect([whatsapp.status, whatsapp.json.message]).toEqual([409, 'Contact already exists. Existing ID: 55']);
		const patch = await send('PATCH', '/crm/v3/objects/contacts/51', { properties: { whatsapp_id: '34612345678' } });
		expect(patch.status).toBe(409);
	});

	it('creates with 201, reads and updates by id or by a unique idProperty, and refuses a non-unique idProperty', async () => {
		const created = await send('POST', '/crm/v3/objects/contacts', { properties: { firstname: 'Ana', lastname: '(WhatsApp)', phone: '+5511977776666', whatsapp_id: '5511977776666', hubspot_owner_id: '88842095' } });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ id: expect.stringMatching(/^\d+$/), archived: false, properties: { hs_object_id: created.json.id, whatsapp_id: '5511977776666', createdate: expect.any(String) } });
		const byKey = await send('GET', '/crm/v3/objects/contacts/5511977776666?idProperty=whatsapp_id&properties=phone,whatsapp_last_inbound_at');
		expect(byKey.json.properties).toMatchObject({ phone: '+5511977776666', whatsapp_last_inbound_at: null });
		const patched = await send('PATCH', '/crm/v3/objects/contacts/5511977776666?idProperty=whatsapp_id', { properties: { whatsapp_last_inbound_at: '1778752260000' } });
		expect(patched.json.properties.whatsapp_last_inbound_at).toBe('2026-05-14T09:51:00.000Z');
		expect((await send('GET', '/crm/v3/objects/contacts/+5511977776666?idProperty=phone')).status).toBe(400);
		expect((await send('GET', '/crm/v3/objects/contacts/999')).json).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'resource not found' });
	});

	it('answers 400 "Property values were not valid" for unknown or read-only properties, a bad email, date or owner', async () => {
		const cases: Array<[Record<string, string>, string]> = [
			[{ whatsap_id: '1' }, 'PROPERTY_DOESNT_EXIST'],
			[{ hs_searchable_calculated_phone_number: '1' }, 'READ_ONLY_VALUE'],
			[{ email: 'nope' }, 'INVALID_EMAIL'],
			[{ whatsapp_last_inbound_at: 'yesterday' }, 'INVALID_DATETIME'],
			[{ hubspot_owner_id: '88842098' }, 'INVALID_OPTION'],
		];
		for (const [properties, code] of cases) {
			const reply = await send('POST', '/crm/v3/objects/contacts', { properties });
			expect([reply.status, reply.json.category, reply.json.errors[0].code]).toEqual([400, 'VALIDATION_ERROR', code]);
			expect(reply.json.message).toMatch(/^Property values were not valid: \[/);
		}
	});

	it('refuses a batch with the same id twice or a non-unique idProperty', async () => {
		const twice = await send('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'whatsapp_id', id: '1', properties: {} }, { idProperty: 'whatsapp_id', id: '1', properties: {} }] });
		expect(twice.json.message).toMatch(/^Duplicate IDs found in batch input/);
		const phone = await send('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'phone', id: '+1', properties: {} }] });
		expect(phone.status).toBe(400);
	});

	it('answers 207 with errors when one input of a batch conflicts on another unique value', async () => {
		const reply = await send('POST', '/crm/v3/objects/contacts/batch/upsert', {
			inputs: [
				{ idProperty: 'whatsapp_id', id: '15550001', properties: {} },
				{ idProperty: 'whatsapp_id', id: '15550002', properties: { email: 'emma.clarke@example.com' } },
			],
		});
		expect(reply.status).toBe(207);
		expect(reply.json).toMatchObject({ status: 'COMPLETE', numErrors: 1, errors: [{ category: 'CONFLICT', message: 'Contact already exists. Existing ID: 53' }] });
	});
});
