import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { resultLimit, returnAllOrLimitFields } from '../commonFields';
import type { OperationContext } from '../types';
import { listBlockedUsers } from '../../transport/blockUsers';

export const description = updateDisplayOptions({ show: { resource: ['blockedUser'], operation: ['getAll'] } }, returnAllOrLimitFields);

/** Meta's Block users page: GET /{phone-number-id}/block_users, one item per blocked user. */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const waIds = await listBlockedUsers.call(this, context, resultLimit.call(this, context.itemIndex));
	return waIds.map((waId) => ({ json: { waId, phoneNumberId: context.connection.phoneNumberId } }));
}
