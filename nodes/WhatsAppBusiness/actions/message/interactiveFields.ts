import type { INodeProperties } from 'n8n-workflow';

/** Fields of Send Interactive, grouped by kind; limits from Meta's Interactive reply buttons messages, Location request messages pages. */

const withHeader = { interactiveType: ['buttons', 'ctaUrl'] };

export const headerFields: INodeProperties[] = [
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		default: 'none',
		description: 'Optional line or media shown above the message text',
		displayOptions: { show: withHeader },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		required: true,
		default: '',
		description: 'Bold line above the message text, up to 60 characters',
		displayOptions: { show: { ...withHeader, headerType: ['text'] } },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: 'Optional bold line above the list text, up to 60 characters (lists take text headers only)',
		displayOptions: { show: { interactiveType: ['list'] } },
	},
	{
		displayName: 'Header Media Source',
		name: 'headerMediaSource',
		type: 'options',
		options: [
			{ name: 'Link', value: 'link', description: 'A public https:// address WhatsApp downloads the file from' },
			{ name: 'Media ID', value: 'id', description: 'A file already uploaded to WhatsApp' },
		],
		default: 'link',
		displayOptions: { show: { ...withHeader, headerType: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'Header Link',
		name: 'headerLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/banner.png',
		displayOptions: { show: { ...withHeader, headerType: ['image', 'video', 'document'], headerMediaSource: ['link'] } },
	},
	{
		displayName: 'Header Media ID',
		name: 'headerMediaId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID returned by a media upload from this phone number',
		displayOptions: { show: { ...withHeader, headerType: ['image', 'video', 'document'], headerMediaSource: ['id'] } },
	},
];

export const buttonFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		placeholder: 'Add Button',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'One to three buttons (WhatsApp allows no more; use a List for up to 10 choices). A tap comes back to the Trigger as a button reply carrying the button ID.',
		displayOptions: { show: { interactiveType: ['buttons'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Label on the button, up to 20 characters, different for each button' },
					{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'What the Trigger receives when tapped (up to 256 characters). Empty: the title.' },
				],
			},
		],
	},
];

export const listFields: INodeProperties[] = [
	{
		displayName: 'Button Label',
		name: 'listButtonLabel',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Choose an option',
		description: 'Text of the button that opens the list, up to 20 characters',
		displayOptions: { show: { interactiveType: ['list'] } },
	},
	{
		displayName: 'Define Sections',
		name: 'sectionsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
		displayOptions: { show: { interactiveType: ['list'] } },
	},
	{
		displayName: 'Sections',
		name: 'sections',
		type: 'fixedCollection',
		placeholder: 'Add Section',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Up to 10 sections and at most 10 rows in total across all of them. A section title is needed once there are two sections or more.',
		displayOptions: { show: { interactiveType: ['list'], sectionsInput: ['fields'] } },
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Section heading, up to 24 characters' },
					{
						displayName: 'Rows',
						name: 'rows',
						type: 'fixedCollection',
						placeholder: 'Add Row',
						typeOptions: { multipleValues: true, sortable: true },
						default: {},
						options: [
							{
								displayName: 'Row',
								name: 'row',
								values: [
									{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 24 characters' },
									{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Optional grey line under the title, up to 72 characters' },
									{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'What the Trigger receives when chosen (up to 200 characters). Empty: the title.' },
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Sections (JSON)',
		name: 'sectionsJson',
		type: 'json',
		required: true,
		default: '[\n  {\n    "title": "Delivery",\n    "rows": [\n      { "id": "express", "title": "Express", "description": "Next day" },\n      { "id": "standard", "title": "Standard" }\n    ]\n  }\n]',
		description: "Meta's sections array, as in the example: each section has a title and rows with ID, title and description. Handy for lists built by an expression.",
		displayOptions: { show: { interactiveType: ['list'], sectionsInput: ['json'] } },
	},
];

export const ctaUrlFields: INodeProperties[] = [
	{
		displayName: 'Button Label',
		name: 'ctaDisplayText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'See dates',
		description: 'Text on the button, up to 20 characters',
		displayOptions: { show: { interactiveType: ['ctaUrl'] } },
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/booking?ref=wa',
		description: "Page the button opens in the phone's browser. WhatsApp reports no tap event, so add a tracking parameter if you need one.",
		displayOptions: { show: { interactiveType: ['ctaUrl'] } },
	},
];
