/**
 * Admin views for judging a bulk send: the per-second throughput account (GET /__emulator/throughput)
 * and the exactly-once check (POST /__emulator/messages/check), which says which expected
 * tracking keys (`biz_opaque_callback_data`) or recipients were accepted 0 times (lost) or 2+ times
 * (duplicated).
 */
import type { EmulatorState } from '../state/store';
import type { ThroughputReport } from '../state/throughput';
import type { SentMessage } from '../state/types';
import { AdminInputError } from './admin-webhooks';

/** GET /__emulator/throughput[?phoneNumberId=]: `{data: ThroughputReport[]}`. */
export function throughputReport(state: EmulatorState, query: URLSearchParams): { data: ThroughputReport[] } {
	return { data: state.throughputAccount.report(state.config, query.get('phoneNumberId') ?? undefined) };
}

export interface SendCheck {
	/** What was compared: the messages' `biz_opaque_callback_data`, or their recipient's wa_id. */
	by: 'key' | 'recipient';
	/** Distinct expected values. */
	expected: number;
	/** Expected values accepted exactly once. */
	sentOnce: number;
	/** Expected values never accepted. */
	lost: string[];
	/** Expected values accepted more than once, with the wamids. */
	duplicated: Array<{ value: string; count: number; messageIds: string[] }>;
	/** Accepted messages whose value was not expected (or that had no key), counted. */
	unexpected: number;
	/** Accepted messages among the expected whose answer the `acceptedThenReset` fault dropped. */
	answerDropped: number;
}

/**
 * POST /__emulator/messages/check `{keys: string[]}` or `{recipients: string[]}`, optionally
 * `phoneNumberId`. Recipients are compared as digits only (wa_id), like the send endpoint reads `to`.
 * Throws AdminInputError (400) for any other body.
 */
export function checkSends(state: EmulatorState, body: unknown): SendCheck {
	const { keys, recipients, phoneNumberId } = (body ?? {}) as { keys?: unknown; recipients?: unknown; phoneNumberId?: unknown };
	const list = keys ?? recipients;
	if ((keys === undefined) === (recipients === undefined) || !Array.isArray(list) || !list.every((value) => typeof value === 'string')) {
		throw new AdminInputError('Send {"keys": ["<biz_opaque_callback_data>", …]} or {"recipients": ["<phone number>", …]} (one of the two), optionally with "phoneNumberId".');
	}
	if (phoneNumberId !== undefined && typeof phoneNumberId !== 'string') throw new AdminInputError('"phoneNumberId" must be a string.');
	const by = keys !== undefined ? 'key' : 'recipient';
	const valueOf = by === 'key' ? (message: SentMessage) => message.bizOpaqueCallbackData : (message: SentMessage) => message.waId;
	const expected = new Set(by === 'key' ? (list as string[]) : (list as string[]).map((value) => value.replace(/\D/g, '')));
	const sent = new Map<string, SentMessage[]>();
	let unexpected = 0;
	for (const message of state.messages.values()) {
		if (phoneNumberId !== undefined && message.phoneNumberId !== phoneNumberId) continue;
		const value = valueOf(message);
		if (value === undefined || !expected.has(value)) {
			unexpected += 1;
			continue;
		}
		const messages = sent.get(value);
		if (messages) messages.push(message);
		else sent.set(value, [message]);
	}
	const lost = [...expected].filter((value) => !sent.has(value));
	const duplicated = [...sent].filter(([, messages]) => messages.length > 1).map(([value, messages]) => ({ value, count: messages.length, messageIds: messages.map((message) => message.id) }));
	const answerDropped = [...sent.values()].flat().filter((message) => message.answerDropped).length;
	return { by, expected: expected.size, sentOnce: expected.size - lost.length - duplicated.length, lost, duplicated, unexpected, answerDropped };
}
