import type { IExecuteFunctions } from 'n8n-workflow';
import { endpoints, whatsAppRequest, type WhatsAppConnection } from '../../shared/transport';
import { chooseTemplateRoute, type TemplateRoute, type TemplateRouteDecision } from '../../shared/whatsapp/messages';

/**
 * The account's `marketing_messages_onboarding_status` (Meta: Marketing Messages onboarding:
 * ONBOARDED, ELIGIBLE, …), read once per account per execution like the template definitions:
 * 1,000 items cost one look-up. Keyed by the execution context, so nothing outlives the run.
 */
const statusByExecution = new WeakMap<object, Map<string, Promise<string>>>();

export async function marketingMessagesOnboardingStatus(this: IExecuteFunctions, connection: WhatsAppConnection, itemIndex: number): Promise<string> {
	const cache = statusByExecution.get(this) ?? new Map<string, Promise<string>>();
	statusByExecution.set(this, cache);
	const key = [connection.host, connection.wabaId ?? ''].join('\u0000');
	let pending = cache.get(key);
	if (!pending) {
		pending = whatsAppRequest
			.call(this, connection, { method: 'GET', url: endpoints.whatsAppBusinessAccount(connection), qs: { fields: 'marketing_messages_onboarding_status' }, itemIndex })
			.then((response) => String((response.body as { marketing_messages_onboarding_status?: unknown }).marketing_messages_onboarding_status ?? '').toUpperCase());
		cache.set(key, pending);
		// A failed read is not remembered: the next item asks again.
		pending.catch(() => cache.delete(key));
	}
	return await pending;
}

/**
 * Where a template goes (chooseTemplateRoute): the onboarding status is read only when it can
 * matter, i.e. the Marketing Messages API was asked for, on Meta, for a MARKETING template.
 */
export async function templateRouteFor(
	this: IExecuteFunctions,
	connection: WhatsAppConnection,
	preferred: TemplateRoute,
	category: string | undefined,
	itemIndex: number,
): Promise<TemplateRouteDecision> {
	const needsStatus = preferred === 'marketingMessages' && connection.provider === 'cloudApi' && String(category ?? '').toUpperCase() === 'MARKETING';
	const onboardingStatus = needsStatus ? await marketingMessagesOnboardingStatus.call(this, connection, itemIndex) : undefined;
	return chooseTemplateRoute({ preferred, category, provider: connection.provider, onboardingStatus });
}
