/**
 * Zendesk Support API v2 (developer.zendesk.com "Users", "Tickets", "Attachments" and the
 * "Idempotency" section of the Ticketing API introduction):
 * - user by key: GET /api/v2/users/search?external_id=whatsapp:{wa_id} (exact, not the search index),
 *   then whatsapp-user:{BSUID}, then the BSUID user field: GET /api/v2/users/search?query={field}:"{BSUID}"
 *   (search index; may lag);
 * - user by phone: GET /api/v2/users/search?query=phone:*{national digits} (search index; the leading
 *   `*` matches any stored prefix and formatting: "Retrieving the Zendesk user id of a caller");
 * - atomic find-or-create: POST /api/v2/users/create_or_update on `external_id` (201 created, 200 found);
 * - the requester's tickets: GET /api/v2/users/{id}/tickets/requested;
 * - new ticket: POST /api/v2/tickets with an `Idempotency-Key`; for a brand-new requester only the
 *   execution whose create_or_update created them opens it, the others wait for it (see `addTicketMessage`);
 * - assignee turn: GET /api/v2/search?query=type:ticket tags:{tag} (newest first);
 * - comment: PUT /api/v2/tickets/{id} with `ticket.comment` (comments cannot be created otherwise);
 * - upload: POST /api/v2/uploads?filename=… with the bytes; the token goes into `comment.uploads`.
 * End users have no owner in Zendesk; the owner pool assigns new tickets (assignee) instead.
 */
import { CrmSetupError, crmError, expectOk } from './errors';
import { findOrCreate, nameParts, type PersonStore } from './findOrCreate';
import { storedInstant } from './lastInbound';
import { nextOwner } from './roundRobin';
import type { CrmAttachment, CrmClient, CrmHttp, CrmHttpResponse, CrmOwner, CrmRecord, RecordRef, TicketMessageResult, WhatsAppPerson } from './types';

export interface ZendeskSettings {
	/** Key of a text user field for the business-scoped user ID; '' to not store it. */
	userIdUserField: string;
	/** Key of the Date user field for the last inbound message time (Admin Center › People › User fields). */
	lastInboundUserField: string;
	/** Tag that marks the node's WhatsApp tickets. */
	ticketTag: string;
	/** Waits `ms` milliseconds (the node passes n8n's sleep). */
	wait: (ms: number) => Promise<void>;
}

/** A requester created this recently by another execution may still be getting their first ticket. */
const FRESH_REQUESTER_SECONDS = 60;
const WAIT_FOR_TICKET_MS = 10_000;
const POLL_MS = 500;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);
const OPEN_STATUSES = new Set(['new', 'open', 'pending', 'hold']);

/**
 * The external_id that marks a WhatsApp user, Zendesk's only unique user key: `whatsapp:{wa_id}` once
 * the number is known, `whatsapp-user:{BSUID}` while it is withheld (the BSUID also goes into a user
 * field). A user found by the BSUID gets `whatsapp:{wa_id}` when the number shows up, so both
 * first-contact orders end on one user, and the items that only know the number (send results and
 * statuses of messages sent to a phone number) find them directly (docs/crm.md).
 */
export function zendeskExternalId(person: WhatsAppPerson): string {
	return person.waId ? `whatsapp:${person.waId}` : `whatsapp-user:${person.userId ?? ''}`;
}

export class ZendeskClient implements CrmClient {
	readonly kind = 'zendesk' as const;

	constructor(
		private readonly http: CrmHttp,
		private readonly settings: ZendeskSettings,
	) {}

	private toRecord(user: Json): CrmRecord {
		const record: CrmRecord = { id: String(user.id), module: 'user', fields: user };
		if (user.name) record.name = String(user.name);
		const externalId = typeof user.external_id === 'string' ? user.external_id : '';
		if (externalId.startsWith('whatsapp:')) record.whatsAppId = externalId.slice('whatsapp:'.length);
		const last = obj(user.user_fields)[this.settings.lastInboundUserField];
		const lastInboundAt = storedInstant(last);
		if (lastInboundAt) record.lastInboundAt = lastInboundAt;
		return record;
	}

	private async usersWhere(qs: Record<string, string>): Promise<CrmRecord[]> {
		const response = await this.http({ method: 'GET', path: '/api/v2/users/search', qs, idempotent: true });
		expectOk('zendesk', response, 'search users');
		return list(obj(response.body).users).map((user) => this.toRecord(user));
	}

	/** The user whose external_id is exactly `externalId`, if any. */
	private async userByExternalId(externalId: string): Promise<CrmRecord | undefined> {
		return (await this.usersWhere({ external_id: externalId })).find((record) => record.fields.external_id === externalId);
	}

