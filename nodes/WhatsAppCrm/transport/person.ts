import type { IExecuteFunctions } from 'n8n-workflow';
import { personFromItem, personFromValues, type WhatsAppPerson } from '../../shared/crm';
import type { OperationContext } from './client';

/**
 * The WhatsApp user of one item: from the item itself (Person › From the Input Item), or from the
 * mapped fields (Person › Fields: the number read as the WhatsApp Business node reads a recipient,
 * with Default Country). Throws CrmInputError when there is neither a wa_id nor a user ID, or the
 * number cannot be a WhatsApp number.
 */
export function personOf(this: IExecuteFunctions, context: OperationContext): WhatsAppPerson {
	const i = context.itemIndex;
	if (this.getNodeParameter('person', i, 'item') === 'fields') {
		return personFromValues(
			{
				waId: String(this.getNodeParameter('waId', i, '')),
				userId: String(this.getNodeParameter('userId', i, '')),
				profileName: String(this.getNodeParameter('profileName', i, '')),
			},
			{ typed: true, defaultCountry: String(this.getNodeParameter('defaultCountry', i, '')) },
		);
	}
	return personFromItem(context.item.json);
}
