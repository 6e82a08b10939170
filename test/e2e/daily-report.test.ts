/**
 * The daily report example (examples/daily-whatsapp-report.json) in a REAL n8n 2.41 against the
 * emulator: orders go out through the order-confirmation workflow "yesterday" (the emulator's clock
 * runs a day behind for this test), then the report runs as its Schedule Trigger would, and the
 * rows it writes to the two Data tables must equal what the emulator sent, delivered and charged.
 */
import { RATE_CARD } from '../../emulator';
import { readRows } from '../../e2e/lib/data-tables';
import { startWhatsAppStack, type WhatsAppStack } from '../../e2e/lib/whatsapp-stack';
import { admin, waitFor } from './helpers';

const DAY_MS = 86_400_000;
const US = '16505551234';
const GB = '447400123456';
const BR = '5511987654321';
const IN = '919876543210';

let stack: WhatsAppStack;

beforeAll(async () => {
	stack = await startWhatsAppStack({ activate: ['order-confirmation'] });
}, 420_000);

afterAll(async () => {
	await stack?.stop();
}, 60_000);

async function patch(route: string, body: unknown): Promise<void> {
	const response = await fetch(`${stack.emulator.url}/__emulator${route}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!response.ok) throw new Error(`PATCH ${route}: ${response.status} ${await response.text()}`);
}

interface EmulatorMessage {
	id: string;
	waId: string;
	templateId?: string;
	status: string;
}

test('the daily report writes yesterday\'s template performance and spend, equal to what the emulator sent, delivered and charged', async () => {
	const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
	const yesterday = new Date(today - DAY_MS).toISOString();
	// The emulator is in-process: run its clock from yesterday 12:00 UTC, so the orders below happen "yesterday".
	stack.emulator.state.clockOffsetMs = today - DAY_MS / 2 - Date.now();
	try {
		await patch('/config', { recipientFailures: [{ waId: IN, code: 131026 }] });
		await patch('/waba', { insightsEnabled: true });
		const order = stack.examples['order-confirmation'];
		for (const phone of [US, GB, BR, IN]) {
			const response = await fetch(order.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: `+${phone}`, firstName: 'Pablo', orderNumber: '860198', total: '$42.00' }) });
			expect(response.status).toBe(200);
		}
		await stack.n8n.waitForExecutions(order.id, 4);
		const messages = await waitFor('the statuses of the four orders', async () => {
			const { data } = await admin<{ data: EmulatorMessage[] }>(stack, 'GET', '/messages');
			return data.length === 4 && data.every((message) => message.status === 'read' || message.status === 'failed') ? data : undefined;
		});

		const report = stack.examples['daily-whatsapp-report'];
		await stack.n8n.rest('POST', `/workflows/${report.id}/run`, { triggerToStartFrom: { name: 'Every Morning' } });
		const [run] = await stack.n8n.waitForExecutions(report.id, 1, 60_000);
		expect(run.status).toBe('success');

		const delivered = messages.filter((message) => message.status === 'read');
		const templateId = delivered[0].templateId;
		const utilityCost = RATE_CARD.US.utility + RATE_CARD.GB.utility + RATE_CARD.BR.utility;
		const templateRows = await readRows(stack.n8n.api, stack.tables.whatsapp_template_daily);
		expect(templateRows).toEqual([
			expect.objectContaining({
				date: yesterday, template_name: 'order_confirmation', template_id: templateId, category: 'UTILITY',
				sent: delivered.length, delivered: delivered.length, read: delivered.length, clicked: 0, amount_spent: expect.closeTo(utilityCost, 6),
			}),
		]);
		expect(delivered.map((message) => message.waId).sort()).toEqual([BR, GB, US].sort());

		const spendRows = await readRows(stack.n8n.api, stack.tables.whatsapp_spend_daily);
		const spend = (country: 'BR' | 'GB' | 'US') => expect.objectContaining({ date: yesterday, pricing_category: 'UTILITY', pricing_type: 'REGULAR', country, volume: 1, cost: expect.closeTo(RATE_CARD[country].utility, 6) });
		expect(spendRows).toEqual([spend('BR'), spend('GB'), spend('US')]);
	} finally {
		stack.emulator.state.clockOffsetMs = 0;
	}
});
