import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { describePhoneNumberHealth, type GraphPhoneNumber } from '../../../shared/whatsapp/account/phoneNumberHealth';
import type { OperationContext } from '../types';
import { HEALTH_FIELDS } from '../../transport/phoneNumbers';

const properties: INodeProperties[] = [
	{
		displayName: 'The number checked is the one chosen in "Sender Phone Number" above (or the credential\'s default)',
		name: 'healthNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumber'], operation: ['getHealth'] } }, properties);

/**
 * Meta's Phone numbers page: GET /{phone-number-id}?fields=…, read in plain words (Meta: Throughput, Messaging limits). Meta only: 360dialog's
 * messaging API has no such call, and the endpoint says so with a configuration error.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'GET',
		url: endpoints.phoneNumber(context.connection),
		qs: { fields: HEALTH_FIELDS },
		itemIndex: context.itemIndex,
	});
	return [{ json: { ...describePhoneNumberHealth(response.body as GraphPhoneNumber) } }];
}
