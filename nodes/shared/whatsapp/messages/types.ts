/** Request bodies for POST /{version}/{phone-number-id}/messages (Meta: Send messages). */
import type { SendTemplateComponent } from '../templates/types';

export interface MessageEnvelope {
	messaging_product: 'whatsapp';
	recipient_type: 'individual';
	/** E.164 with a leading '+' (Meta's Send messages page: without '+' Meta prepends the business's country code); absent when `recipient` is set */
	to?: string;
	/** A business-scoped user ID instead of `to` (Meta: Business-scoped user IDs) */
	recipient?: string;
	context?: { message_id: string };
	biz_opaque_callback_data?: string;
}

export interface MediaObject {
	id?: string;
	link?: string;
	caption?: string;
	filename?: string;
	voice?: boolean;
}

export type MediaType = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface TextMessageBody extends MessageEnvelope {
	type: 'text';
	text: { body: string; preview_url?: boolean };
}

/** One body shape per media type: `{ type: 'image', image: {...} }` and so on (Meta: Media messages). */
export type MediaMessageBody = {
	[K in MediaType]: MessageEnvelope & { type: K } & { [P in K]: MediaObject };
}[MediaType];

export interface LocationMessageBody extends MessageEnvelope {
	type: 'location';
	location: { latitude: string; longitude: string; name?: string; address?: string };
}

/** A contact card in Meta's own shape (Meta: Contacts messages); only `name.formatted_name` is required. */
export interface ContactCard {
	name: {
		formatted_name: string;
		first_name?: string;
		last_name?: string;
		middle_name?: string;
		suffix?: string;
		prefix?: string;
	};
	addresses?: Array<{
		street?: string;
		city?: string;
		state?: string;
		zip?: string;
		country?: string;
		country_code?: string;
		type?: string;
	}>;
	/** YYYY-MM-DD */
	birthday?: string;
	emails?: Array<{ email: string; type?: string }>;
	org?: { company?: string; department?: string; title?: string };
	phones?: Array<{ phone: string; type?: string; wa_id?: string }>;
	urls?: Array<{ url: string; type?: string }>;
}

export interface ContactsMessageBody extends MessageEnvelope {
	type: 'contacts';
	contacts: ContactCard[];
}

/** Reactions cannot quote a message (Meta: Reaction messages), so no `context`. */
export interface ReactionMessageBody extends Omit<MessageEnvelope, 'context'> {
	type: 'reaction';
	reaction: { message_id: string; emoji: string };
}

export type InteractiveHeader =
	| { type: 'text'; text: string }
	| { type: 'image'; image: MediaObject }
	| { type: 'video'; video: MediaObject }
	| { type: 'document'; document: MediaObject };

export interface InteractiveText {
	text: string;
}

export interface ReplyButtonsInteractive {
	type: 'button';
	header?: InteractiveHeader;
	body: InteractiveText;
	footer?: InteractiveText;
	action: { buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }> };
}

export interface ListRow {
	id: string;
	title: string;
	description?: string;
}

export interface ListSection {
	title?: string;
	rows: ListRow[];
}

export interface ListInteractive {
	type: 'list';
	header?: { type: 'text'; text: string };
	body: InteractiveText;
	footer?: InteractiveText;
	action: { button: string; sections: ListSection[] };
}

export interface CtaUrlInteractive {
	type: 'cta_url';
	header?: InteractiveHeader;
	body: InteractiveText;
	footer?: InteractiveText;
	action: { name: 'cta_url'; parameters: { display_text: string; url: string } };
}

export interface LocationRequestInteractive {
	type: 'location_request_message';
	body: InteractiveText;
	action: { name: 'send_location' };
}

/** Meta's Sending a Flow page: a published (or, with mode draft, a draft) Flow behind a button. */
export interface FlowInteractive {
	type: 'flow';
	header?: { type: 'text'; text: string };
	body: InteractiveText;
	footer?: InteractiveText;
	action: {
		name: 'flow';
		parameters: {
			flow_message_version: '3';
			flow_id?: string;
			flow_name?: string;
			flow_cta: string;
			mode?: 'draft' | 'published';
			flow_token?: string;
			flow_action?: 'navigate' | 'data_exchange';
			flow_action_payload?: { screen: string; data?: Record<string, unknown> };
		};
	};
}

/** Meta's Share products page: one product of the connected catalog (no header). */
export interface ProductInteractive {
	type: 'product';
	body?: InteractiveText;
	footer?: InteractiveText;
	action: { catalog_id: string; product_retailer_id: string };
}

/** Meta's Share products page: up to 30 products in up to 10 sections, under a text header. */
export interface ProductListInteractive {
	type: 'product_list';
	header: { type: 'text'; text: string };
	body: InteractiveText;
	footer?: InteractiveText;
	action: { catalog_id: string; sections: Array<{ title?: string; product_items: Array<{ product_retailer_id: string }> }> };
}

/** Meta's Share products page: the whole catalog behind a View catalog button. */
export interface CatalogMessageInteractive {
	type: 'catalog_message';
	body: InteractiveText;
	footer?: InteractiveText;
	action: { name: 'catalog_message'; parameters?: { thumbnail_product_retailer_id: string } };
}

export type InteractiveObject =
	| ReplyButtonsInteractive
	| ListInteractive
	| CtaUrlInteractive
	| LocationRequestInteractive
	| FlowInteractive
	| ProductInteractive
	| ProductListInteractive
	| CatalogMessageInteractive;

export interface InteractiveMessageBody<I extends InteractiveObject = InteractiveObject> extends MessageEnvelope {
	type: 'interactive';
	interactive: I;
}

export interface TemplateMessageBody extends MessageEnvelope {
	type: 'template';
	template: {
		name: string;
		language: { code: string };
		/** Built by the templates module (or given as JSON by the user), passed through here. */
		components?: SendTemplateComponent[];
	};
}

export type SendMessageBody =
	| TextMessageBody
	| MediaMessageBody
	| LocationMessageBody
	| ContactsMessageBody
	| ReactionMessageBody
	| InteractiveMessageBody
	| TemplateMessageBody;

/** Meta's Mark messages as read page: mark as read, optionally showing the typing indicator. */
export interface MarkAsReadBody {
	messaging_product: 'whatsapp';
	status: 'read';
	message_id: string;
	typing_indicator?: { type: 'text' };
}

/** Everything this package POSTs to the /messages endpoint. */
export type MessagesEndpointBody = SendMessageBody | MarkAsReadBody;
