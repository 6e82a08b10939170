import { sleep, type IDataObject } from 'n8n-workflow';
import { HubSpotClient, ZendeskClient, ZohoClient, type CrmClient, type CrmKind } from '../../shared/crm';
import { crmHttpFor, type CrmContext } from './request';

/** Field names the node writes, per CRM, with the defaults the README tells users to create. */
export const DEFAULT_FIELDS = {
	zoho: { whatsAppIdField: 'WhatsApp_ID', userIdField: 'WhatsApp_BSUID', lastInboundField: 'Last_WhatsApp_Inbound' },
	hubspot: { whatsAppIdProperty: 'whatsapp_id', userIdProperty: 'whatsapp_bsuid', lastInboundProperty: 'whatsapp_last_inbound_at', createMissingProperties: true },
	zendesk: { lastInboundUserField: 'whatsapp_last_inbound_at', ticketTag: 'whatsapp' },
};

export interface ClientSettings {
	/** Zoho CRM only: where new records go (Leads or Contacts). */
	module?: string;
	/** Zoho CRM only: also look in the other module before creating. */
	searchBothModules?: boolean;
	/** The CRM's settings collection from the node (field names), possibly empty. */
	fields: IDataObject;
}

const textOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value.trim() : fallback);

/** The adapter for `crm`, talking through n8n's HTTP helper with the node's credential. */
export async function crmClientFor(this: CrmContext, crm: CrmKind, settings: ClientSettings): Promise<{ client: CrmClient; secrets: string[] }> {
	const { http, secrets } = await crmHttpFor.call(this, crm);
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
		return { client, secrets };
	}
	if (crm === 'zendesk') {
		const client = new ZendeskClient(http, {
			lastInboundUserField: textOr(fields.lastInboundUserField, DEFAULT_FIELDS.zendesk.lastInboundUserField) || DEFAULT_FIELDS.zendesk.lastInboundUserField,
			ticketTag: textOr(fields.ticketTag, DEFAULT_FIELDS.zendesk.ticketTag) || DEFAULT_FIELDS.zendesk.ticketTag,
			wait: async (ms) => await sleep(ms),
		});
		return { client, secrets };
	}
	const client = new HubSpotClient(http, {
		whatsAppIdProperty: textOr(fields.whatsAppIdProperty, DEFAULT_FIELDS.hubspot.whatsAppIdProperty) || DEFAULT_FIELDS.hubspot.whatsAppIdProperty,
		userIdProperty: textOr(fields.userIdProperty, DEFAULT_FIELDS.hubspot.userIdProperty),
		lastInboundProperty: textOr(fields.lastInboundProperty, DEFAULT_FIELDS.hubspot.lastInboundProperty) || DEFAULT_FIELDS.hubspot.lastInboundProperty,
		createMissingProperties: fields.createMissingProperties !== false,
	});
	return { client, secrets };
}
