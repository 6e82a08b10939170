import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { OUTPUTS_EXPRESSION } from './actions/outputs';
import { nodeProperties, subtitle } from './actions/properties';
import { router } from './actions/router';

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
		subtitle,
		description:
			"Route items by WhatsApp's 24-hour customer-service window, your business hours or the recipient's quiet hours",
		defaults: { name: 'WhatsApp Session Window' },
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
