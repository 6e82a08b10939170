import type { INodeProperties } from 'n8n-workflow';
import { crmProperty, fieldNameProperties, personProperties } from './common/fields';
import { resources } from './resources';


/** Tickets exist in Zendesk only, so Zendesk gets its own Resource list (same parameter name). */
const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'contact',
		options: [
			{ name: 'Contact', value: 'contact', description: 'The WhatsApp user as a record: a Lead or Contact, or a contact' },
			{ name: 'Note', value: 'note' },
		],
		displayOptions: { hide: { crm: ['zendesk'] } },
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'contact',
		options: [
			{ name: 'Contact', value: 'contact', description: 'The WhatsApp user as an end user' },
			{ name: 'Note', value: 'note', description: "An internal comment on the requester's WhatsApp ticket" },
			{ name: 'Ticket', value: 'ticket' },
		],
		displayOptions: { show: { crm: ['zendesk'] } },
	},
];

/** Every field of the node: CRM, resource, operation, the person, then each operation's own fields and the field names. */
export const nodeProperties: INodeProperties[] = [
	crmProperty,
	...resourceProperties,
	...Object.values(resources).map((module) => module.operationProperty),
	...personProperties,
	...Object.values(resources).flatMap((module) => Object.values(module.operations).flatMap((operation) => operation.description)),
	...fieldNameProperties,
];
