import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';
import type { OperationContext } from '../types';
import { changeUsers, usersFields } from './blockedUserFields';

export const description = updateDisplayOptions({ show: { resource: ['blockedUser'], operation: ['block'] } }, usersFields('block'));

/** Meta's Block users page: POST /{phone-number-id}/block_users. */
export async function execute(this: IExecuteFunctions, context: OperationContext) {
	return await changeUsers.call(this, context, 'block');
}
