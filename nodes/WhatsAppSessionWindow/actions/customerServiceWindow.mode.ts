import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { customerServiceWindow } from '../../shared/whatsapp/schedule/customerServiceWindow';
import { isFilledObject, readPath } from './itemFields';
import type { ItemDecision, ModeSummary } from './types';

const show = { show: { mode: ['customerServiceWindow'] } };

export const summary: ModeSummary = {
	name: 'Customer Service Window',
	subtitle: '24 h window',
	description: "Open while free-form messages are allowed: within 24 h of the customer's last message. Closed means templates only.",
	// With Continue On Fail, a failed item goes where nothing free-form is sent right away.
	safeOutput: 'Closed',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Last Inbound At',
		name: 'lastInboundAt',
		type: 'string',
		default: '={{ $json.timestamp }}',
		required: true,
		displayOptions: show,
		description:
			"When the customer last wrote to you. Defaults to the WhatsApp Business Trigger's timestamp; map a Data table column such as last_inbound_at to use a stored time. Accepts ISO 8601, epoch seconds or epoch milliseconds.",
	},
	{
		displayName: 'Safety Margin (Minutes)',
		name: 'safetyMarginMinutes',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 1439 },
		displayOptions: show,
		description: 'Treat the window as closed when this many minutes or fewer are left, so a slow send does not land after it closes',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'First Reply At',
				name: 'firstReplyAt',
				type: 'string',
				default: '',
				description:
					'When you first replied after the ad referral message. The 72 h free entry point window starts there; without it the referral time is used as an approximation.',
			},
			{
				displayName: 'Referral At',
				name: 'referralAt',
				type: 'string',
				default: '',
				description:
					'When the customer wrote from a click-to-WhatsApp ad, e.g. a stored referral_at column. Overrides Referral Field.',
			},
			{
				displayName: 'Referral Field',
				name: 'referralField',
				type: 'string',
				default: 'referral',
				description:
					"Item field holding the ad referral (the trigger's referral). When it is filled, the message time counts as the referral time for the free entry point window. Empty turns this off.",
			},
			{
				displayName: 'Unknown Output',
				name: 'unknownOutput',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a third output, Unknown, for items without a usable time. When off, such an item is an error.',
			},
		],
	},
];

interface WindowOptions {
	firstReplyAt?: string;
	referralAt?: string;
	referralField?: string;
	unknownOutput?: boolean;
}

export function decide(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): ItemDecision {
	const lastInboundAt = this.getNodeParameter('lastInboundAt', itemIndex, '');
	const safetyMarginMinutes = this.getNodeParameter('safetyMarginMinutes', itemIndex, 0) as number;
	const options = this.getNodeParameter('options', itemIndex, {}) as WindowOptions;

	const referralField = options.referralField ?? 'referral';
	const referralFromItem = referralField !== '' && isFilledObject(readPath(item.json, referralField));
	const referralAt = options.referralAt || (referralFromItem ? lastInboundAt : undefined);

	const state = customerServiceWindow({ lastInboundAt, safetyMarginMinutes, referralAt, firstReplyAt: options.firstReplyAt });
	const result = state as unknown as IDataObject;
	if (state.status === 'open') return { output: 'Open', key: 'window', result };
	if (state.status === 'closed') return { output: 'Closed', key: 'window', result };
	if (options.unknownOutput === true) return { output: 'Unknown', key: 'window', result };
	return {
		output: 'Closed',
		key: 'window',
		result,
		failure: {
			message: state.reason,
			description:
				'Set "Last Inbound At" to the trigger\'s timestamp or a stored last_inbound_at value, or turn on the option "Unknown Output" to route such items instead of failing.',
		},
	};
}
