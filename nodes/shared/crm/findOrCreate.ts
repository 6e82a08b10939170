/**
 * Find-or-create, the same for every CRM; the adapters supply the CRM's own requests (`PersonStore`).
 *
 * Why it never makes a second record for one WhatsApp user, even for five messages in the same
 * second: the record is created only through the CRM's atomic write on a unique key (Zoho CRM and
 * Bigin upsert with `duplicate_check_fields` on a field that does not allow duplicate values, Zendesk
 * `users/create_or_update` on `external_id`, HubSpot batch upsert with a unique `idProperty`). The
 * searches before it only save that write and keep people's own edits: a search that misses (index
 * delay, or a concurrent execution) ends in the upsert, which then finds the record the CRM already
 * has. Only the execution whose upsert inserted the record assigns its owner, so concurrent
 * executions never overwrite each other's choice.
 *
 * One person, two keys: the wa_id and the business-scoped user ID (BSUID). A record found by either
 * gets the other written onto it (`linkKeys`), so a customer who first wrote with a hidden number and
 * later with it (or the other way round) stays one record. Where both keys are unique fields (Zoho,
 * Bigin, HubSpot), creating a record that carries a key another record holds is refused by the CRM,
 * and that record is used and completed instead (`heldKey`). Zendesk has one unique key: see zendesk.ts.
 */
import { phoneSearchOf, samePhone, type PhoneSearch } from './phone';
import { nextOwner, type OwnedRecord } from './roundRobin';
import type { CrmOwner, CrmRecord, FindOrCreateOptions, FindOrCreateResult, WhatsAppPerson } from './types';

/** The two keys of a person: the wa_id ('whatsAppId') and the business-scoped user ID ('userId'). */
export type PersonKey = 'whatsAppId' | 'userId';

/** The requests one CRM needs for find-or-create. */
export interface PersonStore {
	/** The record holding one of the person's keys (exact match), the wa_id's holder first; undefined when none. */
	findByKeys(person: WhatsAppPerson): Promise<{ record: CrmRecord; by: PersonKey } | undefined>;
	/** Records whose phone fields may hold the number (search may be loose; results are checked). */
	findByPhone(search: PhoneSearch): Promise<CrmRecord[]>;
	/** Phone values of a record, to check a search hit. */
	phonesOf(record: CrmRecord): unknown[];
	/** True when the record already belongs to a WhatsApp user (has a key), so it is never adopted by phone. */
	isKeyed(record: CrmRecord): boolean;
	/**
	 * Writes the person's keys the record lacks (a new wa_id replaces an old one: the number changed;
	 * a BSUID is only added), and the phone when the record has none. Returns the record that holds the
	 * keys afterwards: this one, or (`heldElsewhere`) another one that a concurrent execution gave a key to.
	 */
	linkKeys(record: CrmRecord, person: WhatsAppPerson): Promise<{ record: CrmRecord; heldElsewhere: boolean }>;
	/** The newest records the node created (carrying a WhatsApp key), for round-robin; [] when the CRM has no owners. */
	recentlyCreated(): Promise<OwnedRecord[]>;
	/**
	 * The CRM's atomic upsert on the person's key (the wa_id, else the BSUID), carrying both keys.
	 * `inserted` is true only when this call created the record. `heldKey`: the CRM refused because
	 * another record holds the person's other key; that record is returned.
	 */
	upsert(person: WhatsAppPerson, extraFields: Record<string, unknown>): Promise<{ record: CrmRecord; inserted: boolean; heldKey?: PersonKey }>;
	/** Sets the owner of a record this execution created. */
	assignOwner(record: CrmRecord, owner: CrmOwner): Promise<void>;
}

function ownerOf(record: CrmRecord, pool: CrmOwner[]): CrmOwner | undefined {
	if (!record.ownerId) return undefined;
	return pool.find((owner) => owner.id === record.ownerId) ?? { id: record.ownerId, name: String((record.fields.Owner as { name?: string } | undefined)?.name ?? '') };
}

/** linkKeys, and when a key turns out to be on another record, that record completed too (once). */
async function withKeys(store: PersonStore, record: CrmRecord, person: WhatsAppPerson): Promise<{ record: CrmRecord; heldElsewhere: boolean }> {
	const linked = await store.linkKeys(record, person);
	if (!linked.heldElsewhere) return linked;
	return { record: (await store.linkKeys(linked.record, person)).record, heldElsewhere: true };
}

/** Find the person's record by either key, else adopt one found by phone, else create it (module comment). */
export async function findOrCreate(store: PersonStore, person: WhatsAppPerson, options: FindOrCreateOptions): Promise<FindOrCreateResult> {
	const found = (result: Omit<FindOrCreateResult, 'owner'>): FindOrCreateResult => ({ ...result, owner: ownerOf(result.record, options.ownerPool) });
	const byKey = await store.findByKeys(person);
	if (byKey) {
		const { record } = await withKeys(store, byKey.record, person);
		return found({ record, created: false, adopted: false, matchedBy: byKey.by });
	}
	if (options.adoptByPhone && person.waId) {
		const hits = (await store.findByPhone(phoneSearchOf(person.waId))).filter(
			(record) => !store.isKeyed(record) && store.phonesOf(record).some((phone) => samePhone(phone, person.waId)),
		);
		if (hits.length > 0) {
			const { record, heldElsewhere } = await withKeys(store, hits[0], person);
			if (!heldElsewhere) return found({ record, created: false, adopted: true, matchedBy: 'phone' });
			// Another record got the key meanwhile (a concurrent execution created it): that one is theirs.
			return found({ record, created: false, adopted: false, matchedBy: keyOf(person), foundOnCreate: true });
		}
	}
	const owner = options.ownerPool.length > 0 ? nextOwner(options.ownerPool, await store.recentlyCreated()) : undefined;
	const { record, inserted, heldKey } = await store.upsert(person, options.extraFields ?? {});
	if (heldKey) {
		const completed = await withKeys(store, record, person);
		return found({ record: completed.record, created: false, adopted: false, matchedBy: heldKey, foundOnCreate: true });
	}
	if (inserted && owner) {
		await store.assignOwner(record, owner);
		record.ownerId = owner.id;
		return { record, created: true, adopted: false, matchedBy: 'created', owner };
	}
	if (inserted) return found({ record, created: true, adopted: false, matchedBy: 'created' });
	return found({ record, created: false, adopted: false, matchedBy: keyOf(person), foundOnCreate: true });
}

/** The key the CRM's create is keyed on: the wa_id, else the BSUID (each adapter's upsert). */
const keyOf = (person: WhatsAppPerson): PersonKey => (person.waId ? 'whatsAppId' : 'userId');

/** Record name parts from the WhatsApp profile: "Ana Maria Silva" → first "Ana Maria", last "Silva". */
export function nameParts(person: WhatsAppPerson): { firstName?: string; lastName: string; fullName: string } {
	const profile = (person.profileName ?? '').replace(/\s+/g, ' ').trim();
	if (!profile) {
		const fallback = person.e164 ? `WhatsApp ${person.e164}` : `WhatsApp user ${person.userId ?? ''}`.trim();
		return { lastName: fallback, fullName: fallback };
	}
	const words = profile.split(' ');
	if (words.length === 1) return { lastName: profile, fullName: profile };
	return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1], fullName: profile };
}
