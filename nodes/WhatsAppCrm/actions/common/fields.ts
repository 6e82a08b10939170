import type { INodeProperties } from 'n8n-workflow';

export const ZOHO = ['zohoCrm', 'bigin'];
export const OWNER_CRMS = ['zohoCrm', 'bigin', 'hubspot'];

/** Which CRM the node talks to. */
export const crmProperty: INodeProperties = {
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

/** Where the WhatsApp user comes from: the trigger's item, or fields the user maps. */
export const personProperties: INodeProperties[] = [
	{
		displayName: 'Person',
		name: 'person',
		type: 'options',
		default: 'item',
		options: [
			{
				name: 'From the Input Item',
				value: 'item',
				description: "The sender of a WhatsApp Business Trigger message, or the recipient of a WhatsApp Business node's send result",
			},
			{ name: 'Fields', value: 'fields', description: 'Map the WhatsApp ID (wa_id), the user ID and the name yourself' },
		],
	},
	{
		displayName: 'WhatsApp ID',
		name: 'waId',
		type: 'string',
		default: '',
		placeholder: '5511988887777',
		description: "The customer's wa_id: the number in international form; spaces and + are removed",
		displayOptions: { show: { person: ['fields'] } },
	},
	{
		displayName: 'Business-Scoped User ID',
		name: 'userId',
		type: 'string',
		default: '',
		description: 'The user ID Meta sends when the customer hides their number; used when there is no WhatsApp ID',
		displayOptions: { show: { person: ['fields'] } },
	},
	{
		displayName: 'Name',
		name: 'profileName',
		type: 'string',
		default: '',
		description: 'Name for a new record (the WhatsApp profile name)',
		displayOptions: { show: { person: ['fields'] } },
	},
];

/** Zoho CRM: the module new records go to. */
export const zohoModuleProperty: INodeProperties = {
	displayName: 'Create As',
	name: 'zohoModule',
	type: 'options',
	default: 'Leads',
	options: [
		{ name: 'Lead', value: 'Leads' },
		{ name: 'Contact', value: 'Contacts' },
	],
	description: 'Whether an unknown sender becomes a Lead or a Contact. Both modules are searched first.',
	displayOptions: { show: { crm: ['zohoCrm'] } },
};

/** The CRM's own names for the fields the node reads and writes. */
export const fieldNameProperties: INodeProperties[] = [
	{
		displayName: 'Field Names',
		name: 'zohoFields',
		type: 'collection',
		placeholder: 'Change Field Name',
		default: {},
		displayOptions: { show: { crm: ZOHO } },
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

/** Owners to rotate new records over. */
export function ownersProperty(show: Record<string, string[]>, zendeskLabel = false): INodeProperties {
	return {
		displayName: zendeskLabel ? 'Assign New Tickets To (Round-Robin)' : 'Assign New Records To (Round-Robin)',
		name: 'owners',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getOwners', loadOptionsDependsOn: ['crm'] },
		default: [],
		description:
			'Users who take turns owning each new record. The turn is read from the CRM (the owner of the newest record the node created), so it holds across executions and queue-mode workers. Empty: the CRM default owner. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	};
}
