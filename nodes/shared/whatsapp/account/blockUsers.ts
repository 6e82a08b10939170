import { withoutInvisibleCharacters } from '../invisibleCharacters';
import { normaliseRecipient, type CountryCode } from '../phone';
import { WhatsAppValidationError } from '../validationError';

/**
 * Meta's Block users page: POST / DELETE /{phone-number-id}/block_users take
 * {messaging_product, block_users:[{user}]} (a phone number or wa_id each) and answer per user.
 * Only users who wrote in the last 24 hours can be blocked; a blocked user cannot be messaged.
 */
export interface BlockUsersBody {
	messaging_product: 'whatsapp';
	block_users: Array<{ user: string }>;
}

/** Several users in one field: a list, or text separated by commas, semicolons or new lines. */
function userList(users: unknown): string[] {
	const entries = Array.isArray(users) ? users : String(users ?? '').split(/[,;\n]/);
	return entries.map((entry) => String(entry ?? '').trim()).filter((entry) => withoutInvisibleCharacters(entry) !== '');
}

/**
 * The request body for blocking or unblocking `users` (each normalised to E.164, duplicates
 * dropped). Throws WhatsAppValidationError (field `users`) when there is no user or a number
 * cannot be read.
 */
export function buildBlockUsersBody(users: unknown, defaultCountry?: CountryCode | string): BlockUsersBody {
	const list = userList(users);
	if (list.length === 0) {
		throw new WhatsAppValidationError('No user was given.', 'users', 'Enter the phone number or wa_id of the user, e.g. from.waId of a trigger item; separate several with commas.');
	}
	const numbers = list.map((user) => {
		try {
			return normaliseRecipient(user, { defaultCountry }).e164;
		} catch (error) {
			if (error instanceof WhatsAppValidationError) throw new WhatsAppValidationError(error.message, 'users', error.fix);
			throw error;
		}
	});
	return { messaging_product: 'whatsapp', block_users: [...new Set(numbers)].map((user) => ({ user })) };
}

/** One user's outcome of a block or unblock request. */
export interface BlockUserResult {
	/** As sent (E.164). */
	input: string;
	waId?: string;
	/** blocked / unblocked, or failed with Meta's per-user error. */
	result: 'blocked' | 'unblocked' | 'failed';
	error?: { code?: number; message?: string; details?: string };
}

type Json = Record<string, unknown>;
const asList = (value: unknown): Json[] => (Array.isArray(value) ? (value.filter((entry) => entry && typeof entry === 'object') as Json[]) : []);
const asText = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : String(value));

/**
 * Reads the block_users answer (Meta: Block users): `added_users` (block) or `removed_users`
 * (unblock), and `failed_users` with their `errors` (the whole answer is HTTP 400 with error
 * 139100 when any user failed). One result per user, successes first.
 */
export function readBlockUsersResponse(body: unknown, action: 'block' | 'unblock'): BlockUserResult[] {
	const lists = ((body as Json | undefined)?.block_users ?? {}) as Json;
	const done = asList(action === 'block' ? lists.added_users : lists.removed_users).map((user): BlockUserResult => ({
		input: String(user.input ?? ''),
		...(asText(user.wa_id) ? { waId: asText(user.wa_id) } : {}),
		result: action === 'block' ? 'blocked' : 'unblocked',
	}));
	const failed = asList(lists.failed_users).map((user): BlockUserResult => {
		const [first] = asList(user.errors);
		const details = asText((first?.error_data as Json | undefined)?.details);
		return {
			input: String(user.input ?? ''),
			...(asText(user.wa_id) ? { waId: asText(user.wa_id) } : {}),
			result: 'failed',
			error: { ...(first?.code !== undefined ? { code: Number(first.code) } : {}), ...(asText(first?.message) ? { message: asText(first?.message) } : {}), ...(details ? { details } : {}) },
		};
	});
	return [...done, ...failed];
}

/**
 * The wa_ids of one page of GET /{phone-number-id}/block_users. Meta's Block users page nests them
 * (`data:[{block_users:[{input, wa_id}]}]`) while the vendored OpenAPI (GetBlockedUsersData) lists
 * them flat (`data:[{messaging_product, wa_id}]`): both are read.
 */
export function readBlockedUsersPage(body: unknown): string[] {
	const waIds: string[] = [];
	for (const entry of asList((body as Json | undefined)?.data)) {
		const nested = asList(entry.block_users);
		for (const user of nested.length > 0 ? nested : [entry]) {
			const waId = asText(user.wa_id);
			if (waId) waIds.push(waId);
		}
	}
	return waIds;
}
