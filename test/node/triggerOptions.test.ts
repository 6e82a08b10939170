/**
 * The trigger's options against the emulator: filters, duplicate dropping (with the emulator's
 * byte-identical redelivery), media download into binary data, and read receipts.
 */
import type { INodeParameters } from 'n8n-workflow';
import { binaryBuffer } from '../harness/n8nContext';
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { inbound, messagesEnvelope, SEED, signed, startTriggerTestBed, useTriggerTestBed, statusUpdate, textMessage, type TriggerTestBed } from '../harness/triggerTestBed';

const SECOND_NUMBER = '106540352242923';
const bed = useTriggerTestBed({ parameters: { events: ['message', 'status'] } });
beforeEach(async () => {
	forgetAllDuplicates();
	await fetch(`${bed.emulator.url}/__emulator/reset`, { method: 'POST' });
});

/** A workflow with these options; the emulator posts its webhooks to it (as the app's callback). */
let workflows = 0;
async function withOptions(parameters: INodeParameters, run: (target: TriggerTestBed) => Promise<void>): Promise<void> {
	const target = await startTriggerTestBed({ emulator: bed.emulator, parameters, workflowId: `wf-options-${++workflows}` });
	await fetch(`${bed.emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ webhook: { url: target.url } }) });
	try {
		await run(target);
	} finally {
		await target.close();
	}
}

async function admin<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${bed.emulator.url}/__emulator/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as T;
}

async function deliver(target: TriggerTestBed, payload: unknown) {
	const { body, headers } = signed(payload);
	return await target.post(body, headers);
}

describe('Trigger › filters', () => {
	test('Message Types keeps only the chosen types', async () => {
		await withOptions({ options: { messageTypes: ['interactive'] } }, async (target) => {
			const run = await deliver(target, inbound(textMessage('wamid.F1'), { id: 'wamid.F2', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } }));
			expect(run.items.map((item) => item.json.id)).toEqual(['wamid.F2']);
		});
	});

	test('Statuses keeps only the chosen statuses; messages still pass', async () => {
		await withOptions({ events: ['message', 'status'], options: { statuses: ['failed', 'read'] } }, async (target) => {
			const run = await deliver(target, messagesEnvelope({ statuses: ['sent', 'delivered', 'read', 'failed'].map((status) => statusUpdate('wamid.S', status)) }));
			expect(run.items.map((item) => item.json.status)).toEqual(['read', 'failed']);
		});
	});

	test('Phone Number IDs keeps the events of the listed numbers only', async () => {
		await withOptions({ phoneNumberIds: SECOND_NUMBER }, async (target) => {
			await admin('inbound', { from: '16505551234', text: 'to the first number' });
			await admin('inbound', { from: '16505551234', text: 'to the second number', phoneNumberId: SECOND_NUMBER });
			const runs = await target.waitForRuns(2);
			expect(runs.map((run) => run.executed)).toEqual([false, true]);
			expect(runs[1].items[0].json).toMatchObject({ phoneNumberId: SECOND_NUMBER, text: 'to the second number' });
		});
	});

	test('several workflows share deliveries by number: a comma list accepts each listed number', async () => {
		await withOptions({ phoneNumberIds: `${SEED.phoneNumberId}, ${SECOND_NUMBER}` }, async (target) => {
			await admin('inbound', { from: '16505551234', text: 'one' });
			await admin('inbound', { from: '16505551234', text: 'two', phoneNumberId: SECOND_NUMBER });
			const runs = await target.waitForRuns(2);
			expect(runs.map((run) => run.items[0]?.json.text)).toEqual(['one', 'two']);
		});
	});
});

describe('Trigger › Drop Duplicates (docs/webhook-delivery.md)', () => {
	test('the same delivery twice: the second is answered 200 and starts nothing', async () => {
		const payload = inbound(textMessage('wamid.DUP1'));
		const first = await deliver(bed, payload);
		const second = await deliver(bed, payload);
		expect(first).toMatchObject({ statusCode: 200, executed: true });
		expect(second).toMatchObject({ statusCode: 200, executed: false, items: [] });
		// The memory is not in static data, which n8n would not keep from webhook() anyway.
		expect(bed.staticData).toEqual({});
	});

	test("the emulator's byte-identical redelivery is dropped", async () => {
		await withOptions({}, async (target) => {
			await admin('inbound', { from: '16505551234', text: 'only once please' });
			await admin('webhooks/redeliver', { last: true });
			const runs = await target.waitForRuns(2);
			expect(runs.map((run) => [run.statusCode, run.executed])).toEqual([
				[200, true],
				[200, false],
			]);
		});
	});

	test('a batch mixing new and seen events keeps the new ones; statuses are told apart by their state', async () => {
		await deliver(bed, messagesEnvelope({ statuses: [statusUpdate('wamid.OUT', 'sent')] }));
		const run = await deliver(bed, messagesEnvelope({ statuses: [statusUpdate('wamid.OUT', 'sent'), statusUpdate('wamid.OUT', 'delivered')] }));
		expect(run.items.map((item) => item.json.eventId)).toEqual(['wamid.OUT:delivered']);
	});

	test('with Drop Duplicates off, every delivery starts an execution', async () => {
		await withOptions({ options: { dropDuplicates: false } }, async (target) => {
			const payload = inbound(textMessage('wamid.AGAIN'));
			expect((await deliver(target, payload)).executed).toBe(true);
			expect((await deliver(target, payload)).executed).toBe(true);
		});
	});

	test('the memory is bounded: beyond its size the oldest id is forgotten', async () => {
		await withOptions({ options: { duplicateMemorySize: 2 } }, async (target) => {
			for (const id of ['wamid.M1', 'wamid.M2', 'wamid.M3']) await deliver(target, inbound(textMessage(id)));
			expect((await deliver(target, inbound(textMessage('wamid.M3')))).executed).toBe(false);
			expect((await deliver(target, inbound(textMessage('wamid.M1')))).executed).toBe(true);
		});
	});

	test('two workflows do not share a memory: each gets the event once', async () => {
		const other = await startTriggerTestBed({ emulator: bed.emulator, workflowId: 'wf-other' });
		try {
			const payload = inbound(textMessage('wamid.SHARED'));
			expect((await deliver(bed, payload)).executed).toBe(true);
			expect((await deliver(other, payload)).executed).toBe(true);
		} finally {
			await other.close();
		}
	});
});

describe('Trigger › Download Media (Meta: Media)', () => {
	test('inbound media arrives as binary data with its MIME type and a file name', async () => {
		await withOptions({ options: { downloadMedia: true } }, async (target) => {
			const bytes = Buffer.from('%PDF-1.4 emulated invoice');
			await admin('inbound', { from: '16505551234', type: 'document', data: bytes.toString('base64'), mimeType: 'application/pdf', filename: 'invoice.pdf', caption: 'March' });
			const [run] = await target.waitForRuns(1);
			const item = run.items[0];
			expect(item.json).toMatchObject({ type: 'document', caption: 'March' });
			expect(item.json.mediaError).toBeUndefined();
			expect(item.binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice.pdf' });
			expect(await binaryBuffer(item.binary?.data)).toEqual(bytes);
			const mediaId = (item.json.media as { id: string }).id;
			const calls = (await target.accepted()).filter((request) => request.method === 'GET');
			expect(calls.map((request) => request.path.replace(/^\/v\d+\.\d+/, ''))).toEqual([`/${mediaId}`, '/whatsapp_business/attachments/']);
			// Meta's Media page: the media must belong to the number that received it.
			expect(calls[0].query).toEqual({ phone_number_id: SEED.phoneNumberId });
		});
	});

	test('an image without a file name gets one from its type, id and extension, in the chosen property', async () => {
		await withOptions({ options: { downloadMedia: true, binaryPropertyName: 'photo' } }, async (target) => {
			await admin('inbound', { from: '16505551234', type: 'image', mimeType: 'image/jpeg' });
			const [run] = await target.waitForRuns(1);
			const mediaId = (run.items[0].json.media as { id: string }).id;
			expect(run.items[0].binary?.photo).toMatchObject({ mimeType: 'image/jpeg', fileName: `image-${mediaId}.jpg` });
		});
	});

	test('a failed download keeps the event and says why in mediaError', async () => {
		await withOptions({ options: { downloadMedia: true } }, async (target) => {
			const run = await deliver(target, inbound({ id: 'wamid.GONE', type: 'image', image: { mime_type: 'image/jpeg', sha256: 'abc=', id: '999999999' } }));
			expect(run).toMatchObject({ statusCode: 200, executed: true });
			expect(run.items[0].binary).toBeUndefined();
			expect(run.items[0].json.mediaError).toMatchObject({ mediaId: '999999999', code: 100, message: expect.any(String) });
			expect(target.logs.some((log) => log.level === 'warn' && /could not download media 999999999/.test(log.message))).toBe(true);
		});
	});
});

describe('Trigger › Mark as Read (Meta: Mark messages as read)', () => {
	test('one read receipt per chat, for the latest message; every item says markedAsRead', async () => {
		await withOptions({ options: { markAsRead: true } }, async (target) => {
			await admin('webhooks/batch', { inbound: [{ from: '16505551234', text: 'first' }, { from: '16505551234', text: 'second' }] });
			const [run] = await target.waitForRuns(1);
			expect(run.items.map((item) => [item.json.text, item.json.markedAsRead])).toEqual([
				['first', true],
				['second', true],
			]);
			const receipts = (await target.accepted('/messages')).filter((request) => (request.body as { status?: string }).status === 'read');
			expect(receipts).toHaveLength(1);
			expect(receipts[0].body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: run.items[1].json.id });
			const recorded = await admin<{ data: Array<{ readAt?: number }> }>('inbound');
			expect(recorded.data.every((message) => message.readAt !== undefined)).toBe(true);
		});
	});

	test('a failed read receipt is logged and noted, and the event still starts the workflow', async () => {
		await withOptions({ options: { markAsRead: true } }, async (target) => {
			const run = await deliver(target, inbound(textMessage('wamid.NEVER-RECEIVED')));
			expect(run).toMatchObject({ statusCode: 200, executed: true });
			expect(run.items[0].json.markedAsRead).toBe(false);
			expect(target.logs.some((log) => log.level === 'warn' && /could not mark message wamid.NEVER-RECEIVED as read/.test(log.message))).toBe(true);
		});
	});
});

describe("Trigger › every inbound type the emulator sends (real signed deliveries)", () => {
	const TYPES: Array<[string, Record<string, unknown>, string]> = [
		['text', {}, 'text'],
		['image', {}, 'image'],
		['video', {}, 'video'],
		['audio', {}, 'audio'],
		['document', {}, 'document'],
		['sticker', {}, 'sticker'],
		['location', {}, 'location'],
		['contacts', {}, 'contacts'],
		['reaction', { messageId: 'wamid.SOMETHING' }, 'reaction'],
		['button', {}, 'button'],
		['button_reply', {}, 'interactive'],
		['list_reply', {}, 'interactive'],
		['nfm_reply', { responseJson: { flow_token: 'FT-9', size: 'L' } }, 'interactive'],
		['order', {}, 'order'],
		['system', {}, 'system'],
		['unsupported', {}, 'unsupported'],
	];

	test('each becomes one item of the right type, from the signed delivery', async () => {
		await withOptions({}, async (target) => {
			for (const [type, extra] of TYPES) await admin('inbound', { from: '16505551234', type, ...extra });
			const runs = await target.waitForRuns(TYPES.length);
			expect(runs.map((run) => [run.statusCode, run.items.length])).toEqual(TYPES.map(() => [200, 1]));
			expect(runs.map((run) => run.items[0].json.type)).toEqual(TYPES.map(([, , expected]) => expected));
			expect(runs[12].items[0].json.interactive).toMatchObject({ type: 'nfm_reply', flowToken: 'FT-9', flowResponse: { size: 'L' } });
		});
	});
});
