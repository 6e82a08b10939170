/**
 * Who a send request addresses: `to` (phone number or wa_id) or, from 2026, `recipient` (a
 * business-scoped user ID, BSUID). Meta's Business-scoped user IDs page (major update of
 * March 18, 2026): `to` takes precedence when both are present; a BSUID send answers
 * contacts[{input, user_id}] without wa_id; authentication templates need a phone number (131062).
 * Also refuses users on the sending number's block list ("Block users" page).
 */
import type { PhoneNumberRecord } from '../seed';
import { MetaApiError } from '../http/errors';
import { BSUID_PATTERN } from '../state/features';
import type { EmulatorState } from '../state/store';
import type { TemplateRecord } from '../state/types';

type Json = Record<string, any>;

export interface Recipient {
	/** As the request gave it (echoed as contacts[].input). */
	input: string;
	/** The user's phone number as WhatsApp knows it (digits only). */
	waId: string;
	/** The BSUID when the request used `recipient`. */
	userId?: string;
}

/**
 * Resolves `to` / `recipient`. Throws 131008 when both are missing, 131009 for a malformed or
 * unknown BSUID or an empty `to`, 131021 for the sending number itself, 131026 for a blocked user.
 */
export function resolveRecipient(state: EmulatorState, phoneNumber: PhoneNumberRecord, message: Json): Recipient {
	let recipient: Recipient;
	if (message.to !== undefined) {
		// Meta's Send messages page: +, -, (, ) and spaces are accepted in phone numbers.
		const waId = String(message.to).replace(/\D/g, '');
		if (!waId) throw new MetaApiError(131009, `Param to must be the user's phone number with country code, e.g. "+16505551234"; got "${message.to}".`);
		recipient = { input: String(message.to), waId };
	} else if (message.recipient !== undefined) {
		recipient = resolveUserId(state, message.recipient);
	} else {
		throw new MetaApiError(131008, 'The parameter to is required: the user\'s phone number (or send "recipient" with their business-scoped user ID).');
	}
	if (recipient.waId === phoneNumber.display_phone_number.replace(/\D/g, '')) throw new MetaApiError(131021, 'The recipient is the sending phone number itself.');
	assertNotBlocked(state, phoneNumber.id, recipient.waId);
	return recipient;
}

function resolveUserId(state: EmulatorState, value: unknown): Recipient {
	const userId = String(value);
	if (!BSUID_PATTERN.test(userId)) {
		throw new MetaApiError(131009, `Param recipient must be a business-scoped user ID such as "US.13491208655302741918" (from the user_id of a webhook); got "${userId}".`);
	}
	const waId = state.features.waIdOfUserId(userId);
	// Meta does not document this case; the emulator answers like any invalid parameter.
	if (!waId) throw new MetaApiError(131009, `No WhatsApp user has the business-scoped user ID ${userId} in this business portfolio. Use the user_id from this business's webhooks.`);
	return { input: userId, waId, userId };
}

/**
 * "Block users": the business cannot message a user it blocked. Meta documents that an error is
 * returned but not its code; the emulator answers 131026 (message undeliverable) synchronously.
 */
export function assertNotBlocked(state: EmulatorState, phoneNumberId: string, waId: string): void {
	if (state.features.isBlocked(phoneNumberId, waId)) {
		throw new MetaApiError(131026, `${waId} is on this phone number's block list, so it cannot be messaged. Unblock the user first (DELETE /{phone-number-id}/block_users).`);
	}
}

/** 131062: authentication templates (one-tap, zero-tap, copy code) go to phone numbers only. */
export function checkTemplateRecipient(recipient: Recipient, template: TemplateRecord): void {
	if (recipient.userId && template.category === 'AUTHENTICATION') {
		throw new MetaApiError(131062, "You can only send authentication messages to recipients' phone numbers, not their business-scoped user IDs.");
	}
}

/** contacts[0] of a send response: wa_id for phone sends, user_id for BSUID sends. */
export function contactOf(recipient: Recipient): Record<string, string> {
	return recipient.userId ? { input: recipient.input, user_id: recipient.userId } : { input: recipient.input, wa_id: recipient.waId };
}
