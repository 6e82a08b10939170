import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { triggerProperties } from './properties';
import { registrationMethods } from './registration';
import { receiveWebhook } from './webhook/receive';

/**
 * Signed WhatsApp webhooks → one item per message, status or change. GET and POST share one path:
 * GET is Meta's verification handshake (Meta: Create a webhook endpoint), POST a delivery (Meta: Create a webhook endpoint). The node answers every
 * request itself, so a refused request never starts an execution.
 */
export class WhatsAppBusinessTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Business Trigger',
		name: 'whatsAppBusinessTrigger',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['trigger'],
		// 1.1: Trigger On starts with messages only (statuses are added for delivery tracking).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on WhatsApp messages, statuses and account events (Cloud API or 360dialog), with signature check, deduplication and media download',
		eventTriggerDescription: 'Waiting for a WhatsApp message or status',
		activationMessage: 'WhatsApp now delivers to this workflow. Messages to the number start an execution each.',
		defaults: { name: 'WhatsApp Business Trigger' },
		// A trigger is not a tool: it starts workflows and takes no input.
		usableAsTool: undefined,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppCloudApi', required: true, displayOptions: { show: { authentication: ['cloudApi'] } } },
			{ name: 'whatsApp360DialogApi', required: true, displayOptions: { show: { authentication: ['dialog360'] } } },
		],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	webhookMethods = { default: registrationMethods };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}
}

