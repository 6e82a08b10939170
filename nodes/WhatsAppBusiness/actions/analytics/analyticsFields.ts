import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { resolveDateRange, type AnalyticsGranularity, type DateRangePreset, type InstantRange } from '../../../shared/whatsapp/analytics';
import { WhatsAppValidationError } from '../../../shared/whatsapp/validationError';
import type { OperationContext } from '../types';
import { fetchWabaPhoneNumbers, type WabaPhoneNumber } from '../../transport/analytics';

/** Field blocks the Analytics operations share; each operation shows them under its own name. */

export function dateRangeFields(defaultPreset: DateRangePreset, dayNote: string): INodeProperties[] {
	return [
		{
			displayName: 'Date Range',
			name: 'dateRange',
			type: 'options',
			default: defaultPreset,
			description: `Presets are whole UTC days up to 00:00 UTC today (today is not over yet). ${dayNote.replace(/\.$/, '')}.`,
			options: [
				{ name: 'Yesterday (UTC)', value: 'yesterday' },
				{ name: 'Last 7 Days (UTC)', value: 'last7Days' },
				{ name: 'Last 30 Days (UTC)', value: 'last30Days' },
				{ name: 'Custom', value: 'custom' },
			],
		},
		{
			displayName: 'Start',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				"First instant included. A date-time without an offset is read in the workflow's time zone (Settings › Timezone); one with an offset (Z, +02:00) or epoch seconds is exact. Sent to WhatsApp as Unix seconds, UTC.",
			displayOptions: { show: { dateRange: ['custom'] } },
		},
		{
			displayName: 'End',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: "First instant NOT included (e.g. Start {{ $today.minus({ days: 1 }) }} and End {{ $today }} for yesterday). A date alone (2025-06-30) means the end of that day: the whole day is included. Read in the workflow's time zone like Start.",
			displayOptions: { show: { dateRange: ['custom'] } },
		},
	];
}

/** The range the Date Range fields describe, in UTC. */
export function readDateRange(this: IExecuteFunctions, itemIndex: number): InstantRange {
	const preset = this.getNodeParameter('dateRange', itemIndex) as DateRangePreset;
	const custom = preset === 'custom';
	return resolveDateRange({
		preset,
		start: custom ? this.getNodeParameter('startDate', itemIndex, '') : undefined,
		end: custom ? this.getNodeParameter('endDate', itemIndex, '') : undefined,
		zone: this.getTimezone(),
		now: Date.now(),
	});
}

export function granularityField(description: string): INodeProperties {
	return {
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		default: 'day',
		description,
		options: [
			{ name: 'Half Hour', value: 'halfHour' },
			{ name: 'Day', value: 'day' },
			{ name: 'Month', value: 'month' },
		],
	};
}

export const readGranularity = (context: IExecuteFunctions, itemIndex: number) => context.getNodeParameter('granularity', itemIndex, 'day') as AnalyticsGranularity;

/** The WABA's numbers to report on; the value is the display number in digits, which is what Meta filters by. */
export const phoneNumbersField: INodeProperties = {
	displayName: 'Phone Number Names or IDs',
	name: 'phoneNumbers',
	type: 'multiOptions',
	default: [],
	typeOptions: { loadOptionsMethod: 'getAnalyticsPhoneNumbers' },
	description:
		'Numbers of the account to report on (empty: all of them), as display numbers in digits (15550783881). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const countryCodesField: INodeProperties = {
	displayName: 'Country Codes',
	name: 'countryCodes',
	type: 'string',
	default: '',
	placeholder: 'US, BR',
	description: "Only recipients in these countries: two-letter ISO codes, comma-separated. Empty: all countries.",
};

/** The values of a list field: picked from a list, or written as comma-separated text (expressions); blanks dropped. */
export function readList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry).trim()).filter(Boolean);
}

/** Two-letter country codes, upper case. */
export function readCountryCodes(value: unknown): string[] {
	const codes = readList(value).map((code) => code.toUpperCase());
	const wrong = codes.filter((code) => !/^[A-Z]{2}$/.test(code));
	if (wrong.length > 0) {
		throw new WhatsAppValidationError(`"${wrong.join('", "')}" is not a two-letter country code.`, 'countryCodes', 'Write ISO 3166 codes such as US, BR, IN, separated by commas.');
	}
	return codes;
}

/**
 * The WABA's numbers the user picked (display numbers, any punctuation), or all of them when none
 * was picked. A number that is not the WABA's is an error naming the numbers it has.
 */
export async function pickedPhoneNumbers(this: IExecuteFunctions, context: OperationContext, picked: readonly string[]): Promise<WabaPhoneNumber[]> {
	const numbers = await fetchWabaPhoneNumbers.call(this, context.connection, context.itemIndex);
	if (picked.length === 0) return numbers;
	const digits = picked.map((number) => number.replace(/\D/g, ''));
	const unknown = picked.filter((_, index) => !numbers.some((number) => number.displayPhoneNumber === digits[index]));
	if (unknown.length > 0) {
		throw new WhatsAppValidationError(
			`${unknown.join(', ')} ${unknown.length === 1 ? 'is not a phone number' : 'are not phone numbers'} of this WhatsApp Business Account.`,
			'phoneNumbers',
			`Pick numbers from the list; this account has ${numbers.map((number) => number.displayPhoneNumber).join(', ') || 'no phone numbers'}.`,
		);
	}
	return numbers.filter((number) => digits.includes(number.displayPhoneNumber));
}

/** Rows → output items. */
export function rowsToItems(rows: readonly object[]): INodeExecutionData[] {
	return rows.map((row) => ({ json: row as IDataObject }));
}
