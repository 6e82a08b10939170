/**
 * Tickets (Zendesk Support API v2 "Tickets", "Ticket Comments"): create with a first comment and
 * uploads (201 `{ticket, audit}`), update with `ticket.comment` — the only way to add a comment —
 * (200 `{ticket, audit}`; a closed ticket answers 422), show, list comments, and a user's requested
 * tickets. The submitter (default: the authenticated agent) writes the first comment unless
 * `comment.author_id` says otherwise.
 */
import { isPlainObject, json, parseJsonBody, type FakeRequest, type FakeResponse } from '../common/http';
import { isBlank } from '../common/util';
import { authenticate } from './auth';
import { fail, invalid, notFound, paginate, presentAudit, presentComment, presentTicket } from './present';
import type { TicketStatus, ZendeskComment, ZendeskTicket, ZendeskUser } from './state';
import { takeUploads } from './uploads';
import { applyUserInput, type ZendeskContext } from './users';

const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

function ticketInput(request: FakeRequest): Record<string, unknown> {
	const body = parseJsonBody(request, () => ({ status: 400, json: { error: 'Unprocessable JSON', description: 'The request body is not valid JSON.' } }));
	if (!isPlainObject(body) || !isPlainObject(body.ticket)) fail(400, 'ParameterMissing', 'Parameter ticket is required');
	return body.ticket;
}

function agentId(context: ZendeskContext, value: unknown): number | null {
	if (value === undefined || value === null) return null;
	const agent = context.state.users.get(Number(value));
	if (!agent || agent.role === 'end-user' || agent.suspended) invalid('assignee', 'Assignee: is not an agent', 'InvalidValue');
	return agent.id;
}

/** `requester_id`, or `requester: {name, email}` found by email or created. */
function requesterOf(context: ZendeskContext, input: Record<string, unknown>, now: number): ZendeskUser {
	if (input.requester_id !== undefined) {
		const user = context.state.users.get(Number(input.requester_id));
		if (!user) invalid('requester', 'Requester: is invalid', 'InvalidValue');
		return user;
	}
	if (isPlainObject(input.requester)) {
		const email = input.requester.email;
		const existing = typeof email === 'string' ? context.state.userByEmail(email) : undefined;
		if (existing) return existing;
		const user = applyUserInput(context, undefined, input.requester, now);
		context.state.saveUser(user);
		return user;
	}
	invalid('requester', 'Requester: cannot be blank', 'BlankValue');
}

function newComment(context: ZendeskContext, input: unknown, defaultAuthor: number, defaultPublic: boolean, now: number): ZendeskComment | undefined {
	if (!isPlainObject(input)) return undefined;
	const body = !isBlank(input.body) ? String(input.body) : !isBlank(input.html_body) ? String(input.html_body).replace(/<[^>]+>/g, '') : '';
	const attachments = takeUploads(context, input.uploads, now);
	if (body === '' && attachments.length === 0) return undefined;
	const author = input.author_id !== undefined ? context.state.users.get(Number(input.author_id)) : context.state.users.get(defaultAuthor);
	if (!author) invalid('author_id', 'Author: is invalid', 'InvalidValue');
	return { id: context.state.nextId('comment'), author_id: author.id, body, html_body: isBlank(input.html_body) ? null : String(input.html_body), public: typeof input.public === 'boolean' ? input.public : defaultPublic, attachments, audit_id: context.state.nextId('audit'), created_at: now };
}

function applyCommon(context: ZendeskContext, ticket: ZendeskTicket, input: Record<string, unknown>): void {
	if (input.status !== undefined) {
		if (!STATUSES.includes(input.status as TicketStatus)) invalid('status', `Status: ${String(input.status)} is not valid`, 'InvalidValue');
		ticket.status = input.status as TicketStatus;
	}
	if (input.assignee_id !== undefined) ticket.assignee_id = agentId(context, input.assignee_id);
	if (Array.isArray(input.tags)) ticket.tags = [...new Set(input.tags.map(String))];
	if (Array.isArray(input.additional_tags)) ticket.tags = [...new Set([...ticket.tags, ...input.additional_tags.map(String)])];
	if (typeof input.subject === 'string') ticket.subject = input.subject;
	if (typeof input.priority === 'string') ticket.priority = input.priority;
	if (typeof input.type === 'string') ticket.type = input.type;
	if (typeof input.external_id === 'string') ticket.external_id = input.external_id;
	if (Array.isArray(input.custom_fields)) ticket.custom_fields = input.custom_fields.filter(isPlainObject).map((field) => ({ id: Number(field.id), value: field.value }));
}

/** How long Zendesk keeps an Idempotency-Key (Ticketing API introduction, "Idempotency": two hours). */
const IDEMPOTENCY_KEY_MS = 2 * 60 * 60 * 1000;

/**
 * POST /tickets, with Zendesk's Idempotency-Key (Ticketing API introduction, "Idempotency"): the first
 * request with a key creates the ticket and answers `x-idempotency-lookup: miss`; the same key with the
 * same body within two hours answers the stored response with `hit` and creates nothing; the same key
 * with another body is refused (IdempotentRequestError). Only a created ticket is remembered.
 */
