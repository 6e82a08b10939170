import type { INodePropertyOptions } from 'n8n-workflow';

/** Event kinds of the core's normaliser, and the webhook field Meta delivers each in (Meta: Messages webhook reference, Webhooks overview). */
const FIELD_BY_EVENT: Record<string, string[]> = {
	account_update: ['account_update', 'account_review_update'],
	business_capability: ['business_capability_update'],
	error: ['messages'],
	message: ['messages'],
	phone_number_name: ['phone_number_name_update'],
	phone_number_quality: ['phone_number_quality_update'],
	security: ['security'],
	status: ['messages'],
	template_category: ['template_category_update'],
	template_quality: ['message_template_quality_update'],
	template_status: ['message_template_status_update'],
	unknown_change: [],
};

/** Meta's Webhook overrides page: only `messages` follows a WABA or phone-number override; the rest reach the app's callback only. */
export const OVERRIDABLE_FIELDS = new Set(['messages']);

export function subscriptionFields(events: string[]): string[] {
	return [...new Set(events.flatMap((event) => FIELD_BY_EVENT[event] ?? []))].sort();
}

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Account Update', value: 'account_update', description: 'Changes to the account: account_update and account_review_update events' },
	{ name: 'Business Capability Update', value: 'business_capability' },
	{ name: 'Error', value: 'error', description: 'System, app or account errors not tied to one message' },
	{ name: 'Message', value: 'message', description: 'A customer sent a message (one item per message)' },
	{ name: 'Other Change', value: 'unknown_change', description: 'Any change this node does not recognise, passed through raw' },
	{ name: 'Phone Number Name Update', value: 'phone_number_name' },
	{ name: 'Phone Number Quality Update', value: 'phone_number_quality' },
	{ name: 'Security', value: 'security' },
	{ name: 'Status', value: 'status', description: 'Sent, delivered, read, played or failed, for messages you sent' },
	{ name: 'Template Category Update', value: 'template_category' },
	{ name: 'Template Quality Update', value: 'template_quality' },
	{ name: 'Template Status Update', value: 'template_status', description: 'Approved, rejected, paused…' },
];

export const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Button (Template Quick Reply)', value: 'button' },
	{ name: 'Contacts', value: 'contacts' },
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'Interactive (Button, List or Flow Reply)', value: 'interactive' },
	{ name: 'Location', value: 'location' },
	{ name: 'Order', value: 'order' },
	{ name: 'Reaction', value: 'reaction' },
	{ name: 'Request Welcome (Chat Opened for the First Time)', value: 'request_welcome' },
	{ name: 'Sticker', value: 'sticker' },
	{ name: 'System (Number, BSUID or Identity Changed)', value: 'system' },
	{ name: 'Text', value: 'text' },
	{ name: 'Unsupported', value: 'unsupported' },
	{ name: 'Video', value: 'video' },
];

export const STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Played', value: 'played' },
	{ name: 'Read', value: 'read' },
	{ name: 'Sent', value: 'sent' },
];
