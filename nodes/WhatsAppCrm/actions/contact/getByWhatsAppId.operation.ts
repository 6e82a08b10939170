import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { personOf } from '../../transport/person';
import type { OperationContext } from '../types';

export const description: INodeProperties[] = [];

/**
 * The record whose WhatsApp ID is the person's, with `lastInboundAt` for the Session Window node.
 * An unknown person is not an error: the item comes out with `found: false`.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const person = personOf.call(this, context);
	const record = await context.client.getByWhatsAppId(person);
	if (!record) return [{ json: { found: false, recordId: null, waId: person.waId || null, userId: person.userId ?? null, crm: context.crm } }];
	return [
		{
			json: {
				found: true,
				recordId: record.id,
				module: record.module,
				name: record.name ?? null,
				ownerId: record.ownerId ?? null,
				waId: person.waId || null,
				userId: person.userId ?? null,
				lastInboundAt: record.lastInboundAt ?? null,
				crm: context.crm,
				record: record.fields as never,
			},
		},
	];
}
