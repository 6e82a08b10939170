import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as markAsRead from './markAsRead.operation';
import * as react from './react.operation';
import * as sendContacts from './sendContacts.operation';
import * as sendInteractive from './sendInteractive.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import * as sendTextOrTemplate from './sendTextOrTemplate.operation';

const operations: Record<string, OperationModule> = {
	markAsRead,
	react,
	sendContacts,
	sendInteractive,
	sendLocation,
	sendMedia,
	sendTemplate,
	sendText,
	sendTextOrTemplate,
};

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	default: 'sendTemplate',
	options: [
		{ name: 'Mark as Read', value: 'markAsRead', action: 'Mark a message as read', description: 'Blue ticks on a received message, optionally with a typing indicator' },
		{ name: 'React', value: 'react', action: 'React to a message', description: 'Add an emoji reaction to a message, or remove it' },
		{ name: 'Send Contacts', value: 'sendContacts', action: 'Send contact cards', description: 'One or more contact cards the customer can save or message' },
		{ name: 'Send Interactive', value: 'sendInteractive', action: 'Send an interactive message', description: 'Reply buttons, a list, a link button or a location request' },
		{ name: 'Send Location', value: 'sendLocation', action: 'Send a location', description: 'A map pin with optional name and address' },
		{ name: 'Send Media', value: 'sendMedia', action: 'Send a media message', description: 'Image, video, audio, document or sticker, by link, media ID or binary file' },
		{ name: 'Send Template', value: 'sendTemplate', action: 'Send an approved template', description: 'A pre-approved template with its variables filled in: the only message allowed outside the 24-hour window' },
		{ name: 'Send Text', value: 'sendText', action: 'Send a text message', description: 'Free-form text, inside the 24-hour customer-service window' },
		{
			name: 'Send Text, or Template When Window Closed',
			value: 'sendTextOrTemplate',
			action: 'Send text or a template depending on the 24 hour window',
			description: 'Free-form text while the customer-service window is open, otherwise the approved template you choose',
		},
	],
};

export const message: ResourceModule = { operationProperty, operations };
