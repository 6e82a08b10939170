import { CONTACTS_MAX } from './limits';
import { cleanPhoneInput, waIdToE164 } from '../phone';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, type CommonMessageOptions } from './common';
import type { ContactCard, ContactsMessageBody } from './types';

export interface ContactsMessageInput extends CommonMessageOptions {
	contacts: ContactCard[];
}

const CARD_KEYS = ['name', 'addresses', 'birthday', 'emails', 'org', 'phones', 'urls'] as const;

function fail(message: string, field: string, fix: string): never {
	throw new WhatsAppValidationError(message, field, fix);
}

function isBlank(value: unknown): boolean {
	return typeof value !== 'string' || value.trim() === '';
}

function checkBirthday(value: string, field: string, who: string): void {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
	if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
		fail(`The birthday "${value}" of ${who} is not a date in YYYY-MM-DD form.`, field, 'Write the birthday as YYYY-MM-DD, e.g. 1999-01-23.');
	}
}

function checkListEntries<T>(entries: T[] | undefined, key: keyof T & string, field: string, who: string): void {
	if (entries === undefined) return;
	if (!Array.isArray(entries)) fail(`The ${field} of ${who} is not a list.`, field, `Give ${field} as a list of objects.`);
	entries.forEach((entry, index) => {
		if (isBlank(entry?.[key])) {
			fail(`Entry ${index + 1} in the ${field} of ${who} has no ${key}.`, `${field}[${index}].${key}`, `Fill in the ${key} or remove that entry.`);
		}
	});
}

/** Validates one card and copies only the fields Meta knows (Meta: Contacts messages). */
function checkCard(card: ContactCard, index: number): ContactCard {
	const field = `contacts[${index}]`;
	const who = `contact ${index + 1}`;
	if (!card || typeof card !== 'object') fail(`Contact ${index + 1} is not an object.`, field, 'Give each contact as an object with at least name.formatted_name.');
	if (isBlank(card.name?.formatted_name)) {
		fail(`Contact ${index + 1} has no name.formatted_name.`, `${field}.name.formatted_name`, 'Give every contact a full display name in name.formatted_name, e.g. "Barbara J. Johnson".');
	}
	if (card.birthday !== undefined) checkBirthday(card.birthday, `${field}.birthday`, who);
	checkListEntries(card.phones, 'phone', `${field}.phones`, who);
	checkListEntries(card.emails, 'email', `${field}.emails`, who);
	checkListEntries(card.urls, 'url', `${field}.urls`, who);
	const copy: Partial<Record<(typeof CARD_KEYS)[number], unknown>> = {};
	for (const key of CARD_KEYS) if (card[key] !== undefined) copy[key] = card[key];
	if (card.phones) copy.phones = card.phones.map((entry, position) => cleanCardPhone(entry, `${field}.phones[${position}]`, who));
	return copy as ContactCard;
}

/**
 * A card's phone without the invisible characters pasted numbers carry (the number shows as typed
 * otherwise); its wa_id as digits, as WhatsApp writes wa_ids (Meta: Contacts messages), read like a
 * recipient (a "(0)" or "00" is understood, a number that cannot be one is refused on that field).
 */
function cleanCardPhone(entry: NonNullable<ContactCard['phones']>[number], field: string, who: string): NonNullable<ContactCard['phones']>[number] {
	const cleaned = { ...entry, phone: cleanPhoneInput(entry.phone) };
	if (entry.wa_id === undefined) return cleaned;
	try {
		return { ...cleaned, wa_id: waIdToE164(String(entry.wa_id)).slice(1) };
	} catch (error) {
		if (!(error instanceof WhatsAppValidationError)) throw error;
		fail(`The wa_id "${entry.wa_id}" of ${who} is not a WhatsApp ID: ${error.message}`, `${field}.wa_id`, `${error.fix} Or leave the wa_id empty.`);
	}
}

/** Meta's Contacts messages contacts message page: 1 to 257 contact cards. */
export function buildContactsMessage(input: ContactsMessageInput): ContactsMessageBody {
	const { contacts } = input;
	if (!Array.isArray(contacts) || contacts.length === 0) {
		fail('No contacts were given.', 'contacts', 'Add at least one contact card with name.formatted_name.');
	}
	if (contacts.length > CONTACTS_MAX) {
		fail(
			`${contacts.length} contacts were given; WhatsApp allows at most ${CONTACTS_MAX} in one message.`,
			'contacts',
			`Split the contacts into messages of ${CONTACTS_MAX} or fewer.`,
		);
	}
	return { ...buildEnvelope(input), type: 'contacts', contacts: contacts.map(checkCard) };
}
