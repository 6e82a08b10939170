import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildContactsMessage, type ContactCard } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { contactCardFields, contactCardFromFields, type ContactCardFields } from './contactFields';
import { jsonListParameter } from './jsonFields';
import { sendMessage } from '../../transport/messages';

const JSON_EXAMPLE = '[{"name": {"formatted_name": "Barbara J. Johnson"}, "phones": [{"phone": "+19175559999", "type": "Mobile", "wa_id": "19175559999"}]}]';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Define Contacts',
		name: 'contactsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'Fill in one or more contact cards' },
			{ name: 'Using JSON', value: 'json', description: "Meta's contact objects, e.g. built by an expression from a CRM; also takes addresses" },
		],
		default: 'fields',
	},
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		placeholder: 'Add Contact',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Each contact arrives as a card the customer can save or message',
		displayOptions: { show: { contactsInput: ['fields'] } },
		options: [{ displayName: 'Contact', name: 'contact', values: contactCardFields }],
	},
	{
		displayName: 'Contacts (JSON)',
		name: 'contactsJson',
		type: 'json',
		required: true,
		default: JSON.stringify(JSON.parse(JSON_EXAMPLE), null, 2),
		description: 'An array of contact cards in the Cloud API shape; only name.formatted_name is required, up to 257 cards per message',
		displayOptions: { show: { contactsInput: ['json'] } },
	},
	messagingOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendContacts'] } }, properties);

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const contacts =
		this.getNodeParameter('contactsInput', i, 'fields') === 'json'
			? (jsonListParameter.call(this, 'contactsJson', i, 'Contacts (JSON)', JSON_EXAMPLE) as ContactCard[])
			: (this.getNodeParameter('contacts.contact', i, []) as ContactCardFields[]).map(contactCardFromFields);
	const body = buildContactsMessage({
		...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions),
		to: this.getNodeParameter('to', i) as string,
		contacts,
	});
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			return [{ json: { ...result, contactCount: body.contacts.length } }];
		},
	};
}
