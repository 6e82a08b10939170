import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { resultLimit, returnAllOrLimitFields } from '../commonFields';
import { withTemplateVariables } from '../../../shared/whatsapp/templates';
import type { OperationContext } from '../types';
import { fetchTemplatePage, type StoredTemplate, type TemplateQuery } from '../../transport/templates';

const STATUSES = ['APPROVED', 'DISABLED', 'IN_APPEAL', 'PAUSED', 'PENDING', 'PENDING_DELETION', 'REJECTED'];

const properties: INodeProperties[] = [
	...returnAllOrLimitFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Authentication', value: 'AUTHENTICATION' },
					{ name: 'Marketing', value: 'MARKETING' },
					{ name: 'Utility', value: 'UTILITY' },
				],
			},
			{
				displayName: 'Language Names or IDs',
				name: 'language',
				type: 'multiOptions',
				default: [],
				typeOptions: { loadOptionsMethod: 'getTemplateLanguages' },
				description: 'Language codes such as en_US. Choose from the list, or specify codes using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'order',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				options: STATUSES.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '), value: status })),
				description: 'Only approved templates can be sent',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['getAll'] } }, properties);

interface Filters {
	category?: string[];
	language?: string[] | string;
	name?: string;
	status?: string[];
}

/** One item per template (Meta: Template management), following every page until the limit is reached. */
export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const limit = resultLimit.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as Filters;
	const query: TemplateQuery = {
		status: (filters.status ?? []).join(','),
		category: (filters.category ?? []).join(','),
		language: Array.isArray(filters.language) ? filters.language.join(',') : filters.language,
		name: filters.name,
	};
	const found: StoredTemplate[] = [];
	let token: string | undefined;
	do {
		const page = await fetchTemplatePage.call(this, context.connection, query, token, i);
		found.push(...page.templates);
		token = page.next;
	} while (token !== undefined && found.length < limit);
	return found.slice(0, limit).map((template) => ({ json: withTemplateVariables(template) }));
}
