import type { INodeProperties } from 'n8n-workflow';
import { providerProperty } from '../shared/transport';
import { EVENT_OPTIONS, MESSAGE_TYPE_OPTIONS, STATUS_OPTIONS } from './eventOptions';

const cloudApiOnly = { show: { authentication: ['cloudApi'] } };
const dialog360Only = { show: { authentication: ['dialog360'] } };

const registration: INodeProperties[] = [
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		displayOptions: cloudApiOnly,
		options: [
			{
				name: 'Automatic (Meta)',
				value: 'meta',
				description:
					"On activation, point this WABA (or the chosen phone numbers) at this workflow with Meta's webhook override; on deactivation, put back what was there",
			},
			{ name: 'Manual', value: 'manual', description: 'Nothing is called: you paste the URL and the Verify Token in the App Dashboard' },
		],
		default: 'meta',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		displayOptions: dialog360Only,
		options: [
			{
				name: '360dialog',
				value: 'dialog360',
				description: "On activation, set the number's webhook URL in 360dialog (POST /v1/configs/webhook); on deactivation, put the previous URL back",
			},
			{ name: 'Manual', value: 'manual', description: 'Nothing is called: you set the webhook URL in the 360dialog Hub' },
		],
		default: 'dialog360',
	},
	{
		displayName:
			'Automatic registration subscribes the app (only if it has no callback yet), subscribes the WABA and sets an override to this URL, so several workflows can share one app (one per WABA, or one per phone number with Phone Number IDs). The credential needs App ID, App Secret and Verify Token.',
		name: 'metaRegistrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['cloudApi'], registration: ['meta'] } },
	},
	{
		displayName:
			"Copy the Production URL (Webhook URLs above) into Meta's App Dashboard › WhatsApp › Configuration › Callback URL, enter the credential's Verify Token as Verify token, and subscribe the webhook fields you need (messages for messages and statuses).",
		name: 'metaManualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['cloudApi'], registration: ['manual'] } },
	},
	{
		displayName:
			'Set the Production URL (Webhook URLs above) as the webhook of this number in the 360dialog Hub, with the secret header below if you use one. 360dialog sends no GET handshake.',
		name: 'dialog360ManualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['dialog360'], registration: ['manual'] } },
	},
];

