import {
	buildContactsMessage,
	buildLocationMessage,
	buildMediaMessage,
	checkMediaMessage,
	buildReactionMessage,
	buildTextMessage,
	type ContactCard,
} from '../../../nodes/shared/whatsapp/messages';
import { expectValidationError } from '../../harness/expectValidationError';

const to = '+16505551234';
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };

describe('common envelope (Meta: Send messages)', () => {
	it('normalises the recipient to E.164 with a +, so Meta never prepends its own country code', () => {
		const body = buildTextMessage({ to: '1 (650) 555-1234', body: 'Hi' });
		expect(body.to).toBe('+16505551234');
		expect(buildTextMessage({ to: '(650) 555-1234', defaultCountry: 'US', body: 'Hi' }).to).toBe('+16505551234');
	});

	it('turns replyToMessageId into context.message_id and keeps the tracking data (Meta: Contextual replies)', () => {
		const body = buildTextMessage({ to, body: 'Hi', replyToMessageId: 'wamid.HBgL123', bizOpaqueCallbackData: 'order-42' });
		expect(body).toEqual({
			...envelope,
			type: 'text',
			text: { body: 'Hi' },
			context: { message_id: 'wamid.HBgL123' },
			biz_opaque_callback_data: 'order-42',
		});
	});

	it('leaves out empty optional fields', () => {
		const body = buildTextMessage({ to, body: 'Hi', replyToMessageId: '', bizOpaqueCallbackData: '' });
		expect(body).toEqual({ ...envelope, type: 'text', text: { body: 'Hi' } });
	});

	it('rejects tracking data over 512 characters', () => {
		expectValidationError(() => buildTextMessage({ to, body: 'Hi', bizOpaqueCallbackData: 'x'.repeat(513) }), 'bizOpaqueCallbackData', /512 characters or fewer \(it has 513\)/);
	});

	it('rejects a bad recipient before building anything', () => {
		expectValidationError(() => buildTextMessage({ to: 'not a number', body: 'Hi' }), 'to');
	});
});

describe('buildTextMessage (Meta: Text messages)', () => {
	it("builds Meta's documented example", () => {
		expect(buildTextMessage({ to, body: 'Here is the link: https://www.meta.com/quest/quest-3/', previewUrl: true })).toEqual({
			...envelope,
			type: 'text',
			text: { preview_url: true, body: 'Here is the link: https://www.meta.com/quest/quest-3/' },
		});
	});

	it('accepts exactly 4096 characters, counting an emoji as one', () => {
		expect(buildTextMessage({ to, body: '😀'.repeat(4096) }).text.body).toHaveLength(8192);
	});

	it('rejects text over 4096 characters and names the fix', () => {
		const error = expectValidationError(() => buildTextMessage({ to, body: 'a'.repeat(5012) }), 'body');
		expect(error.fix).toBe('Shorten the text to 4096 characters or fewer (it has 5012).');
	});

	it('rejects an empty or blank body', () => {
		expectValidationError(() => buildTextMessage({ to, body: '' }), 'body', /cannot be blank/);
		expectValidationError(() => buildTextMessage({ to, body: '  \n ' }), 'body');
	});
});

