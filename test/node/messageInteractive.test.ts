import { SEED } from '../../emulator';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234', type: 'interactive' };
const interactive = { resource: 'message', operation: 'sendInteractive', to: '+1 650 555 1234' };

async function sentInteractive() {
	const sent = await bed.accepted('/messages');
	expect(sent).toHaveLength(1);
	return sent[0].body;
}

const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ title: `Slot ${index + 1}` }));

describe('Message › Send Interactive', () => {
	test('reply buttons with an image header and footer; a button without ID uses its title (Meta: Interactive reply buttons messages)', async () => {
		const result = await bed.run({
			...interactive,
			interactiveType: 'buttons',
			headerType: 'image',
			headerMediaSource: 'link',
			headerLink: 'https://example.com/workshop.png',
			bodyText: 'Your workshop is at 9am tomorrow.',
			footerText: 'Lucky Shrub',
			buttons: { button: [{ title: 'Change', id: 'change-button' }, { title: 'Cancel' }] },
		});
		expect(await sentInteractive()).toEqual({
			...envelope,
			interactive: {
				type: 'button',
				header: { type: 'image', image: { link: 'https://example.com/workshop.png' } },
				body: { text: 'Your workshop is at 9am tomorrow.' },
				footer: { text: 'Lucky Shrub' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'change-button', title: 'Change' } },
						{ type: 'reply', reply: { id: 'Cancel', title: 'Cancel' } },
					],
				},
			},
		});
		expect(result.items[0].json).toMatchObject({ type: 'interactive', interactiveType: 'button', waId: '16505551234' });
	});

	test('four reply buttons are refused before any request, pointing to lists', async () => {
		const buttons = { button: ['A', 'B', 'C', 'D'].map((title) => ({ title })) };
		const result = await bed.run({ ...interactive, interactiveType: 'buttons', bodyText: 'Pick one', buttons }, undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toMatchObject({ message: expect.stringMatching(/4 reply buttons.*1 to 3/), description: expect.stringMatching(/list message/) });
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a list with two titled sections from the fields, with header text and footer (Meta: Interactive list messages)', async () => {
		await bed.run({
			...interactive,
			interactiveType: 'list',
			headerText: 'Choose Shipping Option',
			bodyText: 'Which shipping option do you prefer?',
			footerText: 'Lucky Shrub',
			listButtonLabel: 'Shipping Options',
			sections: {
				section: [
					{ title: 'I want it ASAP!', rows: { row: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] } },
					{ title: 'I can wait a bit', rows: { row: [{ id: 'usps_ground', title: 'USPS Ground Advantage' }, { title: 'Pick up' }] } },
				],
			},
		});
		expect(await sentInteractive()).toEqual({
			...envelope,
			interactive: {
				type: 'list',
				header: { type: 'text', text: 'Choose Shipping Option' },
				body: { text: 'Which shipping option do you prefer?' },
				footer: { text: 'Lucky Shrub' },
				action: {
					button: 'Shipping Options',
					sections: [
						{ title: 'I want it ASAP!', rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] },
						{ title: 'I can wait a bit', rows: [{ id: 'usps_ground', title: 'USPS Ground Advantage' }, { id: 'Pick up', title: 'Pick up' }] },
					],
				},
			},
		});
	});

	test('eleven list rows across sections are refused before any request', async () => {
		const sections = { section: [{ title: 'Morning', rows: { row: rows(6) } }, { title: 'Afternoon', rows: { row: rows(5).map((row) => ({ title: `Late ${row.title}` })) } }] };
		await expect(bed.run({ ...interactive, interactiveType: 'list', bodyText: 'When?', listButtonLabel: 'Times', sections })).rejects.toThrow(/11 rows.*at most 10/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('list sections can come as JSON from an expression (one object per item)', async () => {
		const sections = [{ rows: [{ id: 'sku-1', title: 'Monstera', description: '€24' }, { id: 'sku-2', title: 'Pothos' }] }];
		await bed.run(
			{ ...interactive, interactiveType: 'list', bodyText: 'Our plants', listButtonLabel: 'Browse', sectionsInput: 'json', sectionsJson: '={{ $json.sections }}' },
			[{ json: { sections } }],
		);
		const body = (await sentInteractive()) as { interactive: { action: unknown; header?: unknown } };
		expect(body.interactive.action).toEqual({ button: 'Browse', sections });
		expect(body.interactive).not.toHaveProperty('header');
	});

	test('invalid sections JSON is refused with the expected shape, and nothing is sent', async () => {
		const result = await bed.run(
			{ ...interactive, interactiveType: 'list', bodyText: 'x', listButtonLabel: 'Open', sectionsInput: 'json', sectionsJson: '[{"rows": [ {"title": "A"} ]' },
			undefined,
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatchObject({ message: expect.stringMatching(/not valid JSON/), description: expect.stringMatching(/rows/) });
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a CTA URL button with a text header (Meta: Interactive CTA URL button messages)', async () => {
		await bed.run({
			...interactive,
			interactiveType: 'ctaUrl',
			headerType: 'text',
			headerText: 'Workshops',
			bodyText: 'Tap the button below to see available dates.',
			ctaDisplayText: 'See Dates',
			ctaUrl: 'https://www.luckyshrub.com?clickID=abc',
			footerText: 'Dates subject to change.',
		});
		expect(await sentInteractive()).toEqual({
			...envelope,
			interactive: {
				type: 'cta_url',
				header: { type: 'text', text: 'Workshops' },
				body: { text: 'Tap the button below to see available dates.' },
				footer: { text: 'Dates subject to change.' },
				action: { name: 'cta_url', parameters: { display_text: 'See Dates', url: 'https://www.luckyshrub.com?clickID=abc' } },
			},
		});
	});

	test('a CTA URL button with a document header by media ID', async () => {
		const form = new FormData();
		form.append('messaging_product', 'whatsapp');
		form.append('file', new Blob([Buffer.from('%PDF-1.4 menu')], { type: 'application/pdf' }), 'menu.pdf');
		const upload = await fetch(`${bed.emulator.url}/v24.0/${SEED.phoneNumberId}/media`, { method: 'POST', headers: { authorization: `Bearer ${SEED.accessToken}` }, body: form });
		const { id } = (await upload.json()) as { id: string };
		await fetch(`${bed.emulator.url}/__emulator/requests`, { method: 'DELETE' });

		await bed.run({ ...interactive, interactiveType: 'ctaUrl', headerType: 'document', headerMediaSource: 'id', headerMediaId: id, bodyText: 'Our menu', ctaDisplayText: 'Order', ctaUrl: 'https://example.com/order' });
		const body = (await sentInteractive()) as { interactive: { header: unknown } };
		expect(body.interactive.header).toEqual({ type: 'document', document: { id } });
	});

	test('a location request quoting the customer message (Meta: Location request messages, Contextual replies)', async () => {
		await bed.run({ ...interactive, interactiveType: 'locationRequest', bodyText: 'Share your pickup location.', messageOptions: { replyToMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdBQ0U4' } });
		expect(await sentInteractive()).toEqual({
			...envelope,
			context: { message_id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTdBQ0U4' },
			interactive: { type: 'location_request_message', body: { text: 'Share your pickup location.' }, action: { name: 'send_location' } },
		});
	});
});
