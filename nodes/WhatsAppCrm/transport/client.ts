import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { HubSpotClient, ZendeskClient, ZohoClient, type CrmClient, type CrmKind } from '../../shared/crm';
import type { Redactor } from '../../shared/transport/redaction';
import { crmHttpFor, type CrmContext } from './request';

/** Field names the node writes, per CRM, with the defaults the README tells users to create (the Field Names defaults in actions/properties.ts). */
export const DEFAULT_FIELDS = {
	zoho: { whatsAppIdField: 'WhatsApp_ID', userIdField: 'WhatsApp_BSUID', lastInboundField: 'Last_WhatsApp_Inbound' },
	hubspot: { whatsAppIdProperty: 'whatsapp_id', userIdProperty: 'whatsapp_bsuid', lastInboundProperty: 'whatsapp_last_inbound_at', createMissingProperties: true },
	zendesk: { userIdUserField: 'whatsapp_bsuid', lastInboundUserField: 'whatsapp_last_inbound_at', ticketTag: 'whatsapp' },
};

/** What every operation and item reader gets besides `this`: the item, the chosen CRM and its client. */
export interface OperationContext {
	itemIndex: number;
	item: INodeExecutionData;
	crm: CrmKind;
	client: CrmClient;
}

export interface ClientSettings {
	/** Zoho CRM only: where new records go (Leads or Contacts). */
	module?: string;
	/** Zoho CRM only: also look in the other module before creating. */
	searchBothModules?: boolean;
	/** The CRM's settings collection from the node (field names), possibly empty. */
	fields: IDataObject;
}

const textOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value.trim() : fallback);

/** The adapter for `crm`, talking through n8n's HTTP helper with the node's credential, and the redactor for that credential. */
export async function crmClientFor(this: CrmContext, crm: CrmKind, settings: ClientSettings): Promise<{ client: CrmClient; redactor: Redactor }> {
	const { http, redactor } = await crmHttpFor.call(this, crm);
	const fields = settings.fields;
	if (crm === 'zohoCrm' || crm === 'bigin') {
		const module = crm === 'bigin' ? 'Contacts' : (settings.module ?? 'Leads');
		const other = module === 'Leads' ? 'Contacts' : 'Leads';
		const client = new ZohoClient(http, {
			product: crm,
			module,
			searchModules: crm === 'zohoCrm' && settings.searchBothModules !== false ? [module, other] : [module],
			whatsAppIdField: textOr(fields.whatsAppIdField, DEFAULT_FIELDS.zoho.whatsAppIdField) || DEFAULT_FIELDS.zoho.whatsAppIdField,
			userIdField: textOr(fields.userIdField, DEFAULT_FIELDS.zoho.userIdField),
			lastInboundField: textOr(fields.lastInboundField, DEFAULT_FIELDS.zoho.lastInboundField) || DEFAULT_FIELDS.zoho.lastInboundField,
		});
		return { client, redactor };
	}
	if (crm === 'zendesk') {
		const client = new ZendeskClient(http, {
			userIdUserField: textOr(fields.userIdUserField, DEFAULT_FIELDS.zendesk.userIdUserField),
			lastInboundUserField: textOr(fields.lastInboundUserField, DEFAULT_FIELDS.zendesk.lastInboundUserField) || DEFAULT_FIELDS.zendesk.lastInboundUserField,
			ticketTag: textOr(fields.ticketTag, DEFAULT_FIELDS.zendesk.ticketTag) || DEFAULT_FIELDS.zendesk.ticketTag,
			wait: async (ms) => await sleep(ms),
		});
		return { client, redactor };
	}
	const client = new HubSpotClient(http, {
		whatsAppIdProperty: textOr(fields.whatsAppIdProperty, DEFAULT_FIELDS.hubspot.whatsAppIdProperty) || DEFAULT_FIELDS.hubspot.whatsAppIdProperty,
		userIdProperty: textOr(fields.userIdProperty, DEFAULT_FIELDS.hubspot.userIdProperty),
		lastInboundProperty: textOr(fields.lastInboundProperty, DEFAULT_FIELDS.hubspot.lastInboundProperty) || DEFAULT_FIELDS.hubspot.lastInboundProperty,
		createMissingProperties: fields.createMissingProperties !== false,
	});
	return { client, redactor };
}

/** The node's settings collection of field names for each CRM. */
const FIELD_COLLECTIONS: Record<CrmKind, string> = { zohoCrm: 'zohoFields', bigin: 'zohoFields', hubspot: 'hubspotFields', zendesk: 'zendeskFields' };

/** The client for one item, from the node's settings for it: the Zoho CRM module, Find or Create's options, the field names. */
export async function clientForItem(this: IExecuteFunctions, crm: CrmKind, itemIndex: number): Promise<{ client: CrmClient; redactor: Redactor }> {
	const options = this.getNodeParameter('findOrCreateOptions', itemIndex, {}) as IDataObject;
	const record = this.getNodeParameter('record', itemIndex, 'sender') as string;
	const module = record === 'id' ? this.getNodeParameter('recordModule', itemIndex, 'Leads') : this.getNodeParameter('zohoModule', itemIndex, 'Leads');
	return await crmClientFor.call(this, crm, {
		module: String(module),
		searchBothModules: options.searchBothModules !== false,
		fields: this.getNodeParameter(FIELD_COLLECTIONS[crm], itemIndex, {}) as IDataObject,
	});
}
