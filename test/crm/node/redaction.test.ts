/**
 * A CRM that echoes the credential it was sent (the fakes' `echo` fault) never gets it into an
 * output item, an error item or the error n8n keeps: the node redacts the secret values of its
 * credential (nodes/shared/transport/redaction.ts: API token, private app token, client secret,
 * OAuth2 access and refresh tokens) and the shapes of Authorization headers.
 */
import { HUBSPOT_SEED, ZENDESK_SEED, ZOHO_SEED, type RunningCrmFake } from '../../../fakes';
import { everythingShown, expectNoSecret } from '../../harness/shownTexts';
import { crmTestBed, type CrmTestBed } from '../crmTestBed';
import { hubspotCredential, inboundText, startAllFakes, zendeskCredential, zohoCredential } from '../fakeSetup';

const zendeskBasic = Buffer.from(`${ZENDESK_SEED.email}/token:${ZENDESK_SEED.apiToken}`).toString('base64');
const SECRETS = [ZOHO_SEED.accessTokens.all, ZOHO_SEED.refreshTokens.all, ZOHO_SEED.clientSecret, ZENDESK_SEED.apiToken, zendeskBasic, HUBSPOT_SEED.token];

let fakes: Awaited<ReturnType<typeof startAllFakes>>;
beforeAll(async () => {
	fakes = await startAllFakes();
});
afterAll(async () => await fakes.close());

interface Case {
	crm: string;
	fake: () => RunningCrmFake;
	bed: () => CrmTestBed;
	/** Node parameters besides crm, resource and operation. */
	extra: Record<string, unknown>;
}

const cases: Array<[string, Case]> = [
	['Zoho CRM', { crm: 'zohoCrm', fake: () => fakes.zoho, bed: () => crmTestBed(zohoCredential(fakes.zoho)), extra: { zohoModule: 'Leads' } }],
	['Zendesk', { crm: 'zendesk', fake: () => fakes.zendesk, bed: () => crmTestBed(zendeskCredential(fakes.zendesk)), extra: {} }],
	['HubSpot', { crm: 'hubspot', fake: () => fakes.hubspot, bed: () => crmTestBed(hubspotCredential(fakes.hubspot)), extra: {} }],
];


let waIds = 0;
const nextWaId = () => `4479115400${String(++waIds).padStart(2, '0')}`;

describe.each(cases)('%s echoing the credential', (_name, { crm, fake, bed, extra }) => {
	beforeEach(() => fake().reset());

	test('in an error: neither the error item nor the error shows it', async () => {
		fake().faults.add({ echo: 'error' });
		const { items } = await bed().run({ crm, resource: 'contact', operation: 'getByWhatsAppId', ...extra }, [inboundText(nextWaId(), 'hi')], { continueOnFail: true });
		const item = items[0];
		expect(JSON.stringify(item.json)).toContain('Request credentials: Authorization');
		expect(JSON.stringify(item.json)).toContain('[redacted]');
		expectNoSecret(JSON.stringify(item.json), SECRETS);
	});

	test('in a successful answer: the output item shows the echo redacted', async () => {
		const person = inboundText(nextWaId(), 'hi');
		await bed().run({ crm, resource: 'contact', operation: 'findOrCreate', owners: [], ...extra }, [person]);
		fake().flushSearchIndex();
		fake().faults.add({ echo: 'answer', method: 'GET', count: 5 });
		const { items } = await bed().run({ crm, resource: 'contact', operation: 'getByWhatsAppId', ...extra }, [person]);
		expect(items[0].json).toMatchObject({ found: true });
		const shown = JSON.stringify(items[0].json);
		expect(shown).toContain('Request credentials: Authorization');
		expectNoSecret(shown, SECRETS);
	});
});

test('without Continue On Fail the thrown error is clean too', async () => {
	fakes.zendesk.reset();
	fakes.zendesk.faults.add({ echo: 'error' });
	const thrown = await crmTestBed(zendeskCredential(fakes.zendesk))
		.run({ crm: 'zendesk', resource: 'contact', operation: 'getByWhatsAppId' }, [inboundText(nextWaId(), 'hi')])
		.then(
			() => undefined,
			(error: unknown) => error,
		);
	expect(everythingShown(thrown)).toContain('[redacted]');
	expectNoSecret(everythingShown(thrown), SECRETS);
});
