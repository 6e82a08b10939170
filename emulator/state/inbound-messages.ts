/**
 * The type-specific part of a user's message as the webhook carries it (Meta: Messages webhook reference), built from
 * the simple form of POST /__emulator/inbound. Any `<type>` object in the input (e.g. `location`,
 * `order`, `interactive`) is merged over the generated default; arrays (`contacts`) replace it.
 */
import type { PhoneNumberRecord } from '../seed';
import { mediaDownloadUrl, storeMedia } from './media-store';
import { DEFAULT_MEDIA_MIME, sampleMediaBytes } from './sample-media';
import type { EmulatorState } from './store';

export class InboundInputError extends Error {}

export const INBOUND_TYPES = [
	'text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'reaction', 'button',
	'button_reply', 'list_reply', 'nfm_reply', 'interactive', 'order', 'system', 'request_welcome', 'unsupported',
] as const;

type Json = Record<string, unknown>;

export interface BuildContext {
	state: EmulatorState;
	phone: PhoneNumberRecord;
	waId: string;
	name: string;
	/** The emulator's URL, for media download URLs. */
	baseUrl: string;
}

/** Returns {type, <type>: {...}} plus `errors` for unsupported messages. */
export function messageContent(context: BuildContext, type: string, input: Json): Json {
	const build = BUILDERS[type];
	if (!build) throw new InboundInputError(`Unknown inbound type "${type}". Use one of: ${INBOUND_TYPES.join(', ')}; or send a raw "message" object.`);
	const content = build(context, input);
	const metaType = content.type as string;
	const override = input[metaType];
	if (Array.isArray(override)) content[metaType] = override;
	else if (isObject(override) && isObject(content[metaType])) content[metaType] = { ...(content[metaType] as Json), ...override };
	return content;
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function media(kind: string) {
	return (context: BuildContext, input: Json): Json => {
		const mimeType = text(input.mimeType, DEFAULT_MEDIA_MIME[kind]);
		const data = typeof input.data === 'string' ? Buffer.from(input.data, 'base64') : sampleMediaBytes(mimeType, `${kind} from ${context.waId}`);
		const filename = kind === 'document' ? text(input.filename, 'document.pdf') : undefined;
		const record = storeMedia(context.state, context.phone.id, data, mimeType, filename);
		const object: Json = {
			...(typeof input.caption === 'string' && kind !== 'audio' && kind !== 'sticker' ? { caption: input.caption } : {}),
			...(filename ? { filename } : {}),
			mime_type: mimeType,
			sha256: Buffer.from(record.sha256, 'hex').toString('base64'), // (Meta: Messages webhook reference) base64 in webhooks
			id: record.id,
			url: mediaDownloadUrl(context.state, context.baseUrl, record),
			...(kind === 'audio' ? { voice: input.voice !== false } : {}),
			...(kind === 'sticker' ? { animated: input.animated === true } : {}),
		};
		return { type: kind, [kind]: object };
	};
}

function interactiveReply(kind: 'button_reply' | 'list_reply' | 'nfm_reply') {
	return (context: BuildContext, input: Json): Json => {
		const tapped = kind === 'nfm_reply' ? undefined : tappedChoice(context, kind, input);
		const reply: Json =
			kind === 'nfm_reply'
				? { name: 'flow', body: 'Sent', response_json: typeof input.responseJson === 'string' ? input.responseJson : JSON.stringify(input.responseJson ?? { flow_token: 'unused' }) }
				: {
						id: text(input.replyId, tapped?.id ?? (kind === 'button_reply' ? 'change-button' : 'priority_express')),
						title: text(input.title, tapped?.title ?? (kind === 'button_reply' ? 'Change' : 'Priority Mail Express')),
						...(kind === 'list_reply' ? { description: text(input.description, tapped ? (tapped.description ?? '') : 'Next Day to 2 Days') } : {}),
					};
		if (kind === 'list_reply' && reply.description === '') delete reply.description;
		return { type: 'interactive', interactive: { type: kind, [kind]: reply } };
	};
}

/** The message a tap refers to: `replyTo`, else the latest message of that type to the user. */
function tappedMessage(context: BuildContext, type: 'template' | 'interactive', input: Json) {
	const byId = typeof input.replyTo === 'string' ? context.state.messages.get(input.replyTo) : undefined;
	return byId ?? lastOutbound(context, type);
}

/**
 * `buttonIndex` (reply buttons, 0-based) or `rowIndex` (list rows, counted across sections): the
 * user taps that button or row of the interactive message, which returns its id and title (Meta:
 * Interactive reply buttons messages, Interactive list messages).
 */
function tappedChoice(context: BuildContext, kind: 'button_reply' | 'list_reply', input: Json): { id: string; title: string; description?: string } | undefined {
	const position = kind === 'button_reply' ? input.buttonIndex : input.rowIndex;
	if (typeof position !== 'number') return undefined;
	const tapped = tappedMessage(context, 'interactive', input);
	const what = kind === 'button_reply' ? 'reply buttons' : 'a list';
	if (!tapped) {
		throw new InboundInputError(
			`No interactive message was sent to this user, so there is nothing to tap: send one with ${what} first${kind === 'button_reply' ? ", or tap a template's quick reply with type button" : ''}.`,
		);
	}
	const interactive = (tapped.body.interactive ?? {}) as Json;
	const action = (interactive.action ?? {}) as Json;
	const choices =
		kind === 'button_reply'
			? ((action.buttons ?? []) as Json[]).map((button) => button.reply as { id: string; title: string })
			: ((action.sections ?? []) as Json[]).flatMap((section) => (section.rows ?? []) as Array<{ id: string; title: string; description?: string }>);
	const choice = choices[position];
	if (!choice) {
		const noun = kind === 'button_reply' ? 'button' : 'row';
		const has = choices.length === 0 ? `no ${noun}s` : choices.length === 1 ? `one ${noun}, number 0` : `${choices.length} ${noun}s, numbered 0 to ${choices.length - 1}`;
		throw new InboundInputError(`The message tapped has no ${noun} ${String(position)}: it has ${has}.`);
	}
	return choice;
}

/**
 * `buttonIndex`: the user taps that quick-reply button of the template message: the webhook returns
 * the payload sent for that button (else its text) and the button's text (Meta: Template components).
 */
function tappedTemplateButton(context: BuildContext, input: Json): { payload: string; text: string } | undefined {
	if (typeof input.buttonIndex !== 'number') return undefined;
	const message = tappedMessage(context, 'template', input);
	const template = (message?.body.template ?? {}) as { name?: string; language?: { code?: string }; components?: Json[] };
	const definition = [...context.state.templates.values()].find((record) => record.name === template.name && record.language === template.language?.code);
	const button = definition?.components.find((component) => component.type === 'BUTTONS')?.buttons?.[input.buttonIndex];
	if (!button || button.type !== 'QUICK_REPLY') throw new InboundInputError(`The template message tapped has no quick-reply button ${input.buttonIndex}.`);
	const sent = (template.components ?? []).find((component) => component.type === 'button' && Number(component.index) === input.buttonIndex);
	const payload = ((sent?.parameters ?? []) as Json[]).find((parameter) => parameter.type === 'payload')?.payload;
	const label = button.text ?? '';
	return { payload: typeof payload === 'string' ? payload : label, text: label };
}

const BUILDERS: Record<string, (context: BuildContext, input: Json) => Json> = {
	text: (_context, input) => ({ type: 'text', text: { body: text(input.text, 'Hello') } }),
	image: media('image'),
	video: media('video'),
	audio: media('audio'),
	document: media('document'),
	sticker: media('sticker'),
	location: (_context, input) => ({
		type: 'location',
		location: { latitude: typeof input.latitude === 'number' ? input.latitude : 40.782910059774, longitude: typeof input.longitude === 'number' ? input.longitude : -73.959075808525 },
	}),
	contacts: (context) => ({
		type: 'contacts',
		contacts: [{ name: { formatted_name: context.name, first_name: context.name.split(' ')[0] }, phones: [{ phone: `+${context.waId}`, wa_id: context.waId, type: 'CELL' }] }],
	}),
	reaction: (context, input) => {
		const target = text(input.messageId, '') || lastOutbound(context)?.id;
		if (!target) throw new InboundInputError('A reaction needs "messageId" (the wamid reacted to); no earlier message to this user was found.');
		// Meta's Messages webhook reference page: removing a reaction sends an empty emoji (or none: "emoji": null).
		return { type: 'reaction', reaction: { message_id: target, ...(input.emoji === null ? {} : { emoji: text(input.emoji, '👍') }) } };
	},
	button: (context, input) => {
		const tapped = tappedTemplateButton(context, input);
		const label = text(input.text, tapped?.text ?? 'Unsubscribe');
		return { type: 'button', button: { payload: text(input.payload, tapped?.payload ?? label), text: label } };
	},
	button_reply: interactiveReply('button_reply'),
	list_reply: interactiveReply('list_reply'),
	nfm_reply: interactiveReply('nfm_reply'),
	interactive: interactiveReply('button_reply'),
	order: () => ({
		type: 'order',
		order: { catalog_id: '194836987003835', text: 'Love these!', product_items: [{ product_retailer_id: 'di9ozbzfi4', quantity: 2, item_price: 7.99, currency: 'USD' }] },
	}),
	system: (context, input) => {
		const newWaId = text(input.newWaId, '12195555358').replace(/\D/g, '');
		return { type: 'system', system: { body: `User ${context.name} changed from ${context.waId} to ${newWaId}`, wa_id: newWaId, type: 'user_changed_number' } };
	},
	// Meta's Conversational components page, Welcome messages: the user opened the chat for the first time; no object.
	request_welcome: () => ({ type: 'request_welcome' }),
	unsupported: (_context, input) => ({
		type: 'unsupported',
		errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
		unsupported: { type: text(input.unsupportedType, 'edit') },
	}),
};

/** The business's latest message to this user, optionally of one type (what a reply refers to). */
export function lastOutbound(context: BuildContext, type?: string) {
	const sent = [...context.state.messages.values()].filter(
		(message) => message.phoneNumberId === context.phone.id && message.waId === context.waId && (!type || message.type === type),
	);
	return sent.at(-1);
}
