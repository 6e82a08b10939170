import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { OWNER_CRMS, ownersProperty, zohoModuleProperty } from '../common/fields';
import { personOf } from '../common/person';
import { findOrCreateFor, findOrCreateOptions, foundJson } from '../common/record';
import type { OperationContext } from '../types';

const show = { resource: ['contact'], operation: ['findOrCreate'] };

export const description: INodeProperties[] = [
	{ ...zohoModuleProperty, displayOptions: { show: { ...show, crm: ['zohoCrm'] } } },
	ownersProperty({ ...show, crm: OWNER_CRMS }),
	findOrCreateOptions(show),
];

/**
 * One record per WhatsApp user: found by its WhatsApp ID, else adopted by phone, else created by the
 * CRM's atomic upsert on the unique WhatsApp ID (nodes/shared/crm/findOrCreate.ts).
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const person = personOf.call(this, context);
	const found = await findOrCreateFor.call(this, context, person);
	return [{ json: { ...foundJson(found, person), crm: context.crm, record: found.record.fields as never } }];
}
