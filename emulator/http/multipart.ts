/**
 * A small multipart/form-data parser (RFC 7578) for media uploads (Meta: Media): text fields plus file
 * parts with their filename and Content-Type. Whole bodies are in memory, which suits 100 MB caps.
 */
export interface UploadedFile {
	field: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export interface MultipartBody {
	fields: Record<string, string>;
	files: UploadedFile[];
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	return match ? (match[1] ?? match[2]) : undefined;
}

export function parseMultipart(raw: Buffer, boundary: string): MultipartBody {
	const delimiter = Buffer.from(`--${boundary}`);
	const body: MultipartBody = { fields: {}, files: [] };
	let position = raw.indexOf(delimiter);
	if (position < 0) throw new MultipartError('The multipart body does not contain its boundary.');
	for (;;) {
		const partStart = position + delimiter.length;
		if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
		const next = raw.indexOf(delimiter, partStart);
		if (next < 0) throw new MultipartError('The multipart body is not terminated by its closing boundary.');
		addPart(body, raw.subarray(skipLineBreak(raw, partStart), stripTrailingLineBreak(raw, next)));
		position = next;
	}
	return body;
}

function addPart(body: MultipartBody, part: Buffer): void {
	const headerEnd = part.indexOf('\r\n\r\n');
	if (headerEnd < 0) throw new MultipartError('A multipart part has no header section.');
	const headers = part.subarray(0, headerEnd).toString('utf8');
	const data = part.subarray(headerEnd + 4);
	const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
	const field = /\bname="([^"]*)"/i.exec(disposition)?.[1];
	if (field === undefined) throw new MultipartError('A multipart part has no name in its Content-Disposition header.');
	const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
	const contentType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
	if (filename !== undefined || contentType !== undefined) body.files.push({ field, filename, contentType, data: Buffer.from(data) });
	else body.fields[field] = data.toString('utf8');
}

function skipLineBreak(raw: Buffer, index: number): number {
	return raw[index] === 0x0d && raw[index + 1] === 0x0a ? index + 2 : index;
}

function stripTrailingLineBreak(raw: Buffer, index: number): number {
	return raw[index - 2] === 0x0d && raw[index - 1] === 0x0a ? index - 2 : index;
}
