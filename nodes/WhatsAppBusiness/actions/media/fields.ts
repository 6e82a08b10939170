import type { INodeProperties } from 'n8n-workflow';

export const mediaIdField: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1037543291543636',
	description: 'The ID from Upload, or the media ID of a message the trigger received',
};
