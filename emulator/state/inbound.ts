/**
 * Messages "from users" (POST /__emulator/inbound). Recording one opens or refreshes the
 * customer-service window (§7.3) and emits the `inbound` event with a message object shaped like
 * the webhook's `messages[0]` (§2.4, §2.4.1) for a webhook sender to wrap and sign.
 */
import { SEED } from '../seed';
import { wamid } from './ids';
import type { EmulatorState } from './store';
import type { InboundMessage } from './types';

export interface InboundInput {
	from: string;
	phoneNumberId?: string;
	type?: 'text';
	text?: string;
	/** Unix seconds (number or numeric string); defaults to now. An old timestamp opens an old window. */
	timestamp?: number | string;
	/** The user's profile name (§2.4 contacts[].profile.name). */
	name?: string;
}

export class InboundInputError extends Error {}

export function recordInbound(state: EmulatorState, input: InboundInput): InboundMessage {
	const waId = String(input.from ?? '').replace(/\D/g, '');
	if (!waId) throw new InboundInputError('"from" must be the user\'s phone number, e.g. "16505551234"');
	const phoneNumberId = input.phoneNumberId ?? SEED.phoneNumberId;
	if (!state.phoneNumbers.has(phoneNumberId)) {
		throw new InboundInputError(`Unknown phoneNumberId "${phoneNumberId}"; seeded numbers are ${[...state.phoneNumbers.keys()].join(', ')}`);
	}
	if (input.type !== undefined && input.type !== 'text') {
		throw new InboundInputError('Only type "text" can be recorded for now');
	}
	const seconds = input.timestamp === undefined ? Math.floor(state.now() / 1000) : Number(input.timestamp);
	if (!Number.isFinite(seconds)) throw new InboundInputError('"timestamp" must be Unix seconds');

	const inbound: InboundMessage = {
		phoneNumberId,
		contact: { profile: { name: input.name ?? 'Emulated User' }, wa_id: waId },
		message: { from: waId, id: wamid(waId), timestamp: String(seconds), type: 'text', text: { body: input.text ?? 'Hello' } },
		receivedAt: seconds * 1000,
	};
	state.inbound.push(inbound);
	state.windows.recordInbound(phoneNumberId, waId, inbound.receivedAt);
	state.events.emit('inbound', inbound);
	return inbound;
}
