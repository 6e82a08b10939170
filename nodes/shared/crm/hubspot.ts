/**
 * HubSpot CRM v3 contacts, notes and owners (HubSpot "CRM API | Contacts", "Notes", "Owners" guides;
 * the public OpenAPI descriptions name the same paths):
 * - read by unique property: GET /crm/v3/objects/contacts/{value}?idProperty={property} (no search delay);
 * - search: POST /crm/v3/objects/contacts/search (filter groups OR-ed; newly created contacts appear late;
 *   CONTAINS_TOKEN takes a leading `*` wildcard: the "Search" guide's `*@hubspot.com` example);
 * - upsert: POST /crm/v3/objects/contacts/batch/upsert with `idProperty` (a property with unique values),
 *   answering `new: true` for the input that created the contact;
 * - update: PATCH /crm/v3/objects/contacts/{id};
 * - note: POST /crm/v3/objects/notes, associated to the contact (type 202, note → contact);
 * - owners: GET /crm/v3/owners;
 * - property: POST /crm/v3/properties/contacts (scope crm.schemas.contacts.write) when allowed to create it.
 */
import { CrmSetupError, crmError, expectOk } from './errors';
import { findOrCreate, nameParts, type PersonKey, type PersonStore } from './findOrCreate';
import { storedInstant } from './lastInbound';
import type { OwnedRecord } from './roundRobin';
import type { CrmClient, CrmHttp, CrmHttpResponse, CrmOwner, CrmRecord, WhatsAppPerson } from './types';

export interface HubSpotSettings {
	/** Internal name of the unique contact property that holds the wa_id. */
	whatsAppIdProperty: string;
	/** Internal name of a unique property for the business-scoped user ID; '' to not use one. */
	userIdProperty: string;
	/** Internal name of the date-time property for the last inbound message time. */
	lastInboundProperty: string;
	/** Create the properties above when HubSpot says they do not exist (needs crm.schemas.contacts.write). */
	createMissingProperties: boolean;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const CONTACTS = '/crm/v3/objects/contacts';
/** HubSpot-defined association type: note → contact. */
const NOTE_TO_CONTACT = 202;
/** HubSpot allows at most 5 filter groups per search. */
const MAX_FILTER_GROUPS = 5;
/** HubSpot's digits-only copies of `phone` and `mobilephone`, kept by HubSpot for search (read-only). */
const SEARCHABLE_PHONES = ['hs_searchable_calculated_phone_number', 'hs_searchable_calculated_mobile_number'];

/** The contact ID in HubSpot's answer to a unique-value conflict ("Contact already exists. Existing ID: 1000002"). */
function existingIdOf(body: unknown): string | undefined {
	return /Existing ID: (\d+)/.exec(JSON.stringify(body ?? ''))?.[1];
}

/** Plain text → the HTML HubSpot shows in a note body (line breaks kept, markup escaped). */
export function noteHtml(title: string, body: string): string {
	const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const lines = body.split('\n').map(escape).join('<br>');
	return title ? `<strong>${escape(title)}</strong><br>${lines}` : lines;
}

export class HubSpotClient implements CrmClient {
	readonly kind = 'hubspot' as const;

	constructor(
		private readonly http: CrmHttp,
		private readonly settings: HubSpotSettings,
	) {}

	private get readProperties(): string {
		const { whatsAppIdProperty, userIdProperty, lastInboundProperty } = this.settings;
		return ['firstname', 'lastname', 'phone', 'mobilephone', 'hubspot_owner_id', 'createdate', whatsAppIdProperty, userIdProperty, lastInboundProperty].filter(Boolean).join(',');
	}

	private toRecord(object: Json): CrmRecord {
		const properties = obj(object.properties);
		const record: CrmRecord = { id: String(object.id), module: 'contact', fields: { ...properties } };
		const name = [properties.firstname, properties.lastname].filter(Boolean).join(' ');
		if (name) record.name = name;
		if (properties.hubspot_owner_id) record.ownerId = String(properties.hubspot_owner_id);
		const key = properties[this.settings.whatsAppIdProperty];
		if (typeof key === 'string' && key !== '') record.whatsAppId = key;
		const last = properties[this.settings.lastInboundProperty];
		const lastInboundAt = storedInstant(last);
		if (lastInboundAt) record.lastInboundAt = lastInboundAt;
		return record;
	}

