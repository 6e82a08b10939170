import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import type { CrmKind } from '../../shared/crm';
import { createRedactor } from '../../shared/transport/redaction';
import { crmClientFor, toNodeError } from '../transport';

/** Users of the chosen CRM who can own records (Zoho CRM, Bigin, HubSpot) or take tickets (Zendesk agents). */
export async function getOwners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const crm = this.getNodeParameter('crm', 'zohoCrm') as CrmKind;
	let redactor = createRedactor([]);
	try {
		const built = await crmClientFor.call(this, crm, { fields: {} });
		redactor = built.redactor;
		const owners = await built.client.listOwners();
		return owners
			.map((owner) => ({ name: owner.email && owner.email !== owner.name ? `${owner.name} (${owner.email})` : owner.name, value: owner.id }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0, redactor);
	}
}
