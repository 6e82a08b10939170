/** "Assign New Records To": the owner list each CRM's users load into (methods/loadOptions.ts), from the fakes. */
import { HUBSPOT_SEED, ZENDESK_SEED, ZOHO_SEED } from '../../../fakes';
import { WhatsAppCrm } from '../../../nodes/WhatsAppCrm/WhatsAppCrm.node';
import { crmTestBed } from '../crmTestBed';
import { hubspotCredential, startAllFakes, zendeskCredential, zohoCredential } from '../fakeSetup';

let fakes: Awaited<ReturnType<typeof startAllFakes>>;
beforeAll(async () => {
	fakes = await startAllFakes();
});
afterAll(async () => await fakes.close());

const getOwners = new WhatsAppCrm().methods.loadOptions.getOwners;

test('Zoho CRM and Bigin: the active users, by name with their email', async () => {
	const bed = crmTestBed(zohoCredential(fakes.zoho));
	const crm = await getOwners.call(await bed.optionsContext({ crm: 'zohoCrm', resource: 'contact', operation: 'findOrCreate' }));
	const active = ZOHO_SEED.crm.users.filter((user) => user.status === 'active');
	expect(crm.map((option) => option.value).sort()).toEqual(active.map((user) => user.id).sort());
	expect(crm).toContainEqual({ name: 'Patricia Boyle (patricia.boyle@example.com)', value: active[0].id });
	const bigin = await getOwners.call(await bed.optionsContext({ crm: 'bigin', resource: 'contact', operation: 'findOrCreate' }));
	expect(bigin.map((option) => option.value)).toContain(ZOHO_SEED.bigin.users[0].id);
});

test('HubSpot: the owners that are not archived', async () => {
	const bed = crmTestBed(hubspotCredential(fakes.hubspot));
	const owners = await getOwners.call(await bed.optionsContext({ crm: 'hubspot', resource: 'contact', operation: 'findOrCreate' }));
	expect(owners.map((option) => option.value).sort()).toEqual(HUBSPOT_SEED.owners.filter((owner) => !owner.archived).map((owner) => owner.id).sort());
});

test('Zendesk: agents and admins who can take tickets, suspended ones left out', async () => {
	const bed = crmTestBed(zendeskCredential(fakes.zendesk));
	const owners = await getOwners.call(await bed.optionsContext({ crm: 'zendesk', resource: 'ticket', operation: 'addMessage' }));
	const expected = ZENDESK_SEED.agents.filter((agent) => !('suspended' in agent && agent.suspended)).map((agent) => String(agent.id));
	expect(owners.map((option) => option.value).sort()).toEqual(expected.sort());
});
