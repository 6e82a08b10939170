/**
 * Every CRM's refusals turned into one error with the fix a user can act on. The tables follow each
 * vendor's documented error bodies: Zoho CRM "Status codes and errors" (v8) and Bigin "Status codes"
 * (`{code, details, message, status}`, top level or per record in `data[]`); Zendesk "Errors"
 * (`{error, description, details}`, sometimes plain text); HubSpot "Error handling"
 * (`{status, message, category, errors[]}`).
 */
import type { CrmHttpResponse, CrmKind } from './types';

/** A CRM refused a request. `message` says what happened, `description` how to fix it. */
export class CrmApiError extends Error {
	constructor(
		readonly kind: CrmKind,
		readonly status: number,
		message: string,
		readonly description: string,
		/** The CRM's own error code (e.g. INVALID_TOKEN, RecordInvalid, MISSING_SCOPES) when it gave one. */
		readonly code?: string,
	) {
		super(message);
		this.name = 'CrmApiError';
	}
}

/** A field or property the node relies on does not exist in the CRM; `description` says where to create it. */
export class CrmSetupError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'CrmSetupError';
	}
}

/** A bad input on one item (e.g. no wa_id and no BSUID); `description` names the field to fix. */
export class CrmInputError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'CrmInputError';
	}
}

export const CRM_NAMES: Record<CrmKind, string> = { zohoCrm: 'Zoho CRM', bigin: 'Bigin', zendesk: 'Zendesk', hubspot: 'HubSpot' };

type Body = Record<string, unknown>;
const asBody = (value: unknown): Body => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The first Zoho error object: the top-level one, or the first failed record of `data[]`. */
export function zohoErrorOf(body: unknown): { code?: string; message?: string; details: Body } {
	const top = asBody(body);
	const records = Array.isArray(top.data) ? (top.data as unknown[]).map(asBody) : [];
	const failed = records.find((record) => record.status === 'error') ?? (records.length ? undefined : top);
	const source = failed ?? {};
	return { code: text(source.code), message: text(source.message), details: asBody(source.details) };
}

function zohoError(kind: 'zohoCrm' | 'bigin', response: CrmHttpResponse, action: string): CrmApiError {
	const name = CRM_NAMES[kind];
	const { code, message, details } = zohoErrorOf(response.body);
	const field = text(details.api_name);
	const scopePrefix = kind === 'bigin' ? 'ZohoBigin' : 'ZohoCRM';
	const fail = (what: string, fix: string) => new CrmApiError(kind, response.status, `${name}: ${what}`, fix, code);
	switch (code) {
		case 'INVALID_TOKEN':
		case 'AUTHENTICATION_FAILURE':
			return fail(
				'the access token was refused (expired or revoked)',
				`Open the ${name} credential and click "Connect my account" (or "Reconnect") to grant access again. If it keeps failing, check that the Data Centre matches the one your ${name} account lives in.`,
			);
		case 'OAUTH_SCOPE_MISMATCH':
			return fail(
				`the credential lacks a permission (scope) needed to ${action}`,
				`Reconnect the credential: it asks for ${scopePrefix}.modules.ALL, ${scopePrefix}.users.READ, ${scopePrefix}.settings.fields.READ and ZohoSearch.securesearch.READ. If the Zoho consent screen showed fewer, remove the old connection in Zoho Accounts › Connected Apps first.`,
			);
		case 'NO_PERMISSION':
			return fail(`the connected user may not ${action}`, `Give the connected user's ${name} profile permission for this module (Setup › Users and Control › Profiles), or connect as an administrator.`);
		case 'MANDATORY_NOT_FOUND':
			return fail(
				`a required field is missing${field ? `: ${field}` : ''}`,
				field
					? `Add "${field}" under Additional Fields of the node (use the API name ${field}), or make it optional in ${name} › Setup › Customization › Modules and Fields.`
					: 'Fill in the fields the layout requires under Additional Fields.',
			);
		case 'INVALID_DATA':
			return fail(
				`${field ? `the field "${field}"` : 'a field'} was refused${message ? ` (${message})` : ''}`,
				field
					? `Check that a field with the API name "${field}" exists in the module (Setup › Customization › Modules and Fields) and that its type fits the value${details.expected_data_type ? ` (${String(details.expected_data_type)})` : ''}.`
					: 'Check the field names and values sent by the node.',
			);
		case 'DUPLICATE_DATA':
			return fail(
				`another record already has this ${field ?? 'value'}`,
				`Record ${String(details.id ?? asBody(details.duplicate_record).id ?? '')} holds it. Unique fields other than the WhatsApp ID (such as Email) must not be set to a value another record uses.`,
			);
		case 'INVALID_MODULE':
		case 'INVALID_URL_PATTERN':
			return fail('the module or URL is unknown', kind === 'bigin' ? 'Bigin exposes Contacts; check the Module chosen in the node.' : 'Choose Leads or Contacts in the node; a renamed module keeps its API name.');
		case 'LIMIT_EXCEEDED':
		case 'TOO_MANY_REQUESTS':
			return fail('the API limit was reached', `Wait and run again, or raise the edition's API credits (${name} › Setup › Developer Space › APIs › API Dashboard).`);
		default:
			return generic(kind, response, message ?? code, action);
	}
}

