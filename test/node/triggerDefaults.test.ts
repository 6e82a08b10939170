/**
 * The trigger as a new user meets it, against the emulator over HTTP: what Trigger On starts with,
 * a workflow saved with the first version, request_welcome, and statuses of messages sent to a BSUID
 * (Meta: Messages webhook reference, Conversational components, Business-scoped user IDs).
 */
import type { INodeParameters } from 'n8n-workflow';
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { call, graph, PHONE, USER } from '../harness/emulatorClient';
import { inbound, messagesEnvelope, signed, startTriggerTestBed, statusUpdate, textMessage, useTriggerTestBed, type TriggerTestBed } from '../harness/triggerTestBed';

const shared = useTriggerTestBed();
beforeEach(async () => {
	forgetAllDuplicates();
	await call(shared.emulator, 'POST', '/__emulator/reset');
});

/** A workflow with these settings that the emulator posts its webhooks to (as the app's callback). */
async function withTrigger(options: { parameters?: INodeParameters; typeVersion?: number }, run: (bed: TriggerTestBed) => Promise<void>): Promise<void> {
	const bed = await startTriggerTestBed({ emulator: shared.emulator, workflowId: `wf-defaults-${Math.random()}`, ...options });
	await call(shared.emulator, 'PATCH', '/__emulator/config', { webhook: { url: bed.url } });
	try {
		await run(bed);
	} finally {
		await call(shared.emulator, 'PATCH', '/__emulator/config', { webhook: { url: null } });
		await bed.close();
	}
}

const deliver = async (bed: TriggerTestBed, payload: unknown) => {
	const { body, headers } = signed(payload);
	return await bed.post(body, headers);
};

describe('Trigger › Trigger On default', () => {
	test('starts with messages only: a chatbot built with the defaults does not run once per status of its replies', async () => {
		const message = await deliver(shared, inbound(textMessage('wamid.DEFAULT-1')));
		expect(message).toMatchObject({ statusCode: 200, executed: true });
		const statuses = await deliver(shared, messagesEnvelope({ statuses: ['sent', 'delivered', 'read'].map((status) => statusUpdate('wamid.REPLY', status)) }));
		expect(statuses).toMatchObject({ statusCode: 200, executed: false, items: [] });
	});

	test('a workflow saved with version 1 keeps messages and statuses (n8n does not store defaults)', async () => {
		await withTrigger({ typeVersion: 1 }, async (bed) => {
			const run = await deliver(bed, messagesEnvelope({ statuses: [statusUpdate('wamid.V1', 'delivered')] }));
			expect(run.items.map((item) => item.json.kind)).toEqual(['status']);
		});
	});

	test('delivery tracking adds Status explicitly and gets one item per status', async () => {
		await withTrigger({ parameters: { events: ['status'] } }, async (bed) => {
			const run = await deliver(bed, messagesEnvelope({ statuses: ['sent', 'delivered'].map((status) => statusUpdate('wamid.TRACKED', status)) }));
			expect(run.items.map((item) => item.json.status)).toEqual(['sent', 'delivered']);
		});
	});
});

describe('Trigger › what arrives from the emulator, as Meta sends it', () => {
	test('request_welcome (a chat opened for the first time) is its own type, and Message Types can keep only it', async () => {
		await withTrigger({ parameters: { options: { messageTypes: ['request_welcome'] } } }, async (bed) => {
			await call(shared.emulator, 'POST', '/__emulator/inbound', { from: USER, name: 'Sheena Nelson', text: 'not this one' });
			await call(shared.emulator, 'POST', '/__emulator/inbound', { from: USER, name: 'Sheena Nelson', type: 'request_welcome' });
			const runs = await bed.waitForRuns((all) => all.filter((run) => run.method === 'POST').length === 2);
			const items = runs.flatMap((run) => run.items.map((item) => item.json));
			expect(items).toMatchObject([{ kind: 'message', type: 'request_welcome', from: { waId: USER, e164: `+${USER}`, profileName: 'Sheena Nelson' } }]);
		});
	});

	test('the statuses of a message sent to a BSUID identify the recipient by it, with both time forms', async () => {
		await withTrigger({ parameters: { events: ['status'] } }, async (bed) => {
			await call(shared.emulator, 'POST', '/__emulator/inbound', { from: USER, text: 'Hi' });
			const userId = (await call(shared.emulator, 'GET', `/__emulator/users/${USER}`)).json.user_id as string;
			const sent = await graph(shared.emulator, 'POST', `/${PHONE}/messages`, { messaging_product: 'whatsapp', recipient: userId, type: 'text', text: { body: 'Your order shipped.' } });
			expect(sent.status).toBe(200);
			const runs = await bed.waitForRuns((all) => all.some((run) => run.items.some((item) => item.json.status === 'read')));
			const read = runs.flatMap((run) => run.items).find((item) => item.json.status === 'read')!.json;
			expect(read).toMatchObject({ messageId: sent.json.messages[0].id, recipient: { waId: USER, userId }, timestamp: expect.any(String), timestampEpoch: expect.any(Number) });
			expect(read.timestamp).toBe(new Date((read.timestampEpoch as number) * 1000).toISOString());
		});
	});
});
