import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { findOrCreateOutput } from '../../../shared/crm';
import { findOrCreateFor } from '../../transport/record';
import { personOf } from '../../transport/person';
import { findOrCreateOptions, newRecordProperties } from '../commonFields';
import type { OperationContext } from '../types';

const show = { resource: ['contact'], operation: ['findOrCreate'] };

export const description: INodeProperties[] = [
	...newRecordProperties(show),
	findOrCreateOptions(show),
];

/**
 * One record per WhatsApp user: found by its WhatsApp ID, else adopted by phone, else created by the
 * CRM's atomic upsert on the unique WhatsApp ID (nodes/shared/crm/findOrCreate.ts).
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const person = personOf.call(this, context);
	const found = await findOrCreateFor.call(this, context, person);
	return [{ json: { ...findOrCreateOutput(found, person), crm: context.crm, record: found.record.fields as never } }];
}
