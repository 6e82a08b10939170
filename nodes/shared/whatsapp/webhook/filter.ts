/** Narrows normalised events to what a trigger subscribed to. An empty or missing option filters nothing. */
import type { WhatsAppEvent } from './types';

export interface EventFilterOptions {
	/** Event kinds to keep, e.g. ['message', 'status']. */
	kinds?: string[];
	/** Message types to keep (applies to `message` events only), e.g. ['text', 'interactive']. */
	messageTypes?: string[];
	/** Status values to keep (applies to `status` events only), e.g. ['failed', 'read']. */
	statuses?: string[];
	/**
	 * Business phone number ids to keep. Events tied to no number (template, account and other
	 * WABA-level changes) are kept: use `kinds` to drop those.
	 */
	phoneNumberIds?: string[];
}

function allowList(values: string[] | undefined): Set<string> | undefined {
	return values && values.length > 0 ? new Set(values) : undefined;
}

export function filterEvents(events: WhatsAppEvent[], options: EventFilterOptions = {}): WhatsAppEvent[] {
	const kinds = allowList(options.kinds);
	const messageTypes = allowList(options.messageTypes);
	const statuses = allowList(options.statuses);
	const phoneNumberIds = allowList(options.phoneNumberIds);
	return events.filter((event) => {
		if (kinds && !kinds.has(event.kind)) return false;
		if (messageTypes && event.kind === 'message' && !messageTypes.has(event.type)) return false;
		if (statuses && event.kind === 'status' && !statuses.has(event.status)) return false;
		if (phoneNumberIds && event.phoneNumberId !== undefined && !phoneNumberIds.has(event.phoneNumberId)) return false;
		return true;
	});
}