const authenticity: INodeProperties[] = [
	{
		displayName:
			'Every POST must carry X-Hub-Signature-256, the HMAC-SHA256 of the raw body keyed with the App Secret of the credential. Requests without a valid signature get HTTP 401, start no execution and are logged with the reason.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
		displayOptions: cloudApiOnly,
	},
	{
		displayName: 'Signature Check',
		name: 'signatureCheck',
		type: 'options',
		noDataExpression: true,
		displayOptions: dialog360Only,
		options: [
			{
				name: 'Secret Header',
				value: 'secretHeader',
				description:
					'360dialog sends no signature, so check a secret header instead: it is registered with the webhook (360dialog "headers") and every POST must carry it',
			},
			{ name: 'None', value: 'none', description: 'Accept every POST to this URL: anyone who knows the URL can start the workflow' },
		],
		default: 'secretHeader',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Secret',
		required: true,
		displayOptions: { show: { authentication: ['dialog360'], signatureCheck: ['secretHeader'] } },
	},
	{
		displayName: 'Header Value',
		name: 'headerValue',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'A long random string. POSTs without exactly this value in the header get HTTP 401.',
		displayOptions: { show: { authentication: ['dialog360'], signatureCheck: ['secretHeader'] } },
	},
];

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Binary Property',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'Where downloaded media goes in the item',
			displayOptions: { show: { downloadMedia: [true] } },
		},
		{
			displayName: 'Download Media',
			name: 'downloadMedia',
			type: 'boolean',
			default: false,
			description:
				'Whether to download images, videos, audio, documents and stickers into the item as binary data. A failed download leaves the event in place with mediaError.',
		},
		{
			displayName: 'Drop Duplicates',
			name: 'dropDuplicates',
			type: 'boolean',
			default: true,
			description:
				"Whether to drop an event this trigger already emitted (Meta delivers at least once and retries). The memory is kept in this n8n process, or, when the credential has a Redis URL for Shared State, in that Redis (shared by every webhook processor).",
		},
		{
			displayName: 'Duplicate Memory (Events)',
			name: 'duplicateMemorySize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description: 'With Drop Duplicates on: how many event IDs to remember in this process; the oldest is forgotten first (in Redis, the hours below alone apply)',
		},
		{
			displayName: 'Duplicate Memory (Hours)',
			name: 'duplicateMemoryHours',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: 168,
			description: 'With Drop Duplicates on: how long to remember an event ID. Meta retries for up to 7 days (168 hours).',
		},
		{
			displayName: 'Late Answer Reply',
			name: 'lateAnswerReply',
			type: 'string',
			default: '',
			placeholder: 'Thanks! This request was already answered or has expired.',
			description:
				'Text sent back to a person whose Send and Wait answer came too late (the request was already answered, or its wait limit passed). Empty sends nothing.',
			displayOptions: { hide: { sendAndWaitAnswers: ['ignore'] } },
		},
		{
			displayName: 'Mark as Read',
			name: 'markAsRead',
			type: 'boolean',
			default: false,
			description:
				'Whether to mark each inbound message as read (blue ticks). Best effort: a failure is logged and noted as markedAsRead: false.',
		},
		{
			displayName: 'Message Types',
			name: 'messageTypes',
			type: 'multiOptions',
			options: MESSAGE_TYPE_OPTIONS,
			default: [],
			description: 'Only these inbound message types start the workflow. Empty means all.',
		},
		{
			displayName: 'Send and Wait Answers',
			name: 'sendAndWaitAnswers',
			type: 'options',
			default: 'resumeAndOutput',
			options: [
				{
					name: 'Resume and Output',
					value: 'resumeAndOutput',
					description: 'Resume the execution that waits for the answer, and also output the message here, with sendAndWait saying what happened',
				},
				{ name: 'Resume Only', value: 'resumeOnly', description: 'Resume the waiting execution; answers (also late or repeated ones) start nothing here' },
				{ name: 'Ignore', value: 'ignore', description: 'Resume nothing: answers are ordinary messages here' },
			],
			description:
				'Answers to "Send and Wait for Response" (a button, list row or template button it sent, or the next text of the person asked) resume the workflow execution that asked, in whatever workflow it runs',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: STATUS_OPTIONS,
			default: [],
			description: 'Only these status updates start the workflow. Empty means all.',
		},
	],
};

/**
 * Trigger On. Version 1.1 starts with messages only: with statuses as well, a chatbot built with the
 * defaults ran once per sent, delivered and read status of its own replies. Version 1 keeps its
 * default, so workflows saved with it (n8n does not store defaults) behave as before.
 */
const triggerOn: INodeProperties = {
	displayName: 'Trigger On',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: EVENT_OPTIONS,
	default: [],
	description:
		'One item per message, status or change. Add Status to track delivery (sent, delivered, read, failed); a chatbot should not, or it runs once per status of its own replies. Template, account and quality events reach only the app-level callback: Meta never sends them to a WABA or phone-number override.',
};

export const triggerProperties: INodeProperties[] = [
	providerProperty,
	{ ...triggerOn, default: ['message', 'status'], displayOptions: { show: { '@version': [1] } } },
	{ ...triggerOn, default: ['message'], displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } },
	{
		displayName: 'Phone Number IDs',
		name: 'phoneNumberIds',
		type: 'string',
		default: '',
		placeholder: '106540352242922, 106540352242923',
		description:
			"Comma-separated Phone number IDs this workflow handles; empty means every number of the WABA. With automatic registration, each listed number gets its own override, so other numbers can go to other workflows.",
		displayOptions: cloudApiOnly,
	},
	...registration,
	...authenticity,
	options,
	{
		// Send and Wait answers are POSTed to $execution.resumeUrl of the waiting execution; n8n evaluates
		// this in the Trigger's own context, which gives the instance's resume base (webhook/answers.ts).
		displayName: 'Resume URL',
		name: 'resumeUrl',
		type: 'hidden',
		default: '={{ $execution.resumeUrl }}',
	},
];
