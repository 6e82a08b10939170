/**
 * GET /{waba-id}/template_analytics?start&end&granularity=DAILY&template_ids=[…]&metric_types=…
 * (Meta's Analytics page, "Template analytics"). Needs template insights confirmed on the WABA
 * (error 200007 otherwise; POST /{waba-id}?is_enabled_for_insights=true confirms). One data point
 * per template per UTC day from start's day to end's day, every day listed, 90 days back at most,
 * 10 templates at most, cursor-paged over data points.
 *
 * Counts: sent / delivered (first delivered or read) / read by the day of that status; clicks by
 * the day of the tap: quick replies are the users' `button` replies to the template, URL taps are
 * recorded with POST /__emulator/clicks; amount_spent is the rate-card cost of the template's
 * messages delivered that day.
 */
import { wabaIdOf, type Handler } from '../http/context';
import { MetaApiError } from '../http/errors';
import { messageFacts, type MessageFacts } from '../state/analytics';
import { roundMoney } from '../state/rate-card';
import type { EmulatorState } from '../state/store';
import type { TemplateButton, TemplateRecord } from '../state/types';
import { enumList, listArgument } from './analytics-fields';
import { paginate } from './paging';

const DAY = 86_400;
const LOOKBACK_DAYS = 90;
const MAX_TEMPLATES = 10;
const METRICS = ['SENT', 'DELIVERED', 'READ', 'CLICKED', 'COST'] as const;
const PRODUCT_TYPES: Record<string, 'cloud_api' | 'marketing_messages'> = { CLOUD_API: 'cloud_api', MARKETING_MESSAGES_API_FOR_WHATSAPP: 'marketing_messages' };

type Point = Record<string, unknown>;

interface Click {
	templateId: string;
	at: number;
	buttonText: string;
	kind: 'url' | 'quick_reply';
	waId: string;
}

export const getTemplateAnalytics: Handler = (context) => {
	const wabaId = wabaIdOf(context);
	const { state, query } = context;
	if (!state.features.settingsOf(wabaId).insightsEnabled) {
		throw new MetaApiError(200007, 'Template Insights have not been enabled for this WhatsApp Business Account. Confirm them with POST /{waba-id}?is_enabled_for_insights=true.');
	}
	if (query.get('use_waba_timezone') === 'true') throw new MetaApiError(100, 'use_waba_timezone is not emulated; the emulator reports template analytics in UTC.');
	const granularity = (query.get('granularity') ?? '').toUpperCase();
	if (granularity !== 'DAILY') throw new MetaApiError(100, `Param granularity must be DAILY; got "${query.get('granularity') ?? ''}".`);
	const startDay = dayOf(query.get('start'), 'start');
	const endDay = dayOf(query.get('end'), 'end');
	if (endDay < startDay) throw new MetaApiError(100, 'Param end must not be before start.');
	const today = Math.floor(state.now() / 1000 / DAY) * DAY;
	if (startDay < today - LOOKBACK_DAYS * DAY) throw new MetaApiError(100, `Template analytics look back at most ${LOOKBACK_DAYS} days; move start forward.`);
	const templates = readTemplates(state, wabaId, query.get('template_ids'));
	const metrics = enumList(query.get('metric_types'), METRICS, 'Param metric_types');
	const productType = (query.get('product_type') ?? 'CLOUD_API').toUpperCase();
	const route = PRODUCT_TYPES[productType];
	if (!route) throw new MetaApiError(100, `Param product_type must be ${Object.keys(PRODUCT_TYPES).join(' or ')}.`);

	const facts = messageFacts(state, wabaId).filter((fact) => fact.message.templateId && (fact.message.route ?? 'cloud_api') === route);
	const clicks = clicksOf(state, facts);
	const points: Point[] = [];
	for (const template of templates) {
		const mine = facts.filter((fact) => fact.message.templateId === template.id);
		const taps = clicks.filter((click) => click.templateId === template.id);
		for (let day = startDay; day <= endDay; day += DAY) points.push(dataPoint(template, day, mine, taps, metrics));
	}
	const page = paginate(context, points, (point) => `${point.template_id}:${point.start}`);
	return {
		json: { data: [{ granularity: 'DAILY', product_type: productType.toLowerCase(), data_points: page.items }], ...(page.paging ? { paging: page.paging } : {}) },
	};
};

/** Unix seconds or YYYY-MM-DD → 00:00 UTC of that day. */
function dayOf(raw: string | null, name: string): number {
	if (raw === null || raw === '') throw new MetaApiError(100, `Param ${name} is required (Unix seconds or YYYY-MM-DD).`);
	const seconds = /^\d+$/.test(raw) ? Number(raw) : /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) / 1000 : Number.NaN;
	if (!Number.isFinite(seconds)) throw new MetaApiError(100, `Param ${name} must be Unix seconds or a date YYYY-MM-DD; got "${raw}".`);
	return Math.floor(seconds / DAY) * DAY;
}

