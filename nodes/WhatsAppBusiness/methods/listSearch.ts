import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { endpoints, whatsAppRequest } from '../../shared/transport';
import { fetchTemplatePage, type StoredTemplate, type TemplateQuery } from '../transport/templates';
import { templateValue } from '../transport/templateReference';
import { connectionForOptions } from '../transport/connection';
import { fetchFlowPage, type FlowSummary } from '../transport/flows';

interface PhoneNumber {
	id: string;
	display_phone_number?: string;
	verified_name?: string;
}

/** The WABA's phone numbers (Meta: Phone numbers), all pages. */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, _filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const connection = await connectionForOptions.call(this);
	const response = await whatsAppRequest.call(this, connection, {
		method: 'GET',
		url: endpoints.phoneNumbers(connection),
		qs: { fields: 'id,display_phone_number,verified_name', limit: 100, ...(paginationToken ? { after: paginationToken } : {}) },
	});
	const body = response.body as { data?: PhoneNumber[]; paging?: { cursors?: { after?: string }; next?: string } };
	return {
		results: (body.data ?? []).map((number) => ({
			name: `${number.display_phone_number ?? number.id}${number.verified_name ? ` (${number.verified_name})` : ''}`,
			value: number.id,
		})),
		paginationToken: body.paging?.next ? body.paging.cursors?.after : undefined,
	};
}

/** Enough rows per call that the list can scroll; filtered-out pages must not end the list early. */
const MIN_RESULTS = 50;
const MAX_REQUESTS_PER_CALL = 10;

async function searchTemplatePages(
	this: ILoadOptionsFunctions,
	query: TemplateQuery,
	label: (template: StoredTemplate) => string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const connection = await connectionForOptions.call(this);
	const found: StoredTemplate[] = [];
	let token = paginationToken;
	for (let request = 0; request < MAX_REQUESTS_PER_CALL; request++) {
		const page = await fetchTemplatePage.call(this, connection, query, token);
		found.push(...page.templates);
		token = page.next;
		if (token === undefined || found.length >= MIN_RESULTS) break;
	}
	return {
		results: found.map((template) => ({ name: label(template), value: templateValue(template) })),
		paginationToken: token,
	};
}

/**
 * Approved templates only: the only ones WhatsApp will send (Meta: Template components, Template management). Shown as
 * "order_confirmation (en_US) · UTILITY"; the value is `name|language`.
 */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchTemplatePages.call(
		this,
		{ status: 'APPROVED', name: filter },
		(template) => `${template.name} (${template.language}) · ${template.category}`,
		paginationToken,
	);
}

/** Every template whatever its status, for reading and deleting; the status is part of the label. */
export async function searchAllTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchTemplatePages.call(
		this,
		{ name: filter },
		(template) => `${template.name} (${template.language}) · ${template.category} · ${template.status}`,
		paginationToken,
	);
}

/** Flows that can be sent: published ones, throttled ones, and drafts (sent in draft mode only). */
const SENDABLE_FLOW_STATUSES = new Set(['PUBLISHED', 'THROTTLED', 'DRAFT']);

/**
 * The WABA's Flows (Flows API reference: GET /{waba-id}/flows), filtered by name or ID on our side
 * (the list takes no name filter). Shown as "appointment_booking · PUBLISHED"; the value is the ID.
 */
export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const connection = await connectionForOptions.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const found: FlowSummary[] = [];
	let token = paginationToken;
	for (let request = 0; request < MAX_REQUESTS_PER_CALL; request++) {
		const page = await fetchFlowPage.call(this, connection, token);
		found.push(...page.flows.filter((flow) => SENDABLE_FLOW_STATUSES.has(flow.status) && (wanted === '' || flow.name.toLowerCase().includes(wanted) || flow.id === wanted)));
		token = page.next;
		if (token === undefined || found.length >= MIN_RESULTS) break;
	}
	return { results: found.map((flow) => ({ name: `${flow.name} · ${flow.status}`, value: flow.id })), paginationToken: token };
}
