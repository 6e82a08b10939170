/** Zoho CRM / Bigin records, notes and metadata: envelopes, uniqueness under concurrency, validation. */
import { startCrmFake, ZOHO_SEED, type RunningZohoFake } from '../../fakes';
import { call, zohoAuth } from './helpers';

let fake: RunningZohoFake;
beforeAll(async () => {
	fake = await startCrmFake('zoho', { config: { searchLagMs: 60_000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const post = (path: string, json: unknown, token?: string) => call(fake, 'POST', path, { headers: zohoAuth(token), json });

describe('Zoho records', () => {
	it('yields one record when twenty upserts on the same WhatsApp_ID arrive at once', async () => {
		const body = { data: [{ Last_Name: 'WhatsApp 447700900777', Mobile: '+447700900777', WhatsApp_ID: '447700900777' }], duplicate_check_fields: ['WhatsApp_ID'] };
		const replies = await Promise.all(Array.from({ length: 20 }, () => post('/crm/v8/Leads/upsert', body)));
		const actions = replies.map((reply) => reply.json.data[0].action);
		expect(actions.filter((action) => action === 'insert')).toHaveLength(1);
		expect(new Set(replies.map((reply) => reply.json.data[0].details.id)).size).toBe(1);
		const stored = [...fake.state.store('crm', 'Leads').values()].filter((record) => record.fields.WhatsApp_ID === '447700900777');
		expect(stored).toHaveLength(1);
	});

	it('answers an insert of a stored unique value with 400 DUPLICATE_DATA naming the existing record', async () => {
		const reply = await post('/crm/v8/Contacts', { data: [{ Last_Name: 'Again', WhatsApp_ID: '34612345678' }] });
		expect(reply.status).toBe(400);
		expect(reply.json.data[0]).toMatchObject({
			code: 'DUPLICATE_DATA',
			status: 'error',
			message: 'duplicate data',
			details: { api_name: 'WhatsApp_ID', json_path: '$.data[0].WhatsApp_ID', id: ZOHO_SEED.crm.contacts[2].id, duplicate_record: { id: ZOHO_SEED.crm.contacts[2].id, module: { api_name: 'Contacts' } } },
		});
	});

	it('answers 201 with "record added", 207 when mixed, 400 MANDATORY_NOT_FOUND when all fail', async () => {
		const created = await post('/crm/v8/Leads', { data: [{ Last_Name: 'Ok', Company: 'Acme' }] });
		expect(created.status).toBe(201);
		expect(created.json.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success', details: { Created_By: { id: ZOHO_SEED.crm.users[0].id } } });
		const mixed = await post('/crm/v8/Leads', { data: [{ Last_Name: 'Ok too' }, { First_Name: 'No last name' }] });
		expect(mixed.status).toBe(207);
		const failed = await post('/crm/v8/Leads', { data: [{ First_Name: 'No last name' }] });
		expect(failed.status).toBe(400);
		expect(failed.json.data[0]).toEqual({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Last_Name', json_path: '$.data[0].Last_Name' }, message: 'required field not found', status: 'error' });
	});

	it('requires Company on Leads when the layout says so (mandatoryFields)', async () => {
		fake.config.mandatoryFields = { ...fake.config.mandatoryFields, 'crm.Leads': ['Last_Name', 'Company'] };
		try {
			const reply = await post('/crm/v8/Leads', { data: [{ Last_Name: 'No company' }] });
			expect(reply.json.data[0].details.api_name).toBe('Company');
		} finally {
			fake.config.mandatoryFields = { ...fake.config.mandatoryFields, 'crm.Leads': ['Last_Name'] };
		}
	});

	it('rejects a date-time with milliseconds or Z, an unknown or inactive owner, a bad email and a too-long value with INVALID_DATA', async () => {
		const bad = [
			{ Last_Name: 'A', Last_WhatsApp_Inbound: '2026-05-14T09:51:00.000Z' },
			{ Last_Name: 'A2', Last_WhatsApp_Inbound: '2026-05-14T09:51:00Z' },
			{ Last_Name: 'B', Owner: { id: '1' } },
			{ Last_Name: 'C', Owner: { id: ZOHO_SEED.crm.users[3].id } },
			{ Last_Name: 'D', Email: 'not-an-email' },
			{ Last_Name: 'E'.repeat(81) },
		];
		const reply = await post('/crm/v8/Leads', { data: bad });
		expect(reply.status).toBe(400);
		expect(reply.json.data.map((item: { code: string; details: { api_name: string } }) => [item.code, item.details.api_name])).toEqual([
			['INVALID_DATA', 'Last_WhatsApp_Inbound'],
			['INVALID_DATA', 'Last_WhatsApp_Inbound'],
			['INVALID_DATA', 'Owner'],
			['INVALID_DATA', 'Owner'],
			['INVALID_DATA', 'Email'],
			['INVALID_DATA', 'Last_Name'],
		]);
		const good = await post('/crm/v8/Leads', { data: [{ Last_Name: 'F', Last_WhatsApp_Inbound: '2026-05-14T09:51:00+00:00', Owner: { id: ZOHO_SEED.crm.users[2].id } }] });
		expect(good.status).toBe(201);
		const record = await call(fake, 'GET', `/crm/v8/Leads/${good.json.data[0].details.id}`, { headers: zohoAuth() });
		expect(record.json.data[0]).toMatchObject({ Owner: { id: ZOHO_SEED.crm.users[2].id, name: 'Chloé Martin' }, Last_WhatsApp_Inbound: '2026-05-14T09:51:00+00:00' });
	});

	it('drops unknown fields silently by default and rejects them when unknownFields is reject', async () => {
		const kept = await post('/crm/v8/Leads', { data: [{ Last_Name: 'G', Whatsapp_Id: 'typo' }] });
		expect(kept.status).toBe(201);
		fake.config.unknownFields = 'reject';
		try {
			const rejected = await post('/crm/v8/Leads', { data: [{ Last_Name: 'H', Whatsapp_Id: 'typo' }] });
			expect(rejected.json.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Whatsapp_Id' } });
		} finally {
			fake.config.unknownFields = 'ignore';
		}
	});

	it('upserts on Email then unique fields when duplicate_check_fields is absent', async () => {
		const reply = await post('/crm/v8/Contacts/upsert', { data: [{ Last_Name: 'Clarke', Email: 'EMMA.CLARKE@example.com', Mobile: '+447700900123' }] });
		expect(reply.status).toBe(200);
		expect(reply.json.data[0]).toMatchObject({ action: 'update', duplicate_field: 'Email', details: { id: ZOHO_SEED.crm.contacts[0].id } });
		const unknownField = await post('/crm/v8/Contacts/upsert', { data: [{ Last_Name: 'X' }], duplicate_check_fields: ['Nope'] });
		expect(unknownField.status).toBe(400);
		expect(unknownField.json.details.api_name).toBe('duplicate_check_fields');
	});

	it('reads a record by id (204 when absent) and updates it with PUT', async () => {
		const id = ZOHO_SEED.crm.leads[1].id;
		const updated = await call(fake, 'PUT', `/crm/v8/Leads/${id}`, { headers: zohoAuth(), json: { data: [{ WhatsApp_ID: '5521977776666', Mobile: '+5521977776666' }] } });
		expect(updated.json.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record updated' });
		const read = await call(fake, 'GET', `/crm/v8/Leads/${id}?fields=WhatsApp_ID,Mobile`, { headers: zohoAuth() });
		expect(read.json.data[0]).toEqual({ id, WhatsApp_ID: '5521977776666', Mobile: '+5521977776666' });
		expect((await call(fake, 'GET', '/crm/v8/Leads/5725767000000999999', { headers: zohoAuth() })).status).toBe(204);
		const missing = await call(fake, 'PUT', '/crm/v8/Leads/5725767000000999999', { headers: zohoAuth(), json: { data: [{ Last_Name: 'x' }] } });
		expect(missing.json.data[0]).toMatchObject({ code: 'INVALID_DATA', message: 'the related id given seems to be invalid' });
	});

	it('answers INVALID_MODULE for a module it does not hold and INVALID_URL_PATTERN for an unknown path', async () => {
		expect((await call(fake, 'GET', '/crm/v8/Deals/1', { headers: zohoAuth() })).json.code).toBe('INVALID_MODULE');
		const unknown = await call(fake, 'GET', '/crm/v2/Leads', { headers: zohoAuth() });
		expect([unknown.status, unknown.json.code]).toEqual([404, 'INVALID_URL_PATTERN']);
	});
});

describe('Zoho notes', () => {
	it('accepts the v8 Parent_Id object, the legacy id + se_module, Bigin $se_module and the record-scoped URL', async () => {
		const lead = ZOHO_SEED.crm.leads[0].id;
		const v8 = await post('/crm/v8/Notes', { data: [{ Note_Title: 'WhatsApp', Note_Content: 'first', Parent_Id: { module: { api_name: 'Leads' }, id: lead } }] });
		const legacy = await post('/crm/v8/Notes', { data: [{ Note_Content: 'second', Parent_Id: lead, se_module: 'Leads' }] });
		const scoped = await post(`/crm/v8/Leads/${lead}/Notes`, { data: [{ Note_Content: 'third' }] });
		expect([v8.status, legacy.status, scoped.status]).toEqual([201, 201, 201]);
		const bigin = await post('/bigin/v2/Notes', { data: [{ Note_Content: 'hola', Parent_Id: ZOHO_SEED.bigin.contacts[3].id, $se_module: 'Contacts' }] }, ZOHO_SEED.accessTokens.bigin);
		expect(bigin.status).toBe(201);
		const list = await call(fake, 'GET', `/crm/v8/Leads/${lead}/Notes`, { headers: zohoAuth() });
		expect(list.json.data.map((note: { Note_Content: string }) => note.Note_Content)).toEqual(['third', 'second', 'first']);
		expect(list.json.data[2]).toMatchObject({ Note_Title: 'WhatsApp', Parent_Id: { module: { api_name: 'Leads' }, id: lead, name: 'Maria Oliveira' } });
	});

	it('answers 202 when every note fails: no content, no parent, a parent that does not exist', async () => {
		const reply = await post('/crm/v8/Notes', {
			data: [{ Parent_Id: { module: { api_name: 'Leads' }, id: ZOHO_SEED.crm.leads[0].id } }, { Note_Content: 'x' }, { Note_Content: 'y', Parent_Id: '1', se_module: 'Leads' }],
		});
		expect(reply.status).toBe(202);
		expect(reply.json.data.map((item: { code: string }) => item.code)).toEqual(['MANDATORY_NOT_FOUND', 'MANDATORY_NOT_FOUND', 'INVALID_DATA']);
		expect((await call(fake, 'GET', `/crm/v8/Contacts/${ZOHO_SEED.crm.contacts[0].id}/Notes`, { headers: zohoAuth() })).status).toBe(204);
	});
});

describe('Zoho metadata', () => {
	it('lists active users for owner round-robin and the current user', async () => {
		const active = await call(fake, 'GET', '/crm/v8/users?type=ActiveUsers', { headers: zohoAuth() });
		expect(active.json.users.map((user: { full_name: string }) => user.full_name)).toEqual(['Patricia Boyle', 'Ravi Kumar', 'Chloé Martin']);
		expect(active.json.info).toMatchObject({ count: 3, more_records: false });
		const current = await call(fake, 'GET', '/bigin/v2/users?type=CurrentUser', { headers: zohoAuth(ZOHO_SEED.accessTokens.bigin) });
		expect(current.json.users[0].id).toBe(ZOHO_SEED.bigin.users[0].id);
	});

	it('marks WhatsApp_ID as unique in the fields metadata, and omits it when the admin has not created it', async () => {
		const fields = await call(fake, 'GET', '/crm/v8/settings/fields?module=Leads', { headers: zohoAuth() });
		const byName = Object.fromEntries(fields.json.fields.map((field: { api_name: string }) => [field.api_name, field]));
		expect(byName.WhatsApp_ID).toMatchObject({ data_type: 'text', custom_field: true, unique: { casesensitive: 'false' } });
		expect(byName.Mobile.unique).toEqual({});
		expect(byName.Last_Name.system_mandatory).toBe(true);
		fake.config.whatsAppFields = false;
		try {
			const without = await call(fake, 'GET', '/crm/v8/settings/fields?module=Leads', { headers: zohoAuth() });
			expect(without.json.fields.some((field: { api_name: string }) => field.api_name === 'WhatsApp_ID')).toBe(false);
			const upsert = await post('/crm/v8/Leads/upsert', { data: [{ Last_Name: 'x', WhatsApp_ID: '1' }], duplicate_check_fields: ['WhatsApp_ID'] });
			expect(upsert.status).toBe(400);
		} finally {
			fake.config.whatsAppFields = true;
		}
		expect((await call(fake, 'GET', '/crm/v8/settings/fields', { headers: zohoAuth() })).json.code).toBe('REQUIRED_PARAM_MISSING');
	});
});
