/** Zoho CRM / Bigin search: 204 on no match, stored-string matching, criteria syntax, index lag, scopes. */
import { startCrmFake, ZOHO_SEED, type RunningZohoFake } from '../../fakes';
import { call, query, zohoAuth } from './helpers';

let fake: RunningZohoFake;
beforeAll(async () => {
	fake = await startCrmFake('zoho', { config: { searchLagMs: 60_000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const search = (module: string, params: Record<string, string>, token?: string, base = '/crm/v8') => call(fake, 'GET', `${base}/${module}/search?${query(params)}`, { headers: zohoAuth(token) });

describe('Zoho search', () => {
	it('answers 204 with an empty body when nothing matches', async () => {
		const reply = await search('Leads', { phone: '+15550000000' });
		expect(reply.status).toBe(204);
		expect(reply.text).toBe('');
	});

	it('finds a phone whatever punctuation it was stored with, comparing digits', async () => {
		expect((await search('Leads', { phone: '+55 11 98888-7777' })).json.data[0].id).toBe(ZOHO_SEED.crm.leads[0].id);
		expect((await search('Leads', { phone: '+5521977776666' })).json.data[0].id).toBe(ZOHO_SEED.crm.leads[1].id);
		expect((await search('Contacts', { phone: '14155550132' })).json.data[0].Phone).toBe('+1 (415) 555-0132');
	});

	it('does not turn a national number into E.164: 07700 900123 is found by its national digits only', async () => {
		expect((await search('Contacts', { phone: '+447700900123' })).status).toBe(204);
		expect((await search('Contacts', { phone: '07700900123' })).json.data[0].Last_Name).toBe('Clarke');
	});

	it('compares the stored string exactly when phoneSearch is exact', async () => {
		fake.config.phoneSearch = 'exact';
		try {
			expect((await search('Leads', { phone: '5511988887777' })).status).toBe(204);
			expect((await search('Leads', { phone: '+5511988887777' })).status).toBe(200);
		} finally {
			fake.config.phoneSearch = 'digits';
		}
	});

	it('matches criteria equals on the stored string; an unencoded "+" arrives as a space and misses', async () => {
		const encoded = await search('Leads', { criteria: '((Mobile:equals:+5511988887777)or(Phone:equals:+5511988887777))' });
		expect(encoded.json.data.map((record: { id: string }) => record.id)).toEqual([ZOHO_SEED.crm.leads[0].id]);
		const raw = await call(fake, 'GET', '/crm/v8/Leads/search?criteria=(Mobile:equals:+5511988887777)', { headers: zohoAuth() });
		expect(raw.status).toBe(204);
	});

	it('reads escaped parentheses in values, splits in-lists on commas and evaluates and/or', async () => {
		const escaped = await search('Contacts', { criteria: '(Phone:equals:+1 \\(415\\) 555-0132)' });
		expect(escaped.json.data[0].Last_Name).toBe('Walsh');
		const list = await search('Leads', { criteria: '(Last_Name:in:Oliveira,Pereira)' });
		expect(list.json.data.map((record: { Last_Name: string }) => record.Last_Name)).toEqual(['Oliveira', 'Pereira']);
		const combined = await search('Leads', { criteria: '((Last_Name:starts_with:Oli)and(Company:equals:Oliveira Flores))' });
		expect(combined.json.info).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
	});

	it('answers 400 INVALID_QUERY for bad criteria and unknown fields, 400 REQUIRED_PARAM_MISSING without a selector', async () => {
		expect((await search('Leads', { criteria: 'Mobile:equals:1' })).json.code).toBe('INVALID_QUERY');
		expect((await search('Leads', { criteria: '(Nope:equals:1)' })).json).toMatchObject({ code: 'INVALID_QUERY', details: { api_name: 'Nope' } });
		expect((await search('Leads', { criteria: '(Mobile:contains:1)' })).status).toBe(400);
		expect((await search('Leads', {})).json.code).toBe('REQUIRED_PARAM_MISSING');
	});

	it('hides a record written a moment ago until the index catches up, while upsert already finds it', async () => {
		const body = { data: [{ Last_Name: 'WhatsApp +447700900555', Mobile: '+447700900555', WhatsApp_ID: '447700900555' }], duplicate_check_fields: ['WhatsApp_ID'] };
		const first = await call(fake, 'POST', '/crm/v8/Leads/upsert', { headers: zohoAuth(), json: body });
		expect(first.json.data[0]).toMatchObject({ action: 'insert', status: 'success' });
		expect((await search('Leads', { criteria: '(WhatsApp_ID:equals:447700900555)' })).status).toBe(204);
		const second = await call(fake, 'POST', '/crm/v8/Leads/upsert', { headers: zohoAuth(), json: body });
		expect(second.json.data[0]).toMatchObject({ action: 'update', duplicate_field: 'WhatsApp_ID', details: { id: first.json.data[0].details.id } });
		fake.flushSearchIndex();
		expect((await search('Leads', { criteria: '(WhatsApp_ID:equals:447700900555)' })).json.data).toHaveLength(1);
	});

	it('makes a write searchable after searchLagMs', async () => {
		fake.config.searchLagMs = 150;
		try {
			await call(fake, 'POST', '/crm/v8/Contacts', { headers: zohoAuth(), json: { data: [{ Last_Name: 'Lag', Email: 'lag@example.com' }] } });
			expect((await search('Contacts', { email: 'lag@example.com' })).status).toBe(204);
			await new Promise((resolve) => setTimeout(resolve, 250));
			expect((await search('Contacts', { email: 'LAG@example.com' })).status).toBe(200);
		} finally {
			fake.config.searchLagMs = 60_000;
		}
	});

	it('searches Bigin contacts under /bigin/v2 with a Bigin token, and word needs two characters', async () => {
		const reply = await search('Contacts', { phone: '+1 415 555 0132' }, ZOHO_SEED.accessTokens.bigin, '/bigin/v2');
		expect(reply.json.data[0].id).toBe(ZOHO_SEED.bigin.contacts[2].id);
		expect((await search('Contacts', { word: 'Gar' }, ZOHO_SEED.accessTokens.bigin, '/bigin/v2')).json.data[0].Last_Name).toBe('García');
		expect((await search('Contacts', { word: 'G' }, ZOHO_SEED.accessTokens.bigin, '/bigin/v2')).json.code).toBe('INVALID_QUERY');
	});

	it('needs ZohoSearch.securesearch.READ besides the module scope', async () => {
		const token = await call(fake, 'POST', '/__fake/tokens', { json: { scopes: ['ZohoCRM.modules.ALL'] } });
		const reply = await search('Leads', { phone: '5511988887777' }, token.json.access_token);
		expect(reply.status).toBe(401);
		expect(reply.json.code).toBe('OAUTH_SCOPE_MISMATCH');
	});
});
