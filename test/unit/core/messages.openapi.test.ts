/**
 * Checks the builders against Meta's own OpenAPI description of POST /{Version}/{Phone-Number-ID}/messages
 * (business-messaging-api_v23.0.yaml): every body must match the request schema, and bodies built from the
 * values of Meta's request examples must equal those examples. The schema is corrected by the emulator's errata
 * (emulator/openapi/errata.ts), the one list of places where the published schema rejects Meta's own examples.
 */
import * as build from '../../../nodes/shared/whatsapp/messages';
import type { SendMessageBody } from '../../../nodes/shared/whatsapp/messages';
import { metaOpenApi, type MetaOpenApi } from '../../harness/metaOpenApi';

describe("builders against Meta's OpenAPI schema (POST /messages)", () => {
	let spec: MetaOpenApi;
	beforeAll(() => {
		spec = metaOpenApi();
	});

	function schemaErrors(body: SendMessageBody): unknown[] {
		const validate = spec.messageValidator(body.type);
		return validate(body) ? [] : (validate.errors ?? []);
	}

	const to = '+16505551234';
	const common = { to, replyToMessageId: 'wamid.HBgLMTY1', bizOpaqueCallbackData: 'tracking-1' };
	const bodies: Array<[string, () => SendMessageBody]> = [
		['text', () => build.buildTextMessage({ ...common, body: 'Hello https://example.com', previewUrl: true })],
		['image by id', () => build.buildMediaMessage({ ...common, mediaType: 'image', mediaId: '1479537139650973', caption: 'Hi' })],
		['video by link', () => build.buildMediaMessage({ ...common, mediaType: 'video', link: 'https://example.com/clip.mp4' })],
		['voice note', () => build.buildMediaMessage({ ...common, mediaType: 'audio', mediaId: '1013859600285441', voice: true })],
		['document', () => build.buildMediaMessage({ ...common, mediaType: 'document', link: 'https://example.com/a.pdf', filename: 'a.pdf', caption: 'Invoice' })],
		['sticker', () => build.buildMediaMessage({ ...common, mediaType: 'sticker', mediaId: '798882015472548' })],
		['location', () => build.buildLocationMessage({ ...common, latitude: 37.4421, longitude: '-122.1615', name: 'Philz Coffee', address: '101 Forest Ave' })],
		['contacts', () => build.buildContactsMessage({ ...common, contacts: [{ name: { formatted_name: 'John Smith', first_name: 'John' }, phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' }], emails: [{ email: 'john@example.com', type: 'WORK' }], birthday: '2012-08-18' }] })],
		['reaction', () => build.buildReactionMessage({ to, messageId: 'wamid.HBgL', emoji: '👍' })],
		['reply buttons', () => build.buildReplyButtonsMessage({ ...common, body: 'Pick', footer: 'Shop', header: { type: 'document', mediaId: '55' }, buttons: [{ id: 'a', title: 'A' }, { title: 'B' }, { title: 'C' }] })],
		['list', () => build.buildListMessage({ ...common, body: 'Choose', buttonLabel: 'Options', headerText: 'Menu', footer: 'Shop', sections: [{ title: 'One', rows: [{ id: '1', title: 'First', description: 'd' }] }, { title: 'Two', rows: [{ id: '2', title: 'Second' }] }] })],
		['cta url', () => build.buildCtaUrlMessage({ ...common, body: 'Tap', displayText: 'See Dates', url: 'https://www.luckyshrub.com?clickID=abc', header: { type: 'text', text: 'Dates' } })],
		['location request', () => build.buildLocationRequestMessage({ ...common, body: 'Share your pickup location.' })],
		['template', () => build.buildTemplateMessage({ ...common, templateName: 'order_confirmation', languageCode: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Jessica' }] }] })],
		['flow', () => build.buildFlowMessage({ ...common, flowId: '123456', body: 'Book', cta: 'Book!', headerText: 'Visit', footer: 'Shop', flowToken: 't-1', screen: 'APPOINTMENT', data: { a: 1 }, draft: true })],
		['flow (data_exchange, by name)', () => build.buildFlowMessage({ ...common, flowName: 'lead_signup', body: 'Sign up', cta: 'Go', action: 'data_exchange' })],
		['single product', () => build.buildProductMessage({ ...common, catalogId: '194836987003835', productRetailerId: '2lc20305pt', body: 'Look', footer: 'Shop' })],
		['multi-product', () => build.buildProductListMessage({ ...common, catalogId: '194836987003835', headerText: 'H', body: 'B', sections: [{ title: 'A', productRetailerIds: ['x', 'y'] }, { title: 'B', productRetailerIds: ['z'] }] })],
		['catalog', () => build.buildCatalogMessage({ ...common, body: 'Browse', thumbnailProductRetailerId: '2lc20305pt' })],
		['catalog without thumbnail', () => build.buildCatalogMessage({ ...common, body: 'Browse' })],
	];

	it.each(bodies)('%s body matches the schema', (_name, make) => {
		expect(schemaErrors(make())).toEqual([]);
	});

	it('the repaired schema still rejects bodies Meta rejects (so the check is not vacuous)', () => {
		const text = build.buildTextMessage({ to, body: 'Hi' });
		expect(schemaErrors({ ...text, colour: 'red' } as never)).not.toEqual([]);
		const image = build.buildMediaMessage({ to, mediaType: 'image', mediaId: '1' });
		expect(schemaErrors({ ...image, image: { id: '1', link: 'https://e.com/a.png' } } as never)).not.toEqual([]);
		const buttons = build.buildReplyButtonsMessage({ to, body: 'Hi', buttons: [{ title: 'A' }] });
		const four = Array.from({ length: 4 }, (_, i) => ({ type: 'reply', reply: { id: `${i}`, title: `${i}` } }));
		expect(schemaErrors({ ...buttons, interactive: { ...buttons.interactive, action: { buttons: four } } } as never)).not.toEqual([]);
	});

	describe("bodies built from the values of Meta's request examples equal the examples", () => {
		// Examples use placeholders for `to` and sometimes leave out the optional recipient_type.
		function expectSameAsExample(name: string, body: object): void {
			const example = spec.messageExamples[name];
			expect(example).toBeDefined();
			expect(body).toEqual({ ...example, to, recipient_type: 'individual' });
		}

		it('Send Text Message / Send Reply to Text Message', () => {
			expectSameAsExample('Send Text Message', build.buildTextMessage({ to, body: 'text-message-content', previewUrl: false }));
			expectSameAsExample('Send Reply to Text Message', build.buildTextMessage({ to, body: '<TEXT_MSG_CONTENT>', previewUrl: false, replyToMessageId: '<MSGID_OF_PREV_MSG>' }));
		});

		it('media by ID', () => {
			expectSameAsExample('Send Image Message by ID', build.buildMediaMessage({ to, mediaType: 'image', mediaId: '<IMAGE_OBJECT_ID>' }));
			expectSameAsExample('Send Audio Message by ID', build.buildMediaMessage({ to, mediaType: 'audio', mediaId: '<AUDIO_OBJECT_ID>' }));
			expectSameAsExample('Send Video Message by ID', build.buildMediaMessage({ to, mediaType: 'video', mediaId: '<VIDEO_OBJECT_ID>', caption: '<VIDEO_CAPTION_TEXT>' }));
			expectSameAsExample('Send Sticker Message by ID', build.buildMediaMessage({ to, mediaType: 'sticker', mediaId: '<MEDIA_OBJECT_ID>' }));
			expectSameAsExample('Send Document Message by ID', build.buildMediaMessage({ to, mediaType: 'document', mediaId: '<DOCUMENT_OBJECT_ID>', caption: '<DOCUMENT_CAPTION_TO_SEND>', filename: '<DOCUMENT_FILENAME>' }));
		});

		it('Send Contact Message', () => {
			const contacts = spec.messageExamples['Send Contact Message'].contacts;
			expectSameAsExample('Send Contact Message', build.buildContactsMessage({ to, contacts }));
		});

		it('Send Reply Button', () => {
			const buttons = [1, 2].map((n) => ({ id: `<UNIQUE_BUTTON_ID_${n}>`, title: `<BUTTON_TITLE_${n}>` }));
			expectSameAsExample('Send Reply Button', build.buildReplyButtonsMessage({ to, body: '<BUTTON_TEXT>', buttons }));
		});

		it('Send List Message', () => {
			const sections = [1, 2].map((s) => ({
				title: `<LIST_SECTION_${s}_TITLE>`,
				rows: [1, 2].map((r) => ({ id: `<LIST_SECTION_${s}_ROW_${r}_ID>`, title: `<SECTION_${s}_ROW_${r}_TITLE>`, description: `<SECTION_${s}_ROW_${r}_DESC>` })),
			}));
			const body = build.buildListMessage({ to, body: '<BODY_TEXT>', buttonLabel: '<BUTTON_TEXT>', headerText: '<HEADER_TEXT>', footer: '<FOOTER_TEXT>', sections });
			expectSameAsExample('Send List Message', body);
		});

		it('Send Reply with Reaction Message', () => {
			expectSameAsExample('Send Reply with Reaction Message', build.buildReactionMessage({ to, messageId: 'wamid.HBgLM...', emoji: '😀' }));
		});

		it('Send Test Message (hello_world template)', () => {
			expectSameAsExample('Send Test Message', build.buildTemplateMessage({ to, templateName: 'hello_world', languageCode: 'en_US' }));
		});

		it('Send typing indicator and read receipt', () => {
			const example = spec.messageExamples['Send typing indicator and read receipt'];
			expect(build.buildMarkAsRead({ messageId: example.message_id, typingIndicator: true })).toEqual(example);
		});
	});
});
