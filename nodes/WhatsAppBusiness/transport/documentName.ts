import type { IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import { documentFileName, fileNameFromLink } from '../../shared/whatsapp/media/documentFileName';
import type { OperationContext } from './connection';

/** A look-up for a name is a courtesy: it may not hold up the send for long, nor fail it. */
const LOOKUP_TIMEOUT_MS = 10_000;

/** The Content-Type the link's server answers a HEAD request with; undefined when it does not answer one. */
async function linkedFileMimeType(this: IExecuteFunctions, link: string): Promise<string | undefined> {
	try {
		// A public link the customer's phone will be sent to: no credential goes with it.
		const response = (await this.helpers.httpRequest({
			method: 'HEAD',
			url: link,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: LOOKUP_TIMEOUT_MS,
		})) as { statusCode: number; headers: Record<string, unknown> };
		const type = response.headers['content-type'];
		return response.statusCode < 400 && typeof type === 'string' ? type : undefined;
	} catch {
		return undefined;
	}
}

/** The MIME type WhatsApp stored for an uploaded media ID (Meta: Media, GET /{media-id}); undefined when it cannot be read. */
async function uploadedMimeType(this: IExecuteFunctions, context: OperationContext, mediaId: string): Promise<string | undefined> {
	try {
		const response = await whatsAppRequest.call(this, context.connection, {
			method: 'GET',
			url: endpoints.media(context.connection, mediaId),
			itemIndex: context.itemIndex,
			retry: { maxRetries: 0, maxWaitSeconds: 0 },
			timeoutMs: LOOKUP_TIMEOUT_MS,
		});
		const type = (response.body as { mime_type?: unknown }).mime_type;
		return typeof type === 'string' ? type : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The file name to send a document with when the user gave none, so the customer does not see
 * "Untitled" (Meta: Media messages): the link's file name; else "document.<ext>" from the type the
 * link's server (HEAD) or WhatsApp (for a media ID) reports. Undefined when nothing tells it; a
 * failed look-up never fails the send.
 */
export async function nameForDocument(
	this: IExecuteFunctions,
	context: OperationContext,
	document: { filename?: string; link?: string; mediaId?: string },
): Promise<string | undefined> {
	const given = document.filename?.trim();
	if (given) return given;
	const link = document.link?.trim();
	if (link) {
		if (!/^https?:\/\//i.test(link)) return undefined;
		return fileNameFromLink(link) ?? documentFileName({ mimeType: await linkedFileMimeType.call(this, link) });
	}
	const mediaId = document.mediaId?.trim();
	if (mediaId) return documentFileName({ mimeType: await uploadedMimeType.call(this, context, mediaId) });
	return undefined;
}
