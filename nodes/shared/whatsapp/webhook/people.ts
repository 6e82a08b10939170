/**
 * Who a message came from, or who a status is about. Phone numbers can be withheld from 2026 (users
 * with a username): then `wa_id` / `from` / `recipient_id` are empty and the business-scoped user ID
 * (BSUID) identifies the person (Meta: Business-scoped user IDs). Every event keeps whatever
 * identifies the person: wa_id, BSUID, parent BSUID, username, profile name, country, identity hash.
 */
import { asObject, asString, compact, type JsonObject } from './jsonReaders';
import type { Person } from './types';

/**
 * A change's contacts[] indexed once by wa_id and by BSUID, so finding each message's sender is
 * O(1) and a batch normalises in time linear in its size (Meta batches up to 1000 updates per POST).
 */
export class ContactIndex {
	private readonly byId = new Map<string, JsonObject>();
	private readonly only?: JsonObject;

	constructor(contacts: JsonObject[]) {
		for (const contact of contacts) {
			for (const id of [asString(contact.wa_id), asString(contact.user_id), asString(contact.parent_user_id)]) {
				// The first contact with an id wins, as a linear search would find it.
				if (id && !this.byId.has(id)) this.byId.set(id, contact);
			}
		}
		if (contacts.length === 1) this.only = contacts[0];
	}

	/**
	 * The contact with one of these ids. When the event names nobody at all, the only contact of the
	 * change (if there is just one); an event that names someone else never borrows a stranger's profile.
	 */
	find(...ids: Array<string | undefined>): JsonObject | undefined {
		let named = false;
		for (const id of ids) {
			if (!id) continue;
			named = true;
			const contact = this.byId.get(id);
			if (contact) return contact;
		}
		return named ? undefined : this.only;
	}
}

/** wa_id as digits ('+16505551234' in some of Meta's examples becomes '16505551234'); anything else as given. */
export function waIdOf(value: string | undefined): string {
	const text = (value ?? '').trim();
	return /^\+\d+$/.test(text) ? text.slice(1) : text;
}

/** '+' and the digits when the wa_id is digits (E.164 has at most 15); '' for anything else. */
export function toE164(waId: string): string {
	return /^\d{1,15}$/.test(waId) ? `+${waId}` : '';
}

/** Identifiers the event itself carries (from / from_user_id on messages, recipient_* on statuses). */
export interface OwnIds {
	waId?: string;
	userId?: string;
	parentUserId?: string;
	identityKeyHash?: string;
}

/** One person from the event's own ids, completed by their contacts[] entry (Meta: Business-scoped user IDs). */
export function readPerson(own: OwnIds, contact: JsonObject | undefined): Person {
	const profile = asObject(contact?.profile);
	const waId = waIdOf(own.waId || asString(contact?.wa_id));
	return compact({
		waId,
		e164: toE164(waId),
		userId: own.userId || asString(contact?.user_id) || undefined,
		parentUserId: own.parentUserId || asString(contact?.parent_user_id) || undefined,
		username: asString(profile?.username) ?? asString(contact?.username),
		profileName: asString(profile?.name),
		countryCode: asString(profile?.country_code) ?? asString(contact?.country_code),
		identityKeyHash: own.identityKeyHash ?? asString(contact?.identity_key_hash),
	});
}
