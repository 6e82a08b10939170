/**
 * Business profile update (Meta: Business profiles): only the fields given are changed, so only those are
 * sent. Limits are checked here so a value Meta would refuse never leaves n8n.
 */
import { characterCount } from '../messages/common';
import { WhatsAppValidationError } from '../validationError';

/** (Meta: Business profiles), plus the four added in Meta's v23 OpenAPI (ALCOHOL … OTC_DRUGS). */
export const BUSINESS_VERTICALS = [
	'ALCOHOL', 'APPAREL', 'AUTO', 'BEAUTY', 'EDU', 'ENTERTAIN', 'EVENT_PLAN', 'FINANCE', 'GOVT', 'GROCERY', 'HEALTH', 'HOTEL',
	'NONPROFIT', 'NOT_A_BIZ', 'ONLINE_GAMBLING', 'OTC_DRUGS', 'OTHER', 'PHYSICAL_GAMBLING', 'PROF_SERVICES', 'RESTAURANT',
	'RETAIL', 'TRAVEL', 'UNDEFINED',
] as const;
export type BusinessVertical = (typeof BUSINESS_VERTICALS)[number];

/** Meta's Business profiles page: fields GET can return. */
export const BUSINESS_PROFILE_FIELDS = ['about', 'address', 'description', 'email', 'profile_picture_url', 'vertical', 'websites'] as const;

/** Meta's Business profiles page: limits (pywa, 360dialog). Meta's v23 OpenAPI says 256 for description; Meta's Business profiles page: gives 512. */
const PROFILE_LIMITS = { about: 139, address: 256, description: 512, email: 128, website: 256, websites: 2 } as const;

export interface BusinessProfileUpdateInput {
	about?: string;
	address?: string;
	description?: string;
	email?: string;
	vertical?: string;
	websites?: string[];
}

export interface BusinessProfileUpdateBody {
	messaging_product: 'whatsapp';
	about?: string;
	address?: string;
	description?: string;
	email?: string;
	vertical?: BusinessVertical;
	websites?: string[];
}

// Deliberately loose: one @, no spaces, a dot in the domain. Meta does the real check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE = /^https?:\/\/[^\s/?#]+\.[^\s]+$/i;

function tooLong(field: string, label: string, value: string, max: number): void {
	const count = characterCount(value);
	if (count > max) {
		throw new WhatsAppValidationError(`${label} is ${count} characters long; WhatsApp allows at most ${max}.`, field, `Shorten ${label.toLowerCase()} to ${max} characters or fewer.`);
	}
}

function checkWebsites(websites: string[]): string[] {
	const list = websites.map((site) => String(site).trim()).filter(Boolean);
	if (list.length > PROFILE_LIMITS.websites) {
		throw new WhatsAppValidationError(`${list.length} websites were given; a profile shows at most ${PROFILE_LIMITS.websites}.`, 'websites', 'Keep your two most important websites and remove the others.');
	}
	for (const site of list) {
		if (!WEBSITE.test(site)) {
			throw new WhatsAppValidationError(`"${site}" is not a website address.`, 'websites', 'Write each website in full, starting with https:// (or http://), e.g. https://www.example.com.');
		}
		tooLong('websites', 'A website address', site, PROFILE_LIMITS.website);
	}
	return list;
}

/** The POST body for (Meta: Business profiles), or a WhatsAppValidationError naming the field to fix. */
export function buildBusinessProfileUpdate(input: BusinessProfileUpdateInput): BusinessProfileUpdateBody {
	const body: BusinessProfileUpdateBody = { messaging_product: 'whatsapp' };
	if (input.about !== undefined) {
		// Meta's Business profiles page: "about" cannot be empty once given.
		if (input.about.trim() === '') throw new WhatsAppValidationError('"About" is empty.', 'about', 'Enter 1 to 139 characters, or remove the About field to keep the current text.');
		tooLong('about', 'About', input.about, PROFILE_LIMITS.about);
		body.about = input.about;
	}
	for (const field of ['address', 'description'] as const) {
		const value = input[field];
		if (value === undefined) continue;
		tooLong(field, field === 'address' ? 'The address' : 'The description', value, PROFILE_LIMITS[field]);
		body[field] = value;
	}
	if (input.email !== undefined) {
		const email = input.email.trim();
		if (email !== '' && !EMAIL.test(email)) throw new WhatsAppValidationError(`"${email}" is not an email address.`, 'email', 'Enter an address such as hello@example.com.');
		tooLong('email', 'The email address', email, PROFILE_LIMITS.email);
		body.email = email;
	}
	if (input.vertical !== undefined) {
		const vertical = input.vertical.trim().toUpperCase();
		if (!(BUSINESS_VERTICALS as readonly string[]).includes(vertical)) {
			throw new WhatsAppValidationError(`"${input.vertical}" is not a WhatsApp business category.`, 'vertical', `Choose one of: ${BUSINESS_VERTICALS.join(', ')}.`);
		}
		body.vertical = vertical as BusinessVertical;
	}
	if (input.websites !== undefined) body.websites = checkWebsites(input.websites);
	if (Object.keys(body).length === 1) {
		throw new WhatsAppValidationError('Nothing to update.', 'updateFields', 'Add at least one field to change (About, Address, Description, Email, Industry or Websites).');
	}
	return body;
}
