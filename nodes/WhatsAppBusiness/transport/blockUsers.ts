import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import { readBlockedUsersPage, readBlockUsersResponse, type BlockUserResult, type BlockUsersBody } from '../../shared/whatsapp/account/blockUsers';
import type { OperationContext } from './connection';

/** Meta's Block users page: a request that failed for some users answers HTTP 400 with error 139100 and both lists. */
const PARTLY_FAILED = 139100;

/** Blocks (POST) or unblocks (DELETE) the users of `body` on the item's phone number; one result per user. */
export async function changeBlockList(this: IExecuteFunctions, context: OperationContext, action: 'block' | 'unblock', body: BlockUsersBody): Promise<BlockUserResult[]> {
	const response = await whatsAppRequest.call(this, context.connection, {
		method: action === 'block' ? 'POST' : 'DELETE',
		url: endpoints.blockUsers(context.connection),
		body: body as unknown as IDataObject,
		itemIndex: context.itemIndex,
		resultErrorCodes: [PARTLY_FAILED],
	});
	return readBlockUsersResponse(response.body, action);
}

const PAGE_SIZE = 100;

/** The wa_ids on the phone number's block list (GET, cursor paging), up to `limit`. */
export async function listBlockedUsers(this: IExecuteFunctions, context: OperationContext, limit: number): Promise<string[]> {
	const waIds: string[] = [];
	let after: string | undefined;
	do {
		const response = await whatsAppRequest.call(this, context.connection, {
			method: 'GET',
			url: endpoints.blockUsers(context.connection),
			qs: { limit: Math.min(PAGE_SIZE, limit - waIds.length), ...(after ? { after } : {}) },
			itemIndex: context.itemIndex,
		});
		const page = response.body as { paging?: { cursors?: { after?: string }; next?: string } };
		waIds.push(...readBlockedUsersPage(response.body));
		after = page.paging?.next ? page.paging.cursors?.after : undefined;
	} while (after && waIds.length < limit);
	return waIds.slice(0, limit);
}
