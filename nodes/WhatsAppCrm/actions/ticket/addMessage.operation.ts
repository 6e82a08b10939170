import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { renderNote, targetRecordOutput } from '../../../shared/crm';
import { attachmentsOf } from '../../transport/attachments';
import { messageOf, templateValuesOf } from '../../transport/message';
import { ownerPool, targetRecord } from '../../transport/record';
import { findOrCreateOptions, outboundTextProperty, ownersProperty, recordTargetProperties } from '../commonFields';
import type { OperationContext } from '../types';

const show = { resource: ['ticket'], operation: ['addMessage'] };

export const description: INodeProperties[] = [
	...recordTargetProperties(show),
	ownersProperty(show, true),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: 'WhatsApp conversation',
		description: "Subject of a new ticket; the requester's name is added after it",
		displayOptions: { show },
	},
	{
		displayName: 'Comment Template',
		name: 'commentTemplate',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '{{body}}',
		hint: 'Handlebars: {{body}}, {{text}}, {{caption}}, {{type}}, {{timeText}}, {{name}}, {{e164}}, {{userId}}, {{item.…}}',
		description: 'The comment text. Keep it in Fixed mode: {{…}} here are Handlebars placeholders.',
		displayOptions: { show },
	},
	{
		displayName: 'Attach Files',
		name: 'attachBinary',
		type: 'boolean',
		default: true,
		description: "Whether the item's files (the trigger's downloaded images and documents) are uploaded and attached to the comment",
		displayOptions: { show },
	},
	outboundTextProperty(show),
	findOrCreateOptions({ ...show, record: ['sender'] }),
];

/**
 * Zendesk: the message becomes a comment on the requester's open WhatsApp ticket, else on a new
 * ticket (opened once even for a burst of first messages); inbound comments are public and written
 * as the customer, with the item's files attached.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	if (!context.client.addTicketMessage) throw new NodeOperationError(this.getNode(), 'Tickets exist only in Zendesk', { itemIndex: i });
	const message = messageOf.call(this, context);
	const target = await targetRecord.call(this, context);
	const { record, person } = target;
	const values = templateValuesOf(context, message, person);
	const body = renderNote(String(this.getNodeParameter('commentTemplate', i, '{{body}}')) || '{{body}}', values);
	const attachments = this.getNodeParameter('attachBinary', i, true) ? await attachmentsOf.call(this, context) : [];
	const result = await context.client.addTicketMessage(
		{ ...record, name: record.name ?? person?.profileName },
		{
			body,
			public: message.direction === 'inbound',
			subject: String(this.getNodeParameter('subject', i, 'WhatsApp conversation')),
			attachments,
			assigneePool: ownerPool.call(this, i),
		},
	);
	return [
		{
			json: {
				...targetRecordOutput(target),
				ticketId: result.ticketId,
				ticketCreated: result.ticketCreated,
				assigneeId: result.assigneeId ?? null,
				attachmentCount: result.attachmentCount,
				direction: message.direction,
				messageId: message.messageId ?? null,
				crm: context.crm,
			},
		},
	];
}
