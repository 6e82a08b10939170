/**
 * The subset of Zendesk's search syntax an integration uses ("Zendesk Support search reference"):
 * `type:user|ticket`, `role:`, `phone:`, `email:`, `name:`, `external_id:`, custom user field keys,
 * `status:` with `<`, `>`, `<=`, `>=`, `requester_id:`, `assignee_id:`, `tags:`, a leading `-` to
 * negate, quoted values and free text. Phone follows "Retrieving the Zendesk user id of a caller":
 * digits only, no "+" (a value with other characters matches nothing); a leading `*` matches any
 * stored formatting ending with those digits.
 */
import { digitsOnly } from '../common/util';
import type { TicketStatus, ZendeskTicket, ZendeskUser } from './state';

export interface Term {
	key?: string;
	operator: ':' | '<' | '>' | '<=' | '>=';
	value: string;
	negated: boolean;
}

export function parseQuery(query: string): Term[] {
	const terms: Term[] = [];
	const pattern = /(-?)(?:([A-Za-z_][\w.]*)(<=|>=|:|<|>))?("([^"]*)"|\S+)/g;
	for (const match of query.matchAll(pattern)) {
		const value = match[5] ?? match[4];
		terms.push({ negated: match[1] === '-', key: match[2]?.toLowerCase(), operator: (match[3] as Term['operator']) ?? ':', value });
	}
	return terms;
}

/** `type:` of the query, if any. */
export function typeOf(terms: Term[]): string | undefined {
	return terms.find((term) => term.key === 'type' && !term.negated)?.value.toLowerCase();
}

const STATUS_ORDER: TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

function textMatches(stored: unknown, wanted: string): boolean {
	if (stored === null || stored === undefined) return false;
	const text = String(stored).toLowerCase();
	const value = wanted.toLowerCase();
	if (value.startsWith('*') && value.endsWith('*') && value.length > 1) return text.includes(value.slice(1, -1));
	if (value.startsWith('*')) return text.endsWith(value.slice(1));
	if (value.endsWith('*')) return text.startsWith(value.slice(0, -1));
	return text === value;
}

export function phoneMatches(stored: string | null, wanted: string): boolean {
	if (!stored) return false;
	const wildcard = wanted.startsWith('*');
	const digits = wildcard ? wanted.slice(1) : wanted;
	if (!/^\d+$/.test(digits)) return false;
	return wildcard ? digitsOnly(stored).endsWith(digits) : digitsOnly(stored) === digits;
}

export function userMatches(user: ZendeskUser, terms: Term[], fieldKeys: string[]): boolean {
	return terms.every((term) => term.negated !== userTerm(user, term, fieldKeys));
}

function userTerm(user: ZendeskUser, term: Term, fieldKeys: string[]): boolean {
	switch (term.key) {
		case 'type':
			return term.value.toLowerCase() === 'user';
		case 'role':
			return user.role === term.value.toLowerCase();
		case 'phone':
			return phoneMatches(user.phone, term.value);
		case 'email':
			return textMatches(user.email, term.value);
		case 'name':
			return user.name.toLowerCase().includes(term.value.replace(/\*/g, '').toLowerCase());
		case 'external_id':
			return textMatches(user.external_id, term.value);
		case 'tags':
		case 'tag':
			return user.tags.includes(term.value);
		case undefined:
			return [user.name, user.email, user.phone, user.notes, user.details, user.external_id].some((field) => field !== null && field.toLowerCase().includes(term.value.toLowerCase()));
		default:
			return fieldKeys.includes(term.key) ? textMatches(user.user_fields[term.key], term.value) : false;
	}
}

export function ticketMatches(ticket: ZendeskTicket, terms: Term[]): boolean {
	return terms.every((term) => term.negated !== ticketTerm(ticket, term));
}

function ticketTerm(ticket: ZendeskTicket, term: Term): boolean {
	switch (term.key) {
		case 'type':
			return term.value.toLowerCase() === 'ticket';
		case 'status': {
			const have = STATUS_ORDER.indexOf(ticket.status);
			const want = STATUS_ORDER.indexOf(term.value.toLowerCase() as TicketStatus);
			if (want < 0) return false;
			return { ':': have === want, '<': have < want, '>': have > want, '<=': have <= want, '>=': have >= want }[term.operator];
		}
		case 'requester_id':
		case 'requester':
			return String(ticket.requester_id) === term.value;
		case 'assignee_id':
		case 'assignee':
			return String(ticket.assignee_id) === term.value;
		case 'tags':
		case 'tag':
			return ticket.tags.includes(term.value);
		case 'external_id':
			return textMatches(ticket.external_id, term.value);
		case 'subject':
			return ticket.subject.toLowerCase().includes(term.value.toLowerCase());
		case undefined:
			return ticket.subject.toLowerCase().includes(term.value.toLowerCase());
		default:
			return false;
	}
}
