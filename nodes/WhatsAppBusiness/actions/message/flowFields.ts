import type { INodeProperties } from 'n8n-workflow';
import type { FlowAction } from '../../../shared/whatsapp/messages';

/** Fields of Send Flow (Meta: Sending a Flow). */
export const flowFields: INodeProperties[] = [
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A Flow of your WhatsApp Business Account (WhatsApp Manager › Account tools › Flows)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a Flow…',
				typeOptions: { searchListMethod: 'searchFlows', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1189466095612001',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Flow ID has digits only' } }],
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'appointment_booking' },
		],
	},
	{
		displayName: 'Message Text',
		name: 'bodyText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		description: 'Text above the button, up to 1024 characters. Flows are session messages: outside the 24-hour window send a template with a Flow button instead.',
	},
	{
		displayName: 'Button Text',
		name: 'flowCta',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Book now',
		description: 'Label of the button that opens the Flow, up to 30 characters (WhatsApp advises no emoji)',
	},
	{
		displayName: 'First Screen',
		name: 'flowScreen',
		type: 'string',
		default: '',
		placeholder: 'APPOINTMENT',
		description: "The ID of the screen to open (from the Flow JSON). Empty: the Flow's entry screen.",
	},
	{
		displayName: 'Screen Data (JSON)',
		name: 'flowScreenData',
		type: 'json',
		default: '',
		description: 'Data the first screen shows, as a JSON object of its data fields, e.g. {"product_name": "Aloe Vera"}. Empty: none.',
	},
	{
		displayName: 'Flow Options',
		name: 'flowOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Flow Action',
				name: 'flowAction',
				type: 'options',
				default: 'navigate',
				options: [
					{ name: 'Data Exchange', value: 'data_exchange', description: "The Flow's endpoint sends the first screen (leave First Screen and Screen Data empty)" },
					{ name: 'Navigate', value: 'navigate', description: 'Open the First Screen with the Screen Data' },
				],
			},
			{
				displayName: 'Flow Token',
				name: 'flowToken',
				// Meta's flow_token is an ID the business picks and gets back with the answers, not a secret to hide.
				// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing
				type: 'string',
				default: '',
				placeholder: '={{ $json.orderId }}',
				description: "Your own ID for this conversation (e.g. a lead or order ID). It comes back with the customer's answers, in the trigger item's interactive.flowToken. Empty: WhatsApp sends \"unused\".",
			},
			{ displayName: 'Footer', name: 'footerText', type: 'string', default: '', description: 'Small grey line under the message, up to 60 characters' },
			{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', description: 'Bold line above the message text, up to 60 characters' },
			{
				displayName: 'Send Draft (Testing)',
				name: 'draft',
				type: 'boolean',
				default: false,
				description: "Whether to send the Flow's current draft instead of its published version, to test it before publishing",
			},
		],
	},
];

export interface FlowOptions {
	flowAction?: FlowAction;
	flowToken?: string;
	footerText?: string;
	headerText?: string;
	draft?: boolean;
}
