import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { buildMarkAsRead } from '../../../shared/whatsapp/messages';
import type { OperationContext } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgL…',
		description:
			'The wamid of a message the customer sent (the message ID the Trigger outputs). The customer sees blue ticks on it and on every earlier message of the chat.',
	},
	{
		displayName: 'Options',
		name: 'readOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Show Typing Indicator',
				name: 'typingIndicator',
				type: 'boolean',
				default: true,
				description:
					'Whether the customer also sees "typing…" until your reply arrives or 25 seconds pass. Use it only when a reply follows soon, e.g. before an AI answer.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['markAsRead'] } }, properties);

export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const options = this.getNodeParameter('readOptions', i, {}) as { typingIndicator?: boolean };
	const body = buildMarkAsRead({ messageId: this.getNodeParameter('messageId', i) as string, typingIndicator: options.typingIndicator === true });
	// Meta's Mark messages as read page: same endpoint as sending; the answer is only {success: true}.
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'POST',
		url: endpoints.messages(context.connection),
		body: { ...body },
		itemIndex: i,
	});
	const success = (response.body as { success?: boolean }).success === true;
	return [{ json: { success, messageId: body.message_id, typingIndicator: body.typing_indicator !== undefined } }];
}
