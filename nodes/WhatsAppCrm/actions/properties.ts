import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { personProperties } from './commonFields';
import { resources } from './resources';

/** Which CRM the node talks to. */
const crmProperty: INodeProperties = {
	displayName: 'CRM',
	name: 'crm',
	type: 'options',
	noDataExpression: true,
	default: 'zohoCrm',
	options: [
		{ name: 'Bigin', value: 'bigin' },
		{ name: 'HubSpot', value: 'hubspot' },
		{ name: 'Zendesk', value: 'zendesk' },
		{ name: 'Zoho CRM', value: 'zohoCrm' },
	],
};

/** A Resource selector. Tickets exist in Zendesk only, so Zendesk gets its own list (same parameter name). */
function resourceSelector(options: INodePropertyOptions[], displayOptions: IDisplayOptions): INodeProperties {
	return { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'contact', options, displayOptions };
}

const resourceProperties: INodeProperties[] = [
	resourceSelector(
		[
			{ name: 'Contact', value: 'contact', description: 'The WhatsApp user as a record: a Lead or Contact, or a contact' },
			{ name: 'Note', value: 'note' },
		],
		{ hide: { crm: ['zendesk'] } },
	),
	resourceSelector(
		[
			{ name: 'Contact', value: 'contact', description: 'The WhatsApp user as an end user' },
			{ name: 'Note', value: 'note', description: "An internal comment on the requester's WhatsApp ticket" },
			{ name: 'Ticket', value: 'ticket' },
		],
		{ show: { crm: ['zendesk'] } },
	),
];

/** The CRM's own names for the fields the node reads and writes; their defaults are transport/client.ts's DEFAULT_FIELDS, written out as n8n's lint asks. */
const fieldNameProperties: INodeProperties[] = [
	{
		displayName: 'Field Names',
		name: 'zohoFields',
		type: 'collection',
		placeholder: 'Change Field Name',
		default: {},
		displayOptions: { show: { crm: ['zohoCrm', 'bigin'] } },
		description: 'API names of the custom fields (Setup › Developer Space › APIs › API names)',
		options: [
			{
				displayName: 'WhatsApp ID Field',
				name: 'whatsAppIdField',
				type: 'string',
				default: 'WhatsApp_ID',
				description: 'A Single Line field with "Do not allow duplicate values" ticked: it makes one record per WhatsApp user certain',
			},
			{
				displayName: 'User ID Field',
				name: 'userIdField',
				type: 'string',
				default: 'WhatsApp_BSUID',
				description: 'A unique Single Line field for the business-scoped user ID (the key of customers who hide their number); empty to not store it',
			},
			{
				displayName: 'Last Inbound Field',
				name: 'lastInboundField',
				type: 'string',
				default: 'Last_WhatsApp_Inbound',
				description: 'A Date/Time field for Set Last Inbound Time',
			},
		],
	},
	{
		displayName: 'Property Names',
		name: 'hubspotFields',
		type: 'collection',
		placeholder: 'Change Property',
		default: {},
		displayOptions: { show: { crm: ['hubspot'] } },
		description: 'Internal names of the contact properties (Settings › Properties)',
		options: [
			{
				displayName: 'WhatsApp ID Property',
				name: 'whatsAppIdProperty',
				type: 'string',
				default: 'whatsapp_id',
				description: 'A single-line text property with "Require unique values": it makes one contact per WhatsApp user certain',
			},
			{
				displayName: 'User ID Property',
				name: 'userIdProperty',
				type: 'string',
				default: 'whatsapp_bsuid',
				description: 'A unique property for the business-scoped user ID (the key of customers who hide their number); empty to not store it',
			},
			{
				displayName: 'Last Inbound Property',
				name: 'lastInboundProperty',
				type: 'string',
				default: 'whatsapp_last_inbound_at',
				description: 'A date-time property for Set Last Inbound Time',
			},
			{
				displayName: 'Create Missing Properties',
				name: 'createMissingProperties',
				type: 'boolean',
				default: true,
				description: 'Whether to create the properties above when they do not exist (the private app needs the crm.schemas.contacts.write scope)',
			},
		],
	},
	{
		displayName: 'Field Names',
		name: 'zendeskFields',
		type: 'collection',
		placeholder: 'Change Field Name',
		default: {},
		displayOptions: { show: { crm: ['zendesk'] } },
		options: [
			{
				displayName: 'User ID User Field',
				name: 'userIdUserField',
				type: 'string',
				default: 'whatsapp_bsuid',
				description:
					'Key of a text user field for the business-scoped user ID, so a customer is still found by it once their number is known; empty to not store it',
			},
			{
				displayName: 'Last Inbound User Field',
				name: 'lastInboundUserField',
				type: 'string',
				default: 'whatsapp_last_inbound_at',
				description: 'Key of a user field (Admin Center › People › User fields) for Set Last Inbound Time',
			},
			{
				displayName: 'Ticket Tag',
				name: 'ticketTag',
				type: 'string',
				default: 'whatsapp',
				description: "Tag that marks the node's WhatsApp tickets; a requester's open ticket with this tag gets the next messages",
			},
		],
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
