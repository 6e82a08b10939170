/**
 * Trigger Event › Drop Duplicates (the durable duplicate check after the trigger), run in n8n-core's real
 * ExecuteContext. n8n's deduplication store lives in n8n's database (packages/cli); here it is an
 * in-memory store with the same contract (entries mode, maxEntries, per node).
 */
import { DataDeduplicationService } from 'n8n-core';
import {
	type DeduplicationItemTypes,
	type DeduplicationScope,
	type ICheckProcessedContextData,
	type ICheckProcessedOptions,
	type IDataDeduplicator,
	type INodeExecutionData,
} from 'n8n-workflow';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

class InMemoryDeduplicator implements IDataDeduplicator {
	private readonly seen = new Map<string, DeduplicationItemTypes[]>();

	private key(scope: DeduplicationScope, context: ICheckProcessedContextData): string {
		return scope === 'node' ? `${context.workflow.id}:${context.node?.id}` : context.workflow.id;
	}

	async checkProcessedAndRecord(items: DeduplicationItemTypes[], scope: DeduplicationScope, context: ICheckProcessedContextData, options: ICheckProcessedOptions) {
		const known = this.seen.get(this.key(scope, context)) ?? [];
		const result = { new: [] as DeduplicationItemTypes[], processed: [] as DeduplicationItemTypes[] };
		for (const item of items) (known.includes(item) ? result.processed : result.new).push(item);
		this.seen.set(this.key(scope, context), [...known, ...result.new].slice(-(options.maxEntries ?? Infinity)));
		return result;
	}
	async removeProcessed(): Promise<void> {}
	async clearAllProcessedItems(): Promise<void> {}
	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return (this.seen.get(this.key(scope, context)) ?? []).length;
	}
}

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