describe('buildMediaMessage (Meta: Media messages)', () => {
	it.each([
		[{ mediaType: 'image' as const, mediaId: '1479537139650973', caption: 'The best succulent ever?' }, { image: { id: '1479537139650973', caption: 'The best succulent ever?' } }],
		[{ mediaType: 'video' as const, link: 'https://example.com/clip.mp4', caption: 'A succulent eclipse!' }, { video: { link: 'https://example.com/clip.mp4', caption: 'A succulent eclipse!' } }],
		[{ mediaType: 'audio' as const, mediaId: '1013859600285441', voice: true }, { audio: { id: '1013859600285441', voice: true } }],
		[{ mediaType: 'document' as const, mediaId: '1376223850470843', filename: 'order_abc123.pdf', caption: 'Your order confirmation (PDF)' }, { document: { id: '1376223850470843', filename: 'order_abc123.pdf', caption: 'Your order confirmation (PDF)' } }],
		[{ mediaType: 'sticker' as const, mediaId: '798882015472548' }, { sticker: { id: '798882015472548' } }],
	])("builds Meta's documented %s example", (input, media) => {
		expect(buildMediaMessage({ to, ...input })).toEqual({ ...envelope, type: input.mediaType, ...media });
	});

	it('rejects both a media ID and a link', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'image', mediaId: '1', link: 'https://example.com/a.png' }), 'media', /either the media ID .* or the link/);
	});

	it('rejects neither a media ID nor a link', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'image', mediaId: '', link: ' ' }), 'media', /media ID .* or a public https/);
	});

	it('rejects a link that is not http(s)', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'document', link: 'ftp://example.com/a.pdf' }), 'mediaLink', /https:\/\//);
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'document', link: 'example.com/a.pdf' }), 'mediaLink', /full address/);
	});

	it('rejects a caption over 1024 characters', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'image', mediaId: '1', caption: 'c'.repeat(1025) }), 'caption', /1024 characters or fewer \(it has 1025\)/);
	});

	it('rejects a caption on audio and stickers', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'audio', mediaId: '1', caption: 'Listen' }), 'caption', /only used for images, videos and documents/);
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'sticker', mediaId: '1', caption: 'Ha' }), 'caption');
	});

	it('rejects a filename on anything but a document, and voice on anything but audio', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'image', mediaId: '1', filename: 'a.png' }), 'filename', /only used for documents/);
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'video', mediaId: '1', voice: true }), 'voice', /only used for audio/);
	});

	it('rejects an unknown media type', () => {
		expectValidationError(() => buildMediaMessage({ to, mediaType: 'gif' as never, mediaId: '1' }), 'mediaType', /image, video, audio, document, sticker/);
	});

	it('checkMediaMessage judges everything but the file before an upload: the same refusals, no media ID needed', () => {
		expect(() => checkMediaMessage({ to, mediaType: 'document', caption: 'Invoice', filename: 'a.pdf', replyToMessageId: 'wamid.X' })).not.toThrow();
		expectValidationError(() => checkMediaMessage({ to, mediaType: 'audio', caption: 'Listen' }), 'caption', /only used for images, videos and documents/);
		expectValidationError(() => checkMediaMessage({ to, mediaType: 'image', filename: 'a.png' }), 'filename', /only used for documents/);
		expectValidationError(() => checkMediaMessage({ to, mediaType: 'gif' as never }), 'mediaType', /image, video, audio, document, sticker/);
		expectValidationError(() => checkMediaMessage({ to: '', mediaType: 'image' }), 'to');
	});
});

describe('buildLocationMessage (Meta: Location messages)', () => {
	const reference = { latitude: '37.44216251868683', longitude: '-122.16153582049394', name: 'Philz Coffee', address: '101 Forest Ave, Palo Alto, CA 94301' };

	it("builds Meta's documented example from numeric strings, keeping every digit", () => {
		expect(buildLocationMessage({ to, ...reference })).toEqual({ ...envelope, type: 'location', location: reference });
	});

	it('accepts numbers and sends them as strings', () => {
		expect(buildLocationMessage({ to, latitude: 37.758056, longitude: -122.425332 }).location).toEqual({ latitude: '37.758056', longitude: '-122.425332' });
	});

	it('rejects coordinates out of range or not numeric', () => {
		expectValidationError(() => buildLocationMessage({ to, latitude: 91, longitude: 0 }), 'latitude', /between -90 and 90/);
		expectValidationError(() => buildLocationMessage({ to, latitude: 0, longitude: '-180.5' }), 'longitude', /between -180 and 180/);
		expectValidationError(() => buildLocationMessage({ to, latitude: '37,44', longitude: 0 }), 'latitude', /dot, not a comma/);
		expectValidationError(() => buildLocationMessage({ to, latitude: '', longitude: 0 }), 'latitude');
		expectValidationError(() => buildLocationMessage({ to, latitude: Number.NaN, longitude: 0 }), 'latitude');
	});
});

