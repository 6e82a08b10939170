import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import { resources } from './resources';

const authentication: INodeProperties = {
	displayName: 'Provider',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'WhatsApp Cloud API (Meta)', value: 'cloudApi' },
		{ name: '360dialog', value: 'dialog360' },
	],
	default: 'cloudApi',
};

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Message', value: 'message' },
		{ name: 'Template', value: 'template' },
		{ name: 'Media', value: 'media' },
		{ name: 'Business Profile', value: 'businessProfile' },
		{ name: 'Phone Number', value: 'phoneNumber' },
	],
	default: 'message',
};

/** Which of the WABA's numbers sends (or is read); empty = the credential's default number. */
const phoneNumberId: INodeProperties = {
	displayName: 'Sender Phone Number',
	name: 'phoneNumberId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: "Leave empty to use the credential's Default Phone Number ID",
	displayOptions: { show: { authentication: ['cloudApi'] }, hide: { resource: ['template'] } },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Default number of the credential',
			typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: false },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '106540352242922',
			validation: [{ type: 'regex', properties: { regex: '^\\d*$', errorMessage: 'A Phone number ID has digits only' } }],
		},
	],
};

export const versionDescription: INodeTypeDescription = {
	displayName: 'WhatsApp Business',
	name: 'whatsAppBusiness',
	icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
	group: ['output'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Send WhatsApp templates, text, media and interactive messages; manage templates, media and numbers (Cloud API or 360dialog)',
	defaults: { name: 'WhatsApp Business' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{ name: 'whatsAppCloudApi', required: true, displayOptions: { show: { authentication: ['cloudApi'] } } },
		{ name: 'whatsApp360DialogApi', required: true, displayOptions: { show: { authentication: ['dialog360'] } } },
	],
	properties: [
		authentication,
		resource,
		...Object.values(resources).map((module) => module.operationProperty),
		phoneNumberId,
		...Object.values(resources).flatMap((module) => Object.values(module.operations).flatMap((operation) => operation.description)),
	],
};