	/** The person's BSUID as the user field holds it (`user_fields`), when a field is set. */
	private storedUserId(record: CrmRecord): unknown {
		return this.settings.userIdUserField ? obj(record.fields.user_fields)[this.settings.userIdUserField] : undefined;
	}

	/** What to write onto a user of the person (PersonStore.linkKeys): the wa_id key, the BSUID field, the phone when empty. */
	private missingKeys(record: CrmRecord, person: WhatsAppPerson): Json {
		const user: Json = {};
		const externalId = zendeskExternalId(person);
		// The wa_id key replaces a BSUID key or an old number; a BSUID key only goes onto a user without one.
		if (record.fields.external_id !== externalId && (person.waId || !record.fields.external_id)) user.external_id = externalId;
		if (person.userId && this.settings.userIdUserField && !this.storedUserId(record)) user.user_fields = { [this.settings.userIdUserField]: person.userId };
		if (person.e164 && !record.fields.phone) user.phone = person.e164;
		return user;
	}

	private store(): PersonStore {
		return {
			findByKeys: async (person) => {
				const byNumber = person.waId ? await this.userByExternalId(`whatsapp:${person.waId}`) : undefined;
				if (byNumber) return { record: byNumber, by: 'whatsAppId' };
				if (!person.userId) return undefined;
				const byUserId = await this.userByExternalId(`whatsapp-user:${person.userId}`);
				if (byUserId) return { record: byUserId, by: 'userId' };
				const field = this.settings.userIdUserField;
				if (!field) return undefined;
				const byField = (await this.usersWhere({ query: `role:end-user ${field}:"${person.userId}"` })).find((record) => this.storedUserId(record) === person.userId);
				return byField ? { record: byField, by: 'userId' } : undefined;
			},
			findByPhone: async (search) => {
				// Digits only, no '+'; the leading * matches any stored prefix and formatting (Zendesk Talk guide).
				for (const digits of search.nationalNumbers) {
					const found = await this.usersWhere({ query: `role:end-user phone:*${digits}` });
					if (found.length) return found;
				}
				return [];
			},
			phonesOf: (record) => [record.fields.phone],
			isKeyed: (record) => Boolean(record.fields.external_id),
			linkKeys: async (record, person) => {
				const user = this.missingKeys(record, person);
				if (Object.keys(user).length === 0) return { record, heldElsewhere: false };
				const response = await this.http({ method: 'PUT', path: `/api/v2/users/${record.id}`, body: { user }, idempotent: true });
				if (response.status === 422 && typeof user.external_id === 'string' && /external/i.test(JSON.stringify(response.body))) {
					const holder = await this.userByExternalId(user.external_id);
					if (holder) return { record: holder, heldElsewhere: true };
				}
				expectOk('zendesk', response, `write the WhatsApp ID onto user ${record.id}`);
				return { record: this.toRecord(obj(obj(response.body).user)), heldElsewhere: false };
			},
			recentlyCreated: async () => [],
			upsert: async (person, extraFields) => {
				const user: Json = { name: nameParts(person).fullName, external_id: zendeskExternalId(person), role: 'end-user', ...extraFields };
				if (person.e164) user.phone = person.e164;
				if (person.userId && this.settings.userIdUserField) user.user_fields = { ...obj(user.user_fields), [this.settings.userIdUserField]: person.userId };
				const response = await this.http({ method: 'POST', path: '/api/v2/users/create_or_update', body: { user }, idempotent: true });
				expectOk('zendesk', response, 'create the end user');
				return { record: this.toRecord(obj(obj(response.body).user)), inserted: response.status === 201 };
			},
			assignOwner: async () => {},
		};
	}

	async findOrCreatePerson(person: WhatsAppPerson, options: Parameters<CrmClient['findOrCreatePerson']>[1]) {
		return await findOrCreate(this.store(), person, { ...options, ownerPool: [] });
	}

	async getByWhatsAppId(person: WhatsAppPerson): Promise<CrmRecord | undefined> {
		return (await this.store().findByKeys(person))?.record;
	}

	/** GET /api/v2/users/{id}: the user field's current value (a Date field holds the day only, a Text field the time too). */
	async readLastInbound(record: RecordRef): Promise<unknown> {
		const response = await this.http({ method: 'GET', path: `/api/v2/users/${record.id}`, idempotent: true });
		expectOk('zendesk', response, `read user ${record.id}`);
		return obj(obj(obj(response.body).user).user_fields)[this.settings.lastInboundUserField];
	}

