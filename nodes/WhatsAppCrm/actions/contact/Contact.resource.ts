import type { INodeProperties } from 'n8n-workflow';
import type { ResourceModule } from '../types';
import * as findOrCreate from './findOrCreate.operation';
import * as getByWhatsAppId from './getByWhatsAppId.operation';
import * as setLastInbound from './setLastInbound.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	default: 'findOrCreate',
	options: [
		{
			name: 'Find or Create From WhatsApp',
			value: 'findOrCreate',
			action: 'Find or create a contact from a message',
			description: 'One record per WhatsApp user, even for a burst of messages: a Lead or Contact, Bigin contact, Zendesk end user or HubSpot contact',
		},
		{
			name: 'Get by WhatsApp ID',
			value: 'getByWhatsAppId',
			action: 'Get a contact by sender',
			description: 'The record of a WhatsApp user, with the last inbound time stored on it',
		},
		{
			name: 'Set Last Inbound Time',
			value: 'setLastInbound',
			action: 'Set the last inbound time of a contact',
			description: 'Store when the customer last wrote, for the 24-hour customer service window',
		},
	],
};

export const contact: ResourceModule = { operationProperty, operations: { findOrCreate, getByWhatsAppId, setLastInbound } };
