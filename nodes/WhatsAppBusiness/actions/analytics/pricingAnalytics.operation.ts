import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import {
	PRICING_CATEGORIES,
	PRICING_TYPES,
	pricingAnalyticsField,
	pricingAnalyticsRows,
	wabaAnalyticsSeconds,
	type PricingDimension,
} from '../../../shared/whatsapp/analytics';
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

const titleCase = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

const properties: INodeProperties[] = [
	{
		displayName: 'Volume and cost of the messages delivered, by pricing category, pricing type and country (up to one year back)',
		name: 'pricingAnalyticsNotice',
		type: 'notice',
		default: '',
	},
	...dateRangeFields('last7Days', 'Messages count in the period they were delivered.'),
	granularityField('One row per half hour, day or calendar month (UTC) and per combination of the breakdowns below'),
	{
		displayName: 'Break Down By',
		name: 'dimensions',
		type: 'multiOptions',
		default: ['PRICING_CATEGORY', 'PRICING_TYPE', 'COUNTRY'],
		options: [
			{ name: 'Country', value: 'COUNTRY' },
			{ name: 'Phone Number', value: 'PHONE' },
			{ name: 'Pricing Category', value: 'PRICING_CATEGORY', description: 'Marketing, utility, authentication, service …' },
			{ name: 'Pricing Type', value: 'PRICING_TYPE', description: 'Regular (paid), free customer service, free entry point' },
			{ name: 'Tier', value: 'TIER', description: 'The volume tier the price came from' },
		],
		description: 'Each breakdown becomes a column; none gives one total per period',
	},
	{
		displayName: 'Filters',
		name: 'pricingFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			countryCodesField,
			phoneNumbersField,
			{
				displayName: 'Pricing Categories',
				name: 'pricingCategories',
				type: 'multiOptions',
				default: [],
				options: PRICING_CATEGORIES.map((category) => ({ name: titleCase(category), value: category })),
			},
			{
				displayName: 'Pricing Types',
				name: 'pricingTypes',
				type: 'multiOptions',
				default: [],
				options: PRICING_TYPES.map((type) => ({ name: titleCase(type), value: type })),
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['pricingAnalytics'] } }, properties);

interface PricingFilters {
	countryCodes?: string;
	phoneNumbers?: string[] | string;
	pricingCategories?: string[];
	pricingTypes?: string[];
}

/**
 * Meta's Analytics page, pricing analytics: GET /{waba-id}?fields=pricing_analytics.… → one item per
 * period and breakdown, volume and cost as numbers (cost in the currency the account is billed in).
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const { start, end } = wabaAnalyticsSeconds(readDateRange.call(this, i), Date.now());
	const dimensions = readList(this.getNodeParameter('dimensions', i, [])) as PricingDimension[];
	const filters = this.getNodeParameter('pricingFilters', i, {}) as PricingFilters;
	const picked = readList(filters.phoneNumbers);
	const phoneNumbers = picked.length > 0 ? (await pickedPhoneNumbers.call(this, context, picked)).map((number) => number.displayPhoneNumber) : undefined;
	const field = pricingAnalyticsField({
		start,
		end,
		granularity: readGranularity(this, i),
		dimensions,
		phoneNumbers,
		countryCodes: readCountryCodes(filters.countryCodes),
		pricingCategories: filters.pricingCategories,
		pricingTypes: filters.pricingTypes,
	});
	return rowsToItems(pricingAnalyticsRows(await fetchWabaFields.call(this, context, field), dimensions));
}
