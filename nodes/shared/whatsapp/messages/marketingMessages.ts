import type { TemplateMessageBody } from './types';

/**
 * Which endpoint sends a template (Meta: Send marketing messages, Marketing Messages onboarding).
 * `/marketing_messages` (the Marketing Messages API for WhatsApp) takes MARKETING templates only
 * and needs the WhatsApp Business Account onboarded (`marketing_messages_onboarding_status`
 * ONBOARDED); everything else goes through Cloud API's `/messages`.
 */
export type TemplateRoute = 'cloudApi' | 'marketingMessages';

export interface TemplateRouteInput {
	/** What the user asked for. */
	preferred: TemplateRoute;
	/** The template's category (MARKETING, UTILITY, AUTHENTICATION), when its definition was read. */
	category?: string;
	/** The account's `marketing_messages_onboarding_status` (ONBOARDED, ELIGIBLE, …), when read. */
	onboardingStatus?: string;
	/** 360dialog's proxy: the endpoint is not part of its documented API, so not used. */
	provider?: 'cloudApi' | 'dialog360';
}

export interface TemplateRouteDecision {
	route: TemplateRoute;
	/** Why, in plain words, for the output (empty when Cloud API was asked for). */
	reason: string;
}

/**
 * The route for one template send: the Marketing Messages API only when asked, for a MARKETING
 * template, on an onboarded account; otherwise Cloud API with the reason. Pure; reads nothing.
 */
export function chooseTemplateRoute(input: TemplateRouteInput): TemplateRouteDecision {
	if (input.preferred !== 'marketingMessages') return { route: 'cloudApi', reason: '' };
	if (input.provider === 'dialog360') return { route: 'cloudApi', reason: "360dialog: the Marketing Messages API is not part of this credential's API" };
	const category = String(input.category ?? '').toUpperCase();
	if (category !== 'MARKETING') {
		return { route: 'cloudApi', reason: category ? `${category} template: the Marketing Messages API sends MARKETING templates only` : 'the template category is unknown' };
	}
	const status = String(input.onboardingStatus ?? '').toUpperCase();
	if (status !== 'ONBOARDED') {
		return { route: 'cloudApi', reason: `the WhatsApp Business Account is not onboarded to the Marketing Messages API (status ${status || 'unknown'})` };
	}
	return { route: 'marketingMessages', reason: 'MARKETING template, account onboarded' };
}

/** POST /{phone-number-id}/marketing_messages body: the template message plus the API's two options. */
export type MarketingMessageBody = TemplateMessageBody & {
	product_policy?: 'CLOUD_API_FALLBACK' | 'STRICT';
	message_activity_sharing?: boolean;
};

export interface MarketingMessageOptions {
	/** Share this message's activity (delivered, read…) with Meta to optimise delivery; unset: the account's setting. */
	messageActivitySharing?: boolean;
}

/**
 * The template body for /marketing_messages (Meta: Send marketing messages). `product_policy` is
 * CLOUD_API_FALLBACK: should Meta find the account not ready after all, it sends through Cloud API
 * instead of refusing the message.
 */
export function buildMarketingMessage(template: TemplateMessageBody, options: MarketingMessageOptions = {}): MarketingMessageBody {
	return {
		...template,
		product_policy: 'CLOUD_API_FALLBACK',
		...(typeof options.messageActivitySharing === 'boolean' ? { message_activity_sharing: options.messageActivitySharing } : {}),
	};
}
