import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { DEFAULT_NOTE_TEMPLATE, DEFAULT_NOTE_TITLE, renderNote, targetRecordOutput } from '../../../shared/crm';
import { messageOf, templateValuesOf } from '../../transport/message';
import { targetRecord } from '../../transport/record';
import { findOrCreateOptions, newRecordProperties, outboundTextProperty, recordTargetProperties } from '../commonFields';
import type { OperationContext } from '../types';

const show = { resource: ['note'], operation: ['logMessage'] };
const TEMPLATE_HINT = 'Handlebars: {{directionLabel}}, {{timeText}}, {{type}}, {{body}}, {{text}}, {{caption}}, {{templateName}}, {{media.filename}}, {{who}}, {{name}}, {{e164}}, {{userId}}, {{item.…}}';

export const description: INodeProperties[] = [
	...recordTargetProperties(show),
	...newRecordProperties({ ...show, record: ['sender'] }),
	{
		displayName: 'Note Title',
		name: 'noteTitle',
		type: 'string',
		default: DEFAULT_NOTE_TITLE,
		hint: TEMPLATE_HINT,
		displayOptions: { show },
	},
	{
		displayName: 'Note Template',
		name: 'noteTemplate',
		type: 'string',
		typeOptions: { rows: 5 },
		default: DEFAULT_NOTE_TEMPLATE,
		hint: TEMPLATE_HINT,
		description: 'The note text. Keep it in Fixed mode: {{…}} here are Handlebars placeholders, not n8n expressions.',
		displayOptions: { show },
	},
	outboundTextProperty(show),
	findOrCreateOptions({ ...show, record: ['sender'] }),
];

/**
 * Logs one WhatsApp message (inbound from the trigger, outbound from a send result) as a note on the
 * person's record: a Zoho CRM/Bigin Note, a HubSpot note associated to the contact, or an internal
 * comment on the requester's WhatsApp ticket in Zendesk.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const message = messageOf.call(this, context);
	const target = await targetRecord.call(this, context);
	const values = templateValuesOf(context, message, target.person);
	const title = renderNote(String(this.getNodeParameter('noteTitle', i, DEFAULT_NOTE_TITLE)) || DEFAULT_NOTE_TITLE, values);
	const body = renderNote(String(this.getNodeParameter('noteTemplate', i, DEFAULT_NOTE_TEMPLATE)) || DEFAULT_NOTE_TEMPLATE, values);
	const note = await context.client.addNote(target.record, { title, body, timestamp: message.timestamp });
	return [
		{
			json: {
				...targetRecordOutput(target),
				noteId: note.noteId,
				direction: message.direction,
				messageId: message.messageId ?? null,
				crm: context.crm,
			},
		},
	];
}
