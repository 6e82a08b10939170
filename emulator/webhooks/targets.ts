/**
 * Where a webhook goes (Meta: Webhook overrides; docs/360dialog.md). Meta: `messages` go to the phone-number override, else the WABA
 * override, else the app's callback (config.webhook.url); WABA-level fields such as
 * message_template_status_update always go to the app's callback. Nothing goes to a WABA whose app
 * subscription was removed, nor for a field the app did not subscribe to. 360dialog: `messages` of a
 * number with a /v1/configs/webhook URL also go there, unsigned, with the configured headers.
 */
import type { EmulatorState } from '../state/store';
import type { Provider } from '../state/types';

export interface WebhookTarget {
	url: string;
	provider: Provider;
	/** Extra headers (360dialog's configured ones); values may be secrets and are never logged. */
	headers: Record<string, string>;
}

/** Meta's Webhooks overview page: every field a WhatsApp Business Account subscription can name. */
export const WABA_FIELDS = [
	'account_alerts', 'account_review_update', 'account_update', 'automatic_events', 'business_capability_update', 'history',
	'message_template_components_update', 'message_template_quality_update', 'message_template_status_update', 'messages',
	'partner_solutions', 'payment_configuration_update', 'phone_number_name_update', 'phone_number_quality_update', 'security',
	'smb_app_state_sync', 'smb_message_echoes', 'template_category_update', 'user_preferences',
] as const;

/** Meta's Webhook overrides page: only `messages` can be redirected by overrides. */
const OVERRIDABLE_FIELDS = new Set(['messages']);

export function webhookTargets(state: EmulatorState, field: string, wabaId: string, phoneNumberId?: string): WebhookTarget[] {
	const targets: WebhookTarget[] = [];
	const metaUrl = metaCallback(state, field, wabaId, phoneNumberId);
	if (metaUrl) targets.push({ url: metaUrl, provider: 'meta', headers: {} });
	const dialog360 = phoneNumberId && field === 'messages' ? state.dialog360Webhooks.get(phoneNumberId) : undefined;
	if (dialog360) targets.push({ url: dialog360.url, provider: '360dialog', headers: { ...dialog360.headers } });
	return targets;
}

function metaCallback(state: EmulatorState, field: string, wabaId: string, phoneNumberId?: string): string | null {
	if (!state.subscribedWabas.has(wabaId)) return null;
	const { fields } = state.appSubscription;
	if (fields && !fields.includes(field)) return null;
	const appCallback = state.config.webhook.url;
	if (!OVERRIDABLE_FIELDS.has(field)) return appCallback;
	return (phoneNumberId ? state.callbackOverrides.get(phoneNumberId) : undefined) ?? state.callbackOverrides.get(wabaId) ?? appCallback;
}
