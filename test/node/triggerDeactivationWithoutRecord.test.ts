/**
 * Deactivation when the trigger's registration record is gone from static data (in queue mode an
 * execute node's save, e.g. a Code node writing static data, replaces it): the trigger reads Meta's
 * current configuration from the emulator (Meta: Webhook overrides) and removes only what points at
 * its own webhook URL.
 */
import type { INodeParameters } from 'n8n-workflow';
import { SEED, useRegistrationEmulator, type TriggerTestBed } from '../harness/triggerTestBed';

const SECOND_NUMBER = '106540352242923';
const suite = useRegistrationEmulator();
const { emulator } = suite;

async function workflow(workflowId: string, parameters: INodeParameters = {}): Promise<TriggerTestBed> {
	return await suite.workflow({ workflowId, parameters });
}

/** What an execute node's save on a worker leaves: the workflow's static data without the trigger's record. */
function loseRecord(bed: TriggerTestBed): void {
	const nodeData = bed.staticData['node:WhatsApp Business Trigger'] as Record<string, unknown>;
	delete nodeData.registration;
}

async function webhookConfiguration(phoneNumberId: string = SEED.phoneNumberId): Promise<Record<string, string>> {
	const response = await fetch(`${emulator.url}/v24.0/${phoneNumberId}?fields=webhook_configuration`, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
	return ((await response.json()) as { webhook_configuration: Record<string, string> }).webhook_configuration;
}

const warned = (bed: TriggerTestBed, pattern: RegExp) => bed.logs.some((log) => log.level === 'warn' && pattern.test(log.message));

describe('Trigger deactivation without its registration record', () => {
	test('WABA-level registration: the override and the app subscription pointing here are removed, with a warning', async () => {
		const bed = await workflow('wf-a');
		await bed.activate();
		expect(await webhookConfiguration()).toEqual({ application: bed.url, whatsapp_business_account: bed.url });
		loseRecord(bed);
		await bed.deactivate();
		expect(await webhookConfiguration()).toEqual({});
		expect(warned(bed, /registration record was gone.*WABA .*the app subscription/)).toBe(true);
	});

	test("phone-level registration: its number's override is removed; another workflow's number and the app subscription it relies on stay", async () => {
		const sales = await workflow('wf-sales', { phoneNumberIds: SEED.phoneNumberId });
		const support = await workflow('wf-support', { phoneNumberIds: SECOND_NUMBER });
		await sales.activate();
		await support.activate();
		loseRecord(support);
		await support.deactivate();
		expect((await webhookConfiguration(SECOND_NUMBER)).phone_number).toBeUndefined();
		expect(await webhookConfiguration(SEED.phoneNumberId)).toMatchObject({ phone_number: sales.url, application: sales.url });
	});

	test('what points at another workflow is left alone: only the WABA override here is removed', async () => {
		const first = await workflow('wf-first');
		await first.activate();
		const second = await workflow('wf-second');
		await second.activate();
		loseRecord(second);
		await second.deactivate();
		// The record alone knew the override before (first's): removed, not restored, and the log says so.
		expect(await webhookConfiguration()).toEqual({ application: first.url });
		expect(warned(second, /could not be restored/)).toBe(true);
	});

	test("360dialog registration: the number's URL is cleared when it is this workflow's, with a warning; another workflow's URL stays", async () => {
		const dialog360 = { authentication: 'dialog360', registration: 'dialog360', signatureCheck: 'secretHeader', headerName: 'X-Hook-Secret', headerValue: 'open-sesame-1234' };
		const current = async () => (await (await fetch(`${emulator.url}/v1/configs/webhook`, { headers: { 'D360-API-KEY': SEED.dialog360ApiKey } })).json()) as { url?: string };
		const bed = await workflow('wf-360', dialog360);
		await bed.activate();
		expect((await current()).url).toBe(bed.url);
		loseRecord(bed);
		await bed.deactivate();
		expect((await current()).url || undefined).toBeUndefined();
		expect(warned(bed, /registration record was gone.*cleared it, as it pointed at/)).toBe(true);

		const other = await workflow('wf-360-other', dialog360);
		await other.activate();
		const stale = await workflow('wf-360', dialog360);
		await stale.deactivate(); // never activated here, no record: the URL is the other workflow's
		expect((await current()).url).toBe(other.url);
	});

	test('manual registration without a record calls nothing', async () => {
		const bed = await workflow('wf-manual', { registration: 'manual' });
		await bed.activate();
		const before = (await bed.accepted()).length;
		await bed.deactivate();
		expect((await bed.accepted()).length).toBe(before);
	});
});
