/**
 * Find or Create says the same things in the same shape for every CRM: one new number typed five ways
 * in one run (Person › Fields) is one record; `name` is the record's, and `matchedBy` names the key
 * that found it, also when Zoho's search had not caught up and the CRM's create on the key found it.
 * Over HTTP against the fakes, the search indexes left to lag as the CRMs' do.
 */
import type { RunningCrmFake } from '../../../fakes';
import type { CredentialsByType } from '../../harness/n8nContext';
import { crmTestBed } from '../crmTestBed';
import { allFakesSuite, hubspotCredential, zendeskCredential, zohoCredential } from '../fakeSetup';

const suite = allFakesSuite();

const CASES: Array<{ crm: string; credentials: () => CredentialsByType; fake: () => RunningCrmFake; extra: Record<string, unknown> }> = [
	{ crm: 'zohoCrm', credentials: () => zohoCredential(suite.fakes.zoho), fake: () => suite.fakes.zoho, extra: { zohoModule: 'Leads' } },
	{ crm: 'bigin', credentials: () => zohoCredential(suite.fakes.zoho), fake: () => suite.fakes.zoho, extra: {} },
	{ crm: 'hubspot', credentials: () => hubspotCredential(suite.fakes.hubspot), fake: () => suite.fakes.hubspot, extra: {} },
	{ crm: 'zendesk', credentials: () => zendeskCredential(suite.fakes.zendesk), fake: () => suite.fakes.zendesk, extra: {} },
];

const FORMATS = ['+44 7400 123470', '0044 7400 123470', '447400123470', '+44 (0)7400 123470', '447400123470.0'];
const outputs: Record<string, Array<Record<string, unknown>>> = {};

describe.each(CASES)('$crm: one new number typed five ways in one run', ({ crm, credentials, extra }) => {
	test('one record; the first item created it, the others were matched by the WhatsApp ID (never "created concurrently"); name is the record\'s', async () => {
		const parameters = { crm, resource: 'contact', operation: 'findOrCreate', owners: [], person: 'fields', waId: '={{ $json.phone }}', profileName: 'Nia Okafor', ...extra };
		const { items } = await crmTestBed(credentials()).run(parameters, FORMATS.map((phone) => ({ json: { phone } })));
		const json = items.map((item) => item.json);
		outputs[crm] = json;
		expect(new Set(json.map((output) => output.recordId)).size).toBe(1);
		expect(json.map((output) => output.matchedBy)).toEqual(['created', 'whatsAppId', 'whatsAppId', 'whatsAppId', 'whatsAppId']);
		expect(json.map((output) => output.created)).toEqual([true, false, false, false, false]);
		expect(json.map((output) => output.name)).toEqual(Array(5).fill('Nia Okafor'));
		expect(json.every((output) => output.waId === '447400123470')).toBe(true);
	});
});

test('every CRM outputs the same fields for Find or Create', () => {
	const keys = Object.fromEntries(Object.entries(outputs).map(([crm, json]) => [crm, Object.keys(json[0]).sort()]));
	expect(Object.keys(keys)).toHaveLength(CASES.length);
	for (const crm of Object.keys(keys)) expect(keys[crm]).toEqual(keys.zohoCrm);
});