	async writeLastInbound(record: RecordRef, timestamp: string): Promise<void> {
		const field = this.settings.lastInboundUserField;
		const response = await this.http({ method: 'PUT', path: `/api/v2/users/${record.id}`, body: { user: { user_fields: { [field]: timestamp } } }, idempotent: true });
		if (response.status === 422 && JSON.stringify(response.body).includes(field)) {
			throw new CrmSetupError(
				`Zendesk has no user field "${field}"`,
				`Create it in Zendesk Admin Center › People › Configuration › User fields › Add field (type Date, or Text to keep the time of day) with the field key ${field}, or enter the key of your field in the node.`,
			);
		}
		expectOk('zendesk', response, `set ${field} on user ${record.id}`);
	}

	/** In Zendesk a note is an internal (private) comment on the requester's open WhatsApp ticket. */
	async addNote(record: RecordRef, note: { title: string; body: string }) {
		const result = await this.addTicketMessage(
			record,
			{ body: note.title ? `${note.title}\n\n${note.body}` : note.body, public: false, subject: 'WhatsApp conversation', attachments: [], assigneePool: [] },
		);
		return { noteId: result.ticketId, recordId: record.id };
	}

	async listOwners(): Promise<CrmOwner[]> {
		const owners: CrmOwner[] = [];
		for (let page = 1; page <= 10; page++) {
			const response = await this.http({ method: 'GET', path: '/api/v2/users', qs: { 'role[]': 'agent', page, per_page: 100 }, idempotent: true });
			expectOk('zendesk', response, 'list agents');
			const body = obj(response.body);
			for (const user of list(body.users)) {
				if (user.active === false || user.suspended === true) continue;
				owners.push({ id: String(user.id), name: String(user.name ?? user.email ?? user.id), ...(typeof user.email === 'string' ? { email: user.email } : {}) });
			}
			if (!body.next_page) break;
		}
		// Admins take tickets too.
		const admins = await this.http({ method: 'GET', path: '/api/v2/users', qs: { 'role[]': 'admin', per_page: 100 }, idempotent: true });
		if (admins.status < 300) {
			for (const user of list(obj(admins.body).users)) {
				if (!owners.some((owner) => owner.id === String(user.id))) owners.push({ id: String(user.id), name: String(user.name ?? user.email ?? user.id) });
			}
		}
		return owners;
	}

	private async upload(attachment: CrmAttachment): Promise<string> {
		const response = await this.http({
			method: 'POST',
			path: '/api/v2/uploads',
			qs: { filename: attachment.fileName },
			body: attachment.data,
			headers: { 'Content-Type': attachment.mimeType },
		});
		expectOk('zendesk', response, `upload ${attachment.fileName}`);
		const token = obj(obj(response.body).upload).token;
		if (typeof token !== 'string') throw crmError('zendesk', { ...response, status: 502 }, `upload ${attachment.fileName}`);
		return token;
	}

	/** The requester's WhatsApp tickets, newest first. */
	private async requestedTickets(requesterId: string): Promise<Json[]> {
		const response = await this.http({
			method: 'GET',
			path: `/api/v2/users/${requesterId}/tickets/requested`,
			qs: { sort_by: 'created_at', sort_order: 'desc', per_page: 100 },
			idempotent: true,
		});
		expectOk('zendesk', response, `list the tickets of user ${requesterId}`);
		return list(obj(response.body).tickets)
			.filter((ticket) => Array.isArray(ticket.tags) && ticket.tags.includes(this.settings.ticketTag))
			.sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')) || Number(b.id) - Number(a.id));
	}

	private async nextAssignee(pool: CrmOwner[]): Promise<CrmOwner | undefined> {
		if (pool.length === 0) return undefined;
		const response = await this.http({
			method: 'GET',
			path: '/api/v2/search',
			qs: { query: `type:ticket tags:${this.settings.ticketTag}`, sort_by: 'created_at', sort_order: 'desc', per_page: 25 },
			idempotent: true,
		});
		expectOk('zendesk', response, 'search recent tickets');
		const recent = list(obj(response.body).results)
			.filter((ticket) => ticket.assignee_id !== undefined && ticket.assignee_id !== null)
			.map((ticket) => ({ ownerId: String(ticket.assignee_id), createdAt: String(ticket.created_at ?? ''), id: String(ticket.id) }));
		return nextOwner(pool, recent);
	}

