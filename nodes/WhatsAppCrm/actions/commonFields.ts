import type { INodeProperties } from 'n8n-workflow';

/** Field blocks the operations of several resources share, so they read and look the same everywhere. */

/** The CRMs whose new records get an owner from the node (Zendesk assigns tickets instead). */
const OWNER_CRMS = ['zohoCrm', 'bigin', 'hubspot'];

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
		description:
			"The customer's wa_id, or their number as written (+44 7400 123456, 0044 7400 123456, +44 (0)7400 123456); a number without country code needs Default Country",
		displayOptions: { show: { person: ['fields'] } },
	},
	{
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'string',
		default: '',
		placeholder: 'GB',
		description: 'Two-letter country for a WhatsApp ID written without its country code (07400 123456); UK is read as GB',
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
function zohoModuleProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Create As',
		name: 'zohoModule',
		type: 'options',
		default: 'Leads',
		options: [
			{ name: 'Lead', value: 'Leads' },
			{ name: 'Contact', value: 'Contacts' },
		],
		description: 'Whether an unknown sender becomes a Lead or a Contact. Both modules are searched first.',
		displayOptions: { show: { ...show, crm: ['zohoCrm'] } },
	};
}

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

/** What a new record of the person gets, shown where the operation finds or creates it: the Zoho CRM module and the owners. */
export function newRecordProperties(show: Record<string, string[]>): INodeProperties[] {
	return [zohoModuleProperty(show), ownersProperty({ ...show, crm: OWNER_CRMS })];
}

/** Options of Find or Create, shared by the operations that find or create the sender first. */
export function findOrCreateOptions(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'findOrCreateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Adopt Records Found by Phone',
				name: 'adoptByPhone',
				type: 'boolean',
				default: true,
				description:
					'Whether a record made earlier without a WhatsApp ID (by a person, or an import) is found by its phone number, whatever its format, and gets the WhatsApp ID written onto it instead of a new record being created',
			},
			{
				displayName: 'Search Both Leads and Contacts',
				name: 'searchBothModules',
				type: 'boolean',
				default: true,
				description: 'Whether Zoho CRM looks for the sender in Leads and Contacts before creating (Zoho CRM only)',
			},
			{
				displayName: 'Fields for New Records',
				name: 'extraFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Field',
				description: "Set on a new record only, in the CRM's own field names (API names)",
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Lead_Source' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	};
}

/** Which record an operation acts on: the sender's (found or created), or one given by ID. */
export function recordTargetProperties(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Record',
			name: 'record',
			type: 'options',
			default: 'sender',
			displayOptions: { show },
			options: [
				{ name: "Find or Create the Person's Record", value: 'sender', description: 'The same as Contact › Find or Create from WhatsApp, then this operation' },
				{ name: 'By ID', value: 'id', description: 'A record ID, e.g. from an earlier Find or Create' },
			],
		},
		{
			displayName: 'Record ID',
			name: 'recordId',
			type: 'string',
			default: '={{ $json.recordId }}',
			required: true,
			displayOptions: { show: { ...show, record: ['id'] } },
		},
		{
			displayName: 'Record Module',
			name: 'recordModule',
			type: 'options',
			default: 'Leads',
			options: [
				{ name: 'Lead', value: 'Leads' },
				{ name: 'Contact', value: 'Contacts' },
			],
			displayOptions: { show: { ...show, record: ['id'], crm: ['zohoCrm'] } },
		},
	];
}

/** Text of an outbound message, which Meta's send answer does not repeat. */
export function outboundTextProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Sent Text',
		name: 'outboundText',
		type: 'string',
		default: '',
		description:
			"For a WhatsApp Business node's send result: the text that was sent, when the result does not carry it. A Send Template result carries its rendered text and template name, used when this is empty; a Send Text or Send Media result has only its message ID, so map the text or caption here. Ignored for trigger messages.",
		displayOptions: { show },
	};
}
