import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { loadOptions } from './methods';

export class WhatsAppCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp CRM',
		name: 'whatsAppCrm',
		icon: { light: 'file:whatsappCrm.svg', dark: 'file:whatsappCrm.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["crm"] + ": " + $parameter["operation"] }}',
		description: 'Turn every WhatsApp sender into exactly one record in Zoho CRM, Bigin, Zendesk or HubSpot, and log the conversation',
		defaults: { name: 'WhatsApp CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppZohoOAuth2Api', required: true, displayOptions: { show: { crm: ['zohoCrm', 'bigin'] } } },
			{ name: 'whatsAppZendeskApi', required: true, displayOptions: { show: { crm: ['zendesk'] } } },
			{ name: 'whatsAppHubSpotApi', required: true, displayOptions: { show: { crm: ['hubspot'] } } },
		],
		properties: nodeProperties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
