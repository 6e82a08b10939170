import { WhatsAppConfigurationError } from './errors';
import type { WhatsAppConnection } from './connection';

/** Paths per provider (docs/360dialog.md table). Each returns an absolute URL. */

function phoneNumberId(connection: WhatsAppConnection): string {
	if (!connection.phoneNumberId) {
		throw new WhatsAppConfigurationError(
			'No Phone Number ID is set.',
			'Enter the Phone number ID in the credential (Default Phone Number ID) or in the node option "Phone Number ID".',
		);
	}
	return encodeURIComponent(connection.phoneNumberId);
}

function wabaId(connection: WhatsAppConnection): string {
	if (!connection.wabaId) {
		throw new WhatsAppConfigurationError(
			'No WhatsApp Business Account ID is set.',
			'Enter the WhatsApp Business Account ID (WABA ID) in the credential.',
		);
	}
	return encodeURIComponent(connection.wabaId);
}

function onlyOnMeta(connection: WhatsAppConnection, what: string): void {
	if (connection.provider !== 'cloudApi') {
		throw new WhatsAppConfigurationError(
			`${what} is not offered by 360dialog's messaging API.`,
			"Use a WhatsApp Cloud API credential for this operation, or manage it in the 360dialog Hub.",
		);
	}
}

export const endpoints = {
	messages: (c: WhatsAppConnection) => (c.provider === 'dialog360' ? `${c.apiRoot}/messages` : `${c.apiRoot}/${phoneNumberId(c)}/messages`),
	mediaUpload: (c: WhatsAppConnection) => (c.provider === 'dialog360' ? `${c.apiRoot}/media` : `${c.apiRoot}/${phoneNumberId(c)}/media`),
	media: (c: WhatsAppConnection, mediaId: string) => `${c.apiRoot}/${encodeURIComponent(mediaId)}`,
	templates: (c: WhatsAppConnection) =>
		c.provider === 'dialog360' ? `${c.host}/v1/configs/templates` : `${c.apiRoot}/${wabaId(c)}/message_templates`,
	template: (c: WhatsAppConnection, templateId: string) => {
		onlyOnMeta(c, 'Reading a template by ID');
		return `${c.apiRoot}/${encodeURIComponent(templateId)}`;
	},
	templateByName: (c: WhatsAppConnection, name: string) => `${c.host}/v1/configs/templates/${encodeURIComponent(name)}`,
	businessProfile: (c: WhatsAppConnection) =>
		c.provider === 'dialog360' ? `${c.apiRoot}/whatsapp_business_profile` : `${c.apiRoot}/${phoneNumberId(c)}/whatsapp_business_profile`,
	phoneNumbers: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Listing phone numbers');
		return `${c.apiRoot}/${wabaId(c)}/phone_numbers`;
	},
	phoneNumber: (c: WhatsAppConnection, id?: string) => {
		onlyOnMeta(c, 'Reading phone-number health');
		return `${c.apiRoot}/${id ? encodeURIComponent(id) : phoneNumberId(c)}`;
	},
	/** Meta's Analytics page: the WABA itself, read with analytics fields (`?fields=analytics.…`) or posted to (`?is_enabled_for_insights=true`). */
	waba: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Analytics');
		return `${c.apiRoot}/${wabaId(c)}`;
	},
	/** Meta's Analytics page: GET /{waba-id}/template_analytics. */
	templateAnalytics: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Template analytics');
		return `${c.apiRoot}/${wabaId(c)}/template_analytics`;
	},
	subscribedApps: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Subscribing an app to the WABA');
		return `${c.apiRoot}/${wabaId(c)}/subscribed_apps`;
	},
	/** Meta's Webhook overrides page: app-level webhook subscription (needs an app access token, not the system-user token). */
	appSubscriptions: (c: WhatsAppConnection, appId: string) => {
		onlyOnMeta(c, 'Subscribing the Meta app to webhooks');
		return `${c.apiRoot}/${encodeURIComponent(appId)}/subscriptions`;
	},
	/** App access token by the client-credentials grant (app id + app secret). */
	oauthAccessToken: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Getting an app access token');
		return `${c.apiRoot}/oauth/access_token`;
	},
	/** Meta's Webhook overrides phone-number level webhook override page: POST {webhook_configuration}, GET ?fields=webhook_configuration. */
	phoneNumberWebhookConfiguration: (c: WhatsAppConnection, id: string) => {
		onlyOnMeta(c, "Setting a phone number's webhook override");
		return `${c.apiRoot}/${encodeURIComponent(id)}`;
	},
	/** Meta: Send marketing messages (Marketing Messages API for WhatsApp); not part of 360dialog's documented API. */
	marketingMessages: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'The Marketing Messages API');
		return `${c.apiRoot}/${phoneNumberId(c)}/marketing_messages`;
	},
	/** Meta: Marketing Messages onboarding: GET /{waba-id}?fields=marketing_messages_onboarding_status. */
	whatsAppBusinessAccount: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Reading the WhatsApp Business Account');
		return `${c.apiRoot}/${wabaId(c)}`;
	},
	/** Meta: Block users (block, unblock, list), per phone number. */
	blockUsers: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Blocking users');
		return `${c.apiRoot}/${phoneNumberId(c)}/block_users`;
	},
	/** Flows API reference (vendored OpenAPI listFlows): the WABA's Flows. */
	flows: (c: WhatsAppConnection) => {
		onlyOnMeta(c, 'Listing Flows');
		return `${c.apiRoot}/${wabaId(c)}/flows`;
	},
	/** docs/360dialog.md 360dialog: the number's webhook URL (and optional custom headers). */
	dialog360Webhook: (c: WhatsAppConnection) => {
		if (c.provider !== 'dialog360') {
			throw new WhatsAppConfigurationError(
				"/v1/configs/webhook is 360dialog's API.",
				'Use a 360dialog credential, or choose the Meta registration for a Cloud API credential.',
			);
		}
		return `${c.host}/v1/configs/webhook`;
	},
	/**
	 * Media download URL. Meta's lookaside URL is fetched as is with the token; 360dialog serves the
	 * same path and query on its own host (Meta: Media; docs/360dialog.md).
	 */
	mediaDownload: (c: WhatsAppConnection, url: string) => {
		if (c.provider !== 'dialog360') return url;
		const parsed = new URL(url);
		return parsed.hostname.endsWith('fbsbx.com') ? `${c.host}${parsed.pathname}${parsed.search}` : url;
	},
};
