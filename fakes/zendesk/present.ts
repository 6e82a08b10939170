/**
 * Zendesk Support API v2 shapes: errors `{error, description, details:{field:[{description,error}]}}`
 * ("Errors" in the API introduction), users, tickets, comments and attachments as the Users,
 * Tickets, Ticket Comments and Ticket Attachments references show them.
 */
import { FakeHttpError, type FakeResponse } from '../common/http';
import { isoSeconds } from '../common/util';
import type { ZendeskAttachment, ZendeskComment, ZendeskState, ZendeskTicket, ZendeskUser } from './state';

export function zendeskError(status: number, error: string, description: string, details?: Record<string, Array<{ description: string; error: string }>>): FakeResponse {
	return { status, json: { error, description, ...(details ? { details } : {}) } };
}

export function fail(status: number, error: string, description: string, details?: Record<string, Array<{ description: string; error: string }>>): never {
	throw new FakeHttpError(zendeskError(status, error, description, details));
}

/** 422 RecordInvalid for one field. */
export function invalid(field: string, description: string, error: string): never {
	fail(422, 'RecordInvalid', 'Record validation errors', { [field]: [{ description, error }] });
}

export function notFound(): never {
	fail(404, 'RecordNotFound', 'Not found');
}

export function presentUser(user: ZendeskUser, baseUrl: string, fieldKeys: string[]): Record<string, unknown> {
	return {
		id: user.id,
		url: `${baseUrl}/api/v2/users/${user.id}.json`,
		name: user.name,
		email: user.email,
		phone: user.phone,
		shared_phone_number: user.shared_phone_number,
		role: user.role,
		role_type: user.role === 'end-user' ? null : 0,
		external_id: user.external_id,
		user_fields: Object.fromEntries(fieldKeys.map((key) => [key, user.user_fields[key] ?? null])),
		tags: user.tags,
		notes: user.notes,
		details: user.details,
		active: true,
		suspended: user.suspended,
		verified: user.verified,
		locale: 'en-US',
		time_zone: 'UTC',
		organization_id: null,
		created_at: isoSeconds(user.created_at),
		updated_at: isoSeconds(user.updated_at),
	};
}

export function presentAttachment(attachment: ZendeskAttachment, baseUrl: string): Record<string, unknown> {
	const contentUrl = `${baseUrl}/attachments/token/${attachment.urlToken}/?name=${encodeURIComponent(attachment.file_name)}`;
	return {
		id: attachment.id,
		url: `${baseUrl}/api/v2/attachments/${attachment.id}.json`,
		file_name: attachment.file_name,
		content_url: contentUrl,
		mapped_content_url: contentUrl,
		content_type: attachment.content_type,
		size: attachment.size,
		inline: false,
		deleted: false,
		malware_access_override: false,
		malware_scan_result: 'malware_not_found',
		thumbnails: [],
	};
}

export function presentComment(comment: ZendeskComment, baseUrl: string): Record<string, unknown> {
	return {
		id: comment.id,
		type: 'Comment',
		author_id: comment.author_id,
		body: comment.body,
		html_body: comment.html_body ?? `<div class="zd-comment" dir="auto"><p dir="auto">${escapeHtml(comment.body)}</p></div>`,
		plain_body: comment.body,
		public: comment.public,
		attachments: comment.attachments.map((attachment) => presentAttachment(attachment, baseUrl)),
		audit_id: comment.audit_id,
		via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
		created_at: isoSeconds(comment.created_at),
		metadata: { system: {}, custom: {} },
	};
}

export function presentTicket(ticket: ZendeskTicket, baseUrl: string): Record<string, unknown> {
	return {
		id: ticket.id,
		url: `${baseUrl}/api/v2/tickets/${ticket.id}.json`,
		external_id: ticket.external_id,
		via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
		created_at: isoSeconds(ticket.created_at),
		updated_at: isoSeconds(ticket.updated_at),
		type: ticket.type,
		subject: ticket.subject,
		raw_subject: ticket.subject,
		description: ticket.comments[0]?.body ?? '',
		priority: ticket.priority,
		status: ticket.status,
		requester_id: ticket.requester_id,
		submitter_id: ticket.submitter_id,
		assignee_id: ticket.assignee_id,
		organization_id: null,
		group_id: null,
		collaborator_ids: [],
		follower_ids: [],
		has_incidents: false,
		is_public: ticket.comments[0]?.public ?? true,
		tags: ticket.tags,
		custom_fields: ticket.custom_fields,
		allow_attachments: true,
		allow_channelback: false,
	};
}

/** The `audit` of a create/update: the change events, including the new comment. */
export function presentAudit(state: ZendeskState, ticket: ZendeskTicket, comment: ZendeskComment | undefined, authorId: number, now: number, baseUrl: string): Record<string, unknown> {
	const events: unknown[] = [];
	if (comment) events.push({ ...presentComment(comment, baseUrl), type: 'Comment' });
	return { id: comment?.audit_id ?? state.nextId('audit'), ticket_id: ticket.id, created_at: isoSeconds(now), author_id: authorId, metadata: { system: {}, custom: {} }, events, via: { channel: 'api', source: { from: {}, to: {}, rel: null } } };
}

/** Zendesk's offset pagination (`page`, `per_page` ≤ 100) with `next_page` / `previous_page` URLs. */
export function paginate<T>(items: T[], query: URLSearchParams, pageUrl: (page: number) => string): { slice: T[]; next_page: string | null; previous_page: string | null; count: number } {
	const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 100) || 100));
	const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
	const slice = items.slice((page - 1) * perPage, page * perPage);
	return { slice, next_page: items.length > page * perPage ? pageUrl(page + 1) : null, previous_page: page > 1 ? pageUrl(page - 1) : null, count: items.length };
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
