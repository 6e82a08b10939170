import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { CrmAttachment } from '../../../shared/crm';
import { ownersProperty } from '../common/fields';
import { messageOf, outboundTextProperty, renderNote } from '../common/message';
import { findOrCreateOptions, foundJson, ownerPool, recordTargetProperties, targetRecord } from '../common/record';
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
		hint: 'Handlebars: {{body}}, {{text}}, {{caption}}, {{type}}, {{timeText}}, {{name}}, {{e164}}, {{item.…}}',
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

/** Every binary property of the item, as bytes with a file name and MIME type. */
async function attachmentsOf(this: IExecuteFunctions, context: OperationContext): Promise<CrmAttachment[]> {
	const attachments: CrmAttachment[] = [];
	for (const [name, binary] of Object.entries(context.item.binary ?? {})) {
		const data = await this.helpers.getBinaryDataBuffer(context.itemIndex, name);
		attachments.push({ fileName: binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`, mimeType: binary.mimeType, data });
	}
	return attachments;
}

/**
 * Zendesk: the message becomes a comment on the requester's open WhatsApp ticket, else on a new
 * ticket (opened once even for a burst of first messages); inbound comments are public and written
 * as the customer, with the item's files attached.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	if (!context.client.addTicketMessage) throw new NodeOperationError(this.getNode(), 'Tickets exist only in Zendesk', { itemIndex: i });
	const { record, person, found } = await targetRecord.call(this, context);
	const { message, values } = messageOf.call(this, context, person);
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
				...(found && person ? foundJson(found, person) : { recordId: record.id, module: record.module }),
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
