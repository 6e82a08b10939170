import type { IDataObject } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection, type WhatsAppContext } from '../../shared/transport';
import { similarTemplateNames, type TemplateDefinition } from '../../shared/whatsapp/templates';

/**
 * Reading the WABA's templates page by page: Meta's cursor paging (Meta: Template management) and 360dialog's
 * offset paging with its `waba_templates` wrapper and lowercase status (docs/360dialog.md). Both come out in
 * Meta's shape with uppercase status and category, so nothing downstream cares which provider.
 */
export type StoredTemplate = TemplateDefinition & IDataObject & { id: string; status: string };

export interface TemplateQuery {
	/** One or more statuses, comma-separated (APPROVED, PENDING, …). */
	status?: string;
	category?: string;
	language?: string;
	/** Part of the name (case-insensitive). */
	name?: string;
}

export interface TemplatePage {
	templates: StoredTemplate[];
	/** Meta: the `after` cursor; 360dialog: the next offset. Undefined on the last page. */
	next?: string;
}

const PAGE_SIZE = 100;
const FIELDS = 'id,name,language,status,category,sub_category,parameter_format,components,rejected_reason,quality_score,message_send_ttl_seconds';

interface MetaListResponse {
	data?: IDataObject[];
	waba_templates?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
	total?: number;
	offset?: number;
	count?: number;
}

function normaliseTemplate(raw: IDataObject): StoredTemplate {
	return {
		...raw,
		id: String(raw.id ?? ''),
		name: String(raw.name ?? ''),
		language: String(raw.language ?? ''),
		status: String(raw.status ?? '').toUpperCase(),
		category: String(raw.category ?? '').toUpperCase(),
		components: Array.isArray(raw.components) ? (raw.components as TemplateDefinition['components']) : [],
	} as StoredTemplate;
}

const listOf = (value: string | undefined) =>
	(value ?? '').split(',').map((entry) => entry.trim().toUpperCase()).filter(Boolean);

/** The filters applied on our side too: Meta's name filter is a substring match and 360dialog's filters are not documented. */
function matchesQuery(template: StoredTemplate, query: TemplateQuery): boolean {
	const statuses = listOf(query.status);
	const categories = listOf(query.category);
	const languages = listOf(query.language);
	const name = (query.name ?? '').trim().toLowerCase();
	return (
		(statuses.length === 0 || statuses.includes(template.status)) &&
		(categories.length === 0 || categories.includes(String(template.category))) &&
		(languages.length === 0 || languages.includes(template.language.toUpperCase())) &&
		(name === '' || template.name.toLowerCase().includes(name))
	);
}

/** Server-side filters only where Meta takes a single value; the rest is filtered here. */
function metaFilters(query: TemplateQuery): IDataObject {
	const single = (value: string | undefined) => (listOf(value).length === 1 ? listOf(value)[0] : undefined);
	const filters: IDataObject = {
		status: single(query.status),
		category: single(query.category),
		language: listOf(query.language).length === 1 ? (query.language ?? '').trim() : undefined,
		name: (query.name ?? '').trim().toLowerCase() || undefined,
	};
	return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

export async function fetchTemplatePage(
	this: WhatsAppContext,
	connection: WhatsAppConnection,
	query: TemplateQuery,
	pageToken?: string,
	itemIndex?: number,
): Promise<TemplatePage> {
	const dialog360 = connection.provider === 'dialog360';
	const qs: IDataObject = dialog360
		? { limit: PAGE_SIZE, offset: Number(pageToken ?? 0) }
		: { fields: FIELDS, limit: PAGE_SIZE, ...metaFilters(query), ...(pageToken ? { after: pageToken } : {}) };
	const response = await whatsAppRequest.call(this, connection, { method: 'GET', url: endpoints.templates(connection), qs, itemIndex });
	const body = response.body as MetaListResponse;
	const rows = body.waba_templates ?? body.data ?? [];
	const templates = rows.map(normaliseTemplate).filter((template) => matchesQuery(template, query));
	return { templates, next: nextToken(body, rows.length, dialog360) };
}

function nextToken(body: MetaListResponse, rowCount: number, dialog360: boolean): string | undefined {
	if (body.waba_templates !== undefined || dialog360) {
		const offset = Number(body.offset ?? 0);
		const seen = offset + Number(body.count ?? rowCount);
		const more = body.total !== undefined ? seen < Number(body.total) : rowCount >= PAGE_SIZE;
		return more && rowCount > 0 ? String(seen) : undefined;
	}
	return body.paging?.next ? body.paging.cursors?.after : undefined;
}

/** Every template matching the query, across all pages. */
export async function fetchAllTemplates(
	this: WhatsAppContext,
	connection: WhatsAppConnection,
	query: TemplateQuery,
	itemIndex?: number,
): Promise<StoredTemplate[]> {
	const all: StoredTemplate[] = [];
	let token: string | undefined;
	do {
		const page = await fetchTemplatePage.call(this, connection, query, token, itemIndex);
		all.push(...page.templates);
		token = page.next;
	} while (token !== undefined);
	return all;
}

/**
 * All translations of one template name (names are not unique across languages, (Meta: Templates overview)).
 * When there are none, `similarNames` holds the WABA's names the user probably meant (similarTemplateNames:
 * a few edits away, or containing it): Meta's name filter matches substrings only, so for a typo the
 * WABA's list is read once more, on this failing path only.
 */
export async function fetchTemplatesNamedOrSimilar(
	this: WhatsAppContext,
	connection: WhatsAppConnection,
	name: string,
	itemIndex?: number,
): Promise<{ translations: StoredTemplate[]; similarNames: string[] }> {
	const translations = await fetchTemplatesNamed.call(this, connection, name, itemIndex);
	if (translations.length > 0) return { translations, similarNames: [] };
	const all = await fetchAllTemplates.call(this, connection, {}, itemIndex);
	return { translations, similarNames: similarTemplateNames(name, all.map((template) => template.name)) };
}

/** All translations of one template name (names are not unique across languages, (Meta: Templates overview)). */
export async function fetchTemplatesNamed(
	this: WhatsAppContext,
	connection: WhatsAppConnection,
	name: string,
	itemIndex?: number,
): Promise<StoredTemplate[]> {
	const candidates = await fetchAllTemplates.call(this, connection, { name }, itemIndex);
	return candidates.filter((template) => template.name === name);
}

/** Meta reads one template by ID (Meta: Template management); 360dialog has no such path, so its list is searched. */
export async function fetchTemplateById(
	this: WhatsAppContext,
	connection: WhatsAppConnection,
	templateId: string,
	itemIndex?: number,
): Promise<StoredTemplate | undefined> {
	if (connection.provider === 'dialog360') {
		const all = await fetchAllTemplates.call(this, connection, {}, itemIndex);
		return all.find((template) => template.id === templateId);
	}
	const response = await whatsAppRequest.call(this, connection, {
		method: 'GET',
		url: endpoints.template(connection, templateId),
		qs: { fields: FIELDS },
		itemIndex,
	});
	return normaliseTemplate(response.body as IDataObject);
}