function zendeskError(response: CrmHttpResponse, action: string): CrmApiError {
	const body = asBody(response.body);
	const label = text(body.error) ?? (typeof response.body === 'string' ? response.body.slice(0, 200) : undefined);
	const descriptionText = text(body.description) ?? text(asBody(body.error).message);
	const fail = (what: string, fix: string) => new CrmApiError('zendesk', response.status, `Zendesk: ${what}`, fix, typeof body.error === 'string' ? body.error : undefined);
	if (response.status === 401) {
		return fail(
			"the credential was refused (Couldn't authenticate you)",
			'Check the subdomain, the agent email and the API token in the credential. Token access must be on in Admin Center › Apps and integrations › APIs › Zendesk API.',
		);
	}
	if (response.status === 403) {
		return fail(`the connected agent may not ${action}`, 'Connect with an admin or an agent whose role can edit end users and tickets.');
	}
	if (response.status === 422 || label === 'RecordInvalid') {
		const fields = Object.entries(asBody(body.details)).map(([field, problems]) => {
			const first = Array.isArray(problems) ? asBody(problems[0]) : {};
			return `${field}: ${text(first.description) ?? text(first.error) ?? 'invalid'}`;
		});
		return fail(
			`refused to ${action} (${fields.join('; ') || descriptionText || label || 'invalid record'})`,
			'Correct the field named above. A phone number must be in international form, and user fields must exist in Admin Center › People › Configuration › User fields.',
		);
	}
	return generic('zendesk', response, descriptionText ?? label, action);
}

function hubspotError(response: CrmHttpResponse, action: string): CrmApiError {
	const body = asBody(response.body);
	const category = text(body.category);
	const message = text(body.message);
	const fail = (what: string, fix: string) => new CrmApiError('hubspot', response.status, `HubSpot: ${what}`, fix, category);
	if (response.status === 401 || category === 'INVALID_AUTHENTICATION' || category === 'EXPIRED_AUTHENTICATION') {
		return fail('the access token was refused (invalid, rotated or expired)', 'Copy the access token again from Settings › Integrations › Private Apps › your app › Auth and paste it into the credential.');
	}
	if (response.status === 403 || category === 'MISSING_SCOPES') {
		const scopes = requiredScopes(body);
		return fail(
			`the private app lacks a scope needed to ${action}`,
			`In Settings › Integrations › Private Apps › your app › Scopes, add ${scopes.length ? scopes.join(', ') : 'crm.objects.contacts.read, crm.objects.contacts.write and crm.objects.owners.read'}, then paste the token again if HubSpot rotated it.`,
		);
	}
	if (category === 'VALIDATION_ERROR' || response.status === 400) {
		return fail(`refused to ${action}${message ? ` (${message})` : ''}`, 'Correct the property named in the message; properties must exist in Settings › Properties › Contact properties.');
	}
	return generic('hubspot', response, message, action);
}

function requiredScopes(body: Body): string[] {
	const errors = Array.isArray(body.errors) ? (body.errors as unknown[]).map(asBody) : [];
	const scopes = errors.flatMap((error) => {
		const context = asBody(error.context);
		const list = context.requiredGranularScopes ?? context.requiredScopes;
		return Array.isArray(list) ? list.map(String) : [];
	});
	return [...new Set(scopes)];
}

function generic(kind: CrmKind, response: CrmHttpResponse, detail: string | undefined, action: string): CrmApiError {
	const name = CRM_NAMES[kind];
	const suffix = detail ? ` (${detail})` : '';
	if (response.status === 429) {
		return new CrmApiError(kind, 429, `${name}: too many requests${suffix}`, `${name} kept answering 429 after the node waited as it asked (Retry-After). Run again later, or send fewer items at once.`);
	}
	if (response.status >= 500) {
		return new CrmApiError(kind, response.status, `${name} had a server error (HTTP ${response.status})${suffix}`, `${name} failed while trying to ${action}; the node retried. Run again in a few minutes.`);
	}
	if (response.status === 404) {
		return new CrmApiError(kind, 404, `${name}: not found while trying to ${action}${suffix}`, 'The record may have been deleted or merged in the CRM. Check the record ID given to the node.');
	}
	return new CrmApiError(kind, response.status, `${name} refused to ${action} (HTTP ${response.status})${suffix}`, 'Check the node fields and the credential.');
}

/**
 * The error for a CRM answer that is not a success. `action` is what the node was doing, in words
 * that fit "… to {action}" (e.g. "create the contact").
 */
export function crmError(kind: CrmKind, response: CrmHttpResponse, action: string): CrmApiError {
	if (kind === 'zohoCrm' || kind === 'bigin') return zohoError(kind, response, action);
	if (kind === 'zendesk') return zendeskError(response, action);
	return hubspotError(response, action);
}

/** Throws the mapped error unless the status is 2xx. */
export function expectOk(kind: CrmKind, response: CrmHttpResponse, action: string): void {
	if (response.status < 200 || response.status >= 300) throw crmError(kind, response, action);
}
