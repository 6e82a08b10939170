import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as sendText from './sendText.operation';

const operations: Record<string, OperationModule> = {
	sendText,
};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	default: 'sendText',
	options: [
		{ name: 'Send Text', value: 'sendText', action: 'Send a text message', description: 'Free-form text, inside the 24-hour customer-service window' },
	],
};

export const message: ResourceModule = { operationProperty, operations };
