/**
 * Template analytics (Meta: Analytics): GET /{waba-id}/template_analytics → one row per template per
 * UTC day with sent, delivered, read, button clicks and cost, ready for a Data table or a chart.
 *
 * Meta's answer: `{data:[{granularity:"DAILY", product_type, data_points:[{template_id, start, end,
 * sent, delivered, read, clicked?:[{type, button_content, count}], cost?:[{type, value}]}]}], paging}`,
 * start and end in Unix seconds. Click types: url_button (taps), unique_url_button (users who
 * tapped), quick_reply_button. Cost types: amount_spent, cost_per_delivered, cost_per_url_button_click,
 * in the currency the WhatsApp Business Account is billed in.
 */
import { asObject, asObjects, asString } from '../webhook/jsonReaders';
import { epochToIsoAndDay, type TemplateAnalyticsDays } from './dateRange';
import { amountOf, countOf, ratio } from './graphFields';

/** Meta's Analytics page: at most 10 template IDs per request. */
export const TEMPLATE_IDS_PER_REQUEST = 10;

/** Meta's Analytics page: which sends are counted (template_analytics `product_type`). */
export const TEMPLATE_ANALYTICS_PRODUCTS = ['CLOUD_API', 'MARKETING_MESSAGES_API_FOR_WHATSAPP'] as const;
export type TemplateAnalyticsProduct = (typeof TEMPLATE_ANALYTICS_PRODUCTS)[number];

/** Template IDs in request-sized groups, duplicates removed, order kept. */
export function templateIdBatches(templateIds: readonly string[]): string[][] {
	const unique = [...new Set(templateIds.map((id) => id.trim()).filter(Boolean))];
	const batches: string[][] = [];
	for (let index = 0; index < unique.length; index += TEMPLATE_IDS_PER_REQUEST) batches.push(unique.slice(index, index + TEMPLATE_IDS_PER_REQUEST));
	return batches;
}

/**
 * The query string of one request: DAILY (the only granularity Meta offers here), every metric
 * (metric_types left out), the IDs as Meta's examples write them (`[1924084211297547,…]`).
 */
export function templateAnalyticsQuery(days: TemplateAnalyticsDays, templateIds: readonly string[], product: TemplateAnalyticsProduct = 'CLOUD_API'): Record<string, string> {
	return {
		start: String(days.start),
		end: String(days.end),
		granularity: 'DAILY',
		template_ids: `[${templateIds.join(',')}]`,
		...(product === 'CLOUD_API' ? {} : { product_type: product }),
	};
}

/** What the rows say about each template besides its ID (from the template list). */
export interface TemplateInfo {
	id: string;
	name: string;
	language: string;
	category: string;
}

export interface TemplateButtonClicks {
	/** url_button, unique_url_button or quick_reply_button */
	type: string;
	/** The button's text */
	buttonContent: string;
	count: number;
}

/** One template on one UTC day. Counts are numbers; amounts are null when Meta gave none. */
export interface TemplateAnalyticsRow {
	/** The UTC day, 2025-06-01 */
	date: string;
	/** ISO instants of the day's start and end (UTC) */
	start: string;
	end: string;
	templateId: string;
	templateName: string | null;
	language: string | null;
	category: string | null;
	sent: number;
	delivered: number;
	read: number;
	/** URL button taps plus quick-reply taps (unique URL taps are not added: they recount the same taps) */
	clicked: number;
	urlButtonClicks: number;
	uniqueUrlButtonClicks: number;
	quickReplyClicks: number;
	amountSpent: number | null;
	costPerDelivered: number | null;
	costPerUrlButtonClick: number | null;
	/** delivered / sent and read / delivered, 4 decimals; null when the divisor is 0 */
	deliveryRate: number | null;
	readRate: number | null;
	buttons: TemplateButtonClicks[];
}

/** The data points of one answer page, whatever the nesting (`data[].data_points[]`). */
export function templateAnalyticsPoints(body: unknown): Array<Record<string, unknown>> {
	return asObjects(asObject(body)?.data).flatMap((entry) => asObjects(entry.data_points));
}

export interface TemplateRowOptions {
	/** Keep days on which nothing was sent, delivered, read, tapped or spent. */
	includeEmpty: boolean;
}

/**
 * Data points → rows, sorted by day then template name. Points outside the days asked for are
 * dropped (Meta rounds the range to whole days), as are duplicates of a template and day.
 */
export function templateAnalyticsRows(
	points: ReadonlyArray<Record<string, unknown>>,
	templates: ReadonlyMap<string, TemplateInfo>,
	days: TemplateAnalyticsDays,
	options: TemplateRowOptions,
): TemplateAnalyticsRow[] {
	const seen = new Set<string>();
	const rows: TemplateAnalyticsRow[] = [];
	for (const point of points) {
		const templateId = asString(point.template_id) ?? '';
		const start = countOf(point.start);
		const key = `${templateId}:${start}`;
		if (start < days.start || start > days.end || seen.has(key)) continue;
		seen.add(key);
		const row = rowOf(point, templateId, start, templates.get(templateId));
		if (options.includeEmpty || !isEmpty(row)) rows.push(row);
	}
	return rows.sort((a, b) => a.date.localeCompare(b.date) || (a.templateName ?? a.templateId).localeCompare(b.templateName ?? b.templateId));
}

function rowOf(point: Record<string, unknown>, templateId: string, start: number, template: TemplateInfo | undefined): TemplateAnalyticsRow {
	const from = epochToIsoAndDay(start);
	const to = epochToIsoAndDay(point.end === undefined ? start + 86_400 : countOf(point.end));
	const buttons = asObjects(point.clicked).map((click) => ({ type: asString(click.type) ?? '', buttonContent: asString(click.button_content) ?? '', count: countOf(click.count) }));
	const taps = (type: string) => buttons.filter((button) => button.type === type).reduce((sum, button) => sum + button.count, 0);
	const costs = new Map(asObjects(point.cost).map((cost) => [asString(cost.type) ?? '', amountOf(cost.value)]));
	const sent = countOf(point.sent);
	const delivered = countOf(point.delivered);
	const read = countOf(point.read);
	return {
		date: from.day,
		start: from.iso,
		end: to.iso,
		templateId,
		templateName: template?.name ?? null,
		language: template?.language ?? null,
		category: template?.category ?? null,
		sent,
		delivered,
		read,
		clicked: taps('url_button') + taps('quick_reply_button'),
		urlButtonClicks: taps('url_button'),
		uniqueUrlButtonClicks: taps('unique_url_button'),
		quickReplyClicks: taps('quick_reply_button'),
		amountSpent: costs.get('amount_spent') ?? null,
		costPerDelivered: costs.get('cost_per_delivered') ?? null,
		costPerUrlButtonClick: costs.get('cost_per_url_button_click') ?? null,
		deliveryRate: ratio(delivered, sent),
		readRate: ratio(read, delivered),
		buttons,
	};
}

function isEmpty(row: TemplateAnalyticsRow): boolean {
	return row.sent === 0 && row.delivered === 0 && row.read === 0 && row.clicked === 0 && !row.amountSpent;
}
