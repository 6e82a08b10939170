/**
 * Seed data of the HubSpot fake: private app tokens (all scopes / read only), owners for
 * round-robin (one archived), and contacts whose phones are stored in different formats (E.164
 * with and without "+", national, spaced), one already linked by `whatsapp_id`.
 * These values only ever work against the fake.
 */

export interface HubSpotSeedOwner {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	userId: number;
	archived: boolean;
}

export const HUBSPOT_SCOPES = {
	all: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read', 'crm.schemas.contacts.read', 'crm.schemas.contacts.write'],
	readOnly: ['crm.objects.contacts.read'],
} as const;

export const HUBSPOT_SEED = {
	portalId: 24680135,
	/** `Authorization: Bearer <token>` — a private app token with every scope the node needs. */
	token: 'pat-na1-fake0000-0000-4000-8000-allscopes000',
	/** A private app token with `crm.objects.contacts.read` only (writes answer 403 MISSING_SCOPES). */
	readOnlyToken: 'pat-na1-fake0000-0000-4000-8000-readonly0000',
	scopes: HUBSPOT_SCOPES,
	owners: [
		{ id: '88842095', email: 'patricia.boyle@example.com', firstName: 'Patricia', lastName: 'Boyle', userId: 9100001, archived: false },
		{ id: '88842096', email: 'ravi.kumar@example.com', firstName: 'Ravi', lastName: 'Kumar', userId: 9100002, archived: false },
		{ id: '88842097', email: 'chloe.martin@example.com', firstName: 'Chloé', lastName: 'Martin', userId: 9100003, archived: false },
		{ id: '88842098', email: 'derek.hale@example.com', firstName: 'Derek', lastName: 'Hale', userId: 9100004, archived: true },
	] as HubSpotSeedOwner[],
	contacts: [
		{ id: '51', properties: { firstname: 'Maria', lastname: 'Oliveira', phone: '+5511988887777', hubspot_owner_id: '88842096' } },
		{ id: '52', properties: { firstname: 'João', lastname: 'Pereira', mobilephone: '5521977776666', hubspot_owner_id: '88842097' } },
		{ id: '53', properties: { firstname: 'Emma', lastname: 'Clarke', phone: '07700 900123', email: 'emma.clarke@example.com', hubspot_owner_id: '88842095' } },
		{ id: '54', properties: { firstname: 'Liam', lastname: 'Walsh', phone: '+1 (415) 555-0132', email: 'liam.walsh@example.com' } },
		{ id: '55', properties: { firstname: 'Sofía', lastname: 'García', phone: '+34 612 34 56 78', whatsapp_id: '34612345678', hubspot_owner_id: '88842097' } },
	] as Array<{ id: string; properties: Record<string, string> }>,
} as const;
