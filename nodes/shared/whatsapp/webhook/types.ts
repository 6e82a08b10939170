/**
 * Normalised webhook events: one per inbound message, per status, per value-level error and per
 * WABA-level change (Meta: Messages webhook reference). Keys are camelCase; `raw` keeps the original Meta object.
 */
import type { JsonObject } from './jsonReaders';
import type { EventBase, WebhookError } from './eventBase';
import type { WabaEvent } from './wabaTypes';

export type * from './eventBase';
export type * from './wabaTypes';

export interface MessageSender {
	/** '' for username-only users who hide their number (Meta: Business-scoped user IDs). */
	waId: string;
	/** '+' + waId, or '' when waId is empty. */
	e164: string;
	profileName?: string;
	/** Business-scoped user id (BSUID, (Meta: Business-scoped user IDs)). */
	userId?: string;
	username?: string;
}

export interface MessageMedia {
	/** Media id for download, valid 7 days (Meta: Messages webhook reference); '' when missing. */
	id: string;
	mimeType?: string;
	/** Base64 in webhooks (Meta: Messages webhook reference). */
	sha256?: string;
	url?: string;
	filename?: string;
	voice?: boolean;
	animated?: boolean;
}

export interface InteractiveReply {
	type: 'button_reply' | 'list_reply' | 'nfm_reply';
	id?: string;
	title?: string;
	description?: string;
	/** nfm_reply: response_json parsed; the original string when it is not a JSON object. */
	flowResponse?: JsonObject | string;
	/** true when response_json could not be read as a JSON object. */
	parseError?: boolean;
	flowToken?: string;
	/** nfm_reply: the flow's name and the body shown in the chat ("Sent"). */
	name?: string;
	body?: string;
}

export interface MessageContext {
	repliedToMessageId?: string;
	from?: string;
	forwarded: boolean;
	frequentlyForwarded: boolean;
	referredProduct?: { catalogId?: string; productRetailerId?: string };
}

export interface MessageReferral {
	sourceUrl?: string;
	sourceId?: string;
	sourceType?: string;
	body?: string;
	headline?: string;
	mediaType?: string;
	imageUrl?: string;
	videoUrl?: string;
	thumbnailUrl?: string;
	/** Missing for WhatsApp Status ad placements (Meta: Messages webhook reference). */
	ctwaClid?: string;
	welcomeMessageText?: string;
}

export interface MessageOrder {
	catalogId?: string;
	text?: string;
	productItems: Array<{ productRetailerId?: string; quantity?: number; itemPrice?: number; currency?: string }>;
}

export interface MessageSystem {
	type?: string;
	body?: string;
	/** user_changed_number: the user's new wa_id (Meta: Messages webhook reference). */
	newWaId?: string;
}

export type MessageType =
	| 'text'
	| 'image'
	| 'video'
	| 'audio'
	| 'document'
	| 'sticker'
	| 'location'
	| 'contacts'
	| 'reaction'
	| 'button'
	| 'interactive'
	| 'order'
	| 'system'
	| 'unsupported';

export interface MessageEvent extends EventBase {
	kind: 'message';
	type: MessageType;
	/** For `unsupported`: the real type when known (unsupported.type, or the unknown type Meta sent). */
	unsupportedType?: string;
	/** The wamid ('' when missing). */
	id: string;
	from: MessageSender;
	/** Text body, media caption, button text, or interactive reply title. */
	text?: string;
	caption?: string;
	media?: MessageMedia;
	interactive?: InteractiveReply;
	button?: { payload?: string; text?: string };
	location?: { latitude?: number; longitude?: number; name?: string; address?: string; url?: string };
	/** Shared contact cards (Meta: Contacts messages shape), keys camelCased. */
	contacts?: JsonObject[];
	reaction?: { messageId: string; emoji?: string; removed: boolean };
	order?: MessageOrder;
	referral?: MessageReferral;
	context?: MessageContext;
	system?: MessageSystem;
	errors?: WebhookError[];
	raw: JsonObject;
}

export type MessageStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed' | (string & {});

export interface StatusEvent extends EventBase {
	kind: 'status';
	status: MessageStatus;
	messageId: string;
	recipient: { waId: string; e164: string };
	bizOpaqueCallbackData?: string;
	errors?: WebhookError[];
	conversation?: { id?: string; expiresAt?: string; originType?: string };
	pricing?: { billable?: boolean; pricingModel?: string; type?: string; category?: string };
	raw: JsonObject;
}

export interface ErrorEvent extends EventBase {
	kind: 'error';
	errors: WebhookError[];
	raw: JsonObject;
}

export type WhatsAppEvent = MessageEvent | StatusEvent | ErrorEvent | WabaEvent;
