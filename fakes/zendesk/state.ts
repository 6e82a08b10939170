/** Everything the Zendesk fake stores: users, tickets with their comments, uploads and attachments. */
import type { FakeResponse } from '../common/http';
import { SearchIndex } from '../common/search-index';
import type { ZendeskFakeConfig } from './config';
import { ZENDESK_SEED, type ZendeskSeedUser } from './seed';

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export interface ZendeskUser {
	id: number;
	name: string;
	email: string | null;
	phone: string | null;
	shared_phone_number: boolean | null;
	role: 'end-user' | 'agent' | 'admin';
	external_id: string | null;
	user_fields: Record<string, unknown>;
	tags: string[];
	notes: string;
	details: string;
	suspended: boolean;
	verified: boolean;
	created_at: number;
	updated_at: number;
}

export interface ZendeskAttachment {
	id: number;
	file_name: string;
	content_type: string;
	size: number;
	/** Secret part of `content_url`. */
	urlToken: string;
	bytes: Buffer;
}

export interface ZendeskComment {
	id: number;
	author_id: number;
	body: string;
	html_body: string | null;
	public: boolean;
	attachments: ZendeskAttachment[];
	audit_id: number;
	created_at: number;
}

export interface ZendeskTicket {
	id: number;
	subject: string;
	status: TicketStatus;
	requester_id: number;
	submitter_id: number;
	assignee_id: number | null;
	tags: string[];
	priority: string | null;
	type: string | null;
	external_id: string | null;
	custom_fields: Array<{ id: number; value: unknown }>;
	comments: ZendeskComment[];
	created_at: number;
	updated_at: number;
}

export interface ZendeskUpload {
	token: string;
	attachments: ZendeskAttachment[];
	expiresAt: number;
	used: boolean;
}

export class ZendeskState {
	readonly users = new Map<number, ZendeskUser>();
	readonly tickets = new Map<number, ZendeskTicket>();
	readonly uploads = new Map<string, ZendeskUpload>();
	readonly attachments = new Map<number, ZendeskAttachment>();
	/** Ticket creations by Idempotency-Key: the request body and the answer, kept until `expiresAt` (ms). */
	readonly idempotentCreates = new Map<string, { body: string; response: FakeResponse; expiresAt: number }>();
	readonly userIndex: SearchIndex<ZendeskUser>;
	readonly ticketIndex: SearchIndex<ZendeskTicket>;
	private counters = { user: 0, ticket: 0, comment: 0, attachment: 0, audit: 0 };

	constructor(
		readonly clock: () => number,
		readonly config: ZendeskFakeConfig,
	) {
		this.userIndex = new SearchIndex(clock, () => config.searchLagMs);
		this.ticketIndex = new SearchIndex(clock, () => config.searchLagMs);
		this.reset();
	}

	reset(): void {
		for (const map of [this.users, this.tickets, this.uploads, this.attachments, this.idempotentCreates]) map.clear();
		this.userIndex.clear();
		this.ticketIndex.clear();
		this.counters = { user: 381000002001, ticket: 3, comment: 41000000001, attachment: 51000000001, audit: 61000000001 };
		const now = this.clock();
		for (const seed of [...ZENDESK_SEED.agents, ...ZENDESK_SEED.endUsers]) this.saveUser(seedUser(seed, now));
		for (const seed of ZENDESK_SEED.tickets) {
			const ticket: ZendeskTicket = {
				id: seed.id,
				subject: seed.subject,
				status: seed.status,
				requester_id: seed.requester_id,
				submitter_id: seed.requester_id,
				assignee_id: seed.assignee_id,
				tags: [...seed.tags],
				priority: null,
				type: null,
				external_id: null,
				custom_fields: [],
				comments: [],
				created_at: now,
				updated_at: now,
			};
			ticket.comments.push({ id: this.nextId('comment'), author_id: seed.requester_id, body: seed.comment, html_body: null, public: true, attachments: [], audit_id: this.nextId('audit'), created_at: now });
			this.saveTicket(ticket);
		}
		this.userIndex.flush();
		this.ticketIndex.flush();
	}

	nextId(kind: keyof ZendeskState['counters']): number {
		return this.counters[kind]++;
	}

	saveUser(user: ZendeskUser): void {
		this.users.set(user.id, user);
		this.userIndex.put(String(user.id), user);
	}

	saveTicket(ticket: ZendeskTicket): void {
		this.tickets.set(ticket.id, ticket);
		// The search index only needs the ticket fields, not comment bytes.
		this.ticketIndex.put(String(ticket.id), { ...ticket, comments: [] });
	}

	flushSearchIndex(): void {
		this.userIndex.flush();
		this.ticketIndex.flush();
	}

	userByEmail(email: string): ZendeskUser | undefined {
		return [...this.users.values()].find((user) => user.email !== null && user.email.toLowerCase() === email.toLowerCase());
	}

	userByExternalId(externalId: string): ZendeskUser | undefined {
		return [...this.users.values()].find((user) => user.external_id !== null && user.external_id.toLowerCase() === externalId.toLowerCase());
	}

	dump(): Record<string, unknown> {
		const attachment = (item: ZendeskAttachment) => ({ id: item.id, file_name: item.file_name, content_type: item.content_type, size: item.size });
		return {
			users: [...this.users.values()],
			tickets: [...this.tickets.values()].map((ticket) => ({ ...ticket, comments: ticket.comments.map((comment) => ({ ...comment, attachments: comment.attachments.map(attachment) })) })),
			uploads: [...this.uploads.values()].map((upload) => ({ token: upload.token, used: upload.used, expiresAt: new Date(upload.expiresAt).toISOString(), attachments: upload.attachments.map(attachment) })),
			attachments: [...this.attachments.values()].map(attachment),
			pendingSearchWrites: { users: this.userIndex.pending(), tickets: this.ticketIndex.pending() },
		};
	}
}

function seedUser(seed: ZendeskSeedUser, now: number): ZendeskUser {
	return {
		id: seed.id,
		name: seed.name,
		email: seed.email ?? null,
		phone: seed.phone ?? null,
		shared_phone_number: seed.phone ? false : null,
		role: seed.role,
		external_id: seed.external_id ?? null,
		user_fields: { whatsapp_id: null, whatsapp_bsuid: null, whatsapp_last_inbound_at: null, ...seed.user_fields },
		tags: [],
		notes: '',
		details: '',
		suspended: seed.suspended === true,
		verified: seed.role !== 'end-user',
		created_at: now,
		updated_at: now,
	};
}
