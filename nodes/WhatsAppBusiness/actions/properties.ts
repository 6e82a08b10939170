import type { INodeProperties } from 'n8n-workflow';
import { providerProperty } from '../../shared/transport';
import { resources } from './resources';

export const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Analytics', value: 'analytics' },
		{ name: 'Blocked User', value: 'blockedUser' },
		{ name: 'Business Profile', value: 'businessProfile' },
		{ name: 'Media', value: 'media' },
		{ name: 'Message', value: 'message' },
		{ name: 'Phone Number', value: 'phoneNumber' },
		{ name: 'Template', value: 'template' },
		{ name: 'Trigger Event', value: 'event' },
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
	displayOptions: { show: { authentication: ['cloudApi'] }, hide: { resource: ['template', 'event', 'analytics'] } },
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

/** Every field of the node: provider, resource, operation selectors, then each operation's own fields. */
export const nodeProperties: INodeProperties[] = [
	providerProperty,
	resource,
	...Object.values(resources).map((module) => module.operationProperty),
	phoneNumberId,
	...Object.values(resources).flatMap((module) => Object.values(module.operations).flatMap((operation) => operation.description)),
];
