import type { INodeProperties } from 'n8n-workflow';
import type { ResourceModule } from '../types';
import * as logMessage from './logMessage.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['note'] } },
	default: 'logMessage',
	options: [
		{
			name: 'Log Message',
			value: 'logMessage',
			action: 'Log a message as a note',
			description: 'Add a received or sent WhatsApp message to the record as a note, from an editable template',
		},
	],
};

export const note: ResourceModule = { operationProperty, operations: { logMessage } };
