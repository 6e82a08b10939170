import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { checkRawMessage } from '../../../shared/whatsapp/messages';
import { validateOnlyOption } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { sendMessage } from '../../transport/messages';

/**
 * A message body written by hand, POSTed as is to the messages endpoint (Meta: Send messages): for
 * message types the node has no fields for yet. It takes the same send path as every other send.
 */
const properties: INodeProperties[] = [
	{
		displayName: 'Message Body (JSON)',
		name: 'rawBody',
		type: 'json',
		required: true,
		default: '{\n  "messaging_product": "whatsapp",\n  "recipient_type": "individual",\n  "to": "+16505551234",\n  "type": "text",\n  "text": { "body": "Hello" }\n}',
		description:
			"The whole request body, as in Meta's Cloud API documentation. It is sent unchanged after a check of its shape: messaging_product \"whatsapp\", \"to\" (or \"recipient\"), \"type\" and the object of that type.",
	},
	{
		displayName: 'Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [validateOnlyOption()],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendRaw'] } }, properties);

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const body = checkRawMessage(this.getNodeParameter('rawBody', context.itemIndex) as unknown);
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			return [{ json: result }];
		},
	};
}
