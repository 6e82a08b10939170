import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { deduplicationStore, type AlreadySentRecord, type AlreadySentStore } from '../transport/alreadySent';
import { sharedAlreadySentStore } from '../transport/alreadySentShared';
import { connectionForItem, sharedStateOfNode } from '../transport/connection';
import type { UnconfirmedVerdict } from '../../shared/whatsapp/messages';
import { WhatsAppConfigurationError } from '../../shared/transport';
import { readAlreadySentKey, type DeliverySettings } from './deliveryOptions';

/** The items' Already Sent Keys, for sendItems.ts. */
export interface ItemKeys {
	/** By item index; undefined when the option is off, or for an item skipped or failed here. */
	keys: Array<string | undefined>;
	/** The item that sends each key (its first item in this run). */
	owners: Map<string, number>;
	/** Where keys are recorded once their items were sent; undefined when the option is off. */
	store?: AlreadySentStore;
	/** By item index: fields for the output of an item sent again after an unconfirmed claim. */
	notes: Map<number, JsonObject>;
}

/**
 * "Skip Items Already Sent": reads every item's key, asks the store once which were recorded by
 * earlier runs, and fills `results` (by item index) for the items not to send: those recorded
 * earlier, and those whose key an earlier item of this run has, each with `skipped: true` and the
 * reason. A key an earlier run claimed but never confirmed is sent again only when the store's
 * `unconfirmed` says so (`notes` then explains it in the output). An item whose key is unusable goes
 * to `failItem` (which may throw: nothing was sent yet).
 */
export async function skipItemsAlreadySent(
	this: IExecuteFunctions,
	settings: DeliverySettings,
	results: Array<INodeExecutionData[] | undefined>,
	failItem: (itemIndex: number, error: unknown) => void,
): Promise<ItemKeys> {
	const keys: Array<string | undefined> = new Array(results.length);
	const owners = new Map<string, number>();
	const notes = new Map<number, JsonObject>();
	if (!settings.skipAlreadySent) return { keys, owners, notes };
	// The credential's Redis (queue mode): atomic claims shared by every process; else n8n's deduplication data.
	const sharedState = await sharedStateOfNode.call(this);
	if (sharedState && Number.isNaN(settings.resendUnconfirmedAfterMs)) throw resendAfterUnreadable();
	const store = sharedState ? sharedAlreadySentStore(this, sharedState, settings.resendUnconfirmedAfterMs) : deduplicationStore(this, settings.keysToRemember);
	for (let i = 0; i < results.length; i++) {
		try {
			keys[i] = readAlreadySentKey.call(this, i);
		} catch (error) {
			failItem(i, error);
		}
	}
	const present = keys.filter((key): key is string => key !== undefined);
	const distinct = new Set(present).size;
	// n8n's list would forget this run's first keys before the run ends: a rerun would send them again.
	if (!sharedState && distinct > settings.keysToRemember) throw tooManyKeys(distinct, settings.keysToRemember);
	const recorded = await store.recorded(present);
	for (const [i, key] of keys.entries()) {
		if (key === undefined) continue;
		const owner = owners.get(key);
		const record = recorded.get(key);
		// Only an item's first occurrence asks: a key sent again here is sent once, by that item.
		const verdict = record?.state === 'claimed' && owner === undefined ? await unconfirmedVerdict.call(this, store, key, record, i) : undefined;
		if (owner !== undefined) {
			const reason = `Item ${owner} of this run has the same key: its message was sent once, for item ${owner}.`;
			results[i] = [{ json: { ...skipped(key, reason), duplicateOfItem: owner }, pairedItem: { item: i } }];
		} else if (record && verdict?.action !== 'resend') {
			results[i] = [{ json: skippedAsRecorded(key, record, verdict), pairedItem: { item: i } }];
		} else {
			owners.set(key, i);
			if (record) notes.set(i, resentNote(record, settings.resendUnconfirmedAfterMs));
		}
		if (results[i]) keys[i] = undefined;
	}
	return { keys, owners, store, notes };
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

/** What the store says of a claim an earlier run never confirmed, for the item's number (none when it cannot be read: then nothing is resent). */
async function unconfirmedVerdict(this: IExecuteFunctions, store: AlreadySentStore, key: string, record: AlreadySentRecord, itemIndex: number): Promise<UnconfirmedVerdict | undefined> {
	if (!store.unconfirmed) return undefined;
	const phoneNumberId = await connectionForItem.call(this, itemIndex).then(
		(connection) => connection.phoneNumberId,
		() => undefined,
	);
	return await store.unconfirmed(key, record, phoneNumberId);
}

/** A wait for people: seconds under a minute, else minutes (one decimal). */
const duration = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} seconds` : `${Number((ms / 60_000).toFixed(1))} minute${ms === 60_000 ? '' : 's'}`);

/** Why an unconfirmed claim was not sent again, and what would send it. */
function keptBecause(verdict: UnconfirmedVerdict | undefined): string {
	switch (verdict?.action) {
		case 'wait':
			return `No status webhook of it has arrived yet: a run from ${new Date(verdict.resendFromMs).toISOString()} on sends it if none arrives by then (Resend Unconfirmed After).`;
		case 'keep':
			if (verdict.why === 'partlySent')
				return `Status webhooks show ${verdict.messageIds.length} of its ${verdict.parts} messages reached WhatsApp (${verdict.messageIds.join(', ')}), the rest not: it is not sent again, as that would repeat what arrived. Send the missing part(s) with another Already Sent Key.`;
			if (verdict.why === 'otherRecipient')
				return `A message with this key went to another recipient (${verdict.recipient}) after the claim, so its status cannot tell whether this one arrived: it is never sent again by itself. Check in the chat whether the customer got it, and if not, send it with another Already Sent Key.`;
			if (verdict.why === 'resendOff') return 'Resend Unconfirmed After is 0, so it is never sent again: if no status webhook of the message ever arrived, send it with another Already Sent Key.';
			if (verdict.why === 'noStatuses')
				return "No WhatsApp Trigger using this credential's Redis has received a status webhook of this number since the claim, so it cannot be told whether WhatsApp has it. Activate a WhatsApp Trigger with the same credential (it records statuses even when it outputs messages only), then run again; or, if no status webhook of it ever arrived, send it with another Already Sent Key.";
			if (verdict.why === 'noNumber')
				return 'Its credential gives no phone number ID (360dialog), so no status webhook can confirm it and it is never sent again by itself: check in the chat whether the customer got it, and if not, send it with another Already Sent Key.';
			return 'If no status webhook of the message ever arrived, send it with another Already Sent Key.';
		default:
			return 'If no status webhook of the message ever arrived, send it with another Already Sent Key.';
	}
}

/** An item whose key the store knows: sent by an earlier run, or claimed by a run that never confirmed it (and not to be sent again now). */
function skippedAsRecorded(key: string, record: AlreadySentRecord, verdict?: UnconfirmedVerdict): JsonObject {
	const by = record.executionId ? `execution ${record.executionId}` : undefined;
	if (record.state === 'sent') {
		const confirmed: JsonObject = record.confirmedByStatus
			? { alreadySentConfirmedBy: 'statusWebhook', messageId: record.messageId ?? null, status: record.confirmedByStatus }
			: {};
		const how = record.confirmedByStatus
			? ` Its worker stopped before recording WhatsApp's answer; a status webhook of the message ("${record.confirmedByStatus}", message ID ${record.messageId ?? 'unknown'}) confirmed it.` +
				// WhatsApp accepted it (statuses come only for accepted messages) but could not deliver it.
				(record.confirmedByStatus === 'failed' ? ' WhatsApp reported it failed, so the customer did not get it: to try again, send it with another Already Sent Key.' : '')
			: '';
		return { ...skipped(key, sentEarlier(key, record) + how), ...confirmed };
	}
	return {
		...skipped(
			key,
			`Not confirmed: ${by ?? 'an earlier run'} claimed this key at ${record.at ?? 'an unknown time'}, just before sending its message, and never recorded WhatsApp's answer. ` +
				'It stopped while the request was on its way (e.g. its worker was killed) or is still sending it, so WhatsApp may have it: it was not sent again. ' +
				keptBecause(verdict),
		),
		alreadySentUnconfirmed: true,
	};
}

