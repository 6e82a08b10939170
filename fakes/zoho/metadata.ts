/**
 * Users and field metadata. `GET /users?type=` (Zoho CRM v8 "Get Users": AllUsers, ActiveUsers,
 * DeactiveUsers, CurrentUser, AdminUsers, ActiveConfirmedUsers) answers `{users:[…], info}`;
 * `GET /settings/fields?module=` answers `{fields:[…]}` so an integration can check that a unique
 * custom field (such as WhatsApp_ID) exists before relying on it.
 */
import { json, type FakeRequest, type FakeResponse } from '../common/http';
import { authenticate, requireFieldsScope, requireUsersScope } from './auth';
import { fail, NO_CONTENT } from './envelope';
import { presentField } from './fields';
import { presentUser } from './present';
import type { ZohoContext } from './records';
import type { ZohoSeedUser } from './seed';

const USER_TYPES: Record<string, (user: ZohoSeedUser, index: number) => boolean> = {
	AllUsers: () => true,
	ActiveUsers: (user) => user.status === 'active',
	ActiveConfirmedUsers: (user) => user.status === 'active',
	ConfirmedUsers: () => true,
	DeactiveUsers: (user) => user.status !== 'active',
	AdminUsers: (user) => user.profile === 'Administrator',
	CurrentUser: (_user, index) => index === 0,
};

export function listUsers(context: ZohoContext, request: FakeRequest): FakeResponse {
	requireUsersScope(authenticate(context.state, context.config, request), context.product);
	const type = request.query.get('type') ?? 'AllUsers';
	const filter = USER_TYPES[type];
	if (!filter) fail(400, 'INVALID_DATA', 'invalid data', { param_name: 'type', supported_values: Object.keys(USER_TYPES) });
	const perPage = Math.min(200, Math.max(1, Number(request.query.get('per_page') ?? 200) || 200));
	const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
	const users = context.state.users[context.product].filter(filter);
	const slice = users.slice((page - 1) * perPage, page * perPage);
	if (slice.length === 0) return NO_CONTENT;
	return json(200, { users: slice.map((user) => presentUser(user, request.now)), info: { per_page: perPage, count: slice.length, page, more_records: users.length > page * perPage } });
}

export function getUser(context: ZohoContext, request: FakeRequest): FakeResponse {
	requireUsersScope(authenticate(context.state, context.config, request), context.product);
	const user = context.state.user(context.product, request.params.id);
	return user ? json(200, { users: [presentUser(user, request.now)] }) : NO_CONTENT;
}

export function listFields(context: ZohoContext, request: FakeRequest): FakeResponse {
	requireFieldsScope(authenticate(context.state, context.config, request), context.product);
	const module = request.query.get('module');
	if (!module) fail(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'module' });
	if (!context.state.isModule(context.product, module)) fail(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { param: 'module' });
	const idPrefix = context.product === 'crm' ? '5725767000000' : '4876876000000';
	return json(200, { fields: context.state.fields(context.product, module).map((field, index) => presentField(field, index, idPrefix)) });
}
