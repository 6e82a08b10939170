import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { route } from './actions/router';
import { description } from './description';

/** Routes items by the 24 h customer-service window, business hours or quiet hours; logic lives in the core. */
export class WhatsAppSessionWindow implements INodeType {
	description: INodeTypeDescription = description;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
