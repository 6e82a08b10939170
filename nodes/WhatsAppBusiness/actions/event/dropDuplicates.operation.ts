/**
 * The durable duplicate check, right after the WhatsApp Business Trigger. The trigger's own memory
 * lives in one n8n process (webhook() cannot persist static data, n8n-runtime.md); n8n's
 * deduplication store (checkProcessedItemsAndRecord) is kept in n8n's database, so it survives
 * restarts and is shared by every instance in queue mode. Meta delivers at least once (docs/webhook-delivery.md).
 */
import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

const properties: INodeProperties[] = [
	{
		displayName: 'Place this right after the WhatsApp Business Trigger. Events this node has already let through (same eventId) are dropped, even after n8n restarts.',
		name: 'dropDuplicatesNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events to Remember',
		name: 'maxEntries',
		type: 'number',
		default: 10000,
		typeOptions: { minValue: 1 },
		description: 'How many event IDs n8n keeps for this node; the oldest are forgotten first. Meta retries for up to 7 days, so size it for a week of traffic.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['dropDuplicates'] } }, properties);

/** The items whose `eventId` (wamid for messages, wamid:status for statuses) this node has not seen before. */
export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
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
		{ mode: 'entries', maxEntries: this.getNodeParameter('maxEntries', 0, 10000) as number },
	);
	// n8n returns the json objects it was given (one per distinct eventId): map them back to their items.
	const fresh = new Set(checked.new);
	const result: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		if (fresh.delete(item.json)) result.push({ ...item, pairedItem: { item: index } });
	});
	return result;
}
