import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { deduplicationStore, type AlreadySentStore } from '../transport/alreadySent';
import { readAlreadySentKey, type DeliverySettings } from './deliveryOptions';

/** The items' Already Sent Keys, for sendItems.ts. */
export interface ItemKeys {
	/** By item index; undefined when the option is off, or for an item skipped or failed here. */
	keys: Array<string | undefined>;
	/** The item that sends each key (its first item in this run). */
	owners: Map<string, number>;
	/** Where keys are recorded once their items were sent; undefined when the option is off. */
	store?: AlreadySentStore;
}

/**
 * "Skip Items Already Sent": reads every item's key, asks the store once which were recorded by
 * earlier runs, and fills `results` (by item index) for the items not to send: those recorded
 * earlier, and those whose key an earlier item of this run has, each with `skipped: true` and the
 * reason. An item whose key is unusable goes to `failItem` (which may throw: nothing was sent yet).
 */
export async function skipItemsAlreadySent(
	this: IExecuteFunctions,
	settings: DeliverySettings,
	results: Array<INodeExecutionData[] | undefined>,
	failItem: (itemIndex: number, error: unknown) => void,
): Promise<ItemKeys> {
	const keys: Array<string | undefined> = new Array(results.length);
	const owners = new Map<string, number>();
	if (!settings.skipAlreadySent) return { keys, owners };
	const store = deduplicationStore(this, settings.keysToRemember);
	for (let i = 0; i < results.length; i++) {
		try {
			keys[i] = readAlreadySentKey.call(this, i);
		} catch (error) {
			failItem(i, error);
		}
	}
	const recorded = await store.recorded(keys.filter((key): key is string => key !== undefined));
	keys.forEach((key, i) => {
		if (key === undefined) return;
		const owner = owners.get(key);
		if (recorded.has(key)) {
			results[i] = [{ json: skipped(key, sentEarlier(key)), pairedItem: { item: i } }];
		} else if (owner !== undefined) {
			const reason = `Item ${owner} of this run has the same key: its message was sent once, for item ${owner}.`;
			results[i] = [{ json: { ...skipped(key, reason), duplicateOfItem: owner }, pairedItem: { item: i } }];
		} else owners.set(key, i);
		if (results[i]) keys[i] = undefined;
	});
	return { keys, owners, store };
}

/**
 * Why an item whose key an earlier run recorded is skipped. n8n's deduplication data keeps the keys
 * alone (not when, nor by which execution), so the reason cannot say more; it says how a new
 * campaign to the same customers gets through (a key naming only the customer skips them all).
 */
function sentEarlier(key: string): string {
	return (
		`An earlier run of this node sent a message with the Already Sent Key "${key}": it was not sent again. ` +
		'The node remembers its keys across all its runs (n8n does not keep when, or in which execution): ' +
		`to send a new message to the same customer, e.g. a new campaign, make the key name it, e.g. spring-sale:${key}.`
	);
}

function skipped(key: string, reason: string): JsonObject {
	return { skipped: true, sent: false, alreadySentKey: key, reason };
}
