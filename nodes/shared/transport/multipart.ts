import { randomBytes } from 'node:crypto';

/**
 * multipart/form-data for media uploads (Meta: Media). Built by hand so the package needs no form-data
 * dependency; n8n's HTTP helper sends a Buffer body as is.
 */
export interface MultipartFile {
	fieldName: string;
	fileName: string;
	mimeType: string;
	content: Buffer;
}

function quoted(value: string): string {
	return value.replace(/["\r\n]/g, '_');
}

export function encodeMultipart(fields: Record<string, string>, file: MultipartFile): { body: Buffer; contentType: string } {
	const boundary = `----n8nWhatsApp${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`));
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.fieldName)}"; filename="${quoted(file.fileName)}"\r\n` +
				`Content-Type: ${file.mimeType}\r\n\r\n`,
		),
		file.content,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
