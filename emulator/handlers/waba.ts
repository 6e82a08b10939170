/**
 * The WABA object, GET / POST /{waba-id} (Meta: WhatsApp Business Account reference). GET takes
 * plain fields (id, name, currency, timezone_id, message_template_namespace,
 * is_enabled_for_insights, marketing_messages_onboarding_status) and the analytics fields with
 * modifiers (waba-analytics.ts). POST confirms template insights: ?is_enabled_for_insights=true →
 * {"id": <WABA ID as a number>} as the "Analytics" page shows; false once enabled → 200006;
 * an account where insights are unavailable → 200005.
 */
import { jsonBody, type RequestContext } from '../http/context';
import { MetaApiError } from '../http/errors';
import type { WabaRecord } from '../state/store';
import { parseField, splitFields } from './analytics-fields';
import { ANALYTICS_FIELDS, analyticsField } from './waba-analytics';

const PLAIN_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace', 'is_enabled_for_insights', 'marketing_messages_onboarding_status'] as const;

export function getWaba(context: RequestContext, waba: WabaRecord) {
	const raw = context.query.get('fields');
	const fields = raw && raw.trim() ? splitFields(raw) : ['id', 'name'];
	const settings = context.state.features.settingsOf(waba.id);
	const plain: Record<string, unknown> = {
		...waba,
		is_enabled_for_insights: settings.insightsEnabled,
		marketing_messages_onboarding_status: settings.marketingMessagesOnboardingStatus,
	};
	const result: Record<string, unknown> = {};
	for (const text of fields) {
		const field = parseField(text);
		if ((ANALYTICS_FIELDS as readonly string[]).includes(field.name)) result[field.name] = analyticsField(context.state, waba.id, field);
		else if ((PLAIN_FIELDS as readonly string[]).includes(field.name)) result[field.name] = plain[field.name];
		else throw new MetaApiError(100, `Tried accessing nonexisting field (${field.name}) on node type (WhatsAppBusinessAccount).`);
	}
	return { json: { ...result, id: waba.id } };
}

export function postWaba(context: RequestContext, waba: WabaRecord) {
	const body = context.rawBody.length > 0 ? jsonBody(context) : {};
	const value = context.query.get('is_enabled_for_insights') ?? (body.is_enabled_for_insights === undefined ? null : String(body.is_enabled_for_insights));
	if (value === null) throw new MetaApiError(100, 'The emulator supports POST /{waba-id}?is_enabled_for_insights=true only.');
	const settings = context.state.features.settingsOf(waba.id);
	if (value === 'true') {
		if (!settings.insightsAvailable) throw new MetaApiError(200005, 'Template insights are not available yet for this WhatsApp Business account.');
		settings.insightsEnabled = true;
	} else if (value === 'false') {
		if (settings.insightsEnabled) throw new MetaApiError(200006, 'Invalid operation. Template Insights cannot be disabled once enabled.');
	} else {
		throw new MetaApiError(100, `Param is_enabled_for_insights must be true or false; got "${value}".`);
	}
	return { json: { id: Number(waba.id) }, responseId: waba.id };
}