describe('buildContactsMessage (Meta: Contacts messages)', () => {
	const barbara: ContactCard = {
		addresses: [{ street: '1 Lucky Shrub Way', city: 'Menlo Park', state: 'CA', zip: '94025', country: 'United States', country_code: 'US', type: 'Office' }],
		birthday: '1999-01-23',
		emails: [{ email: 'bjohnson@luckyshrub.com', type: 'Work' }],
		name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara', last_name: 'Johnson', middle_name: 'Joana', suffix: 'Esq.', prefix: 'Dr.' },
		org: { company: 'Lucky Shrub', department: 'Legal', title: 'Lead Counsel' },
		phones: [{ phone: '+19175559999', type: 'Mobile', wa_id: '19175559999' }],
		urls: [{ url: 'https://www.luckyshrub.com', type: 'Company' }],
	};

	it("builds Meta's documented example", () => {
		expect(buildContactsMessage({ to, contacts: [barbara] })).toEqual({ ...envelope, type: 'contacts', contacts: [barbara] });
	});

	it('needs only name.formatted_name', () => {
		expect(buildContactsMessage({ to, contacts: [{ name: { formatted_name: 'Ana' } }] }).contacts).toEqual([{ name: { formatted_name: 'Ana' } }]);
	});

	it('drops fields Meta does not know', () => {
		const card = { name: { formatted_name: 'Ana' }, nickname: 'A' } as ContactCard;
		expect(buildContactsMessage({ to, contacts: [card] }).contacts).toEqual([{ name: { formatted_name: 'Ana' } }]);
	});

	it('accepts 257 contacts and rejects 258', () => {
		const card: ContactCard = { name: { formatted_name: 'Ana' } };
		expect(buildContactsMessage({ to, contacts: Array(257).fill(card) }).contacts).toHaveLength(257);
		expectValidationError(() => buildContactsMessage({ to, contacts: Array(258).fill(card) }), 'contacts', /257 or fewer/);
	});

	it('rejects an empty list, a missing name, a bad birthday and blank phones', () => {
		expectValidationError(() => buildContactsMessage({ to, contacts: [] }), 'contacts', /at least one contact/);
		expectValidationError(() => buildContactsMessage({ to, contacts: [{ name: { formatted_name: ' ' } }] }), 'contacts[0].name.formatted_name', /full display name/);
		expectValidationError(() => buildContactsMessage({ to, contacts: [{ name: { formatted_name: 'A' }, birthday: '1999-02-30' }] }), 'contacts[0].birthday', /YYYY-MM-DD/);
		expectValidationError(() => buildContactsMessage({ to, contacts: [{ name: { formatted_name: 'A' }, phones: [{ phone: '' }] }] }), 'contacts[0].phones[0].phone');
	});
});

describe('buildReactionMessage (Meta: Reaction messages)', () => {
	it("builds Meta's documented example", () => {
		expect(buildReactionMessage({ to, messageId: 'wamid.HBgL...', emoji: '\uD83D\uDE00' })).toEqual({
			...envelope,
			type: 'reaction',
			reaction: { message_id: 'wamid.HBgL...', emoji: '😀' },
		});
	});

	it('sends an empty emoji to remove a reaction', () => {
		expect(buildReactionMessage({ to, messageId: 'wamid.X', emoji: '' }).reaction.emoji).toBe('');
	});

	it('accepts flags, keycaps and ZWJ sequences', () => {
		for (const emoji of ['🇧🇷', '1️⃣', '👩‍👩‍👧‍👦', '👍🏽']) {
			expect(buildReactionMessage({ to, messageId: 'wamid.X', emoji }).reaction.emoji).toBe(emoji);
		}
	});

	it('rejects text instead of an emoji, a missing message ID, and a reply context', () => {
		expectValidationError(() => buildReactionMessage({ to, messageId: 'wamid.X', emoji: ':thumbsup:' }), 'emoji', /one emoji/);
		expectValidationError(() => buildReactionMessage({ to, messageId: '', emoji: '👍' }), 'messageId', /wamid/);
		const withReply = { to, messageId: 'wamid.X', emoji: '👍', replyToMessageId: 'wamid.Y' };
		expectValidationError(() => buildReactionMessage(withReply), 'replyToMessageId', /Clear/);
	});

	it('never carries a context', () => {
		expect(buildReactionMessage({ to, messageId: 'wamid.X', emoji: '👍' })).not.toHaveProperty('context');
	});
});
