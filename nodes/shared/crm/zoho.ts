/**
 * Zoho CRM (REST API v8) and Bigin (REST API v2): the same record API under different paths and
 * scopes. Requests (Zoho CRM "API v8" and Bigin "API v2" documentation pages):
 * - search: GET {base}/{Module}/search?criteria=(Field:equals:value)… (the keys), or ?phone=digits (every
 *   field of type Phone: Kaizen #30 "Parameters in Zoho CRM APIs"); no match is 204 with no body;
 * - list: GET {base}/{Module}?fields=…&sort_by=Created_Time&sort_order=desc;
 * - upsert: POST {base}/{Module}/upsert with `duplicate_check_fields` (per record `action`: insert|update);
 * - update: PUT {base}/{Module} with `data[].id`;
 * - notes: POST {base}/{Module}/{id}/Notes;
 * - users: GET {base}/users?type=ActiveUsers.
 * Per-record errors come inside `data[]`, with a 2xx or a 400 status alike.
 */
import { CrmSetupError, crmError, expectOk, zohoErrorOf } from './errors';
import { findOrCreate, nameParts, type PersonKey, type PersonStore } from './findOrCreate';
import { storedInstant } from './lastInbound';
import type { OwnedRecord } from './roundRobin';
import type { CrmClient, CrmHttp, CrmHttpResponse, CrmOwner, CrmRecord, WhatsAppPerson } from './types';

