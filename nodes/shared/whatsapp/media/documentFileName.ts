/**
 * The file name a document is shown with. WhatsApp shows a document sent without `filename` as
 * "Untitled" (Meta: Media messages: `filename` is only taken for documents, and nothing is derived
 * from the link), so when none is given one is derived: from the link's last path segment when it
 * names a file, else from the document's MIME type ("document.pdf").
 */
import { fileExtensionFor } from './fileTypes';

/** A file name ends with a dot and 1 to 8 letters or digits: "invoice-1042.pdf", "data.xlsx". */
const HAS_EXTENSION = /\.[A-Za-z0-9]{1,8}$/;

/**
 * The file name a link's path ends with, percent-decoded, the query and fragment ignored:
 * `https://cdn.example.com/invoices/invoice%201042.pdf?sig=…` → "invoice 1042.pdf". Undefined when
 * the last segment has no extension (`/download?id=7`, `/files/1042/`), or the link cannot be read.
 */
export function fileNameFromLink(link: string): string | undefined {
	let path: string;
	try {
		path = new URL(link.trim()).pathname;
	} catch {
		return undefined;
	}
	const segment = path.split('/').pop() ?? '';
	let name: string;
	try {
		name = decodeURIComponent(segment);
	} catch {
		name = segment;
	}
	name = name.replace(/[\\/\r\n\t]/g, '_').trim();
	return HAS_EXTENSION.test(name) ? name : undefined;
}

/** "document.pdf" for application/pdf; undefined without a MIME type or for a generic one (octet-stream). */
export function fileNameForMimeType(mimeType: string | undefined, baseName = 'document'): string | undefined {
	const extension = mimeType ? fileExtensionFor(mimeType) : 'bin';
	return extension === 'bin' ? undefined : `${baseName}.${extension}`;
}

export interface DocumentFileNameInput {
	/** What the user gave; wins when not blank. */
	filename?: string;
	link?: string;
	/** The document's MIME type when known (from the link's server or the uploaded media). */
	mimeType?: string;
}

/** The name to send with a document: the given one, else from the link, else from the MIME type; undefined when none can be told. */
export function documentFileName(input: DocumentFileNameInput): string | undefined {
	const given = input.filename?.trim();
	if (given) return given;
	return (input.link ? fileNameFromLink(input.link) : undefined) ?? fileNameForMimeType(input.mimeType);
}
