/**
 * What an inbound WhatsApp message says, in plain words, for a CRM note or ticket comment: every
 * message type the WhatsApp Business Trigger emits (nodes/shared/whatsapp/webhook/types.ts
 * `MessageEvent`, after Meta's Messages webhook reference), not only text. A location keeps its
 * coordinates and a map link, a shared contact its name and numbers, a tapped button or list row its
 * title and ID, a flow its answers, a reaction its emoji and the message it is on, an order its items
 * and total; a click-to-WhatsApp ad the message came from is named on its own line.
 */
type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);
const text = (value: unknown): string | undefined => {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const join = (parts: Array<string | undefined>, separator = ' '): string => parts.filter((part): part is string => Boolean(part)).join(separator);
const quoted = (value: string | undefined): string | undefined => (value ? `"${value}"` : undefined);
const inBrackets = (value: string | undefined): string | undefined => (value ? `(${value})` : undefined);

function location(item: Json): string {
	const place = obj(item.location);
	const latitude = text(place.latitude);
	const longitude = text(place.longitude);
	const where = latitude && longitude ? `${latitude}, ${longitude}` : undefined;
	const map = where ? `https://maps.google.com/?q=${latitude},${longitude}` : undefined;
	return join([`Location: ${join([text(place.name), text(place.address)], ', ') || 'shared'}`, inBrackets(where), text(place.url) ?? map]);
}

function contacts(item: Json): string {
	const cards = list(item.contacts).map((card) => {
		const name = obj(card.name);
		const who = text(name.formattedName) ?? join([text(name.firstName), text(name.lastName)]);
		const phones = list(card.phones).map((phone) => text(phone.phone) ?? (text(phone.waId) ? `+${text(phone.waId)}` : undefined));
		const emails = list(card.emails).map((email) => text(email.email));
		return join([who || 'a contact', join([...phones, ...emails], ', ')], ': ');
	});
	return `Shared contact${cards.length === 1 ? '' : 's'}: ${cards.join('; ') || 'none'}`;
}

function flowAnswers(response: unknown): string | undefined {
	if (typeof response === 'string') return text(response);
	const answers = Object.entries(obj(response)).filter(([key]) => key !== 'flow_token');
	return answers.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join(', ') || undefined;
}

function interactive(item: Json): string {
	const reply = obj(item.interactive);
	const id = text(reply.id);
	switch (reply.type) {
		case 'button_reply':
			return join([`Tapped the button ${quoted(text(reply.title)) ?? ''}`.trim(), inBrackets(id && `button ID ${id}`)]);
		case 'list_reply':
			return join([`Chose ${quoted(text(reply.title)) ?? 'a row'} from a list`, text(reply.description) && `– ${text(reply.description)}`, inBrackets(id && `row ID ${id}`)]);
		case 'nfm_reply':
			return join([`Sent the flow${text(reply.name) ? ` "${text(reply.name)}"` : ''}`, flowAnswers(reply.flowResponse)], ': ');
		default:
			return join([`Replied (${text(reply.type) ?? 'interactive'})`, quoted(text(reply.title)), inBrackets(id && `ID ${id}`)]);
	}
}

function reaction(item: Json): string {
	const value = obj(item.reaction);
	const on = text(value.messageId) ? ` to message ${text(value.messageId)}` : '';
	return value.removed === true || !text(value.emoji) ? `Removed a reaction${on}` : `Reacted ${text(value.emoji)}${on}`;
}

function order(item: Json): string {
	const value = obj(item.order);
	const items = list(value.productItems);
	const currencies = new Set(items.map((product) => text(product.currency)).filter(Boolean));
	const lines = items.map((product) => join([text(product.productRetailerId) ?? 'item', `× ${text(product.quantity) ?? '1'}`, text(product.itemPrice) && `at ${text(product.itemPrice)} ${text(product.currency) ?? ''}`.trim()]));
	const total = items.reduce((sum, product) => sum + (Number(product.itemPrice) || 0) * (Number(product.quantity) || 0), 0);
	const totalText = currencies.size === 1 && total > 0 ? `; total ${Math.round(total * 100) / 100} ${[...currencies][0]}` : '';
	return join([`Order of ${items.length} item${items.length === 1 ? '' : 's'}${text(value.catalogId) ? ` from catalog ${text(value.catalogId)}` : ''}: ${lines.join(', ')}${totalText}`, text(value.text) && `– "${text(value.text)}"`]);
}

function system(item: Json): string {
	const value = obj(item.system);
	const changed = text(value.newWaId) ? `new WhatsApp ID ${text(value.newWaId)}` : text(value.newUserId) ? `new user ID ${text(value.newUserId)}` : undefined;
	return join([`System: ${text(value.body) ?? text(value.type) ?? 'notice'}`, inBrackets(changed)]);
}

function media(item: Json, type: string): string {
	const file = obj(item.media);
	const kind = type === 'audio' && file.voice === true ? 'voice message' : type;
	return text(item.caption) ?? `[${join([kind, text(file.filename)], ': ')}]`;
}

function content(item: Json, type: string): string | undefined {
	switch (type) {
		case 'text':
			return text(item.text);
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker':
			return media(item, type);
		case 'location':
			return location(item);
		case 'contacts':
			return contacts(item);
		case 'interactive':
			return interactive(item);
		case 'button':
			return join([`Tapped the button ${quoted(text(obj(item.button).text)) ?? ''}`.trim(), inBrackets(text(obj(item.button).payload) && `payload ${text(obj(item.button).payload)}`)]);
		case 'reaction':
			return reaction(item);
		case 'order':
			return order(item);
		case 'system':
			return system(item);
		case 'request_welcome':
			return 'Opened the chat for the first time (a welcome message was requested)';
		case 'unsupported':
			return `[a message WhatsApp does not support${text(item.unsupportedType) ? `: ${text(item.unsupportedType)}` : ''}]`;
		default:
			return text(item.text) ?? text(item.caption);
	}
}

/**
 * The words of an inbound trigger message item, with the ad it came from on a second line; undefined
 * when the item says nothing (a type without its object).
 */
export function messageContent(item: Json): string | undefined {
	const type = text(item.type) ?? 'text';
	const said = item.contentMissing === true ? undefined : content(item, type);
	const referral = obj(item.referral);
	const ad = text(referral.headline) ?? text(referral.body) ?? text(referral.sourceUrl);
	const from = ad ? `From the ad ${quoted(ad)}${text(referral.sourceUrl) && text(referral.sourceUrl) !== ad ? ` (${text(referral.sourceUrl)})` : ''}` : undefined;
	return join([said, from], '\n') || undefined;
}
