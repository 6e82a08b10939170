/**
 * Route tables. Graph paths (Meta: Send messages) come after an optional version segment and use Bearer auth;
 * 360dialog paths (docs/360dialog.md) have no version and no phone-number ID and use the D360-API-KEY header.
 */
import type { Handler } from './http/context';
import { createAppSubscription, deleteAppSubscription, issueAppAccessToken, listAppSubscriptions } from './handlers/app-subscriptions';
import { createDialog360Template, deleteDialog360Template, listDialog360Templates } from './handlers/dialog360-templates';
import { getDialog360Webhook, setDialog360Webhook } from './handlers/dialog360-webhook';
import { blockUsers, listBlockedUsers, unblockUsers } from './handlers/block-users';
import { listFlows } from './handlers/flows';
import { sendMarketingMessage } from './handlers/marketing-messages';
import { deleteMedia, downloadMedia, getMediaUrl, uploadMedia } from './handlers/media';
import { sendMessage } from './handlers/messages';
import { deleteObject, getObject, postObject } from './handlers/objects';
import { listPhoneNumbers } from './handlers/phone-numbers';
import { getBusinessProfile, updateBusinessProfile } from './handlers/profile';
import { listSubscribedApps, subscribeApp, unsubscribeApp } from './handlers/subscriptions';
import { getTemplateAnalytics } from './handlers/template-analytics';
import { createTemplate, deleteTemplates, listTemplates } from './handlers/templates';

export interface Route {
	method: string;
	/** Segments; ":name" captures one segment. */
	pattern: string[];
	handler: Handler;
}

const route = (method: string, path: string, handler: Handler): Route => ({ method, pattern: path.split('/').filter(Boolean), handler });

/** Meta's Media page: the media download URL; either provider's credentials may fetch it. */
export const DOWNLOAD_ROUTE = route('GET', '/whatsapp_business/attachments', downloadMedia);

/** No authentication: the app's credentials are the parameters. */
export const PUBLIC_ROUTES: Route[] = [route('GET', '/oauth/access_token', issueAppAccessToken), route('POST', '/oauth/access_token', issueAppAccessToken)];

/** Need an app access token (not a user or system-user token). */
export const APP_ROUTES: Route[] = [
	route('GET', '/:appId/subscriptions', listAppSubscriptions),
	route('POST', '/:appId/subscriptions', createAppSubscription),
	route('DELETE', '/:appId/subscriptions', deleteAppSubscription),
];

export const GRAPH_ROUTES: Route[] = [
	route('POST', '/:phoneNumberId/messages', sendMessage),
	route('POST', '/:phoneNumberId/media', uploadMedia),
	route('GET', '/:phoneNumberId/whatsapp_business_profile', getBusinessProfile),
	route('POST', '/:phoneNumberId/whatsapp_business_profile', updateBusinessProfile),
	route('GET', '/:wabaId/phone_numbers', listPhoneNumbers),
	route('GET', '/:wabaId/message_templates', listTemplates),
	route('POST', '/:wabaId/message_templates', createTemplate),
	route('DELETE', '/:wabaId/message_templates', deleteTemplates),
	route('GET', '/:wabaId/subscribed_apps', listSubscribedApps),
	route('POST', '/:wabaId/subscribed_apps', subscribeApp),
	route('DELETE', '/:wabaId/subscribed_apps', unsubscribeApp),
	route('POST', '/:phoneNumberId/marketing_messages', sendMarketingMessage),
	route('GET', '/:phoneNumberId/block_users', listBlockedUsers),
	route('POST', '/:phoneNumberId/block_users', blockUsers),
	route('DELETE', '/:phoneNumberId/block_users', unblockUsers),
	route('GET', '/:wabaId/template_analytics', getTemplateAnalytics),
	route('GET', '/:wabaId/flows', listFlows),
	route('GET', '/:id', getObject),
	route('POST', '/:id', postObject),
	route('DELETE', '/:id', deleteObject),
];

export const DIALOG360_ROUTES: Route[] = [
	route('POST', '/messages', sendMessage),
	route('POST', '/v1/messages', sendMessage),
	route('POST', '/media', uploadMedia),
	route('GET', '/v1/configs/templates', listDialog360Templates),
	route('POST', '/v1/configs/templates', createDialog360Template),
	route('DELETE', '/v1/configs/templates/:name', deleteDialog360Template),
	route('GET', '/v1/configs/webhook', getDialog360Webhook),
	route('POST', '/v1/configs/webhook', setDialog360Webhook),
	route('GET', '/whatsapp_business_profile', getBusinessProfile),
	route('POST', '/whatsapp_business_profile', updateBusinessProfile),
	route('GET', '/:mediaId', getMediaUrl),
	route('DELETE', '/:mediaId', deleteMedia),
];

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

/** The first route whose method and segments match, with its captured parameters. */
export function matchRoute(routes: Route[], method: string, segments: string[]): RouteMatch | undefined {
	for (const candidate of routes) {
		if (candidate.method !== method || candidate.pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const matches = candidate.pattern.every((part, index) => {
			if (part.startsWith(':')) {
				params[part.slice(1)] = decodeURIComponent(segments[index]);
				return true;
			}
			return part === segments[index];
		});
		if (matches) return { route: candidate, params };
	}
	return undefined;
}
