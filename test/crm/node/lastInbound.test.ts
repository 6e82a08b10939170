/**
 * Set Last Inbound Time only moves forward, for every CRM over HTTP against the fakes: a message
 * WhatsApp delivers late (an older timestamp) leaves the record's newer time in place and says so.
 */
import type { RunningCrmFake } from '../../../fakes';
import type { CredentialsByType } from '../../harness/n8nContext';
import { crmTestBed } from '../crmTestBed';
import { allFakesSuite, hubspotCredential, inboundText, zendeskCredential, zohoCredential } from '../fakeSetup';

const suite = allFakesSuite();

const CASES: Array<{ crm: string; fake: () => RunningCrmFake; credentials: () => CredentialsByType; waId: string }> = [
	{ crm: 'zohoCrm', fake: () => suite.fakes.zoho, credentials: () => zohoCredential(suite.fakes.zoho), waId: '447911810001' },
	{ crm: 'bigin', fake: () => suite.fakes.zoho, credentials: () => zohoCredential(suite.fakes.zoho), waId: '447911810002' },
	{ crm: 'hubspot', fake: () => suite.fakes.hubspot, credentials: () => hubspotCredential(suite.fakes.hubspot), waId: '447911810003' },
	{ crm: 'zendesk', fake: () => suite.fakes.zendesk, credentials: () => zendeskCredential(suite.fakes.zendesk), waId: '447911810004' },
];

const at = (iso: string, waId: string) => inboundText(waId, 'hi', 'Ada Lovelace', { timestamp: iso });

describe.each(CASES)('$crm: Set Last Inbound Time', ({ crm, fake, credentials, waId }) => {
	const setLastInbound = { crm, resource: 'contact', operation: 'setLastInbound', record: 'sender', owners: [] };

	test('a message redelivered late (older time) does not move the time back, and the output says it was not written', async () => {
		const bed = crmTestBed(credentials());
		const first = await bed.run(setLastInbound, [at('2026-05-14T22:51:41.000Z', waId)]);
		expect(first.items[0].json).toMatchObject({ written: true, lastInboundAt: '2026-05-14T22:51:41.000Z', previousLastInboundAt: null });
		fake().flushSearchIndex();
		const late = await bed.run(setLastInbound, [at('2026-05-14T20:52:02.000Z', waId)]);
		expect(late.items[0].json).toMatchObject({
			written: false,
			lastInboundAt: '2026-05-14T22:51:41.000Z',
			messageAt: '2026-05-14T20:52:02.000Z',
			previousLastInboundAt: '2026-05-14T22:51:41.000Z',
		});
		const got = await bed.run({ crm, resource: 'contact', operation: 'getByWhatsAppId' }, [at('2026-05-14T20:52:02.000Z', waId)]);
		expect(got.items[0].json.lastInboundAt).toBe('2026-05-14T22:51:41.000Z');
	});

	test('a later message (given with another UTC offset) is written; the same message again is not', async () => {
		const bed = crmTestBed(credentials());
		await bed.run(setLastInbound, [at('2026-05-14T22:51:41Z', waId)]);
		fake().flushSearchIndex();
		// 00:10 in Paris (+02:00) is 22:10 UTC: earlier, though the text sorts later.
		const paris = await bed.run(setLastInbound, [at('2026-05-15T00:10:00+02:00', waId)]);
		expect(paris.items[0].json).toMatchObject({ written: false, lastInboundAt: '2026-05-14T22:51:41.000Z' });
		const later = await bed.run(setLastInbound, [at('2026-05-15T08:00:00Z', waId)]);
		expect(later.items[0].json).toMatchObject({ written: true, lastInboundAt: '2026-05-15T08:00:00.000Z', previousLastInboundAt: '2026-05-14T22:51:41.000Z' });
		const again = await bed.run(setLastInbound, [at('2026-05-15T08:00:00Z', waId)]);
		expect(again.items[0].json).toMatchObject({ written: false, lastInboundAt: '2026-05-15T08:00:00.000Z' });
		const got = await bed.run({ crm, resource: 'contact', operation: 'getByWhatsAppId' }, [at('2026-05-15T08:00:00Z', waId)]);
		expect(got.items[0].json.lastInboundAt).toBe('2026-05-15T08:00:00.000Z');
	});
});
