/** Webhook payloads in Meta's shapes, taken from the reference (Meta: Messages webhook reference, Webhooks overview) and Meta's OpenAPI examples. */

export const WABA_ID = '102290129340398';
export const PHONE_NUMBER_ID = '106540352242922';
export const DISPLAY_PHONE_NUMBER = '15550783881';
export const USER_WA_ID = '16505551234';

export const METADATA = { display_phone_number: DISPLAY_PHONE_NUMBER, phone_number_id: PHONE_NUMBER_ID };
export const SHEENA = { profile: { name: 'Sheena Nelson' }, wa_id: USER_WA_ID };

type Json = Record<string, unknown>;

/** Meta's Messages webhook reference page: envelope around one `messages` change. */
export function messagesWebhook(value: Json, wabaId = WABA_ID): Json {
	return {
		object: 'whatsapp_business_account',
		entry: [{ id: wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: METADATA, ...value } }] }],
	};
}

/** One inbound message from Sheena (Meta: Messages webhook reference common shape). */
export function inbound(message: Json, contacts: Json[] = [SHEENA]): Json {
	return messagesWebhook({
		contacts,
		messages: [{ from: USER_WA_ID, id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=', timestamp: '1749416383', ...message }],
	});
}

/** Meta's Webhooks overview page: WABA-level change with entry.time and no metadata. */
export function wabaWebhook(field: string, value: unknown, time = 1751247548): Json {
	return { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, time, changes: [{ field, value }] }] };
}

export const TEXT = { type: 'text', text: { body: 'Does it come in another color?' } };

export const IMAGE = {
	type: 'image',
	image: {
		caption: 'Taj Mahal',
		mime_type: 'image/jpeg',
		sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=',
		id: '1003383421387256',
		url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256',
	},
};

export const VIDEO = {
	type: 'video',
	video: { caption: 'Unboxing', mime_type: 'video/mp4', sha256: 'dmlkZW8=', id: '2003383421387256', url: 'https://lookaside.fbsbx.com/v' },
};

export const DOCUMENT = {
	type: 'document',
	document: { caption: 'March invoice', filename: 'invoice.pdf', mime_type: 'application/pdf', sha256: 'ZG9j', id: '3003383421387256', url: 'https://lookaside.fbsbx.com/d' },
};

export const VOICE_NOTE = {
	type: 'audio',
	audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'YXVkaW8=', id: '4003383421387256', url: 'https://lookaside.fbsbx.com/a', voice: true },
};

export const ANIMATED_STICKER = {
	type: 'sticker',
	sticker: { mime_type: 'image/webp', sha256: 'c3RpY2tlcg==', id: '5003383421387256', url: 'https://lookaside.fbsbx.com/s', animated: true },
};

export const LOCATION = {
	type: 'location',
	location: {
		latitude: 40.782910059774,
		longitude: -73.959075808525,
		name: 'Solomon R. Guggenheim Museum',
		address: '1071 5th Ave, New York, NY 10128',
		url: 'https://www.guggenheim.org',
	},
};

export const SHARED_CONTACT = {
	type: 'contacts',
	contacts: [
		{
			name: { first_name: 'Lucía', last_name: 'Gómez', formatted_name: 'Lucía Gómez' },
			org: { company: 'Google' },
			phones: [{ phone: '+1 (983) 555-2319', wa_id: '19835552319', type: 'MOBILE' }],
		},
	],
};

export const REACTION = {
	type: 'reaction',
	reaction: { message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA', emoji: '\ud83d\ude2e' },
};

export const TEMPLATE_QUICK_REPLY = {
	context: { from: DISPLAY_PHONE_NUMBER, id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA' },
	type: 'button',
	button: { payload: 'Unsubscribe', text: 'Unsubscribe' },
};

export const BUTTON_REPLY = {
	context: { from: DISPLAY_PHONE_NUMBER, id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA' },
	type: 'interactive',
	interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } },
};

export const LIST_REPLY = {
	type: 'interactive',
	interactive: {
		type: 'list_reply',
		list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
	},
};

export function flowReply(responseJson: string): Json {
	return {
		context: { from: '16315558151', id: 'wamid.HBgLMTYzMTU1NTgxNTEVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA' },
		type: 'interactive',
		interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: responseJson } },
	};
}

export const ORDER = {
	type: 'order',
	order: {
		catalog_id: '194836987003835',
		text: 'Love these!',
		product_items: [{ product_retailer_id: 'di9ozbzfi4', quantity: 2, item_price: 7.99, currency: 'USD' }],
	},
};

export const USER_CHANGED_NUMBER = {
	from: USER_WA_ID,
	id: 'wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==',
	timestamp: '1739321024',
	type: 'system',
	system: { body: 'User Sheena Nelson changed from 16505551234 to 12195555358', wa_id: '12195555358', type: 'user_changed_number' },
};

export const UNSUPPORTED_EDIT = {
	type: 'unsupported',
	errors: [
		{
			code: 131051,
			title: 'Message type unknown',
			message: 'Message type unknown',
			error_data: { details: 'Message type is currently not supported.' },
		},
	],
	unsupported: { type: 'edit' },
};

export const CTWA_REFERRAL = {
	source_url: 'https://fb.me/3cr4Wqqkv',
	source_id: '120226305854810726',
	source_type: 'ad',
	body: 'Summer Succulents are here!',
	headline: 'Chat with us',
	media_type: 'image',
	image_url: 'https://scontent.xx.fbcdn.net/v/t45.1',
	ctwa_clid: 'Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50',
	welcome_message: { text: 'Hi there! Let us know how we can help!' },
};

/** Meta's Status messages webhook reference page: status with conversation and pricing. */
export const SENT_STATUS = {
	id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3OUFBNjQ5NjU1ODYwRkZBNjEA',
	status: 'sent',
	timestamp: '1750030073',
	recipient_id: USER_WA_ID,
	biz_opaque_callback_data: 'my-tracking-string',
	conversation: { id: '72b14d6bd5407799e66f64d1b338e567', expiration_timestamp: '1750116480', origin: { type: 'marketing' } },
	pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
};

export const FAILED_STATUS = {
	id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4RkFJTEVEMDAwMDAwMDAwMDAA',
	status: 'failed',
	timestamp: '1751142888',
	recipient_id: USER_WA_ID,
	errors: [
		{
			code: 131049,
			title: 'This message was not delivered to maintain healthy ecosystem engagement.',
			message: 'This message was not delivered to maintain healthy ecosystem engagement.',
			error_data: { details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
			href: '/documentation/business-messaging/whatsapp/support/error-codes',
		},
	],
};

export const RATE_LIMIT_ERROR = {
	code: 130429,
	title: 'Rate limit hit',
	message: 'Rate limit hit',
	error_data: {
		details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
	},
	href: '/docs/whatsapp/cloud-api/support/error-codes/',
};
