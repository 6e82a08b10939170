/**
 * Seed data of the Zendesk fake: an API token, agents for assignee round-robin (one suspended),
 * end users whose phones are stored in different formats (E.164 with and without "+", national,
 * spaced), one end user already linked by external_id, and two tickets (one open WhatsApp ticket,
 * one solved). These values only ever work against the fake.
 */

export interface ZendeskSeedUser {
	id: number;
	name: string;
	role: 'end-user' | 'agent' | 'admin';
	email?: string;
	phone?: string;
	external_id?: string;
	suspended?: boolean;
	user_fields?: Record<string, string>;
}

export interface ZendeskSeedTicket {
	id: number;
	subject: string;
	status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
	requester_id: number;
	assignee_id: number | null;
	tags: string[];
	comment: string;
}

export const ZENDESK_SEED = {
	/** Any subdomain reaches the fake; this one is used in URLs it returns. */
	subdomain: 'fakecompany',
	/** `Authorization: Basic base64("{email}/token:{apiToken}")` — the token works with any agent's or admin's email. */
	email: 'admin@fakecompany.example',
	apiToken: 'fake-zendesk-api-token-0001',
	agents: [
		{ id: 381000000001, name: 'Alex Admin', role: 'admin', email: 'admin@fakecompany.example' },
		{ id: 381000000002, name: 'Bea Agent', role: 'agent', email: 'bea@fakecompany.example' },
		{ id: 381000000003, name: 'Carlos Agent', role: 'agent', email: 'carlos@fakecompany.example' },
		{ id: 381000000004, name: 'Dana Suspended', role: 'agent', email: 'dana@fakecompany.example', suspended: true },
	] as ZendeskSeedUser[],
	endUsers: [
		{ id: 381000001001, name: 'Maria Oliveira', role: 'end-user', phone: '+5511988887777' },
		{ id: 381000001002, name: 'João Pereira', role: 'end-user', phone: '5521977776666' },
		{ id: 381000001003, name: 'Emma Clarke', role: 'end-user', phone: '07700 900123', email: 'emma.clarke@example.com' },
		{ id: 381000001004, name: 'Liam Walsh', role: 'end-user', phone: '+1 (415) 555-0132' },
		{ id: 381000001005, name: 'Sofía García', role: 'end-user', phone: '+34 612 34 56 78', external_id: 'whatsapp:34612345678', user_fields: { whatsapp_id: '34612345678' } },
	] as ZendeskSeedUser[],
	tickets: [
		{ id: 1, subject: 'Order question', status: 'solved', requester_id: 381000001003, assignee_id: 381000000002, tags: ['email'], comment: 'Where is my order?' },
		{ id: 2, subject: 'WhatsApp conversation with Sofía García', status: 'open', requester_id: 381000001005, assignee_id: 381000000003, tags: ['whatsapp'], comment: 'Hola, ¿tienen envío a Madrid?' },
	] as ZendeskSeedTicket[],
	/** Custom user fields (`user_fields` keys). */
	userFields: [
		{ key: 'whatsapp_id', title: 'WhatsApp ID' },
		{ key: 'whatsapp_bsuid', title: 'WhatsApp BSUID' },
		{ key: 'whatsapp_last_inbound_at', title: 'WhatsApp last inbound at' },
	],
} as const;
