/** Everything the HubSpot fake stores: tokens, owners, property definitions, contacts and notes. */
import { SearchIndex } from '../common/search-index';
import { digitsOnly, IdSequence } from '../common/util';
import type { HubSpotFakeConfig } from './config';
import { seedContactProperties, seedNoteProperties, type HubSpotProperty } from './property-defs';
import { HUBSPOT_SEED, type HubSpotSeedOwner } from './seed';

export interface HubSpotObject {
	id: string;
	/** Property values as strings (HubSpot returns every value as a string). */
	properties: Record<string, string>;
	createdAt: number;
	updatedAt: number;
}

export interface HubSpotNote extends HubSpotObject {
	/** Associated contact ids (association type 202, note → contact). */
	contactIds: string[];
}

export interface HubSpotToken {
	scopes: string[];
	revoked: boolean;
	/** OAuth-style expiry (ms since epoch); private app tokens never expire. */
	expiresAt?: number;
}

export class HubSpotState {
	readonly tokens = new Map<string, HubSpotToken>();
	owners: HubSpotSeedOwner[] = [];
	readonly properties = { contacts: new Map<string, HubSpotProperty>(), notes: new Map<string, HubSpotProperty>() };
	readonly contacts = new Map<string, HubSpotObject>();
	readonly notes = new Map<string, HubSpotNote>();
	readonly contactIndex: SearchIndex<HubSpotObject>;
	readonly searchCalls = new Map<string, number[]>();
	private readonly contactIds = new IdSequence('', 1000001);
	private readonly noteIds = new IdSequence('', 2000001);

	constructor(
		readonly clock: () => number,
		readonly config: HubSpotFakeConfig,
	) {
		this.contactIndex = new SearchIndex(clock, () => config.searchLagMs);
		this.reset();
	}

	reset(): void {
		const now = this.clock();
		for (const map of [this.tokens, this.contacts, this.notes, this.properties.contacts, this.properties.notes, this.searchCalls]) map.clear();
		this.contactIndex.clear();
		this.contactIds.reset();
		this.noteIds.reset();
		this.tokens.set(HUBSPOT_SEED.token, { scopes: [...HUBSPOT_SEED.scopes.all], revoked: false });
		this.tokens.set(HUBSPOT_SEED.readOnlyToken, { scopes: [...HUBSPOT_SEED.scopes.readOnly], revoked: false });
		this.owners = HUBSPOT_SEED.owners.map((owner) => ({ ...owner }));
		for (const property of seedContactProperties(this.config.whatsAppProperties, now)) this.properties.contacts.set(property.name, property);
		for (const property of seedNoteProperties(now)) this.properties.notes.set(property.name, property);
		for (const seed of HUBSPOT_SEED.contacts) this.saveContact({ id: seed.id, properties: { ...seed.properties }, createdAt: now, updatedAt: now });
		this.contactIndex.flush();
	}

	flushSearchIndex(): void {
		this.contactIndex.flush();
	}

	nextContactId(): string {
		return this.contactIds.take();
	}

	nextNoteId(): string {
		return this.noteIds.take();
	}

	/** Stores a contact with its computed properties and records the write for search. */
	saveContact(contact: HubSpotObject): void {
		const properties = contact.properties;
		properties.hs_object_id = contact.id;
		properties.createdate = new Date(contact.createdAt).toISOString();
		properties.lastmodifieddate = new Date(contact.updatedAt).toISOString();
		// HubSpot's digits-only copies of the phone fields (a recorded "+1 555-1234" gives "15551234").
		if (properties.phone) properties.hs_searchable_calculated_phone_number = digitsOnly(properties.phone);
		else delete properties.hs_searchable_calculated_phone_number;
		if (properties.mobilephone) properties.hs_searchable_calculated_mobile_number = digitsOnly(properties.mobilephone);
		else delete properties.hs_searchable_calculated_mobile_number;
		this.contacts.set(contact.id, contact);
		this.contactIndex.put(contact.id, contact);
	}

	/** The contact holding `value` in a unique property (case-insensitive), from the store. */
	contactByUnique(property: string, value: string, exceptId?: string): HubSpotObject | undefined {
		const wanted = value.toLowerCase();
		return [...this.contacts.values()].find((contact) => contact.id !== exceptId && contact.properties[property]?.toLowerCase() === wanted);
	}

	uniqueContactProperties(): string[] {
		return [...this.properties.contacts.values()].filter((property) => property.hasUniqueValue).map((property) => property.name);
	}

	dump(): Record<string, unknown> {
		return {
			owners: this.owners,
			contacts: [...this.contacts.values()],
			notes: [...this.notes.values()],
			properties: { contacts: [...this.properties.contacts.values()], notes: [...this.properties.notes.values()] },
			tokens: [...this.tokens.entries()].map(([token, info]) => ({ token: `${token.slice(0, 14)}…`, ...info })),
			pendingSearchWrites: this.contactIndex.pending(),
		};
	}
}
