import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as deleteMedia from './delete.operation';
import * as download from './download.operation';
import * as upload from './upload.operation';

const operations: Record<string, OperationModule> = {
	upload,
	download,
	delete: deleteMedia,
};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['media'] } },
	default: 'upload',
	options: [
		{ name: 'Delete', value: 'delete', action: 'Delete a media file', description: 'Remove an uploaded file from WhatsApp before its 30 days are up' },
		{ name: 'Download', value: 'download', action: 'Download a media file', description: 'Get the file itself (e.g. a photo a customer sent) as binary data' },
		{ name: 'Upload', value: 'upload', action: 'Upload a media file', description: 'Upload a file from binary data and get a media ID to send it by' },
	],
};

export const media: ResourceModule = { operationProperty, operations };
