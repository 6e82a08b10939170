import type { IExecuteFunctions, INodeExecutionData, JsonObject, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { errorDetailsOf, errorItemJson, failedItem, metaErrorOf, pacerFor, toNodeError, type Redactor, type SendPacer, type WhatsAppConnection } from '../../shared/transport';
import { redisPacingLedger } from '../../shared/sharedState';
import { stopsBatch } from '../../shared/whatsapp/errors';
import { claimBeforeSending } from '../transport/alreadySent';
import { connectionForItem, type OperationContext } from '../transport/connection';
import { DEFAULT_MESSAGES_PER_SECOND, throughputOfNumber } from '../transport/throughput';
import { customerOfFailedSend } from './commonFields';
import { readDeliverySettings, type DeliverySettings } from './deliveryOptions';
import { skipItemsAlreadySent } from './skipItemsAlreadySent';
import type { PreparedSend, SendOperation } from './types';

type NodeError = NodeApiError | NodeOperationError;

const CLAIM_KEPT =
	'Its Already Sent Key stays claimed: a rerun skips this item once a status webhook confirms WhatsApp has the message (recorded by a WhatsApp Trigger using the same Redis), or sends it again after Resend Unconfirmed After if none arrived.';
/** The same without a phone number ID (360dialog): statuses are recorded per phone number ID, so none can settle the claim. */
const CLAIM_KEPT_NO_NUMBER =
	'Its Already Sent Key stays claimed and a rerun skips this item: its credential gives no phone number ID (360dialog), so no status webhook can confirm the message. Check in the chat whether the customer got it, and if not, send it with another Already Sent Key.';

/** A Long Text refused part-way: what was sent is known, what was not is in error.unsent. */
const CLAIM_KEPT_PARTLY_SENT =
	'Its Already Sent Key stays claimed, so a rerun does not send the parts already sent a second time (it skips this item). To finish, send only what is left (error.unsent) with another Already Sent Key.';

/**
 * Items under way at once, per message per second of the ceiling: one second's worth. Answers take
 * 0.15 s or more and a busy n8n adds its own delay; the rest lets items wait (131056) without
 * holding up the others. The pacer decides when each request goes out.
 */
const IN_FLIGHT_PER_MESSAGE_PER_SECOND = 1;
const MIN_IN_FLIGHT = 16;
const MAX_IN_FLIGHT = 1000;

/** The sending number's identity for its pacer: API host and version, and the phone number ID. */
function numberKey(connection: WhatsAppConnection): string {
	return `${connection.apiRoot}|${connection.phoneNumberId ?? ''}`;
}

/** The ceiling the settings give for this connection's number, in messages per second. */
export async function ceilingOf(this: IExecuteFunctions, settings: DeliverySettings, connection: WhatsAppConnection, itemIndex: number): Promise<number> {
	switch (settings.throughput) {
		case 'high':
			return 1000;
		case 'custom':
			return settings.customMessagesPerSecond;
		case 'phoneNumber':
			return await throughputOfNumber.call(this, connection, itemIndex);
		default:
			return DEFAULT_MESSAGES_PER_SECOND;
	}
}

/**
 * The pacer of the number this connection sends from, set to the ceiling of the settings: shared
 * through the credential's Redis when it has one (every n8n process then shares the ceiling), else
 * this process's own.
 */
export async function pacerOf(this: IExecuteFunctions, settings: DeliverySettings, connection: WhatsAppConnection, itemIndex: number): Promise<SendPacer> {
	const shared = connection.sharedState ? redisPacingLedger(connection.sharedState) : undefined;
	return pacerFor(numberKey(connection), await ceilingOf.call(this, settings, connection, itemIndex), shared);
}

interface Prepared {
	context: OperationContext;
	prepared: PreparedSend;
}

/**
 * Runs a send operation over all items (types.ts SendOperation):
 * 1. with Skip Items Already Sent, reads every key and skips those recorded earlier, or repeated in this run;
 * 2. without Continue On Fail, prepares (checks) EVERY item before the first request, so a bad item
 *    stops the run with nothing sent; with it, each item is prepared just before it is sent;
 * 3. sends items concurrently, each request paced on its number's pacer, a bounded number at once;
 *    an item whose request must wait (131056) holds up no other;
 * 4. records each key once its item was sent, and outputs the items in input order.
 * An error every item would get (expired token, 190; errors.ts stopsBatch) stops the batch: nothing
 * more is sent, and the items left get the same error (or the node fails with it).
 */
export async function sendItems(this: IExecuteFunctions, operation: SendOperation, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const count = items.length;
	if (count === 0) return [];
	const continueOnFail = this.continueOnFail();
	const settings = readDeliverySettings.call(this);
	const results: Array<INodeExecutionData[] | undefined> = new Array(count);
	const node = this.getNode();
	const failed = (itemIndex: number, error: NodeError, extra: JsonObject = {}): INodeExecutionData[] => [
		failedItem(errorItemJson(error, { ...customerOfFailedSend.call(this, itemIndex), ...extra }), itemIndex),
	];

	// n8n's deduplication data cannot be read (e.g. an unsaved workflow): the whole run fails, nothing sent.
	const { keys, owners, store, notes } = await skipItemsAlreadySent
		.call(this, settings, results, (i, error) => {
			const nodeError = toNodeError(node, error, i);
			if (!continueOnFail) throw nodeError;
			results[i] = failed(i, nodeError);
		})
		.catch((error: unknown) => {
			throw toNodeError(node, error, 0);
		});

	const stopping = new AbortController();
	// Shared store: which items claimed their key (given back if they fail), and which found it taken.
	const claimed = new Set<number>();
	const claimedElsewhere = new Set<number>();
	// Whom each item's first message goes to, and how many it sends: told by sendMessage before its turn.
	const addressed = new Map<number, { recipient?: string; parts: number }>();
	const claimFor = (i: number, key: string, phoneNumberId?: string) => async () => {
		const taken = await store!.claim!(key, { phoneNumberId, ...addressed.get(i) });
		(taken ? claimed : claimedElsewhere).add(i);
		return taken;
	};
	const prepare = async (i: number): Promise<Prepared> => {
		let redactor: Redactor | undefined;
		try {
			const connection = await connectionForItem.call(this, i);
			redactor = connection.redactor;
			const key = keys[i];
			const numberPacer = await pacerOf.call(this, settings, connection, i);
			const pacer = key !== undefined && store?.claim ? claimBeforeSending(numberPacer, claimFor(i, key, connection.phoneNumberId), key) : numberPacer;
			const onAddressed = (to: { recipient?: string; parts: number }) => void (addressed.has(i) || addressed.set(i, to));
			const delivery = { pacer, stopSignal: stopping.signal, ...(key !== undefined ? { alreadySentKey: key, onAddressed } : {}) };
			const context: OperationContext = { itemIndex: i, connection, delivery };
			return { context, prepared: await operation.prepare.call(this, context) };
		} catch (error) {
			throw toNodeError(node, error, i, redactor);
		}
	};
	const preparedItems: Array<Prepared | undefined> = new Array(count);
	if (!continueOnFail) {
		// B5: every item is checked before the first request; a bad one stops the run with nothing sent.
		for (let i = 0; i < count; i++) {
			if (!results[i]) preparedItems[i] = await prepare(i);
		}
	}

	let stop: NodeError | undefined;
	let firstError: NodeError | undefined;
	const notSent = (i: number, error: NodeError) =>
		failed(i, error, { notSent: true, reason: 'Not sent: an earlier item got this error, which every item of the run would get.' });
	let next = 0;
	const sendNext = async (): Promise<void> => {
		while (next < count && !firstError) {
			const i = next++;
			if (results[i]) continue;
			if (stop) {
				results[i] = notSent(i, stop);
				continue;
			}
			let item: Prepared;
			try {
				item = preparedItems[i] ?? (await prepare(i));
			} catch (error) {
				results[i] = failed(i, error as NodeError);
				continue;
			}
			preparedItems[i] = undefined;
			const { context, prepared } = item;
			const redactor: Redactor = context.connection.redactor;
			try {
				const output = await prepared.send();
				const key = keys[i];
				results[i] = output.map((result) => ({
					...result,
					json: redactor.json(key === undefined ? result.json : { ...result.json, alreadySentKey: key, ...notes.get(i) }),
					pairedItem: { item: i },
				}));
				if (key !== undefined && store && !output.some((result) => result.json.validateOnly === true)) store.record(key);
			} catch (error) {
				// Its key is not recorded: a shared store gets the claim back, unless WhatsApp may have the
				// message (the connection broke after the request went out): then the claim stays, for a
				// status webhook to confirm, and a rerun skips the item until one does or Resend Unconfirmed After passes.
				// (n8n's deduplication data has no claims between runs: a rerun sends such an item again.)
				// A Long Text some of whose parts WhatsApp accepted keeps its claim too, whatever stopped the rest:
				// given back, a rerun would send those parts again (status webhooks of them tell the rerun to skip it).
				const details = errorDetailsOf(error);
				const partlySent = Array.isArray(details.sentParts) && details.sentParts.length > 0;
				const mayHaveArrived = claimed.has(i) && store?.unconfirmed !== undefined && (details.outcomeUnknown === true || partlySent);
				if (claimed.has(i) && !mayHaveArrived) store!.release!(keys[i]!);
				if (claimedElsewhere.has(i)) {
					// An unconfirmed claim this run meant to send again (notes) may also have been settled by a status meanwhile.
					const reason = notes.has(i)
						? "Not sent again: between this run's check and its turn to send, the earlier run's message got a status webhook, or another execution took the key over. A rerun says which, and skips it if WhatsApp has it."
						: 'Another execution claimed the same key while this one was about to send it: that execution sends it, this item was not sent.';
					results[i] = [{ json: { skipped: true, sent: false, alreadySentKey: keys[i]!, reason }, pairedItem: { item: i } }];
					continue;
				}
				// Its request was still waiting for the pacer when the batch stopped: it was not sent.
				if (stopping.signal.aborted && error === stopping.signal.reason) {
					if (continueOnFail) results[i] = notSent(i, error as NodeError);
					continue;
				}
				const nodeError = toNodeError(node, error, i, redactor);
				const info = metaErrorOf(nodeError) ?? metaErrorOf(error);
				if (info && stopsBatch(info) && !stop) {
					stop = nodeError;
					stopping.abort(stop);
				}
				const note = partlySent && details.outcomeUnknown !== true ? CLAIM_KEPT_PARTLY_SENT : context.connection.phoneNumberId ? CLAIM_KEPT : CLAIM_KEPT_NO_NUMBER;
				if (continueOnFail) results[i] = failed(i, nodeError, mayHaveArrived ? { alreadySentUnconfirmed: true, alreadySentNote: note } : {});
				else if (!firstError) {
					// The node fails with this error: what has not gone out yet stays unsent.
					if (mayHaveArrived) nodeError.description = `${nodeError.description ?? ''} ${note}`.trim();
					firstError = nodeError;
					stopping.abort(nodeError);
				}
			}
		}
	};
	const first = results.findIndex((output) => output === undefined);
	const workers = first < 0 ? 0 : Math.min(count, await inFlightFor.call(this, settings, first));
	await Promise.all(Array.from({ length: workers }, sendNext));

	const unrecorded = store ? await store.flush() : [];
	if (firstError) throw firstError;
	for (const key of unrecorded) {
		const output = results[owners.get(key)!];
		for (const result of output ?? []) {
			result.json.alreadySentRecorded = false;
			result.json.alreadySentWarning = 'Sent, but n8n could not record its key: running this item again would send it a second time.';
		}
	}
	return results.flatMap((output) => output ?? []);
}

/** How many items are sent at once: enough to keep the first item's number at its ceiling. */
async function inFlightFor(this: IExecuteFunctions, settings: DeliverySettings, firstItem: number): Promise<number> {
	let ceiling = DEFAULT_MESSAGES_PER_SECOND;
	try {
		ceiling = await ceilingOf.call(this, settings, await connectionForItem.call(this, firstItem), firstItem);
	} catch {
		// The item itself reports what is wrong when it is prepared.
	}
	return Math.max(MIN_IN_FLIGHT, Math.min(MAX_IN_FLIGHT, Math.ceil(ceiling * IN_FLIGHT_PER_MESSAGE_PER_SECOND)));
}
