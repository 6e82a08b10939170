import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { MediaKind } from '../../../shared/whatsapp/media/fileTypes';
import type { OperationContext } from '../types';
import { postBinaryMedia } from '../../transport/mediaUpload';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'Options',
		name: 'uploadOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'invoice-1042.pdf',
				description: "Name to upload the file under; empty uses the binary data's own file name",
			},
			{
				displayName: 'MIME Type',
				name: 'mimeType',
				type: 'string',
				default: '',
				placeholder: 'application/pdf',
				description: "Use when the binary data's MIME type is wrong or generic (e.g. application/octet-stream)",
			},
			{
				displayName: 'Will Be Sent As',
				name: 'mediaKind',
				type: 'options',
				default: 'any',
				description: 'Checks that the file fits this kind of message before uploading (e.g. WebP only as a sticker)',
				options: [
					{ name: 'Any Kind', value: 'any' },
					{ name: 'Audio', value: 'audio' },
					{ name: 'Document', value: 'document' },
					{ name: 'Image', value: 'image' },
					{ name: 'Sticker', value: 'sticker' },
					{ name: 'Video', value: 'video' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['upload'] } }, properties);

interface UploadOptions {
	fileName?: string;
	mimeType?: string;
	mediaKind?: MediaKind | 'any';
}

/** Meta's Media page: multipart upload of one binary file; the type and size are checked first (Meta: Media). */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const options = this.getNodeParameter('uploadOptions', i, {}) as UploadOptions;
	const upload = await postBinaryMedia.call(this, context, {
		binaryPropertyName,
		kind: options.mediaKind && options.mediaKind !== 'any' ? options.mediaKind : undefined,
		mimeType: options.mimeType,
		fileName: options.fileName,
		unnamedStem: 'upload',
	});
	return [
		{
			json: {
				mediaId: upload.mediaId,
				mimeType: upload.mimeType,
				fileName: upload.fileName,
				fileSize: upload.fileSize,
				kind: upload.kind,
				...(context.connection.phoneNumberId ? { phoneNumberId: context.connection.phoneNumberId } : {}),
			},
		},
	];
}
