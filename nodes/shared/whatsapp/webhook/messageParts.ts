/** Readers for the parts of an inbound message (Meta: Messages webhook reference). Each takes the raw sub-object Meta sent. */
import { asBoolean, asNumber, asObject, asObjects, asString, compact, type JsonObject } from './jsonReaders';
import { toE164 } from './common';
import type {
	InteractiveReply,
	MessageContext,
	MessageEvent,
	MessageMedia,
	MessageOrder,
	MessageReferral,
	MessageSender,
	MessageSystem,
} from './types';

/** The sender, with the profile from the contacts[] entry whose wa_id matches, else the first (Meta: Messages webhook reference). */
export function readSender(message: JsonObject, contacts: JsonObject[]): MessageSender {
	const from = asString(message.from);
	const contact = contacts.find((candidate) => from && asString(candidate.wa_id) === from) ?? contacts[0];
	const profile = asObject(contact?.profile);
	const waId = from ?? asString(contact?.wa_id) ?? '';
	return compact({
		waId,
		e164: toE164(waId),
		profileName: asString(profile?.name),
		userId: asString(contact?.user_id),
		username: asString(contact?.username) ?? asString(profile?.username),
	});
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

const INTERACTIVE_REPLY_TYPES = ['button_reply', 'list_reply', 'nfm_reply'] as const;

/** Button and list replies, Flow responses (Meta: Messages webhook reference). Returns undefined for an interactive sub-type this reader does not know. */
export function readInteractive(interactive: JsonObject): InteractiveReply | undefined {
	const type = INTERACTIVE_REPLY_TYPES.find((known) => known === interactive.type);
	if (!type) return undefined;
	const reply = asObject(interactive[type]) ?? {};
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

/** Meta's Messages webhook reference page: replies, forwards and product enquiries. */
export function readContext(context: JsonObject): MessageContext {
	const product = asObject(context.referred_product);
	return compact({
		repliedToMessageId: asString(context.id),
		from: asString(context.from),
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

/** Meta's Messages webhook reference page: user_changed_number carries the new number in wa_id (older payloads: new_wa_id). */
export function readSystem(system: JsonObject): MessageSystem {
	return compact({
		type: asString(system.type),
		body: asString(system.body),
		newWaId: asString(system.wa_id) ?? asString(system.new_wa_id),
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

/** Meta's Messages webhook reference page: a removed reaction has an empty or absent emoji. */
export function readReaction(reaction: JsonObject): NonNullable<MessageEvent['reaction']> {
	const emoji = asString(reaction.emoji);
	return compact({
		messageId: asString(reaction.message_id) ?? '',
		emoji: emoji === '' ? undefined : emoji,
		removed: emoji === undefined || emoji === '',
	});
}
