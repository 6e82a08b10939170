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
 */
import { samePhone, storedPhoneForms } from './phone';
import { nextOwner, type OwnedRecord } from './roundRobin';
import type { CrmOwner, CrmRecord, FindOrCreateOptions, FindOrCreateResult, WhatsAppPerson } from './types';

/** The requests one CRM needs for find-or-create. */
export interface PersonStore {
	/** Records whose WhatsApp key (wa_id, else BSUID) equals the person's; exact match. */
	findByKey(person: WhatsAppPerson): Promise<CrmRecord[]>;
	/** Records whose phone fields hold any of `forms` (search may be loose; results are checked). */
	findByPhone(forms: string[]): Promise<CrmRecord[]>;
	/** Phone values of a record, to check a search hit. */
	phonesOf(record: CrmRecord): unknown[];
	/**
	 * Writes the WhatsApp key onto a record found by phone. Returns the record that holds the key
	 * afterwards: this one, or another one when a concurrent execution created it first.
	 */
	adopt(record: CrmRecord, person: WhatsAppPerson): Promise<{ record: CrmRecord; adopted: boolean }>;
	/** The newest records the node created (carrying a WhatsApp key), for round-robin; [] when the CRM has no owners. */
	recentlyCreated(): Promise<OwnedRecord[]>;
	/** The CRM's atomic upsert on the unique key. `inserted` is true only when this call created it. */
	upsert(person: WhatsAppPerson, extraFields: Record<string, unknown>): Promise<{ record: CrmRecord; inserted: boolean }>;
	/** Sets the owner of a record this execution created. */
	assignOwner(record: CrmRecord, owner: CrmOwner): Promise<void>;
}

function ownerOf(record: CrmRecord, pool: CrmOwner[]): CrmOwner | undefined {
	if (!record.ownerId) return undefined;
	return pool.find((owner) => owner.id === record.ownerId) ?? { id: record.ownerId, name: String((record.fields.Owner as { name?: string } | undefined)?.name ?? '') };
}

/** Find the person's record by key, else adopt one found by phone, else create it (module comment). */
export async function findOrCreate(store: PersonStore, person: WhatsAppPerson, options: FindOrCreateOptions): Promise<FindOrCreateResult> {
	const byKey = await store.findByKey(person);
	if (byKey.length > 0) {
		const record = byKey[0];
		const matchedBy = person.waId && record.whatsAppId === person.waId ? 'whatsAppId' : 'userId';
		return { record, created: false, adopted: false, matchedBy, owner: ownerOf(record, options.ownerPool) };
	}
	if (options.adoptByPhone && person.waId) {
		const forms = storedPhoneForms(person.waId);
		const hits = (await store.findByPhone(forms)).filter(
			(record) => !record.whatsAppId && store.phonesOf(record).some((phone) => samePhone(phone, person.waId)),
		);
		if (hits.length > 0) {
			const { record, adopted } = await store.adopt(hits[0], person);
			return { record, created: false, adopted, matchedBy: adopted ? 'phone' : 'createdConcurrently', owner: ownerOf(record, options.ownerPool) };
		}
	}
	const owner = options.ownerPool.length > 0 ? nextOwner(options.ownerPool, await store.recentlyCreated()) : undefined;
	const { record, inserted } = await store.upsert(person, options.extraFields ?? {});
	if (inserted && owner) {
		await store.assignOwner(record, owner);
		record.ownerId = owner.id;
		return { record, created: true, adopted: false, matchedBy: 'created', owner };
	}
	return { record, created: inserted, adopted: false, matchedBy: inserted ? 'created' : 'createdConcurrently', owner: ownerOf(record, options.ownerPool) };
}

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
