import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as markAsRead from './markAsRead.operation';
import * as react from './react.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendContacts from './sendContacts.operation';
import * as sendFlow from './sendFlow.operation';
import * as sendInteractive from './sendInteractive.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendProducts from './sendProducts.operation';
import * as sendRaw from './sendRaw.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import * as sendTextOrTemplate from './sendTextOrTemplate.operation';

const operations: Record<string, OperationModule> = {
	markAsRead,
	react,
	sendAndWait,
	sendContacts,
	sendFlow,
	sendInteractive,
	sendLocation,
	sendMedia,
	sendProducts,
	sendRaw,
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
		{
			name: 'Send and Wait for Response',
			value: 'sendAndWait',
			action: 'Send message and wait for response',
			description: 'Ask for an approval, a choice or a text on WhatsApp; the workflow continues with the answer',
		},
		{ name: 'Send Contacts', value: 'sendContacts', action: 'Send contact cards', description: 'One or more contact cards the customer can save or message' },
		{ name: 'Send Flow', value: 'sendFlow', action: 'Send a flow', description: 'A button that opens one of your Flows (forms, bookings, sign-ups); the answers reach the Trigger' },
		{ name: 'Send Interactive', value: 'sendInteractive', action: 'Send an interactive message', description: 'Reply buttons, a list, a link button or a location request' },
		{ name: 'Send Location', value: 'sendLocation', action: 'Send a location', description: 'A map pin with optional name and address' },
		{ name: 'Send Media', value: 'sendMedia', action: 'Send a media message', description: 'Image, video, audio, document or sticker, by link, media ID or binary file' },
		{ name: 'Send Products', value: 'sendProducts', action: 'Send products from your catalog', description: 'One product, up to 30 products in sections, or your whole catalog' },
		{ name: 'Send Raw Message', value: 'sendRaw', action: 'Send a raw message body', description: 'A message body written in JSON, sent as is, for message types without fields here' },
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
