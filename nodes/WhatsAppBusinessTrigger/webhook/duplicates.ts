/**
 * Memory of event ids each trigger already emitted, kept in this process. n8n does not persist
 * static data written inside webhook(), so a process-level memory is the only one that survives
 * from one delivery to the next. It is lost on restart and not shared between n8n instances; with
 * the credential's Redis for shared state (queue mode, several webhook processors) the memory is
 * kept there instead (dropSharedDuplicates). The README explains the durable check downstream.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
import { stateKey, takeKeys, type SharedState } from '../../shared/sharedState';
import { SeenEventIds, type WhatsAppEvent } from '../../shared/whatsapp/webhook';

interface Memory {
	seen: SeenEventIds;
	size: number;
	hours: number;
}

/** Bounds the number of triggers remembered; each memory is itself bounded in size and age. */
const MAX_TRIGGERS = 500;
const memories = new Map<string, Memory>();

function memoryKey(context: IWebhookFunctions): string {
	// Test and production URLs are different endpoints: keep their memories apart.
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}:${context.getMode()}`;
}

function memoryFor(key: string, size: number, hours: number): SeenEventIds {
	const current = memories.get(key);
	memories.delete(key); // re-inserted last: the least recently used trigger is evicted first
	let seen = current?.seen;
	if (!seen || current?.size !== size || current.hours !== hours) {
		const options = { maxEntries: size, maxAgeSeconds: hours * 3600 };
		// Changed limits keep what is remembered, within the new bounds.
		seen = current ? SeenEventIds.fromJSON(current.seen.toJSON(), options) : new SeenEventIds(options);
	}
	memories.set(key, { seen, size, hours });
	if (memories.size > MAX_TRIGGERS) memories.delete(memories.keys().next().value as string);
	return seen;
}

/** The events not emitted before by this trigger (docs/webhook-delivery.md: deliveries repeat); remembers the new ones. */
export function dropDuplicates(context: IWebhookFunctions, events: WhatsAppEvent[], size: number, hours: number): WhatsAppEvent[] {
	const seen = memoryFor(memoryKey(context), size, hours);
	return events.filter((event) => seen.checkAndRemember(event.eventId));
}

/**
 * The events no process using this Redis emitted before for this trigger: each event id is taken
 * with SET NX for `hours` (the memory's size does not apply). Throws when Redis cannot be used
 * (WhatsAppConfigurationError naming the fix).
 */
export async function dropSharedDuplicates(context: IWebhookFunctions, events: WhatsAppEvent[], state: SharedState, hours: number): Promise<WhatsAppEvent[]> {
	const key = (eventId: string) => stateKey('trigger-event', String(context.getWorkflow().id ?? ''), context.getNode().id, context.getMode(), eventId);
	const taken = await takeKeys(state, events.map((event) => key(event.eventId)), '1', Math.max(1, Math.round(hours * 3600)));
	return events.filter((_, index) => taken[index]);
}

/** Forgets every trigger's memory (tests; a real process keeps it until restart). */
export function forgetAllDuplicates(): void {
	memories.clear();
}
