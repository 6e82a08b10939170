import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildTextMessage } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext } from '../types';
import { sendMessage } from '../../transport/messages';

/** The text fields alone, reused by "Send Text, or Template When Window Closed". */
export const textFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'Up to 4096 characters. WhatsApp formatting works: *bold*, _italic_, ~strike~, ```mono```.',
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first http(s) link in the text',
	},
];

const properties: INodeProperties[] = [recipientField, ...textFields, messagingOptions];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendText'] } }, properties);

export async function execute(this: IExecuteFunctions, context: OperationContext) {
	const i = context.itemIndex;
	const options = this.getNodeParameter('messageOptions', i, {}) as MessagingOptions;
	const body = buildTextMessage({
		to: this.getNodeParameter('to', i) as string,
		body: this.getNodeParameter('text', i) as string,
		previewUrl: this.getNodeParameter('previewUrl', i, false) as boolean,
		...options,
	});
	const result = await sendMessage.call(this, context, body);
	return [{ json: result }];
}
