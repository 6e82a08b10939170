import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { CrmInputError, recordModuleFor, recordRefOf, type CrmOwner, type FindOrCreateResult, type TargetRecord, type WhatsAppPerson } from '../../shared/crm';
import type { OperationContext } from './client';
import { personOf } from './person';

/** The owners chosen for one item (a list, or comma-separated IDs from an expression), as a round-robin pool; names are not needed. */
export function ownerPool(this: IExecuteFunctions, itemIndex: number): CrmOwner[] {
	const value = this.getNodeParameter('owners', itemIndex, []) as string[] | string;
	const ids = (Array.isArray(value) ? value : String(value).split(',')).map((id) => String(id).trim()).filter(Boolean);
	return ids.map((id) => ({ id, name: '' }));
}

/** Runs find-or-create for the item's person with the node's options (owners, adopting by phone, fields for new records). */
export async function findOrCreateFor(this: IExecuteFunctions, context: OperationContext, person: WhatsAppPerson): Promise<FindOrCreateResult> {
	const i = context.itemIndex;
	const options = this.getNodeParameter('findOrCreateOptions', i, {}) as IDataObject;
	const extra: Record<string, unknown> = {};
	for (const field of ((options.extraFields as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? []) {
		if (field.name) extra[String(field.name)] = field.value;
	}
	return await context.client.findOrCreatePerson(person, {
		ownerPool: context.crm === 'zendesk' ? [] : ownerPool.call(this, i),
		adoptByPhone: options.adoptByPhone !== false,
		extraFields: extra,
	});
}

/**
 * The record to act on (Record › By ID, or the person's record found or created), with the
 * find-or-create result when the node did one. Throws CrmInputError for an empty Record ID.
 */
export async function targetRecord(this: IExecuteFunctions, context: OperationContext): Promise<TargetRecord> {
	const i = context.itemIndex;
	if (this.getNodeParameter('record', i, 'sender') === 'id') {
		const id = String(this.getNodeParameter('recordId', i, '')).trim();
		if (!id) throw new CrmInputError('Record ID is empty', 'Map the record ID (e.g. {{ $json.recordId }} after Find or Create), or choose Record › Find or Create.');
		const module = recordModuleFor(context.crm, String(this.getNodeParameter('recordModule', i, 'Leads')));
		let person: WhatsAppPerson | undefined;
		try {
			person = personOf.call(this, context);
		} catch {
			// By ID the person is optional: it only adds the name and number to what is written.
			person = undefined;
		}
		return { record: { id, module }, person };
	}
	const person = personOf.call(this, context);
	const found = await findOrCreateFor.call(this, context, person);
	return { record: recordRefOf(found), person, found };
}
