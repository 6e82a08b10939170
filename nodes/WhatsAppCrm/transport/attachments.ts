import type { IExecuteFunctions } from 'n8n-workflow';
import type { CrmAttachment } from '../../shared/crm';
import type { OperationContext } from './client';

/** Every binary property of the item (the trigger's downloaded images and documents), as bytes with a file name and MIME type. */
export async function attachmentsOf(this: IExecuteFunctions, context: OperationContext): Promise<CrmAttachment[]> {
	const attachments: CrmAttachment[] = [];
	for (const [name, binary] of Object.entries(context.item.binary ?? {})) {
		const data = await this.helpers.getBinaryDataBuffer(context.itemIndex, name);
		attachments.push({ fileName: binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`, mimeType: binary.mimeType, data });
	}
	return attachments;
}
