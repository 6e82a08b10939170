import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { OperationContext } from '../types';
import { mediaIdField, requireMediaId } from './mediaFields';
import { mediaRequest } from '../../transport/media';

const properties: INodeProperties[] = [{ ...mediaIdField, description: 'The media to delete from WhatsApp (uploads are otherwise kept 30 days)' }];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['delete'] } }, properties);

/** Meta's Media page: DELETE /{media-id} → {success}. */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const mediaId = requireMediaId.call(this, context.itemIndex);
	const reply = (await mediaRequest.call(this, context, mediaId, { method: 'DELETE' })) as { success?: boolean };
	return [{ json: { success: reply.success === true, mediaId } }];
}
