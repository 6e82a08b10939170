/**
 * Bytes for inbound user media when the caller sends none: a minimal 1×1 JPEG and PNG and an empty
 * PDF shell, so n8n shows a preview; other types get a short placeholder text (the emulator never
 * decodes media).
 */
const JPEG_1X1 =
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF_SHELL = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** The MIME type a user's media of this kind usually has (Meta: Messages webhook reference). */
export const DEFAULT_MEDIA_MIME: Record<string, string> = {
	image: 'image/jpeg',
	video: 'video/mp4',
	audio: 'audio/ogg; codecs=opus',
	document: 'application/pdf',
	sticker: 'image/webp',
};

export function sampleMediaBytes(mimeType: string, label: string): Buffer {
	const base = mimeType.split(';')[0].trim().toLowerCase();
	if (base === 'image/jpeg') return Buffer.concat([Buffer.from(JPEG_1X1, 'base64'), Buffer.from([0xff, 0xd9])]);
	if (base === 'image/png') return Buffer.from(PNG_1X1, 'base64');
	if (base === 'application/pdf') return Buffer.from(PDF_SHELL, 'latin1');
	return Buffer.from(`Emulated ${label} (${base})\n`, 'utf8');
}
