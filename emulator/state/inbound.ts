/**
 * Messages "from users" (POST /__emulator/inbound). Recording one opens or refreshes the
 * customer-service window (Meta: Customer service windows; not for `system` notices) and emits the `inbound` event. The
 * message object is shaped like the webhook's `messages[0]` (Meta: Messages webhook reference): built from the simple form
 * (inbound-messages.ts), or a raw `message` taken as given (from, id and timestamp filled if missing).
 */
import { SEED } from '../seed';
import { BSUID_PATTERN } from './features';
import { wamid } from './ids';
import { InboundInputError, lastOutbound, messageContent, type BuildContext } from './inbound-messages';
import type { EmulatorState } from './store';
import type { InboundMessage } from './types';

export { InboundInputError, INBOUND_TYPES } from './inbound-messages';

export interface InboundInput {
	from?: string;
	phoneNumberId?: string;
	/** text (default), image, video, audio, document, sticker, location, contacts, reaction, button, button_reply, list_reply, nfm_reply, order, system, request_welcome, unsupported. */
	type?: string;
	/** Unix seconds (number or numeric string); defaults to now. An old timestamp opens an old window. */
	timestamp?: number | string;
	/** The user's profile name (Meta: Messages webhook reference contacts[].profile.name). */
	name?: string;
	/** Meta's Messages webhook reference page: the wamid this message replies to; `forwarded` / `frequentlyForwarded` flags; or a `context` object. */
	replyTo?: string;
	forwarded?: boolean;
	frequentlyForwarded?: boolean;
	context?: Record<string, unknown>;
	/** Meta's Messages webhook reference page: true for a sample Click-to-WhatsApp ad referral, or the referral object itself. */
	referral?: boolean | Record<string, unknown>;
	/** true = add the user's business-scoped user ID as contacts[].user_id (or give the BSUID to register). */
	userId?: boolean | string;
	/** A raw message object (Meta: Messages webhook reference), posted verbatim. */
	message?: Record<string, unknown>;
	/** Type-specific simple fields (text, caption, mimeType, data, emoji, messageId, replyId, title …). */
	[field: string]: unknown;
}

const SAMPLE_REFERRAL = {
	source_url: 'https://fb.me/3cr4Wqqkv', source_id: '120226305854810726', source_type: 'ad', body: 'Summer Succulents are here!',
	headline: 'Chat with us', media_type: 'image', image_url: 'https://www.luckyshrub.com/ads/summer-succulents.jpg',
	ctwa_clid: 'Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iL',
	welcome_message: { text: 'Hi there! Let us know how we can help!' },
};

export function recordInbound(state: EmulatorState, input: InboundInput, baseUrl = ''): InboundMessage {
	if (typeof input !== 'object' || input === null) throw new InboundInputError('The body must be a JSON object such as {"from": "16505551234", "text": "Hi"}');
	const raw = isObject(input.message) ? input.message : undefined;
	const waId = String(input.from ?? raw?.from ?? '').replace(/\D/g, '');
	if (!waId) throw new InboundInputError('"from" must be the user\'s phone number, e.g. "16505551234"');
	const phoneNumberId = input.phoneNumberId ?? SEED.phoneNumberId;
	const phone = state.phoneNumbers.get(phoneNumberId);
	if (!phone) throw new InboundInputError(`Unknown phoneNumberId "${phoneNumberId}"; seeded numbers are ${[...state.phoneNumbers.keys()].join(', ')}`);
	const seconds = input.timestamp === undefined ? Math.floor(state.now() / 1000) : Number(input.timestamp);
	if (!Number.isFinite(seconds)) throw new InboundInputError('"timestamp" must be Unix seconds');
	const name = typeof input.name === 'string' ? input.name : 'Emulated User';
	const base = { from: waId, id: wamid(waId), timestamp: String(seconds) };

	let message: InboundMessage['message'];
	if (raw) {
		if (typeof raw.type !== 'string') throw new InboundInputError('A raw "message" needs its "type", e.g. {"type": "text", "text": {"body": "Hi"}}');
		message = { ...base, ...raw } as InboundMessage['message'];
	} else {
		const context: BuildContext = { state, phone, waId, name, baseUrl };
		const type = input.type ?? 'text';
		const replyContext = contextOf(context, type, input);
		const referral = input.referral === true ? SAMPLE_REFERRAL : isObject(input.referral) ? input.referral : undefined;
		const content = messageContent(context, type, input);
		message = { ...base, ...(replyContext ? { context: replyContext } : {}), ...(referral ? { referral } : {}), ...content } as InboundMessage['message'];
	}

	if (typeof input.userId === 'string') {
		if (!BSUID_PATTERN.test(input.userId)) throw new InboundInputError('"userId" must be true or a business-scoped user ID such as "US.13491208655302741918"');
		state.features.registerUserId(waId, input.userId);
	}
	const userId = input.userId ? { user_id: state.features.userIdOf(waId) } : {};
	const inbound: InboundMessage = { phoneNumberId, contact: { profile: { name }, wa_id: waId, ...userId }, message, receivedAt: seconds * 1000 };
	state.inbound.push(inbound);
	// A system notice (Meta: Messages webhook reference) is not the user writing, so it does not open the window.
	if (message.type !== 'system') state.windows.recordInbound(phoneNumberId, waId, inbound.receivedAt);
	state.events.emit('inbound', inbound);
	return inbound;
}

/** Meta's Messages webhook reference page: replies name the quoted message; taps on buttons and lists reply to the latest fitting message. */
function contextOf(context: BuildContext, type: string, input: InboundInput): Record<string, unknown> | undefined {
	const repliedType = type === 'button' ? 'template' : ['button_reply', 'list_reply', 'nfm_reply', 'interactive'].includes(type) ? 'interactive' : undefined;
	const target = typeof input.replyTo === 'string' ? input.replyTo : repliedType ? lastOutbound(context, repliedType)?.id : undefined;
	const flags = input.forwarded === true ? { forwarded: true } : input.frequentlyForwarded === true ? { frequently_forwarded: true } : {};
	const extra = isObject(input.context) ? input.context : {};
	const result = { ...(target ? { from: context.phone.display_phone_number, id: target } : {}), ...flags, ...extra };
	return Object.keys(result).length > 0 ? result : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
