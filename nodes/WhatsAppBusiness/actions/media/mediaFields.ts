import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { WhatsAppValidationError } from '../../../shared/whatsapp/validationError';

export const mediaIdField: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1037543291543636',
	description: 'The ID from Upload, or the media ID of a message the trigger received',
};

/** The Media ID field's value, trimmed; empty is an error naming where to find an ID. */
export function requireMediaId(this: IExecuteFunctions, itemIndex: number): string {
	const mediaId = String(this.getNodeParameter('mediaId', itemIndex, '') ?? '').trim();
	if (!mediaId) throw new WhatsAppValidationError('The Media ID is empty.', 'mediaId', 'Enter the media ID from an upload or from the trigger (the media "id").');
	return mediaId;
}
