import type { INodeProperties } from 'n8n-workflow';
import type { TemplateRoute } from '../../../shared/whatsapp/messages';
import type { ComponentsMode } from '../../../shared/whatsapp/templates';
import { templateLocator } from '../commonFields';

/** The template choice and its variables, reused by "Send Text, or Template When Window Closed". */
export const templateFields: INodeProperties[] = [
	templateLocator({
		approvedOnly: true,
		withId: false,
		description: 'An approved template; only these can be sent, and the only messages allowed outside the 24-hour window',
	}),
	{
		displayName: 'Template Variables',
		name: 'templateParameters',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		hint: 'Map automatically: input fields named like a variable fill it: its name for named variables (first_name), otherwise its ID (header, body_1, button_1_url)',
		displayOptions: { hide: { template: [''] } },
		typeOptions: {
			loadOptionsDependsOn: ['template.value', 'templateOptions.languageCode'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateFields',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
				noFieldsError: 'This template has no variables: it is sent exactly as approved.',
			},
		},
	},
];

/** Send Template's less common settings: language by hand, header from binary, raw components. */
export const templateOptionsField: INodeProperties = {
	displayName: 'Template Options',
	name: 'templateOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Components (JSON)',
			name: 'componentsJson',
			type: 'json',
			default: '',
			description:
				'Raw send-time components as in the Cloud API docs, for values the fields above cannot express (currency, date_time, catalog buttons). Each one replaces the generated component of the same type (and button index).',
		},
		{
			displayName: 'Components (JSON) Handling',
			name: 'componentsMode',
			type: 'options',
			default: 'merge',
			options: [
				{
					name: 'Override Matching, Add Others',
					value: 'merge',
					description: 'Keep the components made from the fields, replacing those the JSON also gives',
				},
				{
					name: 'Send Only These',
					value: 'replace',
					description: 'Ignore the fields above and send exactly the JSON components',
				},
			],
		},
		{
			displayName: 'Header Media Binary Property',
			name: 'headerMediaBinaryProperty',
			type: 'string',
			default: '',
			placeholder: 'data',
			description:
				'Name of the binary property holding the header image, video or document. It is uploaded to WhatsApp first and sent by its media ID; leave the header field empty.',
		},
		{
			displayName: 'Marketing Message Activity Sharing',
			name: 'messageActivitySharing',
			type: 'options',
			default: 'accountDefault',
			options: [
				{ name: 'Account Default', value: 'accountDefault', description: "Use the WhatsApp Business Account's setting" },
				{ name: 'Share', value: 'share', description: 'Share this message\'s activity (delivered, read, clicked) with Meta to optimise delivery' },
				{ name: 'Do Not Share', value: 'doNotShare' },
			],
			description: 'Marketing Messages API only: whether Meta may use what the customer does with this message to optimise delivery',
		},
		{
			displayName: 'Send Through',
			name: 'sendRoute',
			type: 'options',
			default: 'cloudApi',
			options: [
				{ name: 'Cloud API', value: 'cloudApi', description: 'The regular messages endpoint, for every template' },
				{
					name: 'Marketing Messages API, or Cloud API',
					value: 'marketingMessages',
					description:
						"MARKETING templates go through Meta's Marketing Messages API when the account is onboarded to it; other templates, and accounts not onboarded, through Cloud API. The output's route says which.",
				},
			],
			description:
				"The Marketing Messages API delivers marketing templates with Meta's optimisations and applies the template's time-to-live (set when creating the template; output as timeToLiveSeconds)",
		},
		{
			displayName: 'Template Language',
			name: 'languageCode',
			type: 'string',
			default: '',
			placeholder: 'en_US',
			description: 'Only needed when the template is given By Name without a language (e.g. just order_confirmation) and it exists in several languages',
		},
	],
};

export interface TemplateOptions {
	componentsJson?: unknown;
	messageActivitySharing?: 'accountDefault' | 'share' | 'doNotShare';
	sendRoute?: TemplateRoute;
	componentsMode?: ComponentsMode;
	headerMediaBinaryProperty?: string;
	languageCode?: string;
}
