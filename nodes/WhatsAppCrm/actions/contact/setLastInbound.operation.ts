import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { CrmInputError } from '../../../shared/crm';
import { OWNER_CRMS, ownersProperty, zohoModuleProperty } from '../common/fields';
import { findOrCreateOptions, foundJson, recordTargetProperties, targetRecord } from '../common/record';
import type { OperationContext } from '../types';

const show = { resource: ['contact'], operation: ['setLastInbound'] };

export const description: INodeProperties[] = [
	...recordTargetProperties(show),
	{ ...zohoModuleProperty, displayOptions: { show: { ...show, crm: ['zohoCrm'], record: ['sender'] } } },
	ownersProperty({ ...show, crm: OWNER_CRMS, record: ['sender'] }),
	{
		displayName: 'Last Inbound At',
		name: 'lastInboundAt',
		type: 'string',
		default: '={{ $json.timestamp }}',
		description: "When the customer last wrote: the WhatsApp Business Trigger's timestamp by default. ISO 8601, epoch seconds or epoch milliseconds; empty = now.",
		displayOptions: { show },
	},
	findOrCreateOptions({ ...show, record: ['sender'] }),
];

/** ISO 8601 UTC from ISO text, epoch seconds or epoch milliseconds; throws CrmInputError otherwise. */
export function toIsoUtc(value: unknown, now: Date = new Date()): string {
	if (value === undefined || value === null || String(value).trim() === '') return now.toISOString();
	const textValue = String(value).trim();
	const date = /^\d+(\.\d+)?$/.test(textValue) ? new Date(Number(textValue) < 1e12 ? Number(textValue) * 1000 : Number(textValue)) : new Date(textValue);
	if (Number.isNaN(date.getTime())) {
		throw new CrmInputError(`"${textValue}" is not a time`, 'Map an ISO 8601 time (2026-05-14T09:51:00Z), epoch seconds or epoch milliseconds to Last Inbound At.');
	}
	return date.toISOString();
}

/** Writes the customer's last inbound time onto their record, so journeys can read the service window from the CRM. */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const at = toIsoUtc(this.getNodeParameter('lastInboundAt', context.itemIndex, ''));
	const { record, person, found } = await targetRecord.call(this, context);
	await context.client.setLastInbound(record, at);
	return [{ json: { ...(found && person ? foundJson(found, person) : { recordId: record.id, module: record.module }), lastInboundAt: at, crm: context.crm } }];
}
