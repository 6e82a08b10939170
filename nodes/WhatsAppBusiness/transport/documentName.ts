import type { IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import { documentFileName, fileNameFromLink } from '../../shared/whatsapp/media/documentFileName';
import { isWebPageType, webPageLink } from '../../shared/whatsapp/media/documentLink';
import { WhatsAppValidationError } from '../../shared/whatsapp/validationError';
import type { OperationContext } from './connection';

/**
 * A look-up for a name is a courtesy: it may not hold up the send for long, nor fail it. Each waits
 * at most LOOKUP_TIMEOUT_MS; each link or media ID is looked up once per run; and once the run has
 * spent LINK_LOOKUP_BUDGET_MS waiting for link servers (a slow server on a bulk send of distinct
 * links), later links are sent without one (unnamed, as when the server tells no type).
 */
const LOOKUP_TIMEOUT_MS = 3_000;
const LINK_LOOKUP_BUDGET_MS = 30_000;

interface RunLookups {
	types: Map<string, Promise<string | undefined>>;
	spentMs: number;
}

/** Keyed by the execution context, so nothing outlives the run. */
const lookupsByExecution = new WeakMap<object, RunLookups>();

function runLookups(context: object): RunLookups {
	let lookups = lookupsByExecution.get(context);
	if (!lookups) lookupsByExecution.set(context, (lookups = { types: new Map(), spentMs: 0 }));
	return lookups;
}

/** The MIME type once per key per run; a look-up that failed is remembered too (it would fail again). */
async function onceInRun(this: IExecuteFunctions, key: string, lookUp: () => Promise<string | undefined>): Promise<string | undefined> {
	const { types } = runLookups(this);
	let pending = types.get(key);
	if (!pending) types.set(key, (pending = lookUp()));
	return await pending;
}

/** The Content-Type the link's server answers a HEAD request with; undefined when it does not answer one, or the run's budget is spent. */
async function linkedFileMimeType(this: IExecuteFunctions, link: string): Promise<string | undefined> {
	const lookups = runLookups(this);
	if (lookups.spentMs >= LINK_LOOKUP_BUDGET_MS) return undefined;
	const started = Date.now();
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
	} finally {
		lookups.spentMs += Date.now() - started;
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

const SEND_THE_FILE = 'or send the file itself (download it earlier in the workflow and send it from its binary property)';

/**
 * Refuses a document link known, from the link alone, to be a web page (webPageLink), naming the
 * link to use instead: WhatsAppValidationError on `field`. Makes no request, so it belongs in an
 * operation's prepare step (nothing sent when an item is refused).
 */
export function checkDocumentLink(link: string, field: string): void {
	const page = webPageLink(link);
	if (!page) return;
	throw new WhatsAppValidationError(
		`The document link is ${page.page}, not the file: WhatsApp would send the customer a web page as a broken document.`,
		field,
		page.directLink ? `Use the file's direct download link, ${page.directLink}, ${SEND_THE_FILE}.` : `Link to the file itself (e.g. a .pdf), ${SEND_THE_FILE}.`,
	);
}

/**
 * The file name to send a document with when the user gave none, so the customer does not see
 * "Untitled" (Meta: Media messages): the link's file name; else "document.<ext>" from the type the
 * link's server (HEAD) or WhatsApp (for a media ID) reports. Undefined when nothing tells it; a
 * failed or slow look-up never fails the send. A link that is a web page, not a file, is refused
 * (WhatsAppValidationError on `field`): told from the link alone whether or not a name is given
 * (webPageLink), or from the server's answer (text/html) when the name had to be looked up.
 */
export async function nameForDocument(
	this: IExecuteFunctions,
	context: OperationContext,
	document: { filename?: string; link?: string; mediaId?: string; field: string },
): Promise<string | undefined> {
	const link = document.link?.trim();
	if (link) checkDocumentLink(link, document.field);
	const given = document.filename?.trim();
	if (given) return given;
	if (link) {
		if (!/^https?:\/\//i.test(link)) return undefined;
		const fromLink = fileNameFromLink(link);
		if (fromLink) return fromLink;
		const mimeType = await onceInRun.call(this, `link\u0000${link}`, async () => await linkedFileMimeType.call(this, link));
		if (isWebPageType(mimeType)) {
			throw new WhatsAppValidationError(
				'The document link answers with a web page (text/html), not a file: WhatsApp would send the customer a broken document. Share pages of Google Drive, Dropbox or OneDrive are web pages.',
				document.field,
				`Use the file's direct download link (its server answers with the file's type, e.g. application/pdf), ${SEND_THE_FILE}.`,
			);
		}
		return documentFileName({ mimeType });
	}
	const mediaId = document.mediaId?.trim();
	if (mediaId) return documentFileName({ mimeType: await onceInRun.call(this, `id\u0000${mediaId}`, async () => await uploadedMimeType.call(this, context, mediaId)) });
	return undefined;
}