function readTemplates(state: EmulatorState, wabaId: string, raw: string | null): TemplateRecord[] {
	const ids = listArgument(raw);
	if (ids.length === 0) throw new MetaApiError(100, 'Param template_ids is required, e.g. template_ids=[1627019861106400].');
	if (ids.length > MAX_TEMPLATES) throw new MetaApiError(100, `Param template_ids takes at most ${MAX_TEMPLATES} template IDs; got ${ids.length}.`);
	return ids.map((id) => {
		const template = state.templates.get(id);
		if (!template || template.wabaId !== wabaId) throw new MetaApiError(100, `Template ${id} is not a template of this WhatsApp Business Account.`);
		return template;
	});
}

/** URL taps (admin-recorded) and quick-reply taps (users' `button` replies to a template message). */
function clicksOf(state: EmulatorState, facts: MessageFacts[]): Click[] {
	const templateOf = new Map(facts.map((fact) => [fact.message.id, fact.message.templateId!]));
	const urlClicks: Click[] = state.features.clicks
		.filter((click) => templateOf.has(click.messageId))
		.map((click) => ({ templateId: click.templateId, at: click.at, buttonText: click.buttonText, kind: 'url', waId: click.waId }));
	const quickReplies: Click[] = state.inbound.flatMap((inbound) => {
		const repliedTo = (inbound.message.context as { id?: string } | undefined)?.id;
		const templateId = repliedTo ? templateOf.get(repliedTo) : undefined;
		const button = inbound.message.button as { text?: string } | undefined;
		if (inbound.message.type !== 'button' || !templateId || typeof button?.text !== 'string') return [];
		return [{ templateId, at: Math.floor(inbound.receivedAt / 1000), buttonText: button.text, kind: 'quick_reply' as const, waId: inbound.contact.wa_id }];
	});
	return [...urlClicks, ...quickReplies];
}

/** One template's point for one day, from that template's messages (`mine`) and taps. */
function dataPoint(template: TemplateRecord, day: number, mine: MessageFacts[], taps: Click[], metrics: string[]): Point {
	const wants = (metric: string) => metrics.length === 0 || metrics.includes(metric);
	const inDay = (at: number | undefined) => at !== undefined && at >= day && at < day + DAY;
	const delivered = mine.filter((fact) => inDay(fact.deliveredAt)).length;
	const dayClicks = taps.filter((click) => inDay(click.at));
	const buttons = (template.components.find((component) => component.type === 'BUTTONS')?.buttons ?? []).filter((button) => button.type === 'URL' || button.type === 'QUICK_REPLY');
	const clickable = (template.category === 'MARKETING' || template.category === 'UTILITY') && buttons.length > 0;
	const point: Point = { template_id: template.id, start: day, end: day + DAY };
	if (wants('SENT')) point.sent = mine.filter((fact) => inDay(fact.sentAt)).length;
	if (wants('DELIVERED')) point.delivered = delivered;
	if (wants('READ')) point.read = mine.filter((fact) => inDay(fact.readAt)).length;
	if (wants('CLICKED') && clickable) point.clicked = buttons.flatMap((button) => clickEntries(button, dayClicks));
	if (wants('COST')) {
		const spent = roundMoney(mine.filter((fact) => inDay(fact.deliveredAt)).reduce((sum, fact) => sum + fact.cost, 0));
		const urlClicks = dayClicks.filter((click) => click.kind === 'url').length;
		point.cost = [
			{ type: 'amount_spent', value: spent },
			...(delivered > 0 ? [{ type: 'cost_per_delivered', value: roundMoney(spent / delivered) }] : []),
			...(buttons.some((button) => button.type === 'URL') && urlClicks > 0 ? [{ type: 'cost_per_url_button_click', value: roundMoney(spent / urlClicks) }] : []),
		];
	}
	return point;
}

/** url_button (all taps) and unique_url_button (distinct users) for URL buttons; quick_reply_button for quick replies. */
function clickEntries(button: TemplateButton, clicks: Click[]): Array<{ type: string; button_content: string; count: number }> {
	const text = button.text ?? '';
	if (button.type === 'QUICK_REPLY') {
		return [{ type: 'quick_reply_button', button_content: text, count: clicks.filter((click) => click.kind === 'quick_reply' && click.buttonText === text).length }];
	}
	const taps = clicks.filter((click) => click.kind === 'url' && click.buttonText === text);
	return [
		{ type: 'url_button', button_content: text, count: taps.length },
		{ type: 'unique_url_button', button_content: text, count: new Set(taps.map((click) => click.waId)).size },
	];
}

