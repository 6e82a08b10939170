/**
 * The requests each operation makes, per CRM, read from the fakes' request logs: for a new sender
 * (with owners picked), for a known sender, and for the other operations. Printed for the README
 * and the release notes; the assertions pin the cheap path (a known sender costs one look-up).
 */
import { HUBSPOT_SEED, ZENDESK_SEED, ZOHO_SEED, type RunningCrmFake } from '../../../fakes';
import type { INodeParameters } from 'n8n-workflow';
import type { CredentialsByType } from '../../harness/n8nContext';
import { crmTestBed } from '../crmTestBed';
import { hubspotCredential, inboundText, lastSeq, requestLines, startAllFakes, zendeskCredential, zohoCredential } from '../fakeSetup';

let fakes: Awaited<ReturnType<typeof startAllFakes>>;
const report: string[] = [];
beforeAll(async () => {
	fakes = await startAllFakes();
});
afterAll(async () => {
	console.info(`Requests per operation:\n${report.join('\n')}`);
	await fakes.close();
});

async function requestsOf(fake: RunningCrmFake, credentials: CredentialsByType, label: string, parameters: INodeParameters, waId: string): Promise<string[]> {
	const since = lastSeq(fake);
	await crmTestBed(credentials).run(parameters, [inboundText(waId, 'hello')]);
	const lines = requestLines(fake, since);
	report.push(`${label} (${lines.length}):\n    ${lines.join('\n    ')}`);
	return lines;
}

const CASES = [
	{ crm: 'zohoCrm', fake: () => fakes.zoho, credentials: () => zohoCredential(fakes.zoho), owners: ZOHO_SEED.crm.users.slice(0, 2).map((user) => user.id), extra: { zohoModule: 'Leads' } },
	{ crm: 'bigin', fake: () => fakes.zoho, credentials: () => zohoCredential(fakes.zoho), owners: ZOHO_SEED.bigin.users.slice(0, 2).map((user) => user.id), extra: {} },
	{ crm: 'hubspot', fake: () => fakes.hubspot, credentials: () => hubspotCredential(fakes.hubspot), owners: HUBSPOT_SEED.owners.slice(0, 2).map((owner) => owner.id), extra: {} },
	{ crm: 'zendesk', fake: () => fakes.zendesk, credentials: () => zendeskCredential(fakes.zendesk), owners: ZENDESK_SEED.agents.slice(0, 2).map((agent) => String(agent.id)), extra: {} },
] as const;

describe.each(CASES)('$crm', ({ crm, fake, credentials, owners, extra }) => {
	const base = { crm, ...extra };
	test('Find or Create: a new sender, then the same sender again (one look-up)', async () => {
		const waId = `4479118${String(CASES.findIndex((entry) => entry.crm === crm)).padStart(5, '0')}`;
		const created = await requestsOf(fake(), credentials(), `${crm} Contact › Find or Create, new sender`, { ...base, resource: 'contact', operation: 'findOrCreate', owners }, waId);
		expect(created.length).toBeGreaterThan(1);
		fake().flushSearchIndex();
		const again = await requestsOf(fake(), credentials(), `${crm} Contact › Find or Create, known sender`, { ...base, resource: 'contact', operation: 'findOrCreate', owners }, waId);
		expect(again).toHaveLength(1);
		await requestsOf(fake(), credentials(), `${crm} Note › Log Message, known sender`, { ...base, resource: 'note', operation: 'logMessage', record: 'sender', owners }, waId);
		await requestsOf(fake(), credentials(), `${crm} Contact › Set Last Inbound Time, known sender`, { ...base, resource: 'contact', operation: 'setLastInbound', record: 'sender', owners }, waId);
		await requestsOf(fake(), credentials(), `${crm} Contact › Get by WhatsApp ID`, { ...base, resource: 'contact', operation: 'getByWhatsAppId' }, waId);
		if (crm === 'zendesk') {
			await requestsOf(fake(), credentials(), `${crm} Ticket › Add Message, known sender with an open ticket`, { ...base, resource: 'ticket', operation: 'addMessage', record: 'sender', owners }, waId);
		}
	});
});
