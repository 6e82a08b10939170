import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { messagingAnalyticsField, messagingAnalyticsRows, wabaAnalyticsSeconds, type MessagingProduct } from '../../../shared/whatsapp/analytics';
import type { OperationContext } from '../types';
import { fetchWabaFields } from '../../transport/analytics';
import {
	countryCodesField,
	dateRangeFields,
	granularityField,
	phoneNumbersField,
	pickedPhoneNumbers,
	readCountryCodes,
	readDateRange,
	readGranularity,
	readList,
	rowsToItems,
} from './analyticsFields';

const properties: INodeProperties[] = [
	...dateRangeFields('last7Days', 'Messages count in the period they were sent (delivered: when delivered).'),
	granularityField('One row per phone number and per half hour, day or calendar month (UTC)'),
	phoneNumbersField,
	{
		displayName: 'Filters',
		name: 'messagingFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			countryCodesField,
			{
				displayName: 'Message Types',
				name: 'products',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Templates', value: 'templates' },
					{ name: 'Other Messages', value: 'otherMessages', description: 'Text, media, interactive … sent in the customer service window' },
				],
				description: 'Empty: both',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['messagingAnalytics'] } }, properties);

interface MessagingFilters {
	countryCodes?: string;
	products?: MessagingProduct[];
}

/**
 * Meta's Analytics page, messaging analytics (the `analytics` field): Meta sums the numbers it is
 * given, so each number is asked for on its own to give sent and delivered per number and period.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const { start, end } = wabaAnalyticsSeconds(readDateRange.call(this, i), Date.now());
	const granularity = readGranularity(this, i);
	const filters = this.getNodeParameter('messagingFilters', i, {}) as MessagingFilters;
	const countryCodes = readCountryCodes(filters.countryCodes);
	const numbers = await pickedPhoneNumbers.call(this, context, readList(this.getNodeParameter('phoneNumbers', i, [])));
	const rows = [];
	for (const number of numbers) {
		const field = messagingAnalyticsField({ start, end, granularity, phoneNumbers: [number.displayPhoneNumber], products: filters.products, countryCodes });
		const answer = await fetchWabaFields.call(this, context, field);
		rows.push(...messagingAnalyticsRows(answer).map((row) => ({ ...row, phoneNumber: row.phoneNumber ?? number.displayPhoneNumber, phoneNumberId: number.id })));
	}
	return rowsToItems(rows);
}
