/**
 * Normalised webhook events: one per inbound message, per status, per value-level error and per
 * WABA-level change (Meta: Messages webhook reference). Keys are camelCase; `raw` keeps the original Meta object.
 */
import type { JsonObject } from './jsonReaders';
import type { EventBase, WebhookError } from './eventBase';
import type { WabaEvent } from './wabaTypes';

export type * from './eventBase';
export type * from './wabaTypes';

/**
 * A WhatsApp user: whatever identifies them in the payload (Meta: Business-scoped user IDs). From
 * 2026 users with a username may come without a phone number; `userId` (BSUID) then identifies them.
 */
export interface Person {
	/** Digits, as Meta's wa_id; '' when Meta withheld the number. */
	waId: string;
	/** '+' + waId when waId is digits, else ''. */
	e164: string;
	/** Business-scoped user ID (BSUID): contacts[].user_id, from_user_id or recipient_user_id. */
	userId?: string;
	/** Parent BSUID, when the business portfolio uses parent BSUIDs. */
	parentUserId?: string;
	username?: string;
	profileName?: string;
	/** ISO 3166 country of the user (profile.country_code). */
	countryCode?: string;
	/** Only with the identity change check enabled (Meta: Phone numbers, "Identity change check"). */
	identityKeyHash?: string;
}

export interface MessageSender extends Person {
	/** from_logical_id, e.g. on taps of an authentication template's button (Meta: Autofill button authentication templates). */
	logicalId?: string;
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

/** interactive replies; a sub-type this pack does not know keeps its type and its fields, camelCased. */
export interface InteractiveReply {
	type: 'button_reply' | 'list_reply' | 'nfm_reply' | (string & {});
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
	[field: string]: unknown;
}

export interface MessageContext {
	repliedToMessageId?: string;
	from?: string;
	/** BSUID and parent BSUID of who sent the quoted message (Meta: Business-scoped user IDs). */
	fromUserId?: string;
	fromParentUserId?: string;
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

/**
 * A system notice (Meta: System messages webhook reference): user_changed_number, user_changed_user_id;
 * older versions customer_changed_number and customer_identity_changed (Meta's WhatsApp Node.js SDK types).
 */
export interface MessageSystem {
	type?: string;
	body?: string;
	/** The user's new wa_id (system.wa_id; new_wa_id before webhook v12). */
	newWaId?: string;
	/** The user's new BSUID and parent BSUID (system.user_id, system.parent_user_id). */
	newUserId?: string;
	newParentUserId?: string;
	/** customer_identity_changed: the new identity hash (system.identity). */
	identityHash?: string;
	/** The wa_id before the change (system.customer). */
	customer?: string;
}

/** messages[].identity, sent with the identity change check enabled (Meta's WhatsApp Node.js SDK types). */
export interface MessageIdentity {
	acknowledged?: boolean;
	hash?: string;
	createdAt?: string | null;
	createdAtEpoch?: number | null;
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
	| 'request_welcome'
	| 'unsupported';

export interface MessageEvent extends EventBase {
	kind: 'message';
	type: MessageType;
	/** For `unsupported`: the real type when known (unsupported.type, or the unknown type Meta sent). */
	unsupportedType?: string;
	/** Meta sent the type but not its object (e.g. an interactive message with only errors[]). */
	contentMissing?: boolean;
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
	/** A removed reaction has `emoji: null` and `removed: true` (Meta: Reaction messages webhook reference). */
	reaction?: { messageId: string; emoji: string | null; removed: boolean };
	order?: MessageOrder;
	referral?: MessageReferral;
	context?: MessageContext;
	system?: MessageSystem;
	identity?: MessageIdentity;
	/** Group messages: the group's ID (Meta: Group messages webhook reference). */
	groupId?: string;
	errors?: WebhookError[];
	raw: JsonObject;
}

export type MessageStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed' | (string & {});

export interface StatusEvent extends EventBase {
	kind: 'status';
	status: MessageStatus;
	messageId: string;
	/** The person (for a group message: the participant), completed from the status's contacts[] when Meta sends one. */
	recipient: Person;
	/** 'group' for messages sent to a group (Meta: Status messages webhook reference). */
	recipientType?: string;
	groupId?: string;
	bizOpaqueCallbackData?: string;
	errors?: WebhookError[];
	conversation?: { id?: string; expiresAt?: string | null; expiresAtEpoch?: number | null; originType?: string };
	pricing?: { billable?: boolean; pricingModel?: string; type?: string; category?: string };
	raw: JsonObject;
}

export interface ErrorEvent extends EventBase {
	kind: 'error';
	errors: WebhookError[];
	raw: JsonObject;
}

export type WhatsAppEvent = MessageEvent | StatusEvent | ErrorEvent | WabaEvent;
