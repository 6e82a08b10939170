/**
 * Field definitions of the modelled modules and their `GET /settings/fields?module=` shape
 * (Zoho CRM v8 "Fields Metadata API": `api_name`, `data_type`, `unique: {}` for non-unique fields,
 * `unique: {"casesensitive": "false"}` for "Do not allow duplicate values", `system_mandatory`).
 */
import type { ZohoProduct } from './seed';

export type ZohoDataType = 'text' | 'textarea' | 'email' | 'phone' | 'datetime' | 'ownerlookup' | 'lookup' | 'picklist';

export interface ZohoField {
	api_name: string;
	field_label: string;
	data_type: ZohoDataType;
	length: number;
	unique?: boolean;
	custom?: boolean;
	mandatory?: boolean;
	readOnly?: boolean;
}

/** Module names as they appear in URLs (`/crm/v8/Leads`). */
export const MODULES: Record<ZohoProduct, string[]> = { crm: ['Leads', 'Contacts'], bigin: ['Contacts'] };

/** Zoho's system-defined duplicate-check field, used by upsert when `duplicate_check_fields` is absent (v8 upsert docs). */
export const SYSTEM_DUPLICATE_CHECK: Record<string, string[]> = { Leads: ['Email'], Contacts: ['Email'] };

const text = (api_name: string, field_label: string, length: number, extra: Partial<ZohoField> = {}): ZohoField => ({ api_name, field_label, data_type: 'text', length, ...extra });
const phone = (api_name: string, field_label: string): ZohoField => ({ api_name, field_label, data_type: 'phone', length: 30 });

const PERSON: ZohoField[] = [
	{ api_name: 'Owner', field_label: 'Owner', data_type: 'ownerlookup', length: 120 },
	text('First_Name', 'First Name', 40),
	text('Last_Name', 'Last Name', 80, { mandatory: true }),
	text('Full_Name', 'Full Name', 120, { readOnly: true }),
	{ api_name: 'Email', field_label: 'Email', data_type: 'email', length: 100 },
	phone('Phone', 'Phone'),
	phone('Mobile', 'Mobile'),
	{ api_name: 'Description', field_label: 'Description', data_type: 'textarea', length: 32000 },
];

/**
 * The custom fields a WhatsApp integration asks users to create: the wa_id and the business-scoped
 * user id as unique text fields, and the time of the last inbound message.
 */
export const WHATSAPP_FIELDS: ZohoField[] = [
	text('WhatsApp_ID', 'WhatsApp ID', 50, { unique: true, custom: true }),
	text('WhatsApp_BSUID', 'WhatsApp BSUID', 100, { unique: true, custom: true }),
	{ api_name: 'Last_WhatsApp_Inbound', field_label: 'Last WhatsApp Inbound', data_type: 'datetime', length: 120, custom: true },
];

/** Fields of one module; `withWhatsAppFields` false models an org where the admin has not created them. */
export function moduleFields(product: ZohoProduct, module: string, withWhatsAppFields: boolean): ZohoField[] {
	const custom = withWhatsAppFields ? WHATSAPP_FIELDS : [];
	const leadSource: ZohoField = { api_name: 'Lead_Source', field_label: 'Lead Source', data_type: 'picklist', length: 120 };
	if (product === 'crm' && module === 'Leads') return [...PERSON, text('Company', 'Company', 200), leadSource, { api_name: 'Lead_Status', field_label: 'Lead Status', data_type: 'picklist', length: 120 }, ...custom];
	if (product === 'crm') return [...PERSON, phone('Home_Phone', 'Home Phone'), phone('Other_Phone', 'Other Phone'), leadSource, { api_name: 'Account_Name', field_label: 'Account Name', data_type: 'lookup', length: 120 }, ...custom];
	return [...PERSON, phone('Home_Phone', 'Home Phone'), { api_name: 'Account_Name', field_label: 'Company Name', data_type: 'lookup', length: 120 }, ...custom];
}

const JSON_TYPE: Record<ZohoDataType, string> = { text: 'string', textarea: 'string', email: 'string', phone: 'string', datetime: 'string', ownerlookup: 'jsonobject', lookup: 'jsonobject', picklist: 'string' };

/** One field as the Fields Metadata API lists it (the subset of keys integrations read). */
export function presentField(field: ZohoField, index: number, idPrefix: string): Record<string, unknown> {
	return {
		id: `${idPrefix}${String(710000 + index)}`,
		api_name: field.api_name,
		field_label: field.field_label,
		display_label: field.field_label,
		data_type: field.data_type,
		json_type: JSON_TYPE[field.data_type],
		length: field.length,
		custom_field: field.custom === true,
		system_mandatory: field.mandatory === true,
		read_only: field.readOnly === true,
		field_read_only: field.readOnly === true,
		unique: field.unique ? { casesensitive: 'false' } : {},
		visible: true,
		searchable: true,
		external: null,
	};
}
