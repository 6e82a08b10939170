import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as businessHours from './actions/businessHours.mode';
import * as customerServiceWindow from './actions/customerServiceWindow.mode';
import { OUTPUTS_EXPRESSION } from './actions/outputs';
import * as quietHours from './actions/quietHours.mode';
import { route } from './actions/router';

/** Routes items by the 24 h customer-service window, business hours or quiet hours; logic lives in the core. */
export class WhatsAppSessionWindow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Session Window',
		name: 'whatsAppSessionWindow',
		icon: { light: 'file:whatsappSessionWindow.svg', dark: 'file:whatsappSessionWindow.dark.svg' },
		group: ['transform'],
		version: 1,
		// Deliberately not a tool: n8n hands an agent only output 0, so a Closed answer would reach it
		// empty. The key is spelled out because the community lint wants the choice made explicit.
		usableAsTool: undefined,
		subtitle:
			'={{ {"customerServiceWindow": "24 h window", "businessHours": "Business hours", "quietHours": "Quiet hours"}[$parameter["mode"]] }}',
		description:
			"Route items by WhatsApp's 24-hour customer-service window, your business hours or the recipient's quiet hours",
		defaults: { name: 'WhatsApp Session Window' },
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				default: 'customerServiceWindow',
				options: [
					{
						name: 'Customer Service Window',
						value: 'customerServiceWindow',
						description:
							'Open while free-form messages are allowed: within 24 h of the customer\'s last message. Closed means templates only.',
					},
					{
						name: 'Business Hours',
						value: 'businessHours',
						description: 'Open during your opening hours, in your time zone, except holidays',
					},
					{
						name: 'Quiet Hours',
						value: 'quietHours',
						description: "Send Now unless it is night (or a day off) in the recipient's time zone; Later items carry the next allowed time",
					},
				],
			},
			...customerServiceWindow.properties,
			...businessHours.properties,
			...quietHours.properties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
