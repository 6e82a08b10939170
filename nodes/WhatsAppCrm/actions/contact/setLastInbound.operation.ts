import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { setLastInboundIfLater, targetRecordOutput, toIsoUtc } from '../../../shared/crm';
import { targetRecord } from '../../transport/record';
import { findOrCreateOptions, newRecordProperties, recordTargetProperties } from '../commonFields';
import type { OperationContext } from '../types';

const show = { resource: ['contact'], operation: ['setLastInbound'] };

export const description: INodeProperties[] = [
	...recordTargetProperties(show),
	...newRecordProperties({ ...show, record: ['sender'] }),
	{
		displayName: 'Last Inbound At',
		name: 'lastInboundAt',
		type: 'string',
		default: '={{ $json.timestamp }}',
		description:
			"When the customer last wrote: the WhatsApp Business Trigger's timestamp by default. ISO 8601 (UTC when it has no offset), epoch seconds or epoch milliseconds; empty = now. Written only when later than the record's time (a message WhatsApp delivers late does not move it back): the output's written is then false.",
		displayOptions: { show },
	},
	findOrCreateOptions({ ...show, record: ['sender'] }),
];

/**
 * Writes the customer's last inbound time onto their record when it is later than the one there, so
 * journeys can read the service window from the CRM. Output: `lastInboundAt` (the record's time
 * afterwards), `messageAt` (this item's time), `written`, `previousLastInboundAt`.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const at = toIsoUtc(this.getNodeParameter('lastInboundAt', context.itemIndex, ''));
	const target = await targetRecord.call(this, context);
	const result = await setLastInboundIfLater(context.client, target.record, at);
	return [
		{
			json: {
				...targetRecordOutput(target),
				written: result.written,
				lastInboundAt: result.lastInboundAt,
				messageAt: at,
				previousLastInboundAt: result.previousLastInboundAt,
				crm: context.crm,
			},
		},
	];
}