export interface ZohoSettings {
	product: 'zohoCrm' | 'bigin';
	/** Where new records go: Leads or Contacts (Zoho CRM), Contacts (Bigin). */
	module: string;
	/** Where existing records are looked for, `module` first. */
	searchModules: string[];
	/** API name of the unique single-line field that holds the wa_id. */
	whatsAppIdField: string;
	/** API name of a unique field for the business-scoped user ID; '' to not use one. */
	userIdField: string;
	/** API name of the DateTime field for the last inbound message time. */
	lastInboundField: string;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const records = (body: unknown): Json[] => (Array.isArray(obj(body).data) ? (obj(body).data as unknown[]).map(obj) : []);

/** Zoho's standard phone fields (type Phone) of Leads and Contacts, Bigin's Contacts: what `phone=` searches. */
const PHONE_FIELDS = ['Mobile', 'Phone', 'Home_Phone', 'Other_Phone', 'Asst_Phone'];

/** Zoho criteria values escape `(`, `)` and `,` with a backslash (Zoho CRM "Search Records"). */
const escapeCriteria = (value: string) => value.replace(/([(),\\])/g, '\\$1');

/** "2026-05-14T09:51:07.123Z" → "2026-05-14T09:51:07+00:00", the DateTime form Zoho accepts. */
export function zohoDateTime(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${date.toISOString().slice(0, 19)}+00:00`;
}

export class ZohoClient implements CrmClient {
	readonly kind: 'zohoCrm' | 'bigin';
	private readonly base: string;
	private readonly name: string;

	constructor(
		private readonly http: CrmHttp,
		private readonly settings: ZohoSettings,
	) {
		this.kind = settings.product;
		this.base = settings.product === 'bigin' ? '/bigin/v2' : '/crm/v8';
		this.name = settings.product === 'bigin' ? 'Bigin' : 'Zoho CRM';
	}

	private toRecord(module: string, fields: Json): CrmRecord {
		const owner = obj(fields.Owner);
		const fullName = fields.Full_Name ?? [fields.First_Name, fields.Last_Name].filter(Boolean).join(' ');
		const lastInbound = fields[this.settings.lastInboundField];
		const record: CrmRecord = { id: String(fields.id), module, fields };
		if (fullName) record.name = String(fullName);
		if (owner.id !== undefined) record.ownerId = String(owner.id);
		const key = fields[this.settings.whatsAppIdField];
		if (typeof key === 'string' && key !== '') record.whatsAppId = key;
		const lastInboundAt = storedInstant(lastInbound);
		if (lastInboundAt) record.lastInboundAt = lastInboundAt;
		return record;
	}

	/** The field the node relies on is missing: say where in the CRM to create it. */
	private missingField(field: string, module: string, purpose: string, unique: boolean): CrmSetupError {
		const where =
			this.kind === 'bigin'
				? `Bigin › Settings › Customization › Modules and Fields › ${module} › Layout`
				: `Zoho CRM › Setup › Customization › Modules and Fields › ${module} › Standard layout`;
		return new CrmSetupError(
			`${this.name} has no field "${field}" in ${module} (${purpose})`,
			`Add a ${unique ? 'Single Line' : 'Date/Time'} field in ${where}${unique ? ', tick "Do not allow duplicate values"' : ''}, save, then enter its API name (Setup › Developer Space › APIs › API names) in the node's field settings. The default API name is ${field}.`,
		);
	}

	/** Throws the setup error when a search/upsert was refused because one of `fields` does not exist. */
	private checkFieldExists(response: CrmHttpResponse, fields: string[], module: string, purpose: string, unique: boolean): void {
		if (response.status < 400 && zohoErrorOf(response.body).code === undefined) return;
		const { code, details, message } = zohoErrorOf(response.body);
		const named = fields.find((field) => details.api_name === field || (typeof message === 'string' && message.includes(field)) || JSON.stringify(details).includes(`"${field}"`));
		if (named && ['INVALID_QUERY', 'INVALID_DATA', 'INVALID_FIELD', 'NOT_SUPPORTED'].includes(code ?? '')) {
			throw this.missingField(named, module, purpose, unique);
		}
	}

	private async search(module: string, qs: Record<string, string>, purpose: string, fields: string[]): Promise<CrmRecord[]> {
		const response = await this.http({ method: 'GET', path: `${this.base}/${module}/search`, qs: { ...qs, per_page: 10 }, idempotent: true });
		if (response.status === 204 || response.status === 304) return [];
		this.checkFieldExists(response, fields, module, purpose, true);
		expectOk(this.kind, response, `search ${module}`);
		return records(response.body).map((fields) => this.toRecord(module, fields));
	}

	/** The BSUID field, unless none is set or this org turned out not to have it. */
	private get userIdField(): string {
		return this.bsuidFieldMissing ? '' : this.settings.userIdField;
	}

	/** Set when a search named the BSUID field as unknown while the wa_id could still be used (an org that never created it). */
	private bsuidFieldMissing = false;

	/** The person's keys as (field, value), the wa_id first. */
	private keyConditions(person: WhatsAppPerson): Array<{ field: string; value: string; key: PersonKey }> {
		const keys: Array<{ field: string; value: string; key: PersonKey }> = [];
		if (person.waId) keys.push({ field: this.settings.whatsAppIdField, value: person.waId, key: 'whatsAppId' });
		if (person.userId && this.userIdField) keys.push({ field: this.userIdField, value: person.userId, key: 'userId' });
		return keys;
	}

	/** Records of `module` holding either key: one search, the conditions OR-ed; hits checked exactly (Zoho's equals may match loosely). */
	private async searchKeys(module: string, person: WhatsAppPerson): Promise<{ record: CrmRecord; by: PersonKey } | undefined> {
		const keys = this.keyConditions(person);
		const conditions = keys.map(({ field, value }) => `(${field}:equals:${escapeCriteria(value)})`);
		const criteria = conditions.length === 1 ? conditions[0] : `(${conditions.join('or')})`;
		let hits: CrmRecord[];
		try {
			hits = await this.search(module, { criteria }, 'the WhatsApp ID', keys.map((key) => key.field));
		} catch (error) {
			// An org without the BSUID field: keep working with the wa_id alone.
			if (!(error instanceof CrmSetupError) || !person.waId || !this.userIdField || !error.message.includes(`"${this.userIdField}"`)) throw error;
			this.bsuidFieldMissing = true;
			return await this.searchKeys(module, person);
		}
		for (const { field, value, key } of keys) {
			const record = hits.find((hit) => hit.fields[field] === value);
			if (record) return { record, by: key };
		}
		return undefined;
	}

	private requireKey(person: WhatsAppPerson): void {
		if (!person.waId && !this.settings.userIdField) throw this.noKeyError();
	}

	private noKeyError(): CrmSetupError {
		return new CrmSetupError(
			'This WhatsApp user hides their number and no field is set for the business-scoped user ID',
			`Create a unique Single Line field for the business-scoped user ID in ${this.name} (as for the WhatsApp ID field) and enter its API name in the node's "User ID Field".`,
		);
	}

	private store(): PersonStore {
		const { settings } = this;
		return {
			findByKeys: async (person) => {
				this.requireKey(person);
				for (const module of settings.searchModules) {
					const found = await this.searchKeys(module, person);
					if (found) return found;
				}
				return undefined;
			},
			findByPhone: async (search) => {
				// phone= searches every Phone field; one request per digit form a person may have typed (how Zoho compares is not documented).
				for (const module of settings.searchModules) {
					for (const digits of search.digitForms) {
						const found = await this.search(module, { phone: digits }, 'phone search', []);
						if (found.length) return found;
					}
				}
				return [];
			},
			phonesOf: (record) => PHONE_FIELDS.map((field) => record.fields[field]),
			isKeyed: (record) => [settings.whatsAppIdField, this.userIdField].some((field) => field !== '' && typeof record.fields[field] === 'string' && record.fields[field] !== ''),
			linkKeys: async (record, person) => {
				const fields = this.missingKeyFields(record, person);
				if (Object.keys(fields).length === 0) return { record, heldElsewhere: false };
				const response = await this.update(record.module, record.id, fields);
				const result = records(response.body)[0] ?? {};
				if (result.code === 'DUPLICATE_DATA') return { record: await this.readDuplicateHolder(result, record.module), heldElsewhere: true };
				this.expectRecordOk(response, `write the WhatsApp ID onto ${record.module} record ${record.id}`);
				return { record: this.toRecord(record.module, { ...record.fields, ...fields }), heldElsewhere: false };
			},
			recentlyCreated: async () => await this.recentlyCreated(),
			upsert: async (person, extraFields) => await this.upsert(person, extraFields),
			assignOwner: async (record, owner) => {
				const response = await this.update(record.module, record.id, { Owner: { id: owner.id } });
				this.expectRecordOk(response, `assign ${record.module} record ${record.id} to ${owner.name || owner.id}`);
				record.fields.Owner = { id: owner.id, ...(owner.name ? { name: owner.name } : {}) };
			},
		};
	}

	/** The keys (and Mobile, when the record has no phone) to write onto a record of the person (PersonStore.linkKeys). */
	private missingKeyFields(record: CrmRecord, person: WhatsAppPerson): Json {
		const fields: Json = {};
		const { whatsAppIdField } = this.settings;
		if (person.waId && record.fields[whatsAppIdField] !== person.waId) fields[whatsAppIdField] = person.waId;
		if (person.userId && this.userIdField && !record.fields[this.userIdField]) fields[this.userIdField] = person.userId;
		if (person.e164 && !PHONE_FIELDS.some((field) => record.fields[field])) fields.Mobile = person.e164;
		return fields;
	}

	private keyFields(person: WhatsAppPerson): Json {
		return Object.fromEntries(this.keyConditions(person).map(({ field, value }) => [field, value]));
	}

	/** The record a DUPLICATE_DATA answer names (details.duplicate_record, in its own module). */
	private async readDuplicateHolder(result: Json, module: string): Promise<CrmRecord> {
		const details = obj(result.details);
		const holder = obj(details.duplicate_record);
		const holderModule = typeof obj(holder.module).api_name === 'string' ? String(obj(holder.module).api_name) : module;
		return await this.read(holderModule, String(holder.id ?? details.id));
	}

	private expectRecordOk(response: CrmHttpResponse, action: string): void {
		const first = records(response.body)[0];
		if (response.status >= 300 || (first && first.status === 'error') || (!first && response.status !== 204)) throw crmError(this.kind, response, action);
	}

	private async update(module: string, id: string, fields: Json): Promise<CrmHttpResponse> {
		return await this.http({ method: 'PUT', path: `${this.base}/${module}`, body: { data: [{ id, ...fields }] }, idempotent: true });
	}

	private async read(module: string, id: string): Promise<CrmRecord> {
		const response = await this.http({ method: 'GET', path: `${this.base}/${module}/${id}`, idempotent: true });
		expectOk(this.kind, response, `read ${module} record ${id}`);
		const fields = records(response.body)[0];
		if (!fields) throw crmError(this.kind, { ...response, status: 404 }, `read ${module} record ${id}`);
		return this.toRecord(module, fields);
	}

	private async recentlyCreated(): Promise<OwnedRecord[]> {
		const { module, whatsAppIdField } = this.settings;
		const response = await this.http({
			method: 'GET',
			path: `${this.base}/${module}`,
			qs: { fields: `Owner,Created_Time,${whatsAppIdField}`, sort_by: 'Created_Time', sort_order: 'desc', per_page: 20 },
			idempotent: true,
		});
		if (response.status === 204) return [];
		expectOk(this.kind, response, `list recent ${module}`);
		return records(response.body)
			.filter((fields) => typeof fields[whatsAppIdField] === 'string' && fields[whatsAppIdField] !== '')
			.map((fields) => ({ ownerId: obj(fields.Owner).id === undefined ? undefined : String(obj(fields.Owner).id), createdAt: String(fields.Created_Time ?? ''), id: String(fields.id) }));
	}

	private async upsert(person: WhatsAppPerson, extraFields: Json): Promise<{ record: CrmRecord; inserted: boolean; heldKey?: PersonKey }> {
		const { module } = this.settings;
		const names = nameParts(person);
		const fields: Json = { Last_Name: names.lastName, ...this.keyFields(person) };
		if (names.firstName) fields.First_Name = names.firstName;
		if (person.e164) fields.Mobile = person.e164;
		if (module === 'Leads') {
			fields.Lead_Source = 'WhatsApp';
			fields.Company = names.fullName;
		}
		Object.assign(fields, extraFields);
		const [key, other] = this.keyConditions(person);
		if (!key) throw this.noKeyError();
		// No Owner here: a concurrent execution's upsert ("update") must not overwrite the owner chosen by the one that inserted.
		const response = await this.http({
			method: 'POST',
			path: `${this.base}/${module}/upsert`,
			body: { data: [fields], duplicate_check_fields: [key.field] },
			idempotent: true,
		});
		this.checkFieldExists(response, [key.field], module, 'the WhatsApp ID', true);
		const result = records(response.body)[0] ?? {};
		const duplicateField = result.code === 'DUPLICATE_DATA' ? obj(result.details).api_name : undefined;
		// The person's other key is on another record (one made before this key was known): that record is theirs.
		if (other && duplicateField === other.field) return { record: await this.readDuplicateHolder(result, module), inserted: false, heldKey: other.key };
		if (duplicateField === key.field) return { record: await this.readDuplicateHolder(result, module), inserted: false };
		this.expectRecordOk(response, `create the ${module === 'Leads' ? 'lead' : 'contact'}`);
		const id = String(obj(result.details).id);
		const inserted = result.action !== 'update';
		const record = this.toRecord(module, { ...fields, id, Owner: obj(result.details).Created_By });
		if (!inserted) return { record: await this.read(module, id), inserted };
		return { record, inserted };
	}

	async findOrCreatePerson(person: WhatsAppPerson, options: Parameters<CrmClient['findOrCreatePerson']>[1]) {
		return await findOrCreate(this.store(), person, options);
	}

	/** Search finds the record; a read by ID then gives its current fields (the search index lags behind updates too). */
	async getByWhatsAppId(person: WhatsAppPerson): Promise<CrmRecord | undefined> {
		const found = await this.store().findByKeys(person);
		return found ? await this.read(found.record.module, found.record.id) : undefined;
	}

	/**
	 * Zoho drops fields a module does not have without an error, so a write to a missing field would
	 * look like a success: check the module's fields first (GET {base}/settings/fields?module=…).
	 */
	private async requireField(module: string, field: string, purpose: string): Promise<void> {
		const response = await this.http({ method: 'GET', path: `${this.base}/settings/fields`, qs: { module }, idempotent: true });
		expectOk(this.kind, response, `read the fields of ${module}`);
		const fields = Array.isArray(obj(response.body).fields) ? (obj(response.body).fields as unknown[]).map(obj) : [];
		if (!fields.some((candidate) => candidate.api_name === field)) throw this.missingField(field, module, purpose, false);
	}

	/** GET {base}/{Module}/{id}: the field's current value (a search could return an older copy). */
	async readLastInbound(record: Pick<CrmRecord, 'id' | 'module'>): Promise<unknown> {
		return (await this.read(record.module, record.id)).fields[this.settings.lastInboundField];
	}

	async writeLastInbound(record: Pick<CrmRecord, 'id' | 'module'>, timestamp: string): Promise<void> {
		const field = this.settings.lastInboundField;
		await this.requireField(record.module, field, 'the last inbound time');
		const response = await this.update(record.module, record.id, { [field]: zohoDateTime(timestamp) });
		this.checkFieldExists(response, [field], record.module, 'the last inbound time', false);
		this.expectRecordOk(response, `set ${field} on ${record.module} record ${record.id}`);
	}

	async addNote(record: Pick<CrmRecord, 'id' | 'module'>, note: { title: string; body: string }) {
		const response = await this.http({
			method: 'POST',
			path: `${this.base}/${record.module}/${record.id}/Notes`,
			body: { data: [{ Note_Title: note.title, Note_Content: note.body }] },
		});
		this.expectRecordOk(response, `add a note to ${record.module} record ${record.id}`);
		return { noteId: String(obj(records(response.body)[0]?.details).id), recordId: record.id };
	}

	async listOwners(): Promise<CrmOwner[]> {
		const owners: CrmOwner[] = [];
		for (let page = 1; page <= 10; page++) {
			const response = await this.http({ method: 'GET', path: `${this.base}/users`, qs: { type: 'ActiveUsers', page, per_page: 200 }, idempotent: true });
			if (response.status === 204) break;
			expectOk(this.kind, response, 'list users');
			const body = obj(response.body);
			const users = Array.isArray(body.users) ? (body.users as unknown[]).map(obj) : [];
			for (const user of users) {
				const name = String(user.full_name ?? ([user.first_name, user.last_name].filter(Boolean).join(' ') || user.email || user.id));
				owners.push({ id: String(user.id), name, ...(typeof user.email === 'string' ? { email: user.email } : {}) });
			}
			if (!obj(body.info).more_records) break;
		}
		return owners;
	}
}
