import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import {
	templateAnalyticsDays,
	templateAnalyticsQuery,
	templateAnalyticsRows,
	templateIdBatches,
	type TemplateAnalyticsProduct,
	type TemplateInfo,
} from '../../../shared/whatsapp/analytics';
import { metaErrorOf, WhatsAppConfigurationError } from '../../../shared/transport';
import { describeMetaError } from '../../../shared/whatsapp/errors';
import { WhatsAppValidationError } from '../../../shared/whatsapp/validationError';
import type { OperationContext } from '../types';
import { fetchTemplateAnalyticsPoints, fetchWabaFields } from '../../transport/analytics';
import { fetchAllTemplates, type StoredTemplate } from '../../transport/templates';
import { dateRangeFields, readDateRange, readList, rowsToItems } from './analyticsFields';

/** The error code of template analytics asked for before insights are enabled. */
const INSIGHTS_NOT_ENABLED = 200007;

/** Statuses of templates that were never sendable, left out of "All Templates". */
const NEVER_SENT = new Set(['PENDING', 'REJECTED']);

const properties: INodeProperties[] = [
	{
		displayName:
			'Sent, delivered, read, button taps and cost per template per UTC day, up to 90 days back. Needs template insights on the account: run Analytics › Enable Template Insights once.',
		name: 'templateAnalyticsNotice',
		type: 'notice',
		default: '',
	},
	...dateRangeFields('last7Days', 'Meta counts template analytics per whole UTC day: a custom range is widened to the UTC days it touches.'),
	{
		displayName: 'Templates',
		name: 'templateSelection',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All Templates', value: 'all', description: 'Every template of the account that was ever approved' },
			{ name: 'From List', value: 'list' },
			{ name: 'By ID', value: 'ids' },
		],
		description: 'Meta answers for 10 templates per request; more are asked for in several requests',
	},
	{
		displayName: 'Template Names or IDs',
		name: 'templateIds',
		type: 'multiOptions',
		required: true,
		default: [],
		typeOptions: { loadOptionsMethod: 'getAnalyticsTemplates' },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { templateSelection: ['list'] } },
	},
	{
		displayName: 'Template IDs',
		name: 'templateIdList',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1627019861106475, 1627019861106476',
		description: 'Template IDs (digits), comma-separated, as Template › Get Many shows them',
		displayOptions: { show: { templateSelection: ['ids'] } },
	},
	{
		displayName: 'Options',
		name: 'templateAnalyticsOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Skip Days Without Activity',
				name: 'skipEmptyRows',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out days on which a template was not sent, delivered, read, tapped or paid for (Meta lists every day)',
			},
			{
				displayName: 'Messages Sent Through',
				name: 'product',
				type: 'options',
				default: 'CLOUD_API',
				options: [
					{ name: 'Cloud API', value: 'CLOUD_API' },
					{ name: 'Marketing Messages API', value: 'MARKETING_MESSAGES_API_FOR_WHATSAPP' },
				],
				description: 'Which sends Meta counts',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['templateAnalytics'] } }, properties);

interface TemplateAnalyticsOptions {
	skipEmptyRows?: boolean;
	product?: TemplateAnalyticsProduct;
}

/**
 * Meta's Analytics page, template analytics: one request per 10 templates (all pages), one item per
 * template per UTC day with the template's name, language and category from the template list.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const days = templateAnalyticsDays(readDateRange.call(this, i), Date.now());
	const options = this.getNodeParameter('templateAnalyticsOptions', i, {}) as TemplateAnalyticsOptions;
	const templates = await fetchAllTemplates.call(this, context.connection, {}, i);
	const ids = chosenTemplateIds.call(this, i, templates);
	const points: Array<Record<string, unknown>> = [];
	try {
		for (const batch of templateIdBatches(ids)) {
			points.push(...(await fetchTemplateAnalyticsPoints.call(this, context, templateAnalyticsQuery(days, batch, options.product))));
		}
	} catch (error) {
		throw await explainInsightsOff.call(this, context, error);
	}
	const info = new Map<string, TemplateInfo>(templates.map((template) => [template.id, { id: template.id, name: template.name, language: template.language, category: String(template.category) }]));
	return rowsToItems(templateAnalyticsRows(points, info, days, { includeEmpty: options.skipEmptyRows !== true }));
}

function chosenTemplateIds(this: IExecuteFunctions, itemIndex: number, templates: StoredTemplate[]): string[] {
	const selection = this.getNodeParameter('templateSelection', itemIndex) as 'all' | 'list' | 'ids';
	if (selection === 'all') {
		const ids = templates.filter((template) => !NEVER_SENT.has(template.status)).map((template) => template.id);
		if (ids.length === 0) throw new WhatsAppValidationError('The account has no approved templates.', 'templateSelection', 'Create a template and have it approved first.');
		return ids;
	}
	const field = selection === 'list' ? 'templateIds' : 'templateIdList';
	const ids = readList(this.getNodeParameter(field, itemIndex, []));
	if (ids.length === 0) throw new WhatsAppValidationError('No template was chosen.', field, 'Pick at least one template, or choose All Templates.');
	const unknown = ids.filter((id) => !templates.some((template) => template.id === id));
	if (unknown.length > 0) {
		throw new WhatsAppValidationError(
			`Template ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a template of this WhatsApp Business Account.`,
			field,
			'Pick templates from the list, or copy their IDs from Template › Get Many.',
		);
	}
	return ids;
}

/**
 * Meta refuses template analytics until insights are enabled (200007 as the emulator answers; the
 * advice of that code names the fix). Whatever code Meta uses, a refusal while the account says
 * `is_enabled_for_insights: false` is explained the same way.
 */
async function explainInsightsOff(this: IExecuteFunctions, context: OperationContext, error: unknown): Promise<unknown> {
	const code = metaErrorOf(error)?.code;
	if (code === undefined || code === INSIGHTS_NOT_ENABLED) return error;
	const account = await fetchWabaFields.call(this, context, 'is_enabled_for_insights').catch(() => undefined);
	if (account?.is_enabled_for_insights !== false) return error;
	const { title, advice } = describeMetaError(INSIGHTS_NOT_ENABLED);
	return new WhatsAppConfigurationError(`${title} (WhatsApp answered error ${code})`, advice);
}

