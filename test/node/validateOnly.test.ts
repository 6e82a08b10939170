/**
 * Validate Only, the one option every send operation shares: the send path builds and checks the
 * message, then returns the exact request instead of sending it. Proven per operation against the
 * emulator: nothing is POSTed (its request log), and the returned body is byte for byte the body
 * the same parameters send once the option is off.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { SEED_CATALOG_ID } from '../../emulator';
import { locator, sendTemplateParameters } from '../harness/templateTestKit';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const to = '+16505551234';
const validateOnly = (parameters: INodeParameters): INodeParameters => ({
	...parameters,
	messageOptions: { ...((parameters.messageOptions as object | undefined) ?? {}), validateOnly: true },
});
const posts = async () => (await bed.accepted()).filter((request) => request.method === 'POST');

const SENDS: Array<[string, INodeParameters]> = [
	['Send Text', { resource: 'message', operation: 'sendText', to, text: 'Your parcel left the warehouse' }],
	['Send Media (link)', { resource: 'message', operation: 'sendMedia', to, mediaType: 'image', mediaSource: 'link', mediaLink: 'https://example.com/a.png', caption: 'Hi' }],
	['Send Location', { resource: 'message', operation: 'sendLocation', to, latitude: 37.44, longitude: -122.16, locationName: 'Philz Coffee' }],
	['Send Contacts', { resource: 'message', operation: 'sendContacts', to, contactsInput: 'json', contactsJson: '[{"name": {"formatted_name": "Ann Lee"}, "phones": [{"phone": "+16505551299"}]}]' }],
	['Send Interactive', { resource: 'message', operation: 'sendInteractive', to, interactiveType: 'buttons', bodyText: 'Keep the slot?', buttons: { button: [{ title: 'Yes' }, { title: 'No' }] } }],
	['Send Flow', { resource: 'message', operation: 'sendFlow', to, flow: locator('1189466095612001'), bodyText: 'Book a visit', flowCta: 'Book' }],
	['Send Products', { resource: 'message', operation: 'sendProducts', to, productMessageType: 'product', catalogId: SEED_CATALOG_ID, productRetailerId: 'jade_plant' }],
	['Send Raw Message', { resource: 'message', operation: 'sendRaw', rawBody: '{"messaging_product": "whatsapp", "to": "+16505551234", "type": "text", "text": {"body": "raw"}}' }],
];

describe('Validate Only, on every send operation', () => {
	test.each(SENDS)('%s: nothing is sent, and the returned request is what the send then posts', async (_name, parameters) => {
		const checked = await bed.run(validateOnly(parameters));
		expect(await posts()).toHaveLength(0);
		const json = checked.items[0].json as { validateOnly: boolean; sent: boolean; request: { method: string; endpoint: string; url: string; body: unknown } };
		expect(json).toMatchObject({ validateOnly: true, sent: false, request: { method: 'POST', endpoint: 'messages', url: expect.stringMatching(/\/v24\.0\/\d+\/messages$/) } });
		expect(json).not.toHaveProperty('messageId');
		await bed.run(parameters);
		const [sent] = await bed.accepted('/messages');
		expect(sent.body).toEqual(json.request.body);
	});

	test('React: the reaction is returned, not sent', async () => {
		const { id } = await bed.customerWrites({ text: 'thanks!' });
		const result = await bed.run(validateOnly({ resource: 'message', operation: 'react', to, messageId: id, emoji: '🙏' }));
		expect(await posts()).toHaveLength(0);
		expect(result.items[0].json).toMatchObject({ sent: false, request: { body: { type: 'reaction', reaction: { message_id: id, emoji: '🙏' } } } });
	});

	test('Send Template: the request and the text the customer would read; the template is read, nothing is sent', async () => {
		const values = { header: '860198', body_first_name: 'Ann', body_order_number: '860198', body_order_total: '$42.00', button_1_url: '860198' };
		const result = await bed.run(validateOnly(await sendTemplateParameters(bed, 'order_confirmation|en_US', values)));
		expect(await posts()).toHaveLength(0);
		expect((await bed.accepted('/message_templates')).length).toBeGreaterThan(0);
		expect(result.items[0].json).toMatchObject({
			sent: false,
			route: 'cloudApi',
			request: { endpoint: 'messages', body: { type: 'template', template: { name: 'order_confirmation', language: { code: 'en_US' } } } },
			renderedText: 'Order 860198\n\nHi Ann, thanks for your order 860198. Total: $42.00.\n\nLucky Shrub',
		});
	});

	test('Send Template through the Marketing Messages API: the request names that endpoint', async () => {
		const parameters = await sendTemplateParameters(bed, 'spring_coupon|en_US', { body_1: 'Ann', button_0_coupon_code: 'SPRING25' }, { templateOptions: { sendRoute: 'marketingMessages' } });
		const result = await bed.run(validateOnly(parameters));
		expect(await posts()).toHaveLength(0);
		expect(result.items[0].json).toMatchObject({ route: 'marketingMessages', request: { endpoint: 'marketingMessages', url: expect.stringMatching(/\/marketing_messages$/), body: { product_policy: 'CLOUD_API_FALLBACK' } } });
	});

	test('Send Media from binary data: the file is checked but not uploaded; a wrong file type is still refused', async () => {
		const item = (mimeType: string): INodeExecutionData => ({ json: {}, binary: { data: { data: PNG.toString('base64'), mimeType, fileName: 'plant.png' } } });
		const parameters: INodeParameters = { resource: 'message', operation: 'sendMedia', to, mediaType: 'image', mediaSource: 'binary' };
		const result = await bed.run(validateOnly(parameters), [item('image/png')]);
		expect(await posts()).toHaveLength(0);
		expect(result.items[0].json).toMatchObject({ sent: false, uploaded: { fileName: 'plant.png', mimeType: 'image/png', fileSize: PNG.length }, request: { body: { image: { id: '0' } } } });
		await expect(bed.run(validateOnly(parameters), [item('image/webp')])).rejects.toThrow(/image\/webp/);
	});

	test('Send Text, or Template When Window Closed: the path it would take, without sending', async () => {
		const result = await bed.run(validateOnly({ resource: 'message', operation: 'sendTextOrTemplate', to, lastInboundAt: new Date().toISOString(), text: 'Hi again', template: locator('hello_world|en_US') }));
		expect(await posts()).toHaveLength(0);
		expect(result.items[0].json).toMatchObject({ path: 'text', sent: false, request: { body: { type: 'text', text: { body: 'Hi again' } } } });
	});

	test('invalid input is still refused: Validate Only checks as strictly as a send', async () => {
		await expect(bed.run(validateOnly({ resource: 'message', operation: 'sendText', to: 'call me', text: 'x' }))).rejects.toThrow(/number/i);
		await expect(bed.run(validateOnly({ resource: 'message', operation: 'sendText', to, text: 'x'.repeat(4097) }))).rejects.toThrow(/4096/);
	});
});

describe('Validate Only with Long Text = Split', () => {
	test('returns every part\'s request (requests), in order, and sends nothing; no message IDs are made up', async () => {
		const text = Array.from({ length: 3 }, (_, n) => `Paragraph ${n + 1}. ${Array(100).fill('The order is packed and ready.').join(' ')}`).join('\n\n');
		const parameters = { resource: 'message', operation: 'sendText', to, text: '={{ $json.text }}', longText: 'split' };
		const checked = await bed.run(validateOnly(parameters), [{ json: { text } }]);
		expect(await posts()).toHaveLength(0);
		const json = checked.items[0].json as { request: unknown; requests: Array<{ body: { text: { body: string } } }>; parts: object[] };
		expect(json.requests.length).toBeGreaterThan(1);
		expect(json.requests.map((request) => request.body.text.body).join('\n\n')).toBe(text);
		expect(json.request).toEqual(json.requests[0]);
		expect(json).not.toHaveProperty('messageIds');
		expect(json.parts).toEqual(json.requests.map((_request, index) => ({ part: index + 1, characters: expect.any(Number) })));
		await bed.run(parameters, [{ json: { text } }]);
		expect((await posts()).map((request) => request.body)).toEqual(json.requests.map((request) => request.body));
	});
});
