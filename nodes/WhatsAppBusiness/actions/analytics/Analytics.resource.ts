import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule, ResourceModule } from '../types';
import * as deliveryReport from './deliveryReport.operation';
import * as enableTemplateInsights from './enableTemplateInsights.operation';
import * as messagingAnalytics from './messagingAnalytics.operation';
import * as pricingAnalytics from './pricingAnalytics.operation';
import * as templateAnalytics from './templateAnalytics.operation';

const operations: Record<string, OperationModule> = { templateAnalytics, pricingAnalytics, messagingAnalytics, deliveryReport, enableTemplateInsights };

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['analytics'] } },
	default: 'templateAnalytics',
	options: [
		{
			name: 'Delivery Report',
			value: 'deliveryReport',
			action: 'Build a delivery report from statuses and sends',
			description: 'Outcome per message and totals per template, campaign and day, from the trigger\'s statuses (no WhatsApp call)',
		},
		{
			name: 'Enable Template Insights',
			value: 'enableTemplateInsights',
			action: 'Enable template insights',
			description: 'Turn on template analytics for the account, once (Cloud API only)',
		},
		{
			name: 'Messaging Analytics',
			value: 'messagingAnalytics',
			action: 'Get messages sent and delivered per phone number',
			description: 'Sent and delivered per phone number and period (Cloud API only)',
		},
		{
			name: 'Pricing Analytics',
			value: 'pricingAnalytics',
			action: 'Get message volume and cost',
			description: 'Volume and cost by pricing category, type and country (Cloud API only)',
		},
		{
			name: 'Template Analytics',
			value: 'templateAnalytics',
			action: 'Get template performance per day',
			description: 'Per template per day: sent, delivered, read, button taps and cost (Cloud API only)',
		},
	],
};

export const analytics: ResourceModule = { operationProperty, operations };