/** Fields of an item sent again because its earlier claim was never confirmed. */
function resentNote(record: AlreadySentRecord, resendAfterMs: number): JsonObject {
	return {
		alreadySentResent: true,
		alreadySentNote:
			`${record.executionId ? `Execution ${record.executionId}` : 'An earlier run'} claimed this key at ${record.at ?? 'an unknown time'} and never confirmed it; ` +
			`no status webhook of its message arrived in ${duration(resendAfterMs)} while statuses of the number did, so WhatsApp never had it: sent now.`,
	};
}

/** More distinct keys in one run than n8n keeps for the node (Keys to Remember): nothing is sent. */
function tooManyKeys(count: number, keysToRemember: number): WhatsAppConfigurationError {
	return new WhatsAppConfigurationError(
		`This run has ${count} different Already Sent Keys, but Keys to Remember is ${keysToRemember}: n8n would forget the first ${count - keysToRemember} before the run ends, so running it again would send those a second time. Nothing was sent.`,
		`Set Options › Keys to Remember to at least ${count} (more if later runs add new keys), or send the list in smaller runs.`,
	);
}

/** Resend Unconfirmed After is not a number of minutes, 0 or more: nothing is sent. */
function resendAfterUnreadable(): WhatsAppConfigurationError {
	return new WhatsAppConfigurationError(
		'Options › Resend Unconfirmed After (Minutes) is not a number of minutes, 0 or more. Nothing was sent.',
		'Set it to e.g. 10 (minutes after a claim a message with no status webhook is sent again), or 0 to never send such a message again.',
	);
}
