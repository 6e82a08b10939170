import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildReactionMessage } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { sendMessage } from '../../transport/messages';

// A reaction cannot quote a message (Meta: Reaction messages, Contextual replies), so its options leave out "Reply To Message ID".
const reactionOptions: INodeProperties = {
	...messagingOptions,
	options: (messagingOptions.options ?? []).filter((option) => option.name !== 'replyToMessageId'),
};

const properties: INodeProperties[] = [
	{ ...recipientField, description: `The person who sent the message you react to. ${recipientField.description}` },
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgL…',
		description: 'The wamid of the message to react to, e.g. the message ID the Trigger outputs. Messages older than 30 days cannot get reactions.',
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		description: 'One emoji character (not a name like :thumbsup:). Leave empty to remove your earlier reaction.',
	},
	reactionOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['react'] } }, properties);

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const reactedTo = this.getNodeParameter('messageId', i) as string;
	const emoji = this.getNodeParameter('emoji', i, '') as string;
	const body = buildReactionMessage({
		...(this.getNodeParameter('messageOptions', i, {}) as Omit<MessagingOptions, 'replyToMessageId'>),
		to: this.getNodeParameter('to', i) as string,
		messageId: reactedTo,
		emoji,
	});
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			return [{ json: { ...result, reactedToMessageId: body.reaction.message_id, emoji: body.reaction.emoji, removed: body.reaction.emoji === '' } }];
		},
	};
}
