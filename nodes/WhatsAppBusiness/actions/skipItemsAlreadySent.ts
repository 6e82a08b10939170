import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { deduplicationStore, type AlreadySentRecord, type AlreadySentStore } from '../transport/alreadySent';
import { sharedAlreadySentStore } from '../transport/alreadySentShared';
import { sharedStateOfNode } from '../transport/connection';
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
	// The credential's Redis (queue mode): atomic claims shared by every process; else n8n's deduplication data.
	const sharedState = await sharedStateOfNode.call(this);
	const store = sharedState ? sharedAlreadySentStore(this, sharedState) : deduplicationStore(this, settings.keysToRemember);
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
		const record = recorded.get(key);
		if (record) {
			results[i] = [{ json: skippedAsRecorded(key, record), pairedItem: { item: i } }];
		} else if (owner !== undefined) {
			const reason = `Item ${owner} of this run has the same key: its message was sent once, for item ${owner}.`;
			results[i] = [{ json: { ...skipped(key, reason), duplicateOfItem: owner }, pairedItem: { item: i } }];
		} else owners.set(key, i);
		if (results[i]) keys[i] = undefined;
	});
	return { keys, owners, store };
}

/**
 * Why an item whose key an earlier run recorded is skipped: when and in which execution, where the
 * store keeps them (the shared store does; n8n's deduplication data keeps the keys alone), and how a
 * new campaign to the same customers gets through (a key naming only the customer skips them all).
 */
function sentEarlier(key: string, record: AlreadySentRecord): string {
	const when = [record.at ? `at ${record.at}` : '', record.executionId ? `in execution ${record.executionId}` : ''].filter(Boolean).join(' ');
	return (
		`An earlier run of this node sent a message with the Already Sent Key "${key}"${when ? ` (${when})` : ''}: it was not sent again. ` +
		`The node remembers its keys across all its runs${when ? '' : " (n8n's deduplication data does not keep when, or in which execution)"}: ` +
		`to send a new message to the same customer, e.g. a new campaign, make the key name it, e.g. spring-sale:${key}.`
	);
}

function skipped(key: string, reason: string): JsonObject {
	return { skipped: true, sent: false, alreadySentKey: key, reason };
}

/** An item whose key the store knows: sent by an earlier run, or claimed by a run that never confirmed it. */
function skippedAsRecorded(key: string, record: AlreadySentRecord): JsonObject {
	const by = record.executionId ? `execution ${record.executionId}` : undefined;
	if (record.state === 'sent') return skipped(key, sentEarlier(key, record));
	return {
		...skipped(
			key,
			`Not confirmed: ${by ?? 'an earlier run'} claimed this key at ${record.at ?? 'an unknown time'}, just before sending its message, and never recorded WhatsApp's answer. ` +
				'It is still sending it, or it stopped while the request was on its way (e.g. its worker was killed), so WhatsApp may have it: it was not sent again. ' +
				'If no status webhook of the message ever arrives, send it with another Already Sent Key.',
		),
		alreadySentUnconfirmed: true,
	};
}
