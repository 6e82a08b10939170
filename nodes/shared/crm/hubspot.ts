/**
 * HubSpot CRM v3 contacts, notes and owners (HubSpot "CRM API | Contacts", "Notes", "Owners" guides;
 * the public OpenAPI descriptions name the same paths):
 * - read by unique property: GET /crm/v3/objects/contacts/{value}?idProperty={property} (no search delay);
 * - search: POST /crm/v3/objects/contacts/search (filter groups OR-ed; newly created contacts appear late);
 * - upsert: POST /crm/v3/objects/contacts/batch/upsert with `idProperty` (a property with unique values),
 *   answering `new: true` for the input that created the contact;
 * - update: PATCH /crm/v3/objects/contacts/{id};
 * - note: POST /crm/v3/objects/notes, associated to the contact (type 202, note → contact);
 * - owners: GET /crm/v3/owners;
 * - property: POST /crm/v3/properties/contacts (scope crm.schemas.contacts.write) when allowed to create it.
 */
import { CrmSetupError, crmError, expectOk } from './errors';
import { findOrCreate, nameParts, type PersonStore } from './findOrCreate';
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
		if (typeof last === 'string' && last !== '') record.lastInboundAt = new Date(/^\d+$/.test(last) ? Number(last) : last).toISOString();
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

	/** Runs `send`; when HubSpot says the property is missing, creates it (if allowed) and sends once more. */
	private async withProperty(property: string, purpose: string, unique: boolean, send: () => Promise<CrmHttpResponse>): Promise<CrmHttpResponse> {
		const response = await send();
		if (!this.namesMissingProperty(response, property)) return response;
		await this.createProperty(property, purpose, unique);
		const again = await send();
		if (this.namesMissingProperty(again, property)) throw this.setupError(property, purpose, unique);
		return again;
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
		const properties: Json = {};
		if (person.waId) properties[this.settings.whatsAppIdProperty] = person.waId;
		if (person.userId && this.settings.userIdProperty) properties[this.settings.userIdProperty] = person.userId;
		return properties;
	}

	private store(): PersonStore {
		return {
			findByKey: async (person) => {
				const key = this.keyOf(person);
				const record = await this.readByKey(key.property, key.value);
				return record ? [record] : [];
			},
			findByPhone: async (forms) => {
				const groups = forms.flatMap((value) => ['phone', 'mobilephone'].map((propertyName) => ({ filters: [{ propertyName, operator: 'EQ', value }] })));
				const found: CrmRecord[] = [];
				for (let start = 0; start < groups.length; start += MAX_FILTER_GROUPS) {
					const results = await this.search({ filterGroups: groups.slice(start, start + MAX_FILTER_GROUPS), properties: this.readProperties.split(','), limit: 10 });
					found.push(...results.map((result) => this.toRecord(result)));
					if (found.length) break;
				}
				return found;
			},
			phonesOf: (record) => [record.fields.phone, record.fields.mobilephone],
			adopt: async (record, person) => {
				const key = this.keyOf(person);
				const response = await this.withProperty(key.property, 'the WhatsApp ID', true, async () => await this.patch(record.id, this.keyProperties(person)));
				if (response.status === 409 || (response.status === 400 && /already has that value|unique/i.test(JSON.stringify(response.body)))) {
					const holder = await this.readByKey(key.property, key.value);
					if (holder) return { record: holder, adopted: false };
				}
				expectOk('hubspot', response, `write the WhatsApp ID onto contact ${record.id}`);
				return { record: this.toRecord(obj(response.body)), adopted: true };
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
				const names = nameParts(person);
				const properties: Json = { lastname: names.lastName, ...this.keyProperties(person), ...extraFields };
				if (names.firstName) properties.firstname = names.firstName;
				if (person.e164) properties.phone = person.e164;
				// No owner here: a concurrent upsert that finds the contact must not overwrite the owner the creating one sets.
				const response = await this.withProperty(key.property, 'the WhatsApp ID', true, async () =>
					await this.http({
						method: 'POST',
						path: `${CONTACTS}/batch/upsert`,
						body: { inputs: [{ idProperty: key.property, id: key.value, properties }] },
						idempotent: true,
					}),
				);
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
		return (await this.store().findByKey(person))[0];
	}

	async setLastInbound(record: Pick<CrmRecord, 'id' | 'module'>, timestamp: string): Promise<void> {
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