export function createTicket(context: ZendeskContext, request: FakeRequest): FakeResponse {
	const key = request.headers['idempotency-key'];
	if (typeof key !== 'string' || key === '') return createTicketOnce(context, request);
	authenticate(context.state, request);
	const body = request.body.toString('utf8');
	const stored = context.state.idempotentCreates.get(key);
	if (stored && stored.expiresAt > request.now) {
		if (stored.body !== body) fail(400, 'IdempotentRequestError', 'Request parameters do not match the original request');
		return { ...stored.response, headers: { ...stored.response.headers, 'x-idempotency-lookup': 'hit' } };
	}
	const response = createTicketOnce(context, request);
	context.state.idempotentCreates.set(key, { body, response, expiresAt: request.now + IDEMPOTENCY_KEY_MS });
	return { ...response, headers: { ...response.headers, 'x-idempotency-lookup': 'miss' } };
}

function createTicketOnce(context: ZendeskContext, request: FakeRequest): FakeResponse {
	const agent = authenticate(context.state, request);
	const input = ticketInput(request);
	const requester = requesterOf(context, input, request.now);
	const submitterId = input.submitter_id !== undefined ? Number(input.submitter_id) : agent.id;
	const ticket: ZendeskTicket = { id: context.state.nextId('ticket'), subject: '', status: 'new', requester_id: requester.id, submitter_id: submitterId, assignee_id: null, tags: [], priority: null, type: null, external_id: null, custom_fields: [], comments: [], created_at: request.now, updated_at: request.now };
	applyCommon(context, ticket, input);
	if (input.status === undefined && ticket.assignee_id !== null) ticket.status = 'open';
	const comment = newComment(context, input.comment, submitterId, true, request.now);
	if (!comment) invalid('description', 'Description: cannot be blank', 'BlankValue');
	if (!ticket.subject) ticket.subject = comment.body.slice(0, 80);
	ticket.comments.push(comment);
	context.state.saveTicket(ticket);
	return json(201, { ticket: presentTicket(ticket, context.url()), audit: presentAudit(context.state, ticket, comment, submitterId, request.now, context.url()) }, { Location: `/api/v2/tickets/${ticket.id}.json` });
}

export function updateTicket(context: ZendeskContext, request: FakeRequest): FakeResponse {
	const agent = authenticate(context.state, request);
	const stored = context.state.tickets.get(Number(request.params.id));
	if (!stored) notFound();
	if (stored.status === 'closed') invalid('status', 'Status: closed prevents ticket update', 'ClosedPreventsUpdate');
	const input = ticketInput(request);
	const ticket: ZendeskTicket = { ...stored, tags: [...stored.tags], comments: [...stored.comments] };
	applyCommon(context, ticket, input);
	const comment = newComment(context, input.comment, agent.id, ticket.comments[0]?.public ?? true, request.now);
	if (comment) {
		ticket.comments.push(comment);
		// An end user's reply reopens a solved ticket unless the update sets a status itself.
		if (input.status === undefined && ticket.status === 'solved' && context.state.users.get(comment.author_id)?.role === 'end-user') ticket.status = 'open';
	}
	ticket.updated_at = request.now;
	context.state.saveTicket(ticket);
	return json(200, { ticket: presentTicket(ticket, context.url()), audit: presentAudit(context.state, ticket, comment, agent.id, request.now, context.url()) });
}

export function showTicket(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const ticket = context.state.tickets.get(Number(request.params.id));
	if (!ticket) notFound();
	return json(200, { ticket: presentTicket(ticket, context.url()) });
}

export function listComments(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const ticket = context.state.tickets.get(Number(request.params.id));
	if (!ticket) notFound();
	const comments = request.query.get('sort_order') === 'desc' ? [...ticket.comments].reverse() : ticket.comments;
	const page = paginate(comments, request.query, (number) => `${context.url()}/api/v2/tickets/${ticket.id}/comments.json?page=${number}`);
	return json(200, { comments: page.slice.map((comment) => presentComment(comment, context.url())), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}

/** GET /users/{id}/tickets/requested — read from the store (not search), oldest first. */
export function requestedTickets(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const userId = Number(request.params.id);
	if (!context.state.users.has(userId)) notFound();
	const tickets = [...context.state.tickets.values()].filter((ticket) => ticket.requester_id === userId).sort((a, b) => a.id - b.id);
	const page = paginate(tickets, request.query, (number) => `${context.url()}/api/v2/users/${userId}/tickets/requested.json?page=${number}`);
	return json(200, { tickets: page.slice.map((ticket) => presentTicket(ticket, context.url())), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}

/** GET /ticket_fields — the request n8n's own Zendesk credential tests with. */
export function listTicketFields(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const system = ['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee'];
	const fields = system.map((type, index) => ({ id: 360000000001 + index, url: `${context.url()}/api/v2/ticket_fields/${360000000001 + index}.json`, type, title: type[0].toUpperCase() + type.slice(1), active: true, required: false, removable: false }));
	return json(200, { ticket_fields: fields, next_page: null, previous_page: null, count: fields.length });
}
