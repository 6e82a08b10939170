/**
 * Seed data of the Zoho fake: one OAuth client, refresh tokens with different scope sets, users
 * for owner round-robin, and a few Leads / Contacts whose phones are stored in different formats
 * (E.164 with and without "+", national, spaced) so phone matching can be tested.
 * These values only ever work against the fake.
 */

export type ZohoProduct = 'crm' | 'bigin';

export interface ZohoSeedUser {
	id: string;
	first_name: string;
	last_name: string;
	email: string;
	role: string;
	profile: string;
	status: 'active' | 'disabled';
	zuid: string;
}

export interface ZohoSeedRecord {
	id: string;
	/** Owner user id. */
	ownerId: string;
	fields: Record<string, string>;
}

const CRM_SCOPES = ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ', 'ZohoCRM.settings.fields.READ', 'ZohoSearch.securesearch.READ'];
const BIGIN_SCOPES = ['ZohoBigin.modules.ALL', 'ZohoBigin.users.READ', 'ZohoBigin.settings.fields.READ', 'ZohoSearch.securesearch.READ'];
const READ_ONLY_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.contacts.READ', 'ZohoCRM.users.READ', 'ZohoSearch.securesearch.READ'];

export const ZOHO_SEED = {
	/** OAuth client (any redirect URI is accepted). */
	clientId: '1000.FAKEZOHOCLIENT00000000000000000',
	clientSecret: 'fake-zoho-client-secret',
	scopes: { crm: CRM_SCOPES, bigin: BIGIN_SCOPES, all: [...CRM_SCOPES, ...BIGIN_SCOPES.filter((scope) => !CRM_SCOPES.includes(scope))], crmReadOnly: READ_ONLY_SCOPES },
	/** Refresh tokens granted at start-up, by scope set (grant user: the first CRM / Bigin user). */
	refreshTokens: {
		all: '1000.fakezohorefresh.all',
		crm: '1000.fakezohorefresh.crm',
		bigin: '1000.fakezohorefresh.bigin',
		crmReadOnly: '1000.fakezohorefresh.crmreadonly',
	},
	/** Access tokens issued at start-up from the refresh token of the same name (expire after `accessTokenTtlSeconds`). */
	accessTokens: {
		all: '1000.fakezohoaccess.all',
		crm: '1000.fakezohoaccess.crm',
		bigin: '1000.fakezohoaccess.bigin',
		crmReadOnly: '1000.fakezohoaccess.crmreadonly',
	},
	crm: {
		users: [
			{ id: '5725767000000411001', first_name: 'Patricia', last_name: 'Boyle', email: 'patricia.boyle@example.com', role: 'CEO', profile: 'Administrator', status: 'active', zuid: '75092101' },
			{ id: '5725767000000411002', first_name: 'Ravi', last_name: 'Kumar', email: 'ravi.kumar@example.com', role: 'Manager', profile: 'Standard', status: 'active', zuid: '75092102' },
			{ id: '5725767000000411003', first_name: 'Chloé', last_name: 'Martin', email: 'chloe.martin@example.com', role: 'Manager', profile: 'Standard', status: 'active', zuid: '75092103' },
			{ id: '5725767000000411004', first_name: 'Derek', last_name: 'Hale', email: 'derek.hale@example.com', role: 'Manager', profile: 'Standard', status: 'disabled', zuid: '75092104' },
		] as ZohoSeedUser[],
		leads: [
			{ id: '5725767000000524001', ownerId: '5725767000000411002', fields: { First_Name: 'Maria', Last_Name: 'Oliveira', Company: 'Oliveira Flores', Mobile: '+5511988887777', Lead_Source: 'Web Download' } },
			{ id: '5725767000000524002', ownerId: '5725767000000411003', fields: { First_Name: 'João', Last_Name: 'Pereira', Company: 'Pereira & Filhos', Phone: '5521977776666' } },
			{ id: '5725767000000524003', ownerId: '5725767000000411001', fields: { First_Name: 'Jonas', Last_Name: 'Müller', Company: 'Müller GmbH', Phone: '+49 30 901820', Email: 'jonas.mueller@example.com' } },
		] as ZohoSeedRecord[],
		contacts: [
			{ id: '5725767000000531001', ownerId: '5725767000000411001', fields: { First_Name: 'Emma', Last_Name: 'Clarke', Mobile: '07700 900123', Email: 'emma.clarke@example.com' } },
			{ id: '5725767000000531002', ownerId: '5725767000000411002', fields: { First_Name: 'Liam', Last_Name: 'Walsh', Phone: '+1 (415) 555-0132' } },
			{ id: '5725767000000531003', ownerId: '5725767000000411003', fields: { First_Name: 'Sofía', Last_Name: 'García', Mobile: '+34 612 34 56 78', WhatsApp_ID: '34612345678' } },
		] as ZohoSeedRecord[],
	},
	bigin: {
		users: [
			{ id: '4876876000000239001', first_name: 'Patricia', last_name: 'Boyle', email: 'patricia.boyle@example.com', role: 'CEO', profile: 'Administrator', status: 'active', zuid: '75092101' },
			{ id: '4876876000000239002', first_name: 'Ravi', last_name: 'Kumar', email: 'ravi.kumar@example.com', role: 'Manager', profile: 'Standard', status: 'active', zuid: '75092102' },
			{ id: '4876876000000239003', first_name: 'Derek', last_name: 'Hale', email: 'derek.hale@example.com', role: 'Manager', profile: 'Standard', status: 'disabled', zuid: '75092104' },
		] as ZohoSeedUser[],
		contacts: [
			{ id: '4876876000000551001', ownerId: '4876876000000239001', fields: { First_Name: 'Maria', Last_Name: 'Oliveira', Mobile: '+5511988887777' } },
			{ id: '4876876000000551002', ownerId: '4876876000000239002', fields: { First_Name: 'Emma', Last_Name: 'Clarke', Mobile: '07700 900123', Email: 'emma.clarke@example.com' } },
			{ id: '4876876000000551003', ownerId: '4876876000000239001', fields: { First_Name: 'Liam', Last_Name: 'Walsh', Phone: '14155550132' } },
			{ id: '4876876000000551004', ownerId: '4876876000000239002', fields: { First_Name: 'Sofía', Last_Name: 'García', Mobile: '+34 612 34 56 78', WhatsApp_ID: '34612345678' } },
		] as ZohoSeedRecord[],
	},
} as const;
