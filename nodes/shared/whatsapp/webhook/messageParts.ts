/** Readers for the parts of an inbound message (Meta: Messages webhook reference). Each takes the raw sub-object Meta sent. */
import { asBoolean, asNumber, asObject, asObjects, asString, camelCaseDeep, compact, type JsonObject } from './jsonReaders';
import { readPerson, waIdOf, type ContactIndex } from './people';
import { timeFields } from './times';
import type {
	InteractiveReply,
	MessageContext,
	MessageEvent,
	MessageIdentity,
	MessageMedia,
	MessageOrder,
	MessageReferral,
	MessageSender,
	MessageSystem,
} from './types';

/**
 * The sender: the message's own ids (from, from_user_id, from_parent_user_id, from_logical_id),
 * completed by the contacts[] entry with the same wa_id or BSUID (Meta: Messages webhook reference,
 * Business-scoped user IDs). System messages come without contacts[] (Meta: System messages webhook reference).
 */
export function readSender(message: JsonObject, contacts: ContactIndex): MessageSender {
	const waId = waIdOf(asString(message.from));
	const userId = asString(message.from_user_id) || undefined;
	const parentUserId = asString(message.from_parent_user_id) || undefined;
	const contact = contacts.find(waId, userId, parentUserId);
	return compact({ ...readPerson({ waId, userId, parentUserId }, contact), logicalId: asString(message.from_logical_id) });
}

/** Meta's Messages webhook reference page: sha256 is base64; url appears from 2025-11; voice / animated flag audio and stickers. */
export function readMedia(media: JsonObject): MessageMedia {
	return compact({
		id: asString(media.id) ?? '',
		mimeType: asString(media.mime_type),
		sha256: asString(media.sha256),
		url: asString(media.url),
		filename: asString(media.filename),
		voice: asBoolean(media.voice),
		animated: asBoolean(media.animated),
	});
}

/**
 * Button and list replies, Flow responses (Meta: Messages webhook reference). A reply sub-type this
 * reader does not know (e.g. call_permission_reply) keeps its type and its object, keys camelCased.
 */
export function readInteractive(interactive: JsonObject): InteractiveReply {
	const type = asString(interactive.type) ?? '';
	const reply = asObject(Object.prototype.hasOwnProperty.call(interactive, type) ? interactive[type] : undefined) ?? {};
	if (type !== 'button_reply' && type !== 'list_reply' && type !== 'nfm_reply') {
		return { ...(camelCaseDeep(reply) as JsonObject), type } as InteractiveReply;
	}
	if (type !== 'nfm_reply') {
		return compact({
			type,
			id: asString(reply.id),
			title: asString(reply.title),
			description: asString(reply.description),
		});
	}
	return compact({ type, name: asString(reply.name), body: asString(reply.body), ...readFlowResponse(reply.response_json) });
}

/** Meta's Messages webhook reference page: response_json is a JSON-encoded string; the flow is identified by its flow_token. */
function readFlowResponse(
	responseJson: unknown,
): Pick<InteractiveReply, 'flowResponse' | 'parseError' | 'flowToken'> {
	const asParsedObject = asObject(responseJson);
	if (asParsedObject) return { flowResponse: asParsedObject, flowToken: asString(asParsedObject.flow_token) };
	if (typeof responseJson !== 'string') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(responseJson);
	} catch {
		return { flowResponse: responseJson, parseError: true };
	}
	const flowResponse = asObject(parsed);
	if (!flowResponse) return { flowResponse: responseJson, parseError: true };
	return { flowResponse, flowToken: asString(flowResponse.flow_token) };
}

/** Meta's Messages webhook reference page: replies, forwards and product enquiries; BSUIDs of the quoted sender (Meta: Business-scoped user IDs). */
export function readContext(context: JsonObject): MessageContext {
	const product = asObject(context.referred_product);
	return compact({
		repliedToMessageId: asString(context.id),
		from: asString(context.from),
		fromUserId: asString(context.from_user_id),
		fromParentUserId: asString(context.from_parent_user_id),
		forwarded: context.forwarded === true,
		frequentlyForwarded: context.frequently_forwarded === true,
		referredProduct: product
			? compact({ catalogId: asString(product.catalog_id), productRetailerId: asString(product.product_retailer_id) })
			: undefined,
	});
}

/** Meta's Messages webhook reference page: Click-to-WhatsApp ad or post referral. */
export function readReferral(referral: JsonObject): MessageReferral {
	return compact({
		sourceUrl: asString(referral.source_url),
		sourceId: asString(referral.source_id),
		sourceType: asString(referral.source_type),
		body: asString(referral.body),
		headline: asString(referral.headline),
		mediaType: asString(referral.media_type),
		imageUrl: asString(referral.image_url),
		videoUrl: asString(referral.video_url),
		thumbnailUrl: asString(referral.thumbnail_url),
		ctwaClid: asString(referral.ctwa_clid),
		welcomeMessageText: asString(asObject(referral.welcome_message)?.text),
	});
}

/** (Meta: Messages webhook reference) */
export function readOrder(order: JsonObject): MessageOrder {
	return compact({
		catalogId: asString(order.catalog_id),
		text: asString(order.text),
		productItems: asObjects(order.product_items).map((item) =>
			compact({
				productRetailerId: asString(item.product_retailer_id),
				quantity: asNumber(item.quantity),
				itemPrice: asNumber(item.item_price),
				currency: asString(item.currency),
			}),
		),
	});
}

/**
 * Every documented `system` field (Meta: System messages webhook reference, Business-scoped user IDs;
 * the identity fields as Meta's WhatsApp Node.js SDK types them): the new number in wa_id (older
 * payloads: new_wa_id), the new BSUIDs, the identity hash and the previous wa_id.
 */
export function readSystem(system: JsonObject): MessageSystem {
	return compact({
		type: asString(system.type),
		body: asString(system.body),
		newWaId: asString(system.wa_id) || asString(system.new_wa_id) || undefined,
		newUserId: asString(system.user_id),
		newParentUserId: asString(system.parent_user_id),
		identityHash: asString(system.identity),
		customer: asString(system.customer),
	});
}

/** messages[].identity {acknowledged, created_timestamp, hash} with the identity change check on. */
export function readIdentity(identity: JsonObject): MessageIdentity {
	return compact({
		acknowledged: asBoolean(identity.acknowledged) ?? (identity.acknowledged === 'true' ? true : identity.acknowledged === 'false' ? false : undefined),
		hash: asString(identity.hash),
		...timeFields('createdAt', identity.created_timestamp),
	});
}

/** Meta's Messages webhook reference page: coordinates are numbers; name, address and url only when shared. */
export function readLocation(location: JsonObject): NonNullable<MessageEvent['location']> {
	return compact({
		latitude: asNumber(location.latitude),
		longitude: asNumber(location.longitude),
		name: asString(location.name),
		address: asString(location.address),
		url: asString(location.url),
	});
}

/** Meta's Reaction messages webhook reference page: a removed reaction has an empty or absent emoji; it says `emoji: null`. */
export function readReaction(reaction: JsonObject): NonNullable<MessageEvent['reaction']> {
	const emoji = asString(reaction.emoji) || null;
	return { messageId: asString(reaction.message_id) ?? '', emoji, removed: emoji === null };
}
