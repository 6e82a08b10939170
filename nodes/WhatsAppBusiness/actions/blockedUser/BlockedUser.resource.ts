import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as block from './block.operation';
import * as getAll from './getAll.operation';
import * as unblock from './unblock.operation';

const operations: Record<string, OperationModule> = { block, getAll, unblock };

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blockedUser'] } },
	default: 'block',
	options: [
		{ name: 'Block', value: 'block', action: 'Block users', description: 'Stop users from messaging this number (only users who wrote in the last 24 hours; Cloud API only)' },
		{ name: 'Get Many', value: 'getAll', action: 'List blocked users', description: "The phone number's block list (Cloud API only)" },
		{ name: 'Unblock', value: 'unblock', action: 'Unblock users', description: 'Let blocked users message this number again (Cloud API only)' },
	],
};

export const blockedUser: ResourceModule = { operationProperty, operations };
