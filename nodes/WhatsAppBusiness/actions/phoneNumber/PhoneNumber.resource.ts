import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as getHealth from './getHealth.operation';
import * as list from './list.operation';

const operations: Record<string, OperationModule> = {
	list,
	getHealth,
};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['phoneNumber'] } },
	default: 'getHealth',
	options: [
		{
			name: 'Get Health',
			value: 'getHealth',
			action: 'Get the health of a phone number',
			description: 'Quality rating, status, messaging limit and throughput of one number, with a plain-words summary (Cloud API only)',
		},
		{ name: 'List', value: 'list', action: 'List phone numbers', description: 'All phone numbers of the WhatsApp Business Account (Cloud API only)' },
	],
};

export const phoneNumber: ResourceModule = { operationProperty, operations };
