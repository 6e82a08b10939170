/**
 * Users API (Zendesk Support API v2 "Users"): create (201), create_or_update matched by
 * external_id then email (201 created / 200 updated, with `Location`), update (incl. `user_fields`),
 * show, show_many (`ids` / `external_ids`), list with `role` / `role[]` filters, `me`, user fields.
 * Uniqueness (email, external_id) is checked against the store, never the lagging index.
 */
import { isPlainObject, json, parseJsonBody, type FakeRequest, type FakeResponse } from '../common/http';
import { digitsOnly, isBlank } from '../common/util';
import { authenticate } from './auth';
import type { ZendeskFakeConfig } from './config';
import { fail, invalid, notFound, paginate, presentUser } from './present';
import { ZENDESK_SEED } from './seed';
import type { ZendeskState, ZendeskUser } from './state';

export interface ZendeskContext {
	state: ZendeskState;
	config: ZendeskFakeConfig;
	url: () => string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const ROLES = ['end-user', 'agent', 'admin'];

export function userFieldKeys(context: ZendeskContext): string[] {
	return context.config.whatsAppUserFields ? ZENDESK_SEED.userFields.map((field) => field.key) : [];
}

export function present(context: ZendeskContext, user: ZendeskUser): Record<string, unknown> {
	return presentUser(user, context.url(), userFieldKeys(context));
}

/** The `user` object of the body, or 400. */
function userInput(request: FakeRequest): Record<string, unknown> {
	const body = parseJsonBody(request, () => ({ status: 400, json: { error: 'Unprocessable JSON', description: 'The request body is not valid JSON.' } }));
	if (!isPlainObject(body) || !isPlainObject(body.user)) fail(400, 'ParameterMissing', 'Parameter user is required');
	return body.user;
}

/** Applies `input` to `existing` (or a new end user), checking what Zendesk validates; throws 422. */
export function applyUserInput(context: ZendeskContext, existing: ZendeskUser | undefined, input: Record<string, unknown>, now: number): ZendeskUser {
	const { state } = context;
	const user: ZendeskUser = existing
		? { ...existing, user_fields: { ...existing.user_fields }, tags: [...existing.tags] }
		: { id: 0, name: '', email: null, phone: null, shared_phone_number: null, role: 'end-user', external_id: null, user_fields: {}, tags: [], notes: '', details: '', suspended: false, verified: false, created_at: now, updated_at: now };
	if (input.name !== undefined) user.name = String(input.name ?? '');
	if (!existing && isBlank(user.name)) invalid('name', 'Name:  cannot be blank', 'BlankValue');
	if (!isBlank(input.email)) {
		const email = String(input.email);
		if (!EMAIL.test(email)) invalid('email', `Email: ${email} is not properly formatted`, 'InvalidFormat');
		const owner = state.userByEmail(email);
		if (owner && owner.id !== user.id) invalid('email', `Email: ${email} is already being used by another user`, 'DuplicateValue');
		// On update Zendesk adds a secondary identity; the fake keeps only the primary email.
		user.email ??= email;
	}
	if (input.external_id !== undefined) {
		const externalId = isBlank(input.external_id) ? null : String(input.external_id);
		const owner = externalId ? state.userByExternalId(externalId) : undefined;
		if (owner && owner.id !== user.id) invalid('external_id', 'External has already been taken', 'DuplicateValue');
		user.external_id = externalId;
	}
	if (input.role !== undefined) {
		if (!ROLES.includes(String(input.role))) invalid('role', `Role: ${String(input.role)} is not a valid role`, 'InvalidValue');
		user.role = input.role as ZendeskUser['role'];
	}
	if (isPlainObject(input.user_fields)) {
		// Keys that are not defined user fields are dropped, as Zendesk ignores them (not confirmed).
		for (const key of userFieldKeys(context)) if (key in input.user_fields) user.user_fields[key] = input.user_fields[key];
	}
	if (Array.isArray(input.tags)) user.tags = input.tags.map(String);
	if (typeof input.notes === 'string') user.notes = input.notes;
	if (typeof input.details === 'string') user.details = input.details;
	if (typeof input.verified === 'boolean') user.verified = input.verified;
	// Last: the only check that changes other users (shared numbers) runs after every other check passed.
	if (input.phone !== undefined) applyPhone(context, user, input.phone, input.shared_phone_number);
	user.updated_at = now;
	if (!existing) user.id = state.nextId('user');
	return user;
}

/** "Unique numbers default to direct line": a number another user already has becomes shared on both. */
function applyPhone(context: ZendeskContext, user: ZendeskUser, value: unknown, shared: unknown): void {
	if (isBlank(value)) {
		user.phone = null;
		user.shared_phone_number = null;
		return;
	}
	const phone = String(value);
	if (context.config.validatePhoneNumbers && !E164.test(phone)) invalid('phone', `Phone ${phone} is not properly formatted`, 'InvalidFormat');
	const others = [...context.state.users.values()].filter((other) => other.id !== user.id && other.phone && digitsOnly(other.phone) === digitsOnly(phone));
	user.phone = phone;
	user.shared_phone_number = shared === true || others.length > 0;
	for (const other of others) if (!other.shared_phone_number) context.state.saveUser({ ...other, shared_phone_number: true });
}

export function createUser(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const user = applyUserInput(context, undefined, userInput(request), request.now);
	context.state.saveUser(user);
	return json(201, { user: present(context, user) }, { Location: `/api/v2/users/${user.id}.json` });
}

export function createOrUpdateUser(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const input = userInput(request);
	const existing = (!isBlank(input.external_id) ? context.state.userByExternalId(String(input.external_id)) : undefined) ?? (!isBlank(input.email) ? context.state.userByEmail(String(input.email)) : undefined);
	const user = applyUserInput(context, existing, input, request.now);
	context.state.saveUser(user);
	return json(existing ? 200 : 201, { user: present(context, user) }, { Location: `/api/v2/users/${user.id}.json` });
}

export function updateUser(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const existing = context.state.users.get(Number(request.params.id));
	if (!existing) notFound();
	const user = applyUserInput(context, existing, userInput(request), request.now);
	context.state.saveUser(user);
	return json(200, { user: present(context, user) });
}

export function showUser(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const user = context.state.users.get(Number(request.params.id));
	if (!user) notFound();
	return json(200, { user: present(context, user) });
}

export function me(context: ZendeskContext, request: FakeRequest): FakeResponse {
	return json(200, { user: present(context, authenticate(context.state, request)) });
}

/** `?ids=1,2` or `?external_ids=a,b` (up to 100). External ids read the store unless `externalIdLookupLags`. */
export function showManyUsers(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const ids = request.query.get('ids');
	const externalIds = request.query.get('external_ids');
	if (ids === null && externalIds === null) fail(400, 'InvalidParameter', 'ids or external_ids is required');
	const wanted = (ids ?? externalIds ?? '').split(',').map((value) => value.trim()).filter(Boolean);
	if (wanted.length > 100) fail(400, 'InvalidParameter', 'At most 100 ids or external_ids');
	const pool = externalIds !== null && context.config.externalIdLookupLags ? context.state.userIndex.visible() : [...context.state.users.values()];
	const users = pool.filter((user) => (ids !== null ? wanted.includes(String(user.id)) : user.external_id !== null && wanted.some((id) => id.toLowerCase() === user.external_id!.toLowerCase())));
	return json(200, { users: users.map((user) => present(context, user)) });
}

/** GET /users with `role=agent` or `role[]=agent&role[]=admin`. */
export function listUsers(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const roles = [...request.query.getAll('role'), ...request.query.getAll('role[]')];
	const users = [...context.state.users.values()].filter((user) => roles.length === 0 || roles.includes(user.role)).sort((a, b) => a.id - b.id);
	const page = paginate(users, request.query, (number) => `${context.url()}/api/v2/users.json?page=${number}`);
	return json(200, { users: page.slice.map((user) => present(context, user)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
}

export function listUserFields(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const fields = context.config.whatsAppUserFields ? ZENDESK_SEED.userFields : [];
	const userFields = fields.map((field, index) => ({ id: 360000100001 + index, url: `${context.url()}/api/v2/user_fields/${360000100001 + index}.json`, key: field.key, type: 'text', title: field.title, raw_title: field.title, description: '', position: index, active: true, system: false, regexp_for_validation: null }));
	return json(200, { user_fields: userFields, next_page: null, previous_page: null, count: userFields.length });
}
