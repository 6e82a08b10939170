import type { IExecuteFunctions } from 'n8n-workflow';
import { WhatsAppValidationError } from '../../shared/whatsapp/validationError';
import { headerFieldId, headerFilenameFieldId, type TemplateDefinition, type TemplateValues } from '../../shared/whatsapp/templates';
import type { OperationContext } from './connection';
import { uploadBinaryMedia } from './mediaUpload';
import { nameForDocument } from './documentName';

const MEDIA_HEADERS = ['IMAGE', 'VIDEO', 'DOCUMENT'];

function mediaHeaderFormat(template: TemplateDefinition): string | undefined {
	const header = template.components.find((component) => String(component.type).toUpperCase() === 'HEADER');
	const format = String(header?.format ?? '').toUpperCase();
	return MEDIA_HEADERS.includes(format) ? format : undefined;
}

/**
 * The header image/video/document from the item's binary data: uploaded first (Meta: Media), then sent
 * by its media ID (Meta: Template components), so a file from an earlier node needs no public link.
 */
export async function headerFromBinary(
	this: IExecuteFunctions,
	context: OperationContext,
	template: TemplateDefinition,
	binaryPropertyName: string,
	values: TemplateValues,
): Promise<TemplateValues> {
	const format = mediaHeaderFormat(template);
	if (!format) {
		throw new WhatsAppValidationError(
			`The template "${template.name}" has no image, video or document header, so there is nothing to upload from "${binaryPropertyName}".`,
			'headerMediaBinaryProperty',
			'Clear the option "Header Media Binary Property", or choose a template with a media header.',
		);
	}
	const kind = format.toLowerCase() as 'image' | 'video' | 'document';
	const upload = await uploadBinaryMedia.call(this, context, { binaryPropertyName, kind });
	const filenameId = headerFilenameFieldId();
	const keepFilename = values[filenameId] !== undefined && String(values[filenameId]).trim() !== '';
	return {
		...values,
		[headerFieldId()]: upload.mediaId,
		...(format === 'DOCUMENT' && !keepFilename ? { [filenameId]: upload.fileName } : {}),
	};
}

/**
 * A document header given by link or media ID without a file name gets one (nameForDocument), so
 * the customer does not see "Untitled" (Meta: Media messages); a link that is a web page, not a
 * file, is refused (nameForDocument). Other headers are returned unchanged.
 */
export async function nameHeaderDocument(
	this: IExecuteFunctions,
	context: OperationContext,
	template: TemplateDefinition,
	values: TemplateValues,
): Promise<TemplateValues> {
	const filenameId = headerFilenameFieldId();
	const source = values[headerFieldId()];
	if (mediaHeaderFormat(template) !== 'DOCUMENT' || source === undefined) return values;
	const given = String(source).trim();
	const filename = await nameForDocument.call(this, context, {
		...(/^\d+$/.test(given) ? { mediaId: given } : { link: given }),
		filename: String(values[filenameId] ?? ''),
		field: headerFieldId(),
	});
	return filename ? { ...values, [filenameId]: filename } : values;
}
