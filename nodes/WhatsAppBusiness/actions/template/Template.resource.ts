import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operations: Record<string, OperationModule> = {
	create,
	delete: deleteTemplate,
	get,
	getAll,
};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	default: 'getAll',
	options: [
		{ name: 'Create', value: 'create', action: 'Create a template', description: 'Submit a new template for review; it can be sent once APPROVED' },
		{ name: 'Delete', value: 'delete', action: 'Delete a template', description: 'Delete all languages of a template name, or one translation' },
		{ name: 'Get', value: 'get', action: 'Get a template', description: 'Read one template: status, content and the variables it needs' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many templates', description: 'List templates, filtered by status, category, language or name' },
	],
};

export const template: ResourceModule = { operationProperty, operations };
