import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { CrmInputError, type CrmOwner, type FindOrCreateResult, type RecordRef, type WhatsAppPerson } from '../../../shared/crm';
import type { OperationContext } from '../types';
import { personOf } from './person';

/** Options of Find or Create, shared by the operations that find or create the sender first. */
export function findOrCreateOptions(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'findOrCreateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Adopt Records Found by Phone',
				name: 'adoptByPhone',
				type: 'boolean',
				default: true,
				description:
					'Whether a record made earlier without a WhatsApp ID (by a person, or an import) is found by its phone number, whatever its format, and gets the WhatsApp ID written onto it instead of a new record being created',
			},
			{
				displayName: 'Search Both Leads and Contacts',
				name: 'searchBothModules',
				type: 'boolean',
				default: true,
				description: 'Whether Zoho CRM looks for the sender in Leads and Contacts before creating (Zoho CRM only)',
			},
			{
				displayName: 'Fields for New Records',
				name: 'extraFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Field',
				description: "Set on a new record only, in the CRM's own field names (API names)",
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Lead_Source' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	};
}

/** Which record an operation acts on: the sender's (found or created), or one given by ID. */
export function recordTargetProperties(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Record',
			name: 'record',
			type: 'options',
			default: 'sender',
			displayOptions: { show },
			options: [
				{ name: "Find or Create the Person's Record", value: 'sender', description: 'The same as Contact › Find or Create from WhatsApp, then this operation' },
				{ name: 'By ID', value: 'id', description: 'A record ID, e.g. from an earlier Find or Create' },
			],
		},
		{
			displayName: 'Record ID',
			name: 'recordId',
			type: 'string',
			default: '={{ $json.recordId }}',
			required: true,
			displayOptions: { show: { ...show, record: ['id'] } },
		},
		{
			displayName: 'Record Module',
			name: 'recordModule',
			type: 'options',
			default: 'Leads',
			options: [
				{ name: 'Lead', value: 'Leads' },
				{ name: 'Contact', value: 'Contacts' },
			],
			displayOptions: { show: { ...show, record: ['id'], crm: ['zohoCrm'] } },
		},
	];
}

function ownerPool(this: IExecuteFunctions, itemIndex: number): CrmOwner[] {
	const value = this.getNodeParameter('owners', itemIndex, []) as string[] | string;
	const ids = (Array.isArray(value) ? value : String(value).split(',')).map((id) => String(id).trim()).filter(Boolean);
	return ids.map((id) => ({ id, name: '' }));
}

/** Runs find-or-create for the item's person with the node's options. */
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

export { ownerPool };

/** The record to act on, and the find-or-create result when the node found or created it. */
export async function targetRecord(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<{ record: RecordRef; person?: WhatsAppPerson; found?: FindOrCreateResult }> {
	const i = context.itemIndex;
	if (this.getNodeParameter('record', i, 'sender') === 'id') {
		const id = String(this.getNodeParameter('recordId', i, '')).trim();
		if (!id) throw new CrmInputError('Record ID is empty', 'Map the record ID (e.g. {{ $json.recordId }} after Find or Create), or choose Record › Find or Create.');
		const module = context.crm === 'zohoCrm' ? String(this.getNodeParameter('recordModule', i, 'Leads')) : context.crm === 'bigin' ? 'Contacts' : context.crm === 'zendesk' ? 'user' : 'contact';
		let person: WhatsAppPerson | undefined;
		try {
			person = personOf.call(this, context);
		} catch {
			person = undefined;
		}
		return { record: { id, module }, person };
	}
	const person = personOf.call(this, context);
	const found = await findOrCreateFor.call(this, context, person);
	const createdAt = found.record.fields.created_at ?? found.record.fields.Created_Time ?? found.record.fields.createdate;
	const record: RecordRef = { id: found.record.id, module: found.record.module, name: found.record.name, createdConcurrently: found.matchedBy === 'createdConcurrently' };
	if (typeof createdAt === 'string') record.createdAt = createdAt;
	return { record, person, found };
}

/** The output fields of a find-or-create, shared by the operations that do one. */
export function foundJson(found: FindOrCreateResult, person: WhatsAppPerson): IDataObject {
	const { record } = found;
	return {
		recordId: record.id,
		module: record.module,
		created: found.created,
		adopted: found.adopted,
		matchedBy: found.matchedBy,
		owner: found.owner ? { id: found.owner.id, ...(found.owner.name ? { name: found.owner.name } : {}) } : null,
		name: record.name ?? null,
		waId: person.waId || null,
		userId: person.userId ?? null,
	};
}
