import type { IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import type { RecipientIdentifier } from '../../shared/whatsapp/messages';
import { deliveryOptionFields } from './deliveryOptions';

/** Fields several operations share, so they read and look the same everywhere. */

export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+15551234567',
	description:
		'Phone number with country code (+44 7700 900123, 0044…, or the WhatsApp ID the trigger gives you in from.waId). Numbers without a country code need "Default Country" below; a business-scoped user ID needs "Recipient Identified By".',
};

/** For phone numbers typed without their country code. */
export const defaultCountryOption: INodeProperties = {
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'string',
	default: '',
	placeholder: 'GB',
	description: 'Two-letter country used for numbers typed without a country code (e.g. 07700 900123); UK is read as GB. Numbers with + or 00 do not use it.',
};

export const messagingOptions: INodeProperties = {
	displayName: 'Options',
	name: 'messageOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		defaultCountryOption,
		{
			displayName: 'Recipient Identified By',
			name: 'recipientIdentifier',
			type: 'options',
			default: 'phoneNumber',
			options: [
				{ name: 'Phone Number', value: 'phoneNumber', description: "The Recipient is a phone number or the customer's wa_id" },
				{
					name: 'Business-Scoped User ID',
					value: 'userId',
					description: 'The Recipient is the user_id of a trigger item, e.g. US.13491208655302741918',
				},
			],
			description:
				"Meta's Business-scoped user IDs page documents sending to a user ID (the recipient field) since its March 2026 update, marks it subject to change, and excludes authentication templates. Use it for customers whose phone number WhatsApp no longer shares.",
		},
		{
			displayName: 'Reply To Message ID',
			name: 'replyToMessageId',
			type: 'string',
			default: '',
			placeholder: 'wamid.HBgL…',
			description: 'Quote an earlier message: its message ID (wamid…), e.g. the ID field of a trigger item',
		},
		{
			displayName: 'Tracking Data',
			name: 'bizOpaqueCallbackData',
			type: 'string',
			default: '',
			description: 'Any text (up to 512 characters) that WhatsApp returns in the status webhooks of this message, e.g. an order ID',
		},
		validateOnlyOption(),
		...deliveryOptionFields,
	],
};

/**
 * "Validate Only", the same switch in every send's options (the send path reads it): the message is
 * built and checked, and the exact request is returned instead of sent.
 */
export function validateOnlyOption(): INodeProperties {
	return {
		displayName: 'Validate Only',
		name: 'validateOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to build and check the message without sending it. The output shows the exact request (and, for templates, the text the customer would read). Nothing is sent and no file is uploaded; templates and account settings are still read.',
	};
}

export interface MessagingOptions {
	defaultCountry?: string;
	recipientIdentifier?: RecipientIdentifier;
	validateOnly?: boolean;
	replyToMessageId?: string;
	bizOpaqueCallbackData?: string;
}

/** Return All and Limit of a list operation, as n8n's own list operations show them. */
export const returnAllOrLimitFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many results a list operation returns: all of them with Return All, otherwise its Limit. */
export function resultLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

const NAME_PATTERN = '^\\s*[a-z0-9_]+\\s*(\\|\\s*[A-Za-z_]+\\s*)?$';

/** The template picker. `approvedOnly` lists what can be sent; otherwise every status is listed. */
export function templateLocator(options: { approvedOnly: boolean; withId: boolean; description: string }): INodeProperties {
	return {
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: options.approvedOnly ? 'Select an approved template…' : 'Select a template…',
				typeOptions: {
					searchListMethod: options.approvedOnly ? 'searchTemplates' : 'searchAllTemplates',
					searchable: true,
				},
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'order_confirmation|en_US',
				hint: 'The template name and its language code, separated by |',
				validation: [
					{
						type: 'regex',
						properties: { regex: NAME_PATTERN, errorMessage: 'Write name|language, e.g. order_confirmation|en_US' },
					},
				],
			},
			...(options.withId
				? [
						{
							displayName: 'By ID',
							name: 'id',
							type: 'string' as const,
							placeholder: '1627019861106475',
							validation: [
								{ type: 'regex' as const, properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A template ID has digits only' } },
							],
						},
					]
				: []),
		],
	};
}

/**
 * Which customer a failed send was for, to keep in its `error` (a failed item's json has only
 * `error`, or n8n would not route it to the error output, so the item's own fields are gone on the
 * regular output): `to`, the Recipient as the item gave it (not normalised: reading it may be what
 * failed), and `alreadySentKey`, the item's Already Sent Key as evaluated, when Skip Items Already
 * Sent is on. Each is left out when empty or when its expression cannot be read.
 */
export function customerOfFailedSend(this: IExecuteFunctions, itemIndex: number): JsonObject {
	const read = (name: string): string | undefined => {
		try {
			const value = this.getNodeParameter(name, itemIndex, '') as unknown;
			return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number' ? String(value).trim() : undefined;
		} catch {
			return undefined;
		}
	};
	const to = read('to');
	const skips = (this.getNode().parameters.messageOptions as { skipAlreadySent?: unknown } | undefined)?.skipAlreadySent === true;
	const alreadySentKey = skips ? read('messageOptions.alreadySentKey') : undefined;
	return { ...(to !== undefined ? { to } : {}), ...(alreadySentKey !== undefined ? { alreadySentKey } : {}) };
}
