/**
 * Trigger Event › Drop Duplicates (the durable duplicate check after the trigger), run in n8n-core's real
 * ExecuteContext. n8n's deduplication store lives in n8n's database (packages/cli); here it is an
 * in-memory store with the same contract (entries mode, maxEntries, per node).
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { InMemoryDeduplicator } from '../harness/inMemoryDeduplicator';
import { DataDeduplicationService } from 'n8n-core';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

/** Trigger Event › Drop Duplicates of the WhatsApp Business node: no WhatsApp request, n8n's store only. */
const parameters = (maxEntries = 10000) => ({ resource: 'event', operation: 'dropDuplicates', maxEntries });
const bed = useNodeTestBed({ beforeEachTest: { reset: false } });
const run = async (items: INodeExecutionData[], maxEntries?: number) => await bed.run(parameters(maxEntries), items);

const event = (eventId: string): INodeExecutionData => ({ json: { kind: 'message', eventId, text: `text of ${eventId}` } });
const ids = (items: INodeExecutionData[]) => items.map((item) => item.json.eventId);

beforeAll(async () => await DataDeduplicationService.init(new InMemoryDeduplicator()));

describe('Durable duplicate check after the trigger (checkProcessedItemsAndRecord)', () => {
	test('an event seen in an earlier execution is dropped; new ones pass with their pairing', async () => {
		expect(ids((await run([event('wamid.D1'), event('wamid.D2')])).items)).toEqual(['wamid.D1', 'wamid.D2']);
		const second = await run([event('wamid.D2'), event('wamid.D3')]);
		expect(ids(second.items)).toEqual(['wamid.D3']);
		expect(second.items[0].pairedItem).toEqual({ item: 1 });
	});

	test('the same event twice in one execution passes once', async () => {
		const once = await run([event('wamid.TWICE'), event('wamid.TWICE')]);
		expect(ids(once.items)).toEqual(['wamid.TWICE']);
	});

	test('an item without eventId stops the node with the fix', async () => {
		await expect(run([{ json: { text: 'not from the trigger' } }])).rejects.toMatchObject({
			message: 'Item 0 has no eventId',
			description: expect.stringMatching(/WhatsApp Business Trigger/),
		});
	});
});
