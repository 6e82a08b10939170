import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as dropDuplicates from './dropDuplicates.operation';

const operations: Record<string, OperationModule> = { dropDuplicates };

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['event'] } },
	default: 'dropDuplicates',
	options: [
		{
			name: 'Drop Duplicates',
			value: 'dropDuplicates',
			action: 'Drop trigger events already processed',
			description: "Let each WhatsApp event through once, remembered in n8n's database",
		},
	],
};

export const event: ResourceModule = { operationProperty, operations };
