/**
 * Memory of event ids each trigger already emitted, kept in this process. n8n does not persist
 * static data written inside webhook() (n8n-runtime.md), so a process-level memory is the only
 * one that survives from one delivery to the next. It is lost on restart and not shared between
 * n8n instances (queue mode); the README explains the durable check downstream.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
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

/** Forgets every trigger's memory (tests; a real process keeps it until restart). */
export function forgetAllDuplicates(): void {
	memories.clear();
}
