/**
 * The record an operation acts on, and what an output item says about it. Pure: the node's
 * transport/ reads the parameters, these turn a find-or-create result into plain values.
 */
import type { CrmKind, FindOrCreateResult, RecordRef, WhatsAppPerson } from './types';

/** The record of a find-or-create, with when the CRM says it was created (ISO 8601) and whether the CRM's create found it (FindOrCreateResult.foundOnCreate). */
export function recordRefOf(found: FindOrCreateResult): RecordRef {
	const { record } = found;
	const createdAt = record.fields.created_at ?? record.fields.Created_Time ?? record.fields.createdate;
	const ref: RecordRef = { id: record.id, module: record.module, name: record.name, foundOnCreate: found.foundOnCreate === true };
	if (typeof createdAt === 'string') ref.createdAt = createdAt;
	return ref;
}

/** The module of a record given by ID: the chosen one in Zoho CRM (Leads or Contacts), the only one elsewhere. */
export function recordModuleFor(crm: CrmKind, zohoModule: string): string {
	if (crm === 'zohoCrm') return zohoModule;
	if (crm === 'bigin') return 'Contacts';
	return crm === 'zendesk' ? 'user' : 'contact';
}

/** The output fields of a find-or-create: the record, how it was found, its owner, and the person's keys. */
export function findOrCreateOutput(found: FindOrCreateResult, person: WhatsAppPerson) {
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

/** What the node acted on: a record found or created for the person, or one given by ID (then no person is needed). */
export interface TargetRecord {
	record: RecordRef;
	person?: WhatsAppPerson;
	found?: FindOrCreateResult;
}

/** The output fields naming the record acted on: all of a find-or-create's when the node did one, else its ID and module. */
export function targetRecordOutput(target: TargetRecord) {
	const { record, person, found } = target;
	return found && person ? findOrCreateOutput(found, person) : { recordId: record.id, module: record.module };
}
