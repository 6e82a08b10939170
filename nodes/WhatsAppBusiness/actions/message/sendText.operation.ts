import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildTextMessage, characterCount, partStart, splitText } from '../../../shared/whatsapp/messages';
import { WhatsAppValidationError } from '../../../shared/whatsapp/validationError';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { sendInOrder, sendMessage } from '../../transport/messages';

/** The text fields alone, reused by "Send Text, or Template When Window Closed". */
export const textFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'Up to 4096 characters per message (see Long Text). WhatsApp formatting works: *bold*, _italic_, ~strike~, ```mono```.',
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first http(s) link in the text',
	},
];

/** Long Text and Max Parts, reused by "Send Text, or Template When Window Closed" (read by prepare below). */
export const longTextFields: INodeProperties[] = [
	{
		displayName: 'Long Text',
		name: 'longText',
		type: 'options',
		default: 'fail',
		description: 'What to do with a text over 4096 characters, the most one WhatsApp message takes (AI-agent answers often are longer)',
		options: [
			{ name: 'Fail', value: 'fail', description: 'Stop this item with an error; nothing is sent' },
			{
				name: 'Split Into Several Messages',
				value: 'split',
				description:
					'Cut at paragraphs, else sentences, else words, and send the parts in order; the output lists every message ID (with Validate Only, every request in requests)',
			},
		],
	},
	{
		displayName: 'Max Parts',
		name: 'maxParts',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 1 },
		description: 'Refuse (send nothing) when the text would need more messages than this, so a runaway text does not flood the customer',
		displayOptions: { show: { longText: ['split'] } },
	},
];

const properties: INodeProperties[] = [recipientField, ...textFields, ...longTextFields, messagingOptions];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendText'] } }, properties);

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const options = this.getNodeParameter('messageOptions', i, {}) as MessagingOptions;
	const input = {
		to: this.getNodeParameter('to', i) as string,
		body: this.getNodeParameter('text', i) as string,
		previewUrl: this.getNodeParameter('previewUrl', i, false) as boolean,
		...options,
	};
	if (this.getNodeParameter('longText', i, 'fail') !== 'split') {
		const body = buildTextMessage(input);
		return { send: async () => [{ json: await sendMessage.call(this, context, body) }] };
	}
	const parts = textParts(input.body, this.getNodeParameter('maxParts', i, 10) as number);
	// Every part is built (and so checked) before the first is sent; only the first quotes a message.
	const bodies = parts.map((body, index) => buildTextMessage({ ...input, body, ...(index > 0 ? { replyToMessageId: undefined } : {}) }));
	return {
		// The parts of one item go one after the other, in order; other items are sent meanwhile.
		send: async () => {
			const results = await sendInOrder.call(this, context, bodies, (from) => ({ parts: parts.slice(from), text: input.body.slice(partStart(input.body, parts, from)) }));
			return [{ json: partsOutput(results, parts) }];
		},
	};
}

/**
 * One item for all parts: the first part's fields, `messageIds` and `parts` (part, message ID,
 * characters). With Validate Only nothing has an ID: `requests` lists every part's request, in
 * order (`request` stays the first one's, as for any send), so each part can be reviewed.
 */
function partsOutput(results: IDataObject[], parts: string[]): IDataObject {
	const validateOnly = results[0]?.validateOnly === true;
	const described = results.map((result, index) => ({ part: index + 1, ...(validateOnly ? {} : { messageId: result.messageId }), characters: characterCount(parts[index]) }));
	if (validateOnly) return { ...results[0], requests: results.map((result) => result.request), parts: described };
	return { ...results[0], messageIds: results.map((result) => result.messageId as string), parts: described };
}

/** The parts of a text to send; refuses (before anything is sent) more parts than the item allows. */
function textParts(text: string, maxParts: number): string[] {
	if (typeof text !== 'string' || text.trim() === '') return [text];
	const parts = splitText(text);
	if (parts.length > maxParts) {
		throw new WhatsAppValidationError(
			`The text is ${characterCount(text)} characters long and would need ${parts.length} messages; Max Parts allows ${maxParts}.`,
			'maxParts',
			`Shorten the text, or raise Max Parts to ${parts.length} if the customer should receive all of it.`,
		);
	}
	return parts;
}
