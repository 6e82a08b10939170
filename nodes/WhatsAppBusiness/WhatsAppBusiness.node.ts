import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { waitingWebhook, waitingWebhooks } from './actions/waitingWebhook';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class WhatsAppBusiness implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Business',
		name: 'whatsAppBusiness',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send WhatsApp templates, text, media and interactive messages; manage templates, media and numbers (Cloud API or 360dialog)',
		defaults: { name: 'WhatsApp Business' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppCloudApi', required: true, displayOptions: { show: { authentication: ['cloudApi'] } } },
			{ name: 'whatsApp360DialogApi', required: true, displayOptions: { show: { authentication: ['dialog360'] } } },
		],
		// Message › Send and Wait for Response: n8n resumes the waiting execution through this webhook.
		webhooks: waitingWebhooks,
		waitingNodeTooltip: '={{ $parameter["operation"] === "sendAndWait" ? "Execution will continue after the answer on WhatsApp" : "" }}',
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await waitingWebhook.call(this);
	}
}
