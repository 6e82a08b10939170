import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildLocationMessage } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { sendMessage } from '../../transport/messages';

// Coordinates are text fields so every digit given (or mapped) is sent as is (Meta: Location messages sends strings).
const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'string',
		required: true,
		default: '',
		placeholder: '37.44216',
		description: 'Decimal degrees between -90 and 90, with a dot as decimal separator',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'string',
		required: true,
		default: '',
		placeholder: '-122.16153',
		description: 'Decimal degrees between -180 and 180, with a dot as decimal separator',
	},
	{
		displayName: 'Place Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'Philz Coffee',
		description: 'Optional name shown in bold on the map pin',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: '101 Forest Ave, Palo Alto, CA 94301',
		description: 'Optional address shown under the name',
	},
	messagingOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendLocation'] } }, properties);

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const body = buildLocationMessage({
		...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions),
		to: this.getNodeParameter('to', i) as string,
		latitude: this.getNodeParameter('latitude', i) as string | number,
		longitude: this.getNodeParameter('longitude', i) as string | number,
		name: this.getNodeParameter('locationName', i, '') as string,
		address: this.getNodeParameter('address', i, '') as string,
	});
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			return [{ json: result }];
		},
	};
}