	/**
	 * A burst of first messages from a new sender: every execution but the one whose
	 * create_or_update made the requester waits here for that one's ticket instead of opening another.
	 */
	private async awaitCreatorsTicket(requesterId: string): Promise<Json | undefined> {
		for (let waited = 0; waited < WAIT_FOR_TICKET_MS; waited += POLL_MS) {
			await this.settings.wait(POLL_MS);
			const open = (await this.requestedTickets(requesterId)).find((ticket) => OPEN_STATUSES.has(String(ticket.status)));
			if (open) return open;
		}
		return undefined;
	}

	/**
	 * Opens the conversation ticket at most once. Every execution that finds no open ticket sends the
	 * same request with the same Idempotency-Key (the requester and the newest closed WhatsApp ticket),
	 * so Zendesk creates one ticket and answers the others with it (`x-idempotency-lookup: hit`).
	 */
	private async openTicket(requesterId: string, tickets: Json[], subject: string): Promise<{ id: string; created: boolean }> {
		const lastClosed = tickets.find((ticket) => !OPEN_STATUSES.has(String(ticket.status)));
		const response = await this.http({
			method: 'POST',
			path: '/api/v2/tickets',
			headers: { 'Idempotency-Key': `whatsapp-conversation-${requesterId}-after-${lastClosed ? String(lastClosed.id) : 'none'}` },
			body: {
				ticket: {
					subject,
					requester_id: Number(requesterId) || requesterId,
					tags: [this.settings.ticketTag],
					comment: { body: `${subject} (opened by the WhatsApp CRM node; messages follow as comments).`, public: false },
				},
			},
			idempotent: true,
		});
		expectOk('zendesk', response, 'create the ticket');
		const ticket = obj(obj(response.body).ticket);
		return { id: String(ticket.id), created: response.headers['x-idempotency-lookup'] !== 'hit' };
	}

	private async comment(ticketId: string, ticket: Json): Promise<CrmHttpResponse> {
		let response: CrmHttpResponse | undefined;
		// 409: another update of the same ticket was being saved; the comment was not added, so sending again is safe.
		for (let attempt = 0; attempt < 3; attempt++) {
			response = await this.http({ method: 'PUT', path: `/api/v2/tickets/${ticketId}`, body: { ticket } });
			if (response.status !== 409) break;
		}
		return response!;
	}

	/**
	 * Adds the message to the requester's open WhatsApp ticket, else opens one. When another execution
	 * created the requester at the same moment (`foundOnCreate`, a burst of first messages) and
	 * there is no ticket yet, that execution is opening it: wait for it rather than open a second one.
	 * Otherwise concurrent openers share one Idempotency-Key (`openTicket`).
	 */
	async addTicketMessage(
		requester: RecordRef,
		message: { body: string; public: boolean; subject: string; attachments: CrmAttachment[]; assigneePool: CrmOwner[] },
	): Promise<TicketMessageResult> {
		const tickets = await this.requestedTickets(requester.id);
		let open = tickets.find((ticket) => OPEN_STATUSES.has(String(ticket.status)));
		const ageSeconds = requester.createdAt ? (Date.now() - Date.parse(requester.createdAt)) / 1000 : Infinity;
		if (!open && tickets.length === 0 && requester.foundOnCreate === true && ageSeconds < FRESH_REQUESTER_SECONDS) {
			open = await this.awaitCreatorsTicket(requester.id);
		}
		let ticketId: string;
		let ticketCreated = false;
		let assignee: CrmOwner | undefined;
		if (open) {
			ticketId = String(open.id);
		} else {
			const subject = requester.name ? `${message.subject}: ${requester.name}` : message.subject;
			const opened = await this.openTicket(requester.id, tickets, subject);
			ticketId = opened.id;
			ticketCreated = opened.created;
			if (ticketCreated) assignee = await this.nextAssignee(message.assigneePool);
		}
		const uploads: string[] = [];
		for (const attachment of message.attachments) uploads.push(await this.upload(attachment));
		const ticket: Json = {
			comment: { body: message.body, public: message.public, author_id: Number(requester.id) || requester.id, ...(uploads.length ? { uploads } : {}) },
		};
		if (assignee) ticket.assignee_id = Number(assignee.id) || assignee.id;
		const response = await this.comment(ticketId, ticket);
		expectOk('zendesk', response, `add the message to ticket ${ticketId}`);
		const result: TicketMessageResult = { ticketId, ticketCreated, requesterId: requester.id, attachmentCount: uploads.length };
		const assigneeId = obj(obj(response.body).ticket).assignee_id ?? assignee?.id ?? open?.assignee_id;
		if (assigneeId !== undefined && assigneeId !== null) result.assigneeId = String(assigneeId);
		return result;
	}
}
