import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';

const operations: Record<string, OperationModule> = {};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['phoneNumber'] } },
	default: '',
	options: [],
};

export const phoneNumber: ResourceModule = { operationProperty, operations };
