import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { buildBlockUsersBody, type BlockUserResult } from '../../../shared/whatsapp/account/blockUsers';
import { defaultCountryOption } from '../commonFields';
import type { OperationContext } from '../types';
import { changeBlockList } from '../../transport/blockUsers';

/** The users of a block or unblock request (Meta: Block users). */
export function usersFields(action: 'block' | 'unblock'): INodeProperties[] {
	return [
		{
			displayName: 'Users',
			name: 'users',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+16505551234',
			description:
				action === 'block'
					? "Phone numbers or wa_ids (e.g. the trigger's from.waId), separated by commas. WhatsApp blocks only users who wrote to this number in the last 24 hours; they can no longer message you, nor you them."
					: 'Phone numbers or wa_ids, separated by commas',
		},
		{
			displayName: 'Options',
			name: 'blockOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [defaultCountryOption],
		},
	];
}

/**
 * Blocks or unblocks the item's users: one output item per user, `result` blocked / unblocked /
 * failed. When every user failed the item fails with their reasons; a partial failure (Meta's
 * error 139100) keeps the failed users in the output.
 */
export async function changeUsers(this: IExecuteFunctions, context: OperationContext, action: 'block' | 'unblock'): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const options = this.getNodeParameter('blockOptions', i, {}) as { defaultCountry?: string };
	const body = buildBlockUsersBody(this.getNodeParameter('users', i) as unknown, options.defaultCountry);
	const results = await changeBlockList.call(this, context, action, body);
	if (results.length > 0 && results.every((user) => user.result === 'failed')) {
		throw new NodeOperationError(this.getNode(), `WhatsApp could not ${action} ${results.length === 1 ? 'the user' : 'any of the users'}`, {
			description: results.map(reasonOf).join('; '),
			itemIndex: i,
		});
	}
	return results.map((user) => ({ json: { ...user, phoneNumberId: context.connection.phoneNumberId } }));
}

/** Meta's Block users page: 131047 means the user has not written in the last 24 hours. */
function reasonOf(user: BlockUserResult): string {
	const code = user.error?.code;
	const why = code === 131047 ? 'has not written to this number in the last 24 hours (only such users can be blocked)' : (user.error?.details ?? user.error?.message ?? 'failed');
	return `${user.input}: ${why}${code !== undefined ? ` (${code})` : ''}`;
}
