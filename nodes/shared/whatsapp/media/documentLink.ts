/**
 * Document links that lead to a web page rather than to the file. WhatsApp fetches a media link
 * and sends what it gets (Meta: Media messages, "link"); its document types are PDF, Office files
 * and plain text (Meta: Media, its supported media types), so a share page (Google Drive, Dropbox) or any
 * HTML page reaches the customer as a broken document. The share pages of the common services are
 * told from the link alone, without a request, and their direct-download link is given as the fix.
 */

/** The MIME types of a web page (an HTML or XHTML document), with or without parameters ("text/html; charset=utf-8"). */
export function isWebPageType(mimeType: string | undefined): boolean {
	const type = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	return type === 'text/html' || type === 'application/xhtml+xml';
}

/** What a document link is when it is a web page: the page's kind, in words, and the link to use instead when one is known. */
export interface WebPageLink {
	/** E.g. "a Google Drive share page". */
	page: string;
	/** The direct link to the file, when the service has one (Google's and Dropbox's documented download forms). */
	directLink?: string;
}

function parse(link: string): URL | undefined {
	try {
		return new URL(link.trim());
	} catch {
		return undefined;
	}
}

/** Google Docs editors export as a file (Google: "Export a document"): a document or slides as PDF, a sheet as XLSX. */
const GOOGLE_EXPORT: Record<string, { name: string; path: string }> = {
	document: { name: 'a Google Docs page', path: 'export?format=pdf' },
	spreadsheets: { name: 'a Google Sheets page', path: 'export?format=xlsx' },
	presentation: { name: 'a Google Slides page', path: 'export/pdf' },
};

/**
 * The web page a document link points at, from the link alone: a Google Drive, Docs, Sheets or
 * Slides page, a Dropbox share page (dl=0, the default of a shared link), or a link whose file name
 * ends in .html or .htm. Undefined for any other link (which may still answer with a page: only a
 * request tells).
 */
export function webPageLink(link: string): WebPageLink | undefined {
	const url = parse(link);
	if (!url || !/^https?:$/.test(url.protocol)) return undefined;
	const host = url.hostname.toLowerCase();
	if (host === 'drive.google.com') {
		const id = /^\/file\/d\/([^/]+)/.exec(url.pathname)?.[1] ?? (url.pathname === '/open' ? url.searchParams.get('id') : undefined);
		if (id) return { page: 'a Google Drive share page', directLink: `https://drive.google.com/uc?export=download&id=${id}` };
		return undefined;
	}
	if (host === 'docs.google.com') {
		const [, kind, id, action] = /^\/(document|spreadsheets|presentation)\/d\/([^/]+)\/?([^/]*)/.exec(url.pathname) ?? [];
		if (kind && id && action !== 'export') return { page: GOOGLE_EXPORT[kind].name, directLink: `https://docs.google.com/${kind}/d/${id}/${GOOGLE_EXPORT[kind].path}` };
		return undefined;
	}
	if ((host === 'dropbox.com' || host === 'www.dropbox.com') && /^\/(s|sh|scl)\//.test(url.pathname)) {
		if (url.searchParams.get('dl') === '1' || url.searchParams.get('raw') === '1') return undefined;
		const direct = new URL(url.href);
		direct.searchParams.set('dl', '1');
		return { page: 'a Dropbox share page', directLink: direct.href };
	}
	if (/\.x?html?$/i.test(url.pathname)) return { page: 'a web page (.html)' };
	return undefined;
}
