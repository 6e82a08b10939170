/**
 * Contact and note property definitions as the Properties API (CRM v3 "Properties") lists them.
 * `email` is the contact's built-in unique key; custom properties can be unique
 * (`hasUniqueValue`, contacts since HubSpot's changelog "Unique Properties support for newly
 * created Contact properties", at most 10 per object).
 */

export interface HubSpotProperty {
	name: string;
	label: string;
	type: 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool';
	fieldType: string;
	groupName: string;
	description: string;
	hasUniqueValue: boolean;
	hubspotDefined: boolean;
	/** Computed by HubSpot; writes are rejected. */
	calculated: boolean;
	createdAt: number;
}

const BUILT_IN_CONTACT: Array<[string, string, HubSpotProperty['type'], string, Partial<HubSpotProperty>?]> = [
	['email', 'Email', 'string', 'text', { hasUniqueValue: true }],
	['firstname', 'First Name', 'string', 'text'],
	['lastname', 'Last Name', 'string', 'text'],
	['phone', 'Phone Number', 'string', 'phonenumber'],
	['mobilephone', 'Mobile Phone Number', 'string', 'phonenumber'],
	['company', 'Company Name', 'string', 'text'],
	['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio'],
	['hs_lead_status', 'Lead Status', 'enumeration', 'radio'],
	['hubspot_owner_id', 'Contact owner', 'enumeration', 'select'],
	['createdate', 'Create Date', 'datetime', 'date', { calculated: true }],
	['lastmodifieddate', 'Last Modified Date', 'datetime', 'date', { calculated: true }],
	['hs_object_id', 'Record ID', 'number', 'number', { calculated: true }],
	['hs_searchable_calculated_phone_number', 'Phone number (searchable)', 'string', 'text', { calculated: true }],
	['hs_searchable_calculated_mobile_number', 'Mobile phone number (searchable)', 'string', 'text', { calculated: true }],
];

const WHATSAPP_CONTACT: Array<[string, string, HubSpotProperty['type'], string, Partial<HubSpotProperty>?]> = [
	['whatsapp_id', 'WhatsApp ID', 'string', 'text', { hasUniqueValue: true, hubspotDefined: false }],
	['whatsapp_bsuid', 'WhatsApp BSUID', 'string', 'text', { hasUniqueValue: true, hubspotDefined: false }],
	['whatsapp_last_inbound_at', 'WhatsApp last inbound at', 'datetime', 'date', { hubspotDefined: false }],
];

const BUILT_IN_NOTE: Array<[string, string, HubSpotProperty['type'], string, Partial<HubSpotProperty>?]> = [
	['hs_timestamp', 'Activity date', 'datetime', 'date'],
	['hs_note_body', 'Note body', 'string', 'html'],
	['hubspot_owner_id', 'Activity assigned to', 'enumeration', 'select'],
	['hs_attachment_ids', 'Attachment IDs', 'enumeration', 'checkbox'],
	['hs_createdate', 'Create date', 'datetime', 'date', { calculated: true }],
	['hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', { calculated: true }],
	['hs_object_id', 'Record ID', 'number', 'number', { calculated: true }],
];

function build(rows: typeof BUILT_IN_CONTACT, groupName: string, now: number): HubSpotProperty[] {
	return rows.map(([name, label, type, fieldType, extra]) => ({ name, label, type, fieldType, groupName, description: '', hasUniqueValue: false, hubspotDefined: true, calculated: false, createdAt: now, ...extra }));
}

export function seedContactProperties(withWhatsApp: boolean, now: number): HubSpotProperty[] {
	return [...build(BUILT_IN_CONTACT, 'contactinformation', now), ...(withWhatsApp ? build(WHATSAPP_CONTACT, 'contactinformation', now) : [])];
}

export function seedNoteProperties(now: number): HubSpotProperty[] {
	return build(BUILT_IN_NOTE, 'engagement', now);
}

export const MAX_UNIQUE_PROPERTIES = 10;
