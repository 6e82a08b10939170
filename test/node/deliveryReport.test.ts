/**
 * Analytics › Delivery Report over what a workflow really has: the send results of Send Template
 * (n8n-core's ExecuteContext) and the status items the WhatsApp Business Trigger produced from the
 * emulator's signed webhooks (n8n-core's WebhookContext), merged into one input as a Merge node
 * (Append) would. The report is checked against the emulator's own record of each message.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { sendTemplateParameters } from '../harness/templateTestKit';
import { startTriggerTestBed, type TriggerTestBed } from '../harness/triggerTestBed';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const US = '16505551234';
const BR = '5511987654321';
const IN = '919876543210';
const ORDER_VALUES = { header: '860198', body_first_name: 'Ann', body_order_number: '860198', body_order_total: '$42.00', button_1_url: '860198' };
const CART_VALUES = { header: 'https://cdn.example.com/cactus.jpg', body_1: 'Ann', body_2: 'a Golden Barrel cactus', button_0_url: 'cart-1' };

const bed = useNodeTestBed({ emulator: { webhook: { deliveredAfterMs: 20, readAfterMs: 40 } }, beforeEachTest: { reset: false } });
let trigger: TriggerTestBed;
let sends: INodeExecutionData[] = [];
let statuses: INodeExecutionData[] = [];
let recorded: Array<{ id: string; status: string; errors?: Array<{ code: number }>; bizOpaqueCallbackData?: string }> = [];

async function send(to: string, template: string, values: Record<string, string>, campaign: string, finalStatus: 'read' | 'delivered' = 'read') {
	await fetch(`${bed.emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook: { finalStatus } }) });
	const parameters = await sendTemplateParameters(bed, template, values, { messageOptions: { bizOpaqueCallbackData: campaign } });
	const result = await bed.run({ ...parameters, to: `+${to}` });
	sends.push(...result.items.map((item) => ({ json: item.json })));
}

beforeAll(async () => {
	forgetAllDuplicates();
	await bed.reset({ recipientFailures: [{ waId: IN, code: 131026 }] });
	trigger = await startTriggerTestBed({ emulator: bed.emulator, parameters: { events: ['status'] }, workflowId: 'wf-delivery-report' });
	await fetch(`${bed.emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook: { url: trigger.url } }) });
	await send(US, 'order_confirmation|en_US', ORDER_VALUES, 'june-orders');
	await send(US, 'order_confirmation|en_US', ORDER_VALUES, 'june-orders', 'delivered');
	await send(BR, 'abandoned_cart|en_US', CART_VALUES, 'cart-recovery');
	await send(IN, 'abandoned_cart|en_US', CART_VALUES, 'cart-recovery');
	// 3 + 2 + 3 statuses, and one failure.
	const runs = await trigger.waitForRuns((all) => all.flatMap((run) => run.items).length >= 9, 10_000);
	statuses = runs.flatMap((run) => run.items.map((item) => ({ json: item.json })));
	recorded = ((await (await fetch(`${bed.emulator.url}/__emulator/messages`)).json()) as { data: typeof recorded }).data;
}, 30_000);

afterAll(async () => await trigger?.close());

const report = async (parameters: Record<string, unknown>, items: INodeExecutionData[] = [...sends, ...statuses]) =>
	(await bed.run({ resource: 'analytics', operation: 'deliveryReport', ...parameters }, items)).items;

describe('Analytics › Delivery Report', () => {
	test('one item per message: the status the emulator recorded, the template and campaign of the send, the error of a failure', async () => {
		const items = await report({ reportOutput: 'messages' });
		const byId = new Map(items.map((item) => [item.json.messageId, item.json]));
		expect(items).toHaveLength(recorded.length);
		for (const message of recorded) {
			expect(byId.get(message.id)).toMatchObject({
				status: message.status,
				campaign: message.bizOpaqueCallbackData,
				matchedSend: true,
				errorCode: message.errors?.[0]?.code ?? null,
			});
		}
		expect(items.map((item) => [item.json.templateName, item.json.status])).toEqual(
			expect.arrayContaining([
				['order_confirmation', 'read'],
				['order_confirmation', 'delivered'],
				['abandoned_cart', 'read'],
				['abandoned_cart', 'failed'],
			]),
		);
		expect(byId.get(recorded.find((message) => message.status === 'failed')!.id)).toMatchObject({ errorCode: 131026, errorTitle: expect.any(String), waId: IN, sentAt: null });
	});

	test('totals per template: sent, delivered, read and failed match the emulator; billable messages and the pricing category as the statuses said', async () => {
		const items = await report({ reportOutput: 'totals', groupBy: ['templateName', 'pricingCategory'] });
		expect(items.map((item) => item.json)).toEqual([
			{ templateName: 'abandoned_cart', pricingCategory: null, messages: 1, accepted: 0, sent: 0, delivered: 0, read: 0, played: 0, failed: 1, billable: 0, deliveryRate: null, readRate: null },
			{ templateName: 'abandoned_cart', pricingCategory: 'marketing', messages: 1, accepted: 0, sent: 1, delivered: 1, read: 1, played: 0, failed: 0, billable: 1, deliveryRate: 1, readRate: 1 },
			{ templateName: 'order_confirmation', pricingCategory: 'utility', messages: 2, accepted: 0, sent: 2, delivered: 2, read: 1, played: 0, failed: 0, billable: 2, deliveryRate: 1, readRate: 0.5 },
		]);
		const inputs = sends.length + statuses.length;
		expect(items.flatMap((item) => item.pairedItem as Array<{ item: number }>).map((pair) => pair.item).sort((a, b) => a - b)).toEqual(Array.from({ length: inputs }, (_, index) => index));
	});

	test('totals per campaign and day (UTC) from the statuses alone: the tracking data carries the campaign', async () => {
		const items = await report({ reportOutput: 'totals', groupBy: ['campaign', 'day'] }, statuses);
		const today = String(statuses[0].json.timestamp).slice(0, 10);
		expect(items.map((item) => [item.json.campaign, item.json.day, item.json.messages, item.json.delivered, item.json.failed])).toEqual([
			['cart-recovery', today, 2, 1, 1],
			['june-orders', today, 2, 2, 0],
		]);
	});

	test('an item that is neither a status nor a send fails alone under Continue On Fail; other trigger events are skipped', async () => {
		const items = [{ json: { kind: 'message', eventId: 'wamid.IN', type: 'text' } }, { json: { note: 'not a message' } }, ...statuses];
		const result = await bed.run({ resource: 'analytics', operation: 'deliveryReport', reportOutput: 'totals', groupBy: [] }, items, { continueOnFail: true });
		expect(result.items.map((item) => (item.json.error ? ['error', item.pairedItem] : ['totals', item.json.messages]))).toEqual([
			['totals', 4],
			['error', { item: 1 }],
		]);
		await expect(bed.run({ resource: 'analytics', operation: 'deliveryReport' }, items)).rejects.toMatchObject({ description: expect.stringMatching(/Merge node/) });
	});

	test('an unknown time zone for days names the fix', async () => {
		await expect(report({ reportOutput: 'totals', groupBy: ['day'], reportOptions: { timeZone: 'Mars/Olympus' } })).rejects.toMatchObject({ description: expect.stringMatching(/IANA/) });
	});
});
