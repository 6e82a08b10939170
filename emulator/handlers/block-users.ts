/**
 * POST / DELETE / GET /{phone-number-id}/block_users (Meta's Block users page, reference
 * "Block API", vendored OpenAPI BlockUsersResponse / UnblockUsersResponse / GetBlockedUsersResponse).
 * Blocking is per phone number and synchronous; errors are per user: 131021 the number itself,
 * 131047 a user who has not written in the last 24 hours, 139101 a full list (64,000). When any
 * user fails the answer is HTTP 400 with both lists and error 139100. At most 1,000 users a
 * request (130429 above that).
 */
import { jsonBody, phoneNumberOf, type Handler, type RequestContext } from '../http/context';
import { MetaApiError, metaErrorBody } from '../http/errors';
import type { PhoneNumberRecord } from '../seed';
import { paginate } from './paging';

type Json = Record<string, any>;

export const MAX_BLOCKED_USERS = 64_000;
export const MAX_USERS_PER_REQUEST = 1_000;

/** A failed user's error, as failed_users[].errors[] carries it (code is a number). */
interface UserError {
	message: string;
	code: number;
	error_data: { details: string };
}

interface UserResult {
	input: string;
	wa_id?: string;
	errors?: UserError[];
}

/** GET: {data:[{messaging_product, wa_id}], paging} in blocking order. */
export const listBlockedUsers: Handler = (context) => {
	const phoneNumber = phoneNumberOf(context);
	const blocked = [...context.state.features.blockListOf(phoneNumber.id).values()];
	const page = paginate(context, blocked, (user) => user.waId);
	return { json: { data: page.items.map((user) => ({ messaging_product: 'whatsapp', wa_id: user.waId })), ...(page.paging ? { paging: page.paging } : {}) } };
};

export const blockUsers: Handler = (context) => changeBlockList(context, 'block');
export const unblockUsers: Handler = (context) => changeBlockList(context, 'unblock');

function changeBlockList(context: RequestContext, action: 'block' | 'unblock') {
	const phoneNumber = phoneNumberOf(context);
	const body = jsonBody(context);
	context.validator.validate(action === 'block' ? 'blockUsers' : 'unblockUsers', body);
	const users = readUsers(body);
	const done: UserResult[] = [];
	const failed: UserResult[] = [];
	for (const input of users) {
		const waId = input.replace(/\D/g, '');
		const problem = action === 'block' ? blockProblem(context, phoneNumber, waId) : undefined;
		if (problem) {
			failed.push({ input, ...(waId ? { wa_id: waId } : {}), errors: [problem] });
			continue;
		}
		const list = context.state.features.blockListOf(phoneNumber.id);
		if (action === 'block') {
			if (!list.has(waId)) list.set(waId, { waId, input, blockedAt: context.state.now() });
		} else {
			list.delete(waId);
		}
		done.push({ input, wa_id: waId });
	}
	const lists = { [action === 'block' ? 'added_users' : 'removed_users']: done, ...(failed.length > 0 ? { failed_users: failed } : {}) };
	const json: Json = { messaging_product: 'whatsapp', block_users: lists };
	if (failed.length === 0) return { json };
	const { error } = metaErrorBody(new MetaApiError(139100, `Failed to ${action} some users, see the block_users response list for details`));
	return { status: 400, json: { ...json, error } };
}

function readUsers(body: Json): string[] {
	if (body.messaging_product !== 'whatsapp') throw new MetaApiError(100, 'Param messaging_product must be "whatsapp".');
	const list = body.block_users;
	if (!Array.isArray(list) || list.length === 0) throw new MetaApiError(100, 'Param block_users must be a non-empty list such as [{"user": "+16505551234"}].');
	if (list.length > MAX_USERS_PER_REQUEST) {
		throw new MetaApiError(130429, `Too many users in one request (${list.length}); send at most ${MAX_USERS_PER_REQUEST} at a time.`);
	}
	return list.map((entry: Json, index: number) => {
		if (typeof entry?.user !== 'string' || entry.user.trim() === '') throw new MetaApiError(100, `Param block_users[${index}].user must be the user's phone number or wa_id.`);
		return entry.user;
	});
}

/** Why this user cannot be blocked, as the per-user error object of failed_users. */
function blockProblem(context: RequestContext, phoneNumber: PhoneNumberRecord, waId: string): UserError | undefined {
	const { state } = context;
	// Messages as the "Block users" page's error table words them.
	const asError = (code: number, message: string, details: string): UserError => ({ message, code, error_data: { details } });
	if (waId === phoneNumber.display_phone_number.replace(/\D/g, '')) return asError(131021, 'Self Block', 'Failed to block self phone number.');
	if (!waId || !state.windows.isOpen(phoneNumber.id, waId, state.config.customerServiceWindowMs, state.now())) {
		return asError(131047, 'Re-engagement required', 'User has not messaged in the last 24 hours');
	}
	const list = state.features.blockListOf(phoneNumber.id);
	if (!list.has(waId) && list.size >= MAX_BLOCKED_USERS) return asError(139101, 'Blocklist limit reached', `The block list already holds ${MAX_BLOCKED_USERS} users.`);
	return undefined;
}
