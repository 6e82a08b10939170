import type { INodeProperties } from 'n8n-workflow';
import type { ContactCard } from '../../../shared/whatsapp/messages';

/** The contact-card form of Send Contacts (Meta: Contacts messages) and its mapping to Meta's card shape. */

const typed = (displayName: string, name: string, valueName: string, placeholder: string, typeHint: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	placeholder: `Add ${displayName.replace(/s$/, '')}`,
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			displayName: displayName.replace(/s$/, ''),
			name: valueName,
			values: [
				{ displayName: displayName.replace(/s$/, ''), name: valueName, type: 'string', default: '', placeholder },
				{ displayName: 'Label', name: 'type', type: 'string', default: '', placeholder: typeHint, description: 'Optional label shown next to the value' },
			],
		},
	],
});

const phones: INodeProperties = {
	displayName: 'Phones',
	name: 'phones',
	type: 'fixedCollection',
	placeholder: 'Add Phone',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			displayName: 'Phone',
			name: 'phone',
			values: [
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+1 917 555 9999' },
				{ displayName: 'Label', name: 'type', type: 'string', default: '', placeholder: 'Mobile', description: 'Optional label, e.g. Mobile, Work, Home' },
				{
					displayName: 'WhatsApp ID',
					name: 'waId',
					type: 'string',
					default: '',
					placeholder: '19175559999',
					description: 'The number in digits only, if it is on WhatsApp: the card then shows "Message" instead of "Invite to WhatsApp"',
				},
			],
		},
	],
};

export const contactCardFields: INodeProperties[] = [
	{ displayName: 'Full Name', name: 'formattedName', type: 'string', default: '', placeholder: 'Barbara J. Johnson', description: 'Name shown on the card (required)' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	phones,
	typed('Emails', 'emails', 'email', 'name@example.com', 'Work'),
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Department', name: 'department', type: 'string', default: '' },
	{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
	typed('URLs', 'urls', 'url', 'https://example.com', 'Company'),
	{ displayName: 'Birthday', name: 'birthday', type: 'string', default: '', placeholder: '1999-01-23', description: 'In YYYY-MM-DD form' },
];

export interface ContactCardFields {
	formattedName?: string;
	firstName?: string;
	lastName?: string;
	phones?: { phone?: Array<{ phone?: string; type?: string; waId?: string }> };
	emails?: { email?: Array<{ email?: string; type?: string }> };
	urls?: { url?: Array<{ url?: string; type?: string }> };
	company?: string;
	department?: string;
	jobTitle?: string;
	birthday?: string;
}

/** Keeps only filled-in values, so the card carries no empty keys. */
function filled<T extends Record<string, string | undefined>>(entry: T): Partial<T> | undefined {
	const kept = Object.entries(entry).filter(([, value]) => typeof value === 'string' && value.trim() !== '');
	return kept.length ? (Object.fromEntries(kept.map(([key, value]) => [key, value!.trim()])) as Partial<T>) : undefined;
}

function list<T>(entries: T[] | undefined): T[] | undefined {
	const kept = (entries ?? []).filter((entry) => entry !== undefined);
	return kept.length ? kept : undefined;
}

/** Form values → Meta's card; the core's builder then checks it (name required, birthday format…). */
export function contactCardFromFields(fields: ContactCardFields): ContactCard {
	const name = filled({ formatted_name: fields.formattedName, first_name: fields.firstName, last_name: fields.lastName });
	const card: Record<string, unknown> = { name: name ?? {} };
	const phoneList = list((fields.phones?.phone ?? []).map((entry) => filled({ phone: entry.phone, type: entry.type, wa_id: entry.waId })));
	const emailList = list((fields.emails?.email ?? []).map((entry) => filled({ email: entry.email, type: entry.type })));
	const urlList = list((fields.urls?.url ?? []).map((entry) => filled({ url: entry.url, type: entry.type })));
	const org = filled({ company: fields.company, department: fields.department, title: fields.jobTitle });
	const birthday = fields.birthday?.trim();
	if (phoneList) card.phones = phoneList;
	if (emailList) card.emails = emailList;
	if (urlList) card.urls = urlList;
	if (org) card.org = org;
	if (birthday) card.birthday = birthday;
	return card as unknown as ContactCard;
}