	/** True when HubSpot refused because `property` does not exist. */
	private namesMissingProperty(response: CrmHttpResponse, property: string): boolean {
		if (response.status !== 400 && response.status !== 404) return false;
		const body = JSON.stringify(response.body ?? '');
		return body.includes(property) && /does not exist|DOESNT_EXIST|Unable to find|not a valid|unknown property|invalid idProperty|not a unique property|cannot be used as idProperty/i.test(body);
	}

	private setupError(property: string, purpose: string, unique: boolean): CrmSetupError {
		return new CrmSetupError(
			`HubSpot has no ${unique ? 'unique ' : ''}contact property "${property}" (${purpose})`,
			`Create it in HubSpot › Settings › Properties › Contact properties › Create property: field type "${unique ? 'Single-line text' : 'Date picker'}"${unique ? ', and under Rules tick "Require unique values for this property"' : ''}; use the internal name ${property}. Or turn on "Create Missing Properties" in the node and add the scope crm.schemas.contacts.write to the private app. A property that exists without unique values cannot be changed: create another and enter its internal name in the node.`,
		);
	}

	private async createProperty(property: string, purpose: string, unique: boolean): Promise<void> {
		const setup = this.setupError(property, purpose, unique);
		if (!this.settings.createMissingProperties) throw setup;
		const response = await this.http({
			method: 'POST',
			path: '/crm/v3/properties/contacts',
			body: {
				name: property,
				label: unique ? (property === this.settings.userIdProperty ? 'WhatsApp user ID' : 'WhatsApp ID') : 'WhatsApp last inbound',
				groupName: 'contactinformation',
				type: unique ? 'string' : 'datetime',
				fieldType: unique ? 'text' : 'date',
				hasUniqueValue: unique,
				description: 'Written by the WhatsApp CRM node of n8n',
			},
		});
		// 409: another execution created it a moment ago.
		if (response.status === 409) return;
		if (response.status === 403) throw new CrmSetupError(setup.message, `${setup.description} HubSpot refused to create it: the private app lacks crm.schemas.contacts.write.`);
		expectOk('hubspot', response, `create the contact property ${property}`);
	}

	/**
	 * Runs `send`; when HubSpot says one of `properties` is missing, creates it (if allowed) and sends
	 * once more, for each missing one in turn.
	 */
	private async withProperty(properties: string | string[], purpose: string, unique: boolean, send: () => Promise<CrmHttpResponse>): Promise<CrmHttpResponse> {
		const names = [properties].flat();
		const created = new Set<string>();
		let response = await send();
		for (let missing = names.find((name) => this.namesMissingProperty(response, name)); missing; missing = names.find((name) => this.namesMissingProperty(response, name))) {
			if (created.has(missing)) throw this.setupError(missing, purpose, unique);
			await this.createProperty(missing, purpose, unique);
			created.add(missing);
			response = await send();
		}
		return response;
	}

	private keyOf(person: WhatsAppPerson): { property: string; value: string } {
		if (person.waId) return { property: this.settings.whatsAppIdProperty, value: person.waId };
		if (person.userId && this.settings.userIdProperty) return { property: this.settings.userIdProperty, value: person.userId };
		throw new CrmSetupError(
			'This WhatsApp user hides their number and no property is set for the business-scoped user ID',
			"Enter a unique contact property for the business-scoped user ID in the node's \"User ID Property\" (it is created for you when Create Missing Properties is on).",
		);
	}

	private async readByKey(property: string, value: string): Promise<CrmRecord | undefined> {
		const response = await this.withProperty(property, 'the WhatsApp ID', true, async () =>
			await this.http({ method: 'GET', path: `${CONTACTS}/${encodeURIComponent(value)}`, qs: { idProperty: property, properties: this.readProperties }, idempotent: true }),
		);
		if (response.status === 404) return undefined;
		expectOk('hubspot', response, 'read the contact by its WhatsApp ID');
		return this.toRecord(obj(response.body));
	}

	private async search(body: Json): Promise<Json[]> {
		const response = await this.http({ method: 'POST', path: `${CONTACTS}/search`, body, idempotent: true });
		expectOk('hubspot', response, 'search contacts');
		const results = obj(response.body).results;
		return Array.isArray(results) ? results.map(obj) : [];
	}

	private async patch(id: string, properties: Json): Promise<CrmHttpResponse> {
		return await this.http({ method: 'PATCH', path: `${CONTACTS}/${id}`, body: { properties }, idempotent: true });
	}

	private keyProperties(person: WhatsAppPerson): Json {
		return Object.fromEntries(this.keysOf(person).map(({ property, value }) => [property, value]));
	}

