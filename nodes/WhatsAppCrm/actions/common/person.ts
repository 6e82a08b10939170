import type { IExecuteFunctions } from 'n8n-workflow';
import { personFromItem, personFromValues, type WhatsAppPerson } from '../../../shared/crm';
import type { OperationContext } from '../types';

/** The WhatsApp user of one item: from the item itself, or from the mapped fields. */
export function personOf(this: IExecuteFunctions, context: OperationContext): WhatsAppPerson {
	const i = context.itemIndex;
	if (this.getNodeParameter('person', i, 'item') === 'fields') {
		return personFromValues({
			waId: String(this.getNodeParameter('waId', i, '')),
			userId: String(this.getNodeParameter('userId', i, '')),
			profileName: String(this.getNodeParameter('profileName', i, '')),
		});
	}
	return personFromItem(context.item.json);
}
