import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import {
	buildCtaUrlMessage,
	buildListMessage,
	buildLocationRequestMessage,
	buildReplyButtonsMessage,
	type CommonMessageOptions,
	type InteractiveHeaderInput,
	type ListSectionInput,
	type ReplyButtonInput,
} from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { buttonFields, ctaUrlFields, headerFields, listFields } from './interactiveFields';
import { jsonListParameter } from './jsonFields';
import { sendMessage } from '../../transport/messages';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Kind',
		name: 'interactiveType',
		type: 'options',
		options: [
			{ name: 'CTA URL Button', value: 'ctaUrl', description: 'One button that opens a web page' },
			{ name: 'List', value: 'list', description: 'A button that opens a menu of up to 10 choices' },
			{ name: 'Location Request', value: 'locationRequest', description: 'Asks the customer to share their location; it arrives as a location message' },
			{ name: 'Reply Buttons', value: 'buttons', description: 'Up to three quick-reply buttons' },
		],
		default: 'buttons',
		description: 'Interactive messages are session messages: they reach the customer only within 24 hours of their last message',
	},
	...headerFields,
	{
		displayName: 'Message Text',
		name: 'bodyText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		description: 'Main text of the message: up to 4096 characters for lists, 1024 for the other kinds',
	},
	...buttonFields,
	...listFields,
	...ctaUrlFields,
	{
		displayName: 'Footer',
		name: 'footerText',
		type: 'string',
		default: '',
		description: 'Optional small grey line under the message, up to 60 characters',
		displayOptions: { show: { interactiveType: ['buttons', 'list', 'ctaUrl'] } },
	},
	messagingOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendInteractive'] } }, properties);

type Kind = 'buttons' | 'list' | 'ctaUrl' | 'locationRequest';

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const kind = this.getNodeParameter('interactiveType', i) as Kind;
	const common: CommonMessageOptions & { body: string } = {
		...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions),
		to: this.getNodeParameter('to', i) as string,
		body: this.getNodeParameter('bodyText', i) as string,
	};
	const footer = this.getNodeParameter('footerText', i, '') as string;
	let body: object;
	switch (kind) {
		case 'buttons': {
			const buttons = this.getNodeParameter('buttons.button', i, []) as ReplyButtonInput[];
			body = buildReplyButtonsMessage({ ...common, buttons, header: readHeader.call(this, i), footer });
			break;
		}
		case 'list':
			body = buildListMessage({
				...common,
				buttonLabel: this.getNodeParameter('listButtonLabel', i) as string,
				sections: readSections.call(this, i),
				headerText: this.getNodeParameter('headerText', i, '') as string,
				footer,
			});
			break;
		case 'ctaUrl':
			body = buildCtaUrlMessage({
				...common,
				displayText: this.getNodeParameter('ctaDisplayText', i) as string,
				url: this.getNodeParameter('ctaUrl', i) as string,
				header: readHeader.call(this, i),
				footer,
			});
			break;
		case 'locationRequest':
			body = buildLocationRequestMessage(common);
			break;
		default:
			throw new NodeOperationError(this.getNode(), `The interactive kind "${String(kind)}" is not supported`, { itemIndex: i });
	}
	return {
		send: async () => {
			const result = await sendMessage.call(this, context, body);
			return [{ json: { ...result, interactiveType: (body as { interactive: { type: string } }).interactive.type } }];
		},
	};
}

function readHeader(this: IExecuteFunctions, i: number): InteractiveHeaderInput | undefined {
	const type = this.getNodeParameter('headerType', i, 'none') as InteractiveHeaderInput['type'] | 'none';
	if (type === 'none') return undefined;
	if (type === 'text') return { type, text: this.getNodeParameter('headerText', i, '') as string };
	const source = this.getNodeParameter('headerMediaSource', i, 'link') as 'link' | 'id';
	return source === 'id'
		? { type, mediaId: this.getNodeParameter('headerMediaId', i, '') as string }
		: { type, link: this.getNodeParameter('headerLink', i, '') as string };
}

interface SectionFields {
	title?: string;
	rows?: { row?: ListSectionInput['rows'] };
}

function readSections(this: IExecuteFunctions, i: number): ListSectionInput[] {
	if (this.getNodeParameter('sectionsInput', i, 'fields') === 'json') {
		const example = '[{"title": "Delivery", "rows": [{"id": "express", "title": "Express"}]}]';
		return jsonListParameter.call(this, 'sectionsJson', i, 'Sections (JSON)', example) as ListSectionInput[];
	}
	const sections = this.getNodeParameter('sections.section', i, []) as SectionFields[];
	return sections.map((section) => ({ title: section.title, rows: section.rows?.row ?? [] }));
}
