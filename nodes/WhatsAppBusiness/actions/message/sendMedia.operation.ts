import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { buildMediaMessage, checkMediaMessage, type MediaMessageInput, type MediaType } from '../../../shared/whatsapp/messages';
import { messagingOptions, recipientField, type MessagingOptions } from '../commonFields';
import type { OperationContext, PreparedSend } from '../types';
import { sendMessage } from '../../transport/messages';
import { uploadBinaryMedia } from '../../transport/mediaUpload';
import { checkDocumentLink, nameForDocument } from '../../transport/documentName';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'AAC, AMR, MP3, M4A or OGG (OPUS), up to 16 MB' },
			{ name: 'Document', value: 'document', description: 'PDF, Office files or plain text, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'JPEG or PNG, up to 5 MB' },
			{ name: 'Sticker', value: 'sticker', description: 'WebP only, up to 100 KB (500 KB animated)' },
			{ name: 'Video', value: 'video', description: 'MP4 or 3GP (H.264 + AAC), up to 16 MB' },
		],
		default: 'image',
	},
	{
		displayName: 'Source',
		name: 'mediaSource',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A file on the input item (n8n binary data); it is uploaded to WhatsApp first, then sent by its new media ID' },
			{ name: 'Link', value: 'link', description: 'A public https:// address WhatsApp downloads the file from' },
			{ name: 'Media ID', value: 'id', description: 'A file already uploaded to WhatsApp (IDs stay valid for 30 days)' },
		],
		default: 'link',
	},
	{
		displayName: 'Link',
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/catalogue.pdf',
		description: 'Must be publicly reachable without login; WhatsApp fetches it when sending. For a document, the file itself, not a share page (Drive or Dropbox share pages are refused with their direct link).',
		displayOptions: { show: { mediaSource: ['link'] } },
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1479537139650973',
		description: 'ID returned by a media upload from this phone number (the Media resource outputs it)',
		displayOptions: { show: { mediaSource: ['id'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to send',
		displayOptions: { show: { mediaSource: ['binary'] } },
	},
	{
		displayName: 'MIME Type',
		name: 'mimeType',
		type: 'string',
		default: '',
		placeholder: 'application/pdf',
		description: "Leave empty to use the binary file's own type. Set it when that type is wrong or generic (e.g. application/octet-stream).",
		displayOptions: { show: { mediaSource: ['binary'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: 'Text under the image, video or document (up to 1024 characters). Audio and stickers cannot have one.',
		displayOptions: { show: { mediaType: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'invoice_1042.pdf',
		description: "Name the recipient sees; its extension picks the document icon. Empty: the binary file's own name, the link's file name, or document.pdf (etc.) from the file's type.",
		displayOptions: { show: { mediaType: ['document'] } },
	},
	{
		displayName: 'Send as Voice Note',
		name: 'voice',
		type: 'boolean',
		default: false,
		description: 'Whether to send the audio as a voice note (needs an OGG/OPUS file; the play icon shows only up to 512 KB)',
		displayOptions: { show: { mediaType: ['audio'] } },
	},
	messagingOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendMedia'] } }, properties);

type Source = 'link' | 'id' | 'binary';

export async function prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedSend> {
	const i = context.itemIndex;
	const source = this.getNodeParameter('mediaSource', i) as Source;
	const mediaType = this.getNodeParameter('mediaType', i) as MediaType;
	const input: MediaMessageInput = {
		...(this.getNodeParameter('messageOptions', i, {}) as MessagingOptions),
		to: this.getNodeParameter('to', i) as string,
		mediaType,
		caption: this.getNodeParameter('caption', i, '') as string,
		filename: this.getNodeParameter('filename', i, '') as string,
		voice: this.getNodeParameter('voice', i, false) as boolean,
	};
	if (source === 'link' || source === 'id') {
		const from = source === 'link' ? { link: this.getNodeParameter('mediaLink', i) as string } : { mediaId: this.getNodeParameter('mediaId', i) as string };
		// Checked before the name is looked up, so a message WhatsApp would refuse costs no look-up.
		checkMediaMessage(input);
		if (mediaType === 'document' && from.link !== undefined) checkDocumentLink(from.link, 'mediaLink');
		return {
			send: async () => {
				if (mediaType === 'document') input.filename = await nameForDocument.call(this, context, { ...from, filename: input.filename, field: source === 'link' ? 'mediaLink' : 'mediaId' });
				return await send.call(this, context, { ...input, ...from });
			},
		};
	}

	// Check everything else first, so a message WhatsApp would refuse wastes no upload.
	checkMediaMessage(input);
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const binary = this.helpers.assertBinaryData(i, binaryPropertyName);
	if (mediaType === 'document' && !input.filename?.trim() && binary.fileName) input.filename = binary.fileName;
	const mimeType = this.getNodeParameter('mimeType', i, '') as string;
	return {
		send: async () => {
			const upload = await uploadBinaryMedia.call(this, context, { binaryPropertyName, kind: mediaType, mimeType });
			return await send.call(this, context, { ...input, mediaId: upload.mediaId }, { fileName: upload.fileName, mimeType: upload.mimeType, fileSize: upload.fileSize });
		},
	};
}

async function send(this: IExecuteFunctions, context: OperationContext, input: MediaMessageInput, uploaded?: Record<string, unknown>) {
	const result = await sendMessage.call(this, context, buildMediaMessage(input));
	const mediaId = input.mediaId?.trim();
	return [{ json: { ...result, ...(mediaId ? { mediaId } : {}), ...(uploaded ? { uploaded } : {}) } }];
}
