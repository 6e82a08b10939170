import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as get from './get.operation';
import * as update from './update.operation';

const operations: Record<string, OperationModule> = {
	get,
	update,
};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['businessProfile'] } },
	default: 'get',
	options: [
		{ name: 'Get', value: 'get', action: 'Get the business profile', description: 'Read the profile customers see: about, address, description, email, websites, industry' },
		{ name: 'Update', value: 'update', action: 'Update the business profile', description: 'Change some profile fields; the others stay as they are' },
	],
};

export const businessProfile: ResourceModule = { operationProperty, operations };
