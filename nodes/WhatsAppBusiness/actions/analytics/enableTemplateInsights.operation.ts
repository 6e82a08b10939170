import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { OperationContext } from '../types';
import { enableTemplateInsights, fetchWabaFields } from '../../transport/analytics';

const properties: INodeProperties[] = [
	{
		displayName:
			"Turns on template analytics for the credential's WhatsApp Business Account, which Template Analytics needs. Meta does not allow turning them off again.",
		name: 'enableInsightsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['enableTemplateInsights'] } }, properties);

/**
 * Meta's Analytics page, confirming template analytics: reads `is_enabled_for_insights` and posts
 * `is_enabled_for_insights=true` only when it is off. → {wabaId, insightsEnabled: true, changed}.
 * An account Meta offers no insights to answers 200005, mapped to advice.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const before = await fetchWabaFields.call(this, context, 'is_enabled_for_insights');
	const wabaId = String(before.id ?? context.connection.wabaId ?? '');
	if (before.is_enabled_for_insights === true) return [{ json: { wabaId, insightsEnabled: true, changed: false } }];
	await enableTemplateInsights.call(this, context);
	return [{ json: { wabaId, insightsEnabled: true, changed: true } }];
}