	/** The person's keys as (property, value), the wa_id first. */
	private keysOf(person: WhatsAppPerson): Array<{ property: string; value: string; key: PersonKey }> {
		const keys: Array<{ property: string; value: string; key: PersonKey }> = [];
		if (person.waId) keys.push({ property: this.settings.whatsAppIdProperty, value: person.waId, key: 'whatsAppId' });
		if (person.userId && this.settings.userIdProperty) keys.push({ property: this.settings.userIdProperty, value: person.userId, key: 'userId' });
		return keys;
	}

	private async readById(id: string): Promise<CrmRecord> {
		const response = await this.http({ method: 'GET', path: `${CONTACTS}/${id}`, qs: { properties: this.readProperties }, idempotent: true });
		expectOk('hubspot', response, `read contact ${id}`);
		return this.toRecord(obj(response.body));
	}

	/** The keys (and `phone`, when the contact has no number) to write onto a contact of the person (PersonStore.linkKeys). */
	private missingKeyProperties(record: CrmRecord, person: WhatsAppPerson): Json {
		const properties: Json = {};
		const { whatsAppIdProperty, userIdProperty } = this.settings;
		if (person.waId && record.fields[whatsAppIdProperty] !== person.waId) properties[whatsAppIdProperty] = person.waId;
		if (person.userId && userIdProperty && !record.fields[userIdProperty]) properties[userIdProperty] = person.userId;
		if (person.e164 && !record.fields.phone && !record.fields.mobilephone) properties.phone = person.e164;
		return properties;
	}

	private store(): PersonStore {
		return {
			findByKeys: async (person) => {
				const keys = this.keysOf(person);
				if (keys.length === 0) this.keyOf(person);
				for (const { property, value, key } of keys) {
					const record = await this.readByKey(property, value);
					if (record) return { record, by: key };
				}
				return undefined;
			},
			findByPhone: async (search) => {
				// The searchable copies hold the digits of any format; a stored number ends with its national number.
				const groups = [
					...search.nationalNumbers.flatMap((digits) => SEARCHABLE_PHONES.map((propertyName) => ({ filters: [{ propertyName, operator: 'CONTAINS_TOKEN', value: `*${digits}` }] }))),
					...search.variants.flatMap((value) => ['phone', 'mobilephone'].map((propertyName) => ({ filters: [{ propertyName, operator: 'EQ', value }] }))),
				];
				for (let start = 0; start < groups.length; start += MAX_FILTER_GROUPS) {
					const results = await this.search({ filterGroups: groups.slice(start, start + MAX_FILTER_GROUPS), properties: this.readProperties.split(','), limit: 10 });
					if (results.length) return results.map((result) => this.toRecord(result));
				}
				return [];
			},
			phonesOf: (record) => [record.fields.phone, record.fields.mobilephone],
			isKeyed: (record) => [this.settings.whatsAppIdProperty, this.settings.userIdProperty].some((property) => property !== '' && Boolean(record.fields[property])),
			linkKeys: async (record, person) => {
				const properties = this.missingKeyProperties(record, person);
				if (Object.keys(properties).length === 0) return { record, heldElsewhere: false };
				const response = await this.withProperty(this.keysOf(person).map((candidate) => candidate.property), 'the WhatsApp ID', true, async () => await this.patch(record.id, properties));
				const holder = response.status === 409 ? existingIdOf(response.body) : undefined;
				if (holder && holder !== record.id) return { record: await this.readById(holder), heldElsewhere: true };
				expectOk('hubspot', response, `write the WhatsApp ID onto contact ${record.id}`);
				return { record: this.toRecord(obj(response.body)), heldElsewhere: false };
			},
			recentlyCreated: async () => {
				const results = await this.search({
					filterGroups: [{ filters: [{ propertyName: this.settings.whatsAppIdProperty, operator: 'HAS_PROPERTY' }] }],
					sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
					properties: ['hubspot_owner_id', 'createdate', this.settings.whatsAppIdProperty],
					limit: 10,
				});
				return results.map((result): OwnedRecord => {
					const properties = obj(result.properties);
					return { ownerId: properties.hubspot_owner_id ? String(properties.hubspot_owner_id) : undefined, createdAt: String(properties.createdate ?? result.createdAt ?? ''), id: String(result.id) };
				});
			},
			upsert: async (person, extraFields) => {
				const key = this.keyOf(person);
				const other = this.keysOf(person).find((candidate) => candidate.property !== key.property);
				const names = nameParts(person);
				const properties: Json = { lastname: names.lastName, ...this.keyProperties(person), ...extraFields };
				if (names.firstName) properties.firstname = names.firstName;
				if (person.e164) properties.phone = person.e164;
				// No owner here: a concurrent upsert that finds the contact must not overwrite the owner the creating one sets.
				const response = await this.withProperty(this.keysOf(person).map((candidate) => candidate.property), 'the WhatsApp ID', true, async () =>
					await this.http({
						method: 'POST',
						path: `${CONTACTS}/batch/upsert`,
						body: { inputs: [{ idProperty: key.property, id: key.value, properties }] },
						idempotent: true,
					}),
				);
				// 409: the person's other key is on a contact made before this key was known; that contact is theirs.
				const holderId = response.status === 409 && other ? existingIdOf(response.body) : undefined;
				const holder = holderId ? await this.readById(holderId) : undefined;
				// Only when that contact holds the person's other key (a conflict on another unique property, e.g. an email in the new record's fields, stays an error).
				if (holder && other && holder.fields[other.property] === other.value) return { record: holder, inserted: false, heldKey: other.key };
				expectOk('hubspot', response, 'create the contact');
				const body = obj(response.body);
				const result = obj(Array.isArray(body.results) ? body.results[0] : undefined);
				if (!result.id) throw crmError('hubspot', { ...response, status: 400, body: Array.isArray(body.errors) ? obj(body.errors[0]) : body }, 'create the contact');
				const inserted = typeof result.new === 'boolean' ? result.new : result.createdAt === result.updatedAt;
				return { record: this.toRecord(result), inserted };
			},
			assignOwner: async (record, owner) => {
				expectOk('hubspot', await this.patch(record.id, { hubspot_owner_id: owner.id }), `assign contact ${record.id} to ${owner.name || owner.id}`);
				record.fields.hubspot_owner_id = owner.id;
			},
		};
	}

