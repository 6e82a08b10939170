/**
 * The durable duplicate check, for an execute-context node placed right after the trigger. The
 * trigger's own memory lives in one n8n process (webhook() cannot persist static data,
 * n8n-runtime.md); n8n's deduplication store (checkProcessedItemsAndRecord) is kept in n8n's
 * database, so it survives restarts and is shared by every instance in queue mode.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

export interface DurableDeduplicationOptions {
	/** How many event ids n8n keeps for this node; the oldest are dropped first. */
	maxEntries?: number;
}

/**
 * The items whose `eventId` (set by the WhatsApp Business Trigger, §2.8: wamid for messages,
 * wamid:status for statuses) this node has not seen before; each keeps its pairing.
 */
export async function keepNewEvents(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	options: DurableDeduplicationOptions = {},
): Promise<INodeExecutionData[]> {
	items.forEach((item, index) => {
		if (typeof item.json.eventId !== 'string' || item.json.eventId === '') {
			throw new NodeOperationError(this.getNode(), `Item ${index} has no eventId`, {
				description: 'Connect this node to the WhatsApp Business Trigger (its items carry eventId), or map an eventId field first.',
				itemIndex: index,
			});
		}
	});
	const checked = await this.helpers.checkProcessedItemsAndRecord(
		'eventId',
		items.map((item) => item.json),
		'node',
		{ mode: 'entries', maxEntries: options.maxEntries ?? 10000 },
	);
	// n8n returns the json objects it was given (one per distinct eventId): map them back to their items.
	const fresh = new Set(checked.new);
	const result: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		if (fresh.delete(item.json)) result.push({ ...item, pairedItem: { item: index } });
	});
	return result;
}
