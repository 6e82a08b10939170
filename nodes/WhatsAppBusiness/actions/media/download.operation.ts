import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../../shared/transport';
import { compareSha256 } from '../../../shared/whatsapp/media/checksum';
import { fileExtensionFor } from '../../../shared/whatsapp/media/fileTypes';
import type { OperationContext } from '../types';
import { mediaIdField, requireMediaId } from './mediaFields';
import { fileSizeOf, mediaRequest, type MediaInfo } from '../../transport/media';

const properties: INodeProperties[] = [
	mediaIdField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'downloadOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: '={{ $json.document.filename }}',
				description: 'Name for the downloaded file; empty uses the media ID and an extension from its type',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['download'] } }, properties);

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
}

/**
 * Meta's Media page: look the media up, fetch its short-lived URL with the credential (360dialog:
 * its own host, docs/360dialog.md) and hand the FILE on as n8n binary data, checked against Meta's sha256.
 */
export async function execute(this: IExecuteFunctions, context: OperationContext): Promise<INodeExecutionData[]> {
	const i = context.itemIndex;
	const mediaId = requireMediaId.call(this, i);
	const propertyName = this.getNodeParameter('binaryPropertyName', i) as string;
	const options = this.getNodeParameter('downloadOptions', i, {}) as { fileName?: string };

	const info = (await mediaRequest.call(this, context, mediaId, { method: 'GET' })) as MediaInfo;
	if (!info.url) {
		throw new NodeOperationError(this.getNode(), `WhatsApp gave no download URL for media ${mediaId}.`, {
			description: 'Run the node again; if it keeps happening, the media may still be processing or has expired.',
			itemIndex: i,
		});
	}
	const response = await whatsAppRequest.call(this, context.connection, {
		method: 'GET',
		url: endpoints.mediaDownload(context.connection, info.url),
		binary: true,
		itemIndex: i,
	});
	const content = toBuffer(response.body);
	const checksum = compareSha256(content, info.sha256);
	if (checksum.status === 'mismatch') {
		throw new NodeOperationError(this.getNode(), `The downloaded file for media ${mediaId} does not match WhatsApp's checksum.`, {
			description: `WhatsApp's sha256 is ${checksum.expected}, the file's is ${checksum.actualHex}: the file was damaged or cut off on the way. Run the node again.`,
			itemIndex: i,
		});
	}
	const mimeType = info.mime_type || String(response.headers['content-type'] ?? '') || 'application/octet-stream';
	const fileName = options.fileName?.trim() || `${mediaId}.${fileExtensionFor(mimeType)}`;
	const binaryData = await this.helpers.prepareBinaryData(content, fileName, mimeType);
	return [
		{
			json: {
				mediaId,
				mimeType,
				sha256: info.sha256,
				checksumVerified: checksum.status === 'match',
				fileSize: fileSizeOf(info) ?? content.length,
				fileName,
			},
			binary: { [propertyName]: binaryData },
		},
	];
}
