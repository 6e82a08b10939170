/**
 * The durable duplicate check, right after the WhatsApp Business Trigger. The trigger's own memory
 * lives in one n8n process (webhook() cannot persist static data); n8n's deduplication store
 * (checkProcessedItemsAndRecord) is kept in n8n's database, so it survives restarts, but it reads
 * and writes without a lock: executions at once (queue mode's workers) can all let one event
 * through. With the credential's Redis for shared state, each event id is taken with one atomic
 * SET NX instead, so exactly one execution lets it through. Meta delivers at least once
 * (docs/webhook-delivery.md).
 */
import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { stateKey, takeKeys, type SharedState } from '../../../shared/sharedState';
import { toNodeError } from '../../../shared/transport';
import { sharedStateOfNode } from '../../transport/connection';

/** With Redis, an event id is remembered this long (seconds): Meta retries a delivery for up to 7 days. */
export const SHARED_EVENT_TTL_SECONDS = 8 * 24 * 3600;

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
		description:
			"How many event IDs n8n keeps for this node; the oldest are forgotten first. Meta retries for up to 7 days, so size it for a week of traffic. With the credential's Redis for shared state, event IDs are kept 8 days instead.",
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
	const sharedState = await sharedStateOfNode.call(this);
	if (sharedState) return await dropWithSharedState.call(this, items, sharedState);
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

/** One SET NX per distinct eventId (per workflow and node): the execution that takes it lets its first item through. */
async function dropWithSharedState(this: IExecuteFunctions, items: INodeExecutionData[], state: SharedState): Promise<INodeExecutionData[]> {
	const workflowId = String(this.getWorkflow().id ?? 'workflow');
	const nodeId = this.getNode().id || this.getNode().name;
	const firstOf = new Map<string, number>();
	items.forEach((item, index) => firstOf.has(item.json.eventId as string) || firstOf.set(item.json.eventId as string, index));
	const eventIds = [...firstOf.keys()];
	let taken: boolean[];
	try {
		taken = await takeKeys(state, eventIds.map((eventId) => stateKey('event', workflowId, nodeId, eventId)), String(this.getExecutionId() ?? ''), SHARED_EVENT_TTL_SECONDS);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	return eventIds.filter((_, at) => taken[at]).map((eventId) => ({ ...items[firstOf.get(eventId)!], pairedItem: { item: firstOf.get(eventId)! } }));
}