	async findOrCreatePerson(person: WhatsAppPerson, options: Parameters<CrmClient['findOrCreatePerson']>[1]) {
		return await findOrCreate(this.store(), person, options);
	}

	async getByWhatsAppId(person: WhatsAppPerson): Promise<CrmRecord | undefined> {
		return (await this.store().findByKeys(person))?.record;
	}

	/** GET /crm/v3/objects/contacts/{id}?properties={property}: the property's current value (HubSpot keeps date-times as ISO 8601 or epoch milliseconds). */
	async readLastInbound(record: Pick<CrmRecord, 'id' | 'module'>): Promise<unknown> {
		const property = this.settings.lastInboundProperty;
		const response = await this.http({ method: 'GET', path: `${CONTACTS}/${record.id}`, qs: { properties: property }, idempotent: true });
		expectOk('hubspot', response, `read ${property} of contact ${record.id}`);
		return obj(obj(response.body).properties)[property];
	}

	async writeLastInbound(record: Pick<CrmRecord, 'id' | 'module'>, timestamp: string): Promise<void> {
		const property = this.settings.lastInboundProperty;
		const response = await this.withProperty(property, 'the last inbound time', false, async () => await this.patch(record.id, { [property]: timestamp }));
		expectOk('hubspot', response, `set ${property} on contact ${record.id}`);
	}

	async addNote(record: Pick<CrmRecord, 'id' | 'module'>, note: { title: string; body: string; timestamp: string }) {
		const response = await this.http({
			method: 'POST',
			path: '/crm/v3/objects/notes',
			body: {
				properties: { hs_timestamp: note.timestamp, hs_note_body: noteHtml(note.title, note.body) },
				associations: [{ to: { id: record.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }] }],
			},
		});
		expectOk('hubspot', response, `add a note to contact ${record.id}`);
		return { noteId: String(obj(response.body).id), recordId: record.id };
	}

	async listOwners(): Promise<CrmOwner[]> {
		const owners: CrmOwner[] = [];
		let after: string | undefined;
		for (let page = 0; page < 20; page++) {
			const response = await this.http({ method: 'GET', path: '/crm/v3/owners', qs: { limit: 100, archived: false, ...(after ? { after } : {}) }, idempotent: true });
			expectOk('hubspot', response, 'list owners');
			const body = obj(response.body);
			for (const owner of Array.isArray(body.results) ? body.results.map(obj) : []) {
				const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ') || String(owner.email ?? owner.id);
				owners.push({ id: String(owner.id), name, ...(typeof owner.email === 'string' ? { email: owner.email } : {}) });
			}
			after = obj(obj(body.paging).next).after as string | undefined;
			if (!after) break;
		}
		return owners;
	}
}

