/**
 * The delivery report from our own data, over all input items at once (like Trigger Event › Drop
 * Duplicates): no request to WhatsApp. Statuses from the trigger (or a Data table) are joined to the
 * send results in the same input, by message ID or tracking data (the core's deliveryReport.ts).
 */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { errorItemJson, failedItem, toNodeError } from '../../../shared/transport';
import { deliveryOutcomes, deliveryTotals, readDeliveryItem, type IndexedRecord, type TotalsGroup } from '../../../shared/whatsapp/analytics';
import { assertTimeZone } from '../../../shared/whatsapp/schedule/timeZones';
import { WhatsAppValidationError } from '../../../shared/whatsapp/validationError';
import { readList } from './analyticsFields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Connect the status items of the WhatsApp Business Trigger (or Data table rows of them) together with the results of Send Template, e.g. with a Merge node (Append). Statuses are joined to their send by message ID, else by tracking data. Other trigger events are skipped.',
		name: 'deliveryReportNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Output',
		name: 'reportOutput',
		type: 'options',
		default: 'messages',
		options: [
			{ name: 'One Item per Message', value: 'messages', description: 'What happened to each message: status reached, times, error, pricing, template and campaign' },
			{ name: 'Totals', value: 'totals', description: 'Counts per template, campaign, day or pricing category: sent, delivered, read, failed, billable' },
		],
	},
	{
		displayName: 'Group Totals By',
		name: 'groupBy',
		type: 'multiOptions',
		default: ['templateName'],
		options: [
			{ name: 'Template', value: 'templateName' },
			{ name: 'Campaign (Tracking Data)', value: 'campaign' },
			{ name: 'Day', value: 'day' },
			{ name: 'Pricing Category', value: 'pricingCategory', description: 'As Meta reported it in the statuses' },
		],
		description: 'One row per combination of these; none gives one overall row',
		displayOptions: { show: { reportOutput: ['totals'] } },
	},
	{
		displayName: 'Options',
		name: 'reportOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Time Zone of Days',
				name: 'timeZone',
				type: 'string',
				default: 'UTC',
				placeholder: 'Europe/Berlin',
				description: "IANA time zone whose calendar days 'day' names (the day of each message's first status). UTC matches Meta's analytics.",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['deliveryReport'] } }, properties);

/**
 * All items → one item per message or one per group of totals, each paired with the input items it
 * was built from. An item that cannot be read fails alone under Continue On Fail.
 */
export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('reportOutput', 0) as 'messages' | 'totals';
	const zone = readZone(this);
	const records: IndexedRecord[] = [];
	const failures: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		try {
			const record = readDeliveryItem(item.json);
			if (record) records.push({ record, index });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, index);
			if (!this.continueOnFail()) throw nodeError;
			failures.push(failedItem(errorItemJson(nodeError), index));
		}
	});
	const outcomes = deliveryOutcomes(records, zone);
	const paired = (sources: number[]) => sources.map((item) => ({ item }));
	const rows =
		output === 'totals'
			? deliveryTotals(outcomes, readList(this.getNodeParameter('groupBy', 0, [])) as TotalsGroup[]).map(({ totals, sources }) => ({ json: totals as unknown as IDataObject, pairedItem: paired(sources) }))
			: outcomes.map(({ outcome, sources }) => ({ json: outcome as unknown as IDataObject, pairedItem: paired(sources) }));
	return [...rows, ...failures];
}

function readZone(context: IExecuteFunctions): string {
	const zone = String((context.getNodeParameter('reportOptions', 0, {}) as { timeZone?: string }).timeZone ?? '').trim() || 'UTC';
	try {
		return assertTimeZone(zone);
	} catch (error) {
		throw toNodeError(context.getNode(), new WhatsAppValidationError((error as Error).message, 'timeZone', 'Use an IANA name such as Europe/Berlin, America/New_York or UTC.'), 0);
	}
}
