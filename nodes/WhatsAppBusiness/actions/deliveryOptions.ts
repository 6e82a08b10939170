import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkAlreadySentKey } from '../../shared/whatsapp/messages';

/**
 * The send options about delivering many items: the sending number's throughput ceiling and
 * "Skip Items Already Sent". Part of every send's Options (commonFields.ts); the router reads them.
 */
export const deliveryOptionFields: INodeProperties[] = [
	{
		displayName: 'Throughput',
		name: 'throughput',
		type: 'options',
		noDataExpression: true,
		default: 'standard',
		options: [
			{ name: 'Standard (80 Messages per Second)', value: 'standard', description: "Meta's default for a phone number" },
			{ name: 'High (1,000 Messages per Second)', value: 'high', description: 'For numbers Meta upgraded' },
			{ name: "From the Phone Number's Throughput Level", value: 'phoneNumber', description: 'Read from WhatsApp (kept for 10 minutes)' },
			{ name: 'Custom', value: 'custom', description: 'The rate in Custom Messages per Second' },
		],
		description:
			'The most messages per second this phone number may send (Meta: Throughput). Items go out concurrently up to it, never above it, shared by every workflow of this n8n instance sending from the number; WhatsApp refusing for throughput (130429) slows them down.',
	},
	{
		displayName: 'Custom Messages per Second',
		name: 'messagesPerSecond',
		type: 'number',
		default: 80,
		typeOptions: { minValue: 1 },
		description: 'Used when Throughput is Custom, e.g. 20 for a number also used in the WhatsApp Business app',
	},
	{
		displayName: 'Skip Items Already Sent',
		name: 'skipAlreadySent',
		type: 'boolean',
		noDataExpression: true,
		default: false,
		displayOptions: { hide: { '/operation': ['sendAndWait'] } },
		description:
			"Whether to remember each item's Already Sent Key once WhatsApp accepted its message, and skip items whose key is remembered, e.g. when running a failed or stopped execution again. Kept in n8n's database for this node, across ALL its runs: a key must name the message, not only the customer, or the next campaign to the same customers is skipped.",
	},
	{
		displayName: 'Already Sent Key',
		name: 'alreadySentKey',
		type: 'string',
		default: '',
		placeholder: '={{ $json.orderId }}',
		displayOptions: { hide: { '/operation': ['sendAndWait'] } },
		description:
			"What names this item's message uniquely (needed with Skip Items Already Sent): e.g. the order ID, or the campaign and the customer ID, like spring-sale:C-1001. A customer ID alone would skip that customer in every later campaign of this node. It also goes into the message's tracking data, first, then a | and your own Tracking Data (if any), so status webhooks can be joined to the item.",
	},
	{
		displayName: 'Keys to Remember',
		name: 'alreadySentKeysToRemember',
		type: 'number',
		default: 100000,
		typeOptions: { minValue: 1 },
		displayOptions: { hide: { '/operation': ['sendAndWait'] } },
		description:
			"How many Already Sent Keys n8n keeps for this node; the oldest are forgotten first. A run with more different keys stops before sending. Not used with a Redis for shared state in the credential (it keeps each key 30 days).",
	},
	{
		displayName: 'Resend Unconfirmed After (Minutes)',
		name: 'resendUnconfirmedAfterMinutes',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 0, numberPrecision: 1 },
		displayOptions: { hide: { '/operation': ['sendAndWait'] } },
		description:
			"With a Redis for shared state in the credential (queue mode): a message an earlier run claimed but never confirmed (its worker died, or the connection broke, while sending it) is sent again by a run this many minutes after the claim, if a WhatsApp Trigger using the same Redis received status webhooks of the number since, and none of this message. A status of it marks it sent instead. 0 never sends it again.",
	},
];

export type ThroughputSetting = 'standard' | 'high' | 'phoneNumber' | 'custom';

/** The node's delivery settings, read from the first item (they concern the whole batch). */
export interface DeliverySettings {
	throughput: ThroughputSetting;
	/** Messages per second for `custom`. */
	customMessagesPerSecond: number;
	skipAlreadySent: boolean;
	keysToRemember: number;
	/** Resend Unconfirmed After, in ms (0: never; NaN when the option is not a number of minutes, 0 or more). */
	resendUnconfirmedAfterMs: number;
}

export function readDeliverySettings(this: IExecuteFunctions): DeliverySettings {
	// One option at a time: reading the whole collection would evaluate the item's other expressions too.
	const option = <T>(name: string, fallback: T) => this.getNodeParameter(`messageOptions.${name}`, 0, fallback) as T;
	const customMessagesPerSecond = Number(option('messagesPerSecond', 80));
	const keysToRemember = Number(option('alreadySentKeysToRemember', 100000));
	const resendAfter = option<unknown>('resendUnconfirmedAfterMinutes', 10);
	const resendAfterMinutes = resendAfter === '' || resendAfter === null ? Number.NaN : Number(resendAfter);
	return {
		throughput: option<ThroughputSetting>('throughput', 'standard'),
		customMessagesPerSecond: customMessagesPerSecond > 0 ? customMessagesPerSecond : 80,
		skipAlreadySent: option<unknown>('skipAlreadySent', false) === true,
		keysToRemember: keysToRemember > 0 ? keysToRemember : 100000,
		resendUnconfirmedAfterMs: Number.isFinite(resendAfterMinutes) && resendAfterMinutes >= 0 ? resendAfterMinutes * 60_000 : Number.NaN,
	};
}

/** The item's Already Sent Key, checked with its own Tracking Data (checkAlreadySentKey). */
export function readAlreadySentKey(this: IExecuteFunctions, itemIndex: number): string {
	const key = this.getNodeParameter('messageOptions.alreadySentKey', itemIndex, '') as unknown;
	const tracking = this.getNodeParameter('messageOptions.bizOpaqueCallbackData', itemIndex, '') as string;
	return checkAlreadySentKey(key, tracking);
}
