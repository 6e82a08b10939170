/**
 * Send Flow against the emulator (Meta: Sending a Flow): the Flow picker, the message body, checks
 * made before sending, Meta's refusals, and the round trip: the customer completes the Flow (played
 * by the emulator's admin API) and the WhatsApp Business Trigger hands the answers over parsed.
 */
import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';
import { SEED_FLOWS } from '../../emulator';
import * as listSearch from '../../nodes/WhatsAppBusiness/methods/listSearch';
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { locator } from '../harness/templateTestKit';
import { startTriggerTestBed } from '../harness/triggerTestBed';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const APPOINTMENT = '1189466095612001';
const sendFlow = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendFlow',
	to: '+16505551234',
	flow: locator(APPOINTMENT),
	bodyText: 'Book your repotting appointment',
	flowCta: 'Book now',
	...extra,
});

async function sentFlowParameters() {
	const sent = await bed.accepted('/messages');
	expect(sent).toHaveLength(1);
	return (sent[0].body as { interactive: { action: { parameters: Record<string, unknown> } } }).interactive.action.parameters;
}

describe('Message › Send Flow', () => {
	test('the Flow picker lists the sendable Flows by name, with their status; a search filters by name', async () => {
		const context = (await bed.optionsContext({ resource: 'message', operation: 'sendFlow' })) as unknown as ILoadOptionsFunctions;
		const all = await listSearch.searchFlows.call(context);
		expect(SEED_FLOWS.length).toBeGreaterThan(all.results.length);
		expect(all.results).toEqual([
			{ name: 'appointment_booking · PUBLISHED', value: '1189466095612001' },
			{ name: 'lead_signup · PUBLISHED', value: '1189466095612002' },
			{ name: 'customer_feedback · DRAFT', value: '1189466095612003' },
			{ name: 'store_survey · THROTTLED', value: '1189466095612006' },
		]);
		expect((await listSearch.searchFlows.call(context, 'LEAD')).results).toEqual([{ name: 'lead_signup · PUBLISHED', value: '1189466095612002' }]);
	});

	test('sends the chosen Flow with its first screen, screen data and token, and outputs the wamid and the token', async () => {
		const result = await bed.run(
			sendFlow({
				flowScreen: 'DETAILS',
				flowScreenData: '={{ JSON.stringify({ plant: $json.plant }) }}',
				flowOptions: { flowToken: '={{ $json.orderId }}', headerText: 'Lucky Shrub', footerText: 'Takes a minute' },
			}),
			[{ json: { plant: 'Aloe Vera', orderId: 'order-42' } }],
		);
		expect(await sentFlowParameters()).toEqual({
			flow_message_version: '3',
			flow_id: APPOINTMENT,
			flow_cta: 'Book now',
			flow_token: 'order-42',
			flow_action: 'navigate',
			flow_action_payload: { screen: 'DETAILS', data: { plant: 'Aloe Vera' } },
		});
		expect(result.items[0].json).toMatchObject({ waId: CUSTOMER_WA_ID, type: 'interactive', interactiveType: 'flow', flowId: APPOINTMENT, flowToken: 'order-42', mode: 'published' });
		expect(String(result.items[0].json.messageId)).toMatch(/^wamid\./);
	});

	test('by name, in draft mode: a draft Flow can be tested before it is published', async () => {
		await bed.run(sendFlow({ flow: locator('customer_feedback', 'name'), flowOptions: { draft: true } }));
		expect(await sentFlowParameters()).toMatchObject({ flow_name: 'customer_feedback', mode: 'draft' });
	});

	test('a Flow WhatsApp would refuse is refused before sending, also with Validate Only: unknown, DRAFT without Draft Mode, DEPRECATED, BLOCKED', async () => {
		const cases: Array<[INodeParameters, RegExp]> = [
			[{ flow: locator('1189466095612003', 'id') }, /"customer_feedback" is a DRAFT.*Draft Mode/s],
			[{ flow: locator('appointment_bookin', 'name') }, /no Flow "appointment_bookin".*Choose the Flow from the list/s],
			[{ flow: locator('1189466095619999', 'id') }, /no Flow "1189466095619999"/],
			[{ flow: locator('quote_request_2024', 'name') }, /"quote_request_2024" is DEPRECATED/],
			[{ flow: locator('1189466095612005', 'id') }, /"gift_card_claim" is BLOCKED/],
		];
		for (const [flow, message] of cases) {
			for (const messageOptions of [{}, { validateOnly: true }]) {
				const result = await bed.run(sendFlow({ ...flow, messageOptions }), undefined, { continueOnFail: true });
				const error = result.items[0].json.error as { message?: string; description?: string };
				expect(`${error.message} ${error.description ?? ''}`).toMatch(message);
			}
		}
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a Flow sent to many items is looked up once per run', async () => {
		await bed.admin('DELETE', 'requests');
		const items = Array.from({ length: 3 }, () => ({ json: {} }));
		await bed.run(sendFlow(), items);
		const lookUps = ((await bed.admin('GET', 'requests?method=GET')).data as Array<{ path: string }>).filter((entry) => entry.path.endsWith(APPOINTMENT));
		expect(lookUps).toHaveLength(1);
		expect(await bed.accepted('/messages')).toHaveLength(3);
	});

	test('a screen the Flow does not have is refused by WhatsApp; bad screen data and SUCCESS are refused before any request', async () => {
		const unknownScreen = await bed.run(sendFlow({ flowScreen: 'CHECKOUT' }), undefined, { continueOnFail: true });
		expect(unknownScreen.items[0].json.error).toMatchObject({ code: 131009 });
		// The advice fits a Flow, not a stale message ID.
		expect(JSON.stringify(unknownScreen.items[0].json.error)).toMatch(/screen names are case-sensitive/);
		await bed.admin('DELETE', 'requests');
		await expect(bed.run(sendFlow({ flowScreenData: '{"plant": ' }))).rejects.toThrow(/screen data is not valid JSON/i);
		await expect(bed.run(sendFlow({ flowScreen: 'SUCCESS' }))).rejects.toThrow(/SUCCESS is reserved/);
		await expect(bed.run(sendFlow({ flowCta: 'Book your repotting appointment now' }))).rejects.toThrow(/30/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test("the customer's completed Flow reaches the trigger as one item with the answers parsed and the token sent", async () => {
		forgetAllDuplicates();
		const trigger = await startTriggerTestBed({ emulator: bed.emulator, workflowId: 'wf-flow-completion' });
		try {
			await bed.admin('PATCH', 'config', { webhook: { url: trigger.url } });
			const sent = await bed.run(sendFlow({ flowOptions: { flowToken: 'lead-7' } }));
			const completion = await bed.admin('POST', 'flows/complete', { messageId: sent.items[0].json.messageId, response: { date: '2025-06-02', time: '10:00' } });
			expect(completion.flowMessageId).toBe(sent.items[0].json.messageId);
			const runs = await trigger.waitForRuns((all) => all.some((run) => run.items.some((item) => item.json.type === 'interactive')));
			const item = runs.flatMap((run) => run.items).find((candidate) => candidate.json.type === 'interactive');
			expect(item?.json).toMatchObject({
				from: { waId: CUSTOMER_WA_ID },
				interactive: { type: 'nfm_reply', flowToken: 'lead-7', flowResponse: { date: '2025-06-02', time: '10:00', flow_token: 'lead-7' } },
				context: { repliedToMessageId: sent.items[0].json.messageId },
			});
		} finally {
			await bed.admin('PATCH', 'config', { webhook: { url: null } });
			await trigger.close();
		}
	});
});
