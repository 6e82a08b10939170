import type { INodeProperties } from 'n8n-workflow';
import type { ResourceModule } from '../types';
import * as addMessage from './addMessage.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['ticket'] } },
	default: 'addMessage',
	options: [
		{
			name: 'Add Message to Conversation',
			value: 'addMessage',
			action: 'Add a message to a ticket',
			description: "A comment on the requester's open WhatsApp ticket, else a new ticket; images and documents attached",
		},
	],
};

export const ticket: ResourceModule = { operationProperty, operations: { addMessage } };
