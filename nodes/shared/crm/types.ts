/**
 * The CRM core's shapes: who a WhatsApp sender is, what a CRM record looks like to the node, and
 * the one small interface every CRM adapter implements. No n8n imports: adapters talk HTTP through
 * a `CrmHttp` function the node supplies (n8n's authenticated helper, with retries).
 */

/** The four CRMs the node supports. */
export type CrmKind = 'zohoCrm' | 'bigin' | 'zendesk' | 'hubspot';

/**
 * One WhatsApp user, as the WhatsApp Business Trigger describes the sender of a message.
 * At least one of `waId` and `userId` is set.
 */
export interface WhatsAppPerson {
	/** The wa_id: international digits without '+', '' when Meta withholds the number. */
	waId: string;
	/** The business-scoped user ID (BSUID) when Meta sends one. */
	userId?: string;
	/** '+' + waId, or undefined when the number is withheld. */
	e164?: string;
	/** The WhatsApp profile name, used to name new records. */
	profileName?: string;
	/** The WhatsApp username, when the user has one. */
	username?: string;
}

/** A CRM user who can own records (Zoho CRM, Bigin, HubSpot) or be assigned tickets (Zendesk). */
export interface CrmOwner {
	id: string;
	name: string;
	email?: string;
}

/** A person record in the CRM, reduced to what workflows need; `fields` keeps the CRM's own answer. */
export interface CrmRecord {
	id: string;
	/** The CRM's own record type: Leads or Contacts (Zoho CRM), Contacts (Bigin), user (Zendesk), contact (HubSpot). */
	module: string;
	name?: string;
	ownerId?: string;
	/** The record's WhatsApp ID (wa_id) as stored in the key field. */
	whatsAppId?: string;
	/** The last inbound message time stored on the record, ISO 8601 UTC, when the field is set. */
	lastInboundAt?: string;
	fields: Record<string, unknown>;
}

/**
 * A record to act on: its ID and module, with what the node learnt while finding it
 * (`foundOnCreate`: FindOrCreateResult.foundOnCreate; `createdAt`: ISO 8601, when the CRM said).
 */
export type RecordRef = Pick<CrmRecord, 'id' | 'module'> & { name?: string; foundOnCreate?: boolean; createdAt?: string };

/**
 * How the record was found: by the key it holds (`whatsAppId`, `userId`), however the node got to it
 * (a look-up, or the CRM's create on that key), by `phone`, or `created` now.
 */
export type MatchedBy = 'whatsAppId' | 'userId' | 'phone' | 'created';

export interface FindOrCreateResult {
	record: CrmRecord;
	/** True only for the one execution whose request created the record. */
	created: boolean;
	/** True when a record made earlier (by a person, found by phone) got the WhatsApp ID written onto it. */
	adopted: boolean;
	matchedBy: MatchedBy;
	/**
	 * True when the look-ups missed and the CRM's create on the unique key found the record instead:
	 * made moments before, by another execution or an earlier item, and not yet in the search index.
	 */
	foundOnCreate?: boolean;
	/** The record's owner, when the CRM has owners and it is one of the loaded users. */
	owner?: CrmOwner;
}

export interface FindOrCreateOptions {
	/** Users to rotate new records over (round-robin); empty = leave the CRM's default owner. */
	ownerPool: CrmOwner[];
	/** Search for existing records by phone (every stored format) and adopt them. */
	adoptByPhone: boolean;
	/** Extra fields for a new record, in the CRM's own field names. */
	extraFields?: Record<string, unknown>;
}

/** One WhatsApp message, inbound (from the trigger) or outbound (our send result), to log in the CRM. */
export interface CrmMessage {
	direction: 'inbound' | 'outbound';
	/** The wamid, when known. */
	messageId?: string;
	type: string;
	text?: string;
	caption?: string;
	/** The template's name, for a template we sent. */
	templateName?: string;
	/** What the message says in words, for every type (a location's place and coordinates, a tapped button…): messageContent.ts. */
	content?: string;
	/** ISO 8601 UTC. */
	timestamp: string;
	media?: { id?: string; mimeType?: string; filename?: string };
}

/** A file to attach (Zendesk uploads), with its bytes. */
export interface CrmAttachment {
	fileName: string;
	mimeType: string;
	data: Buffer;
}

export interface NoteResult {
	noteId: string;
	recordId: string;
}

export interface TicketMessageResult {
	ticketId: string;
	/** True when this message opened a new ticket. */
	ticketCreated: boolean;
	requesterId: string;
	assigneeId?: string;
	attachmentCount: number;
}

/**
 * What the node needs from a CRM. Every method throws `CrmApiError` (errors.ts) with the fix for
 * the user when the CRM refuses, and `CrmSetupError` when a field the node relies on is missing.
 */
export interface CrmClient {
	readonly kind: CrmKind;
	/** Exactly one record per WhatsApp user, even for concurrent calls (see each adapter). */
	findOrCreatePerson(person: WhatsAppPerson, options: FindOrCreateOptions): Promise<FindOrCreateResult>;
	/** The record whose WhatsApp key is the person's wa_id (or BSUID), or undefined. */
	getByWhatsAppId(person: WhatsAppPerson): Promise<CrmRecord | undefined>;
	/** The record's last inbound time as the CRM stores it (read by ID, not from a search index), undefined when empty. */
	readLastInbound(record: RecordRef): Promise<unknown>;
	/** Writes the last inbound time (ISO 8601 UTC) to the record's field for it; lastInbound.ts decides whether to. */
	writeLastInbound(record: RecordRef, timestamp: string): Promise<void>;
	/** Adds a note (title and body in plain text) to the record. */
	addNote(record: RecordRef, note: { title: string; body: string; timestamp: string }): Promise<NoteResult>;
	/** Users who can own records or take tickets. */
	listOwners(): Promise<CrmOwner[]>;
	/** Zendesk only: the requester's open WhatsApp ticket gets the message, else a new ticket does. */
	addTicketMessage?(
		requester: RecordRef,
		message: { body: string; public: boolean; subject: string; attachments: CrmAttachment[]; assigneePool: CrmOwner[] },
	): Promise<TicketMessageResult>;
}

/** One HTTP request, relative to the CRM's API base (e.g. `/crm/v8/Leads/search`). */
export interface CrmHttpRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: string;
	qs?: Record<string, string | number | boolean>;
	/** JSON body, or raw bytes (uploads) with a Content-Type header. */
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * True when sending it twice does no harm (reads, updates, upserts on a unique key, requests with
	 * an idempotency key): then a 5xx answer is retried too, not only 429.
	 */
	idempotent?: boolean;
}

/** The CRM's answer: any status (the adapter decides), body parsed as JSON when it is JSON, '' when empty. */
export interface CrmHttpResponse {
	status: number;
	body: unknown;
	headers: Record<string, string | undefined>;
}

/** Sends a request to the CRM, retrying 429/5xx as retry.ts says; never throws for an HTTP status. */
export type CrmHttp = (request: CrmHttpRequest) => Promise<CrmHttpResponse>;
