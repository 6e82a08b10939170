import { locator, mapperValue, templateFields } from '../harness/templateTestKit';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

/** Message › Send Text, or Template When Window Closed (Meta: Customer service windows). */
const bed = useNodeTestBed();

const customer = '16505551234';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

async function inboundAt(isoTime: string) {
	await bed.customerWrites({ from: customer, timestamp: Math.floor(Date.parse(isoTime) / 1000) });
}

async function smartSendParameters() {
	const schema = await templateFields(bed, 'abandoned_cart|en_US');
	return {
		resource: 'message',
		operation: 'sendTextOrTemplate',
		to: '={{ $json.wa_id }}',
		lastInboundAt: '={{ $json.last_inbound_at }}',
		text: '=Hi {{ $json.name }}, your cart is waiting: {{ $json.cartUrl }}',
		template: locator('abandoned_cart|en_US'),
		templateParameters: mapperValue(schema, {
			header: 'https://shop.example.com/cart.png',
			body_1: '={{ $json.name }}',
			body_2: '={{ $json.items }}',
			button_0_url: '={{ $json.cartId }}',
		}),
	};
}

const cart = (lastInboundAt: string | undefined) => ({
	json: { wa_id: customer, name: 'Ann', items: '2 plants', cartId: 'c-42', cartUrl: 'https://shop.example.com/c-42', last_inbound_at: lastInboundAt },
});

test('inside the 24-hour window it sends free-form text and says so', async () => {
	const lastInbound = hoursAgo(2);
	await inboundAt(lastInbound);
	const result = await bed.run(await smartSendParameters(), [cart(lastInbound)]);
	expect(result.items[0].json).toMatchObject({ path: 'text', type: 'text', window: { status: 'open', isOpen: true } });
	const [sent] = await bed.accepted('/messages');
	expect(sent.body).toMatchObject({ type: 'text', text: { body: 'Hi Ann, your cart is waiting: https://shop.example.com/c-42' } });
});

test('outside the window (25 h ago) it sends the approved template instead', async () => {
	const result = await bed.run(await smartSendParameters(), [cart(hoursAgo(25))]);
	expect(result.items[0].json).toMatchObject({ path: 'template', type: 'template', templateName: 'abandoned_cart', window: { status: 'closed' } });
	const [sent] = await bed.accepted('/messages');
	expect(sent.body).toMatchObject({ type: 'template', template: { name: 'abandoned_cart', language: { code: 'en_US' } } });
});

test('an unknown last inbound time is treated as closed: the template goes out', async () => {
	const result = await bed.run(await smartSendParameters(), [cart(undefined)]);
	expect(result.items[0].json).toMatchObject({ path: 'template', window: { status: 'unknown', isOpen: false } });
});

test('QA2 m16: a last inbound time years in the future (a wrong clock) is unknown, not open: the template goes out', async () => {
	const result = await bed.run(await smartSendParameters(), [cart('2030-01-01T00:00:00Z')]);
	expect(result.items[0].json).toMatchObject({ path: 'template', type: 'template', window: { status: 'unknown', isOpen: false } });
	expect(result.items[0].json.window).toMatchObject({ reason: expect.stringMatching(/in the future/) });
	const [sent] = await bed.accepted('/messages');
	expect(sent.body).toMatchObject({ type: 'template', template: { name: 'abandoned_cart' } });
});

test('a stale "open" time: the text is accepted, then fails later with 131047 and the advice names a template', async () => {
	// our data says 1 h ago, but WhatsApp never saw that message: its window is closed
	const result = await bed.run(await smartSendParameters(), [cart(hoursAgo(1))]);
	expect(result.items[0].json.path).toBe('text');
	const failed = (await (await fetch(`${bed.emulator.url}/__emulator/messages?status=failed`)).json()) as { data: Array<{ errors?: Array<{ code: number }> }> };
	expect(failed.data[0].errors?.[0].code).toBe(131047);
	const { describeMetaError } = await import('../../nodes/shared/whatsapp/errors');
	expect(describeMetaError(131047).advice).toMatch(/template/i);
});

describe('Long Text, as in Send Text', () => {
	const longAnswer = Array.from({ length: 3 }, (_, n) => `Paragraph ${n + 1}. ${Array(100).fill('Your plants are on their way.').join(' ')}`).join('\n\n');
	const longCart = (lastInboundAt: string) => ({ json: { ...cart(lastInboundAt).json, answer: longAnswer } });

	test('inside the window a text over 4096 characters is split into parts sent in order', async () => {
		const lastInbound = hoursAgo(1);
		await inboundAt(lastInbound);
		const result = await bed.run({ ...(await smartSendParameters()), text: '={{ $json.answer }}', longText: 'split' }, [longCart(lastInbound)]);
		const sent = (await bed.accepted('/messages')).map((request) => (request.body as { text: { body: string } }).text.body);
		expect(sent.length).toBeGreaterThan(1);
		expect(sent.join('\n\n')).toBe(longAnswer);
		expect(result.items[0].json).toMatchObject({ path: 'text', messageIds: expect.any(Array) });
		expect(result.items[0].json.messageIds).toHaveLength(sent.length);
	});

	test('without Split the long text fails before anything is sent, naming the option', async () => {
		const lastInbound = hoursAgo(1);
		await inboundAt(lastInbound);
		await expect(bed.run({ ...(await smartSendParameters()), text: '={{ $json.answer }}' }, [longCart(lastInbound)])).rejects.toThrow(/4096/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a 131047 refusal of part 1 fails the item with its advice and sends nothing else (Meta reports 131047 in a status, so no template fallback runs here)', async () => {
		const lastInbound = hoursAgo(1);
		await inboundAt(lastInbound);
		await bed.reset({ faults: [{ pathPattern: '/messages$', kind: 'http500', code: 131047, count: 1 }] });
		const result = await bed.run({ ...(await smartSendParameters()), text: '={{ $json.answer }}', longText: 'split' }, [longCart(lastInbound)], { continueOnFail: true });
		expect((result.items[0].json.error as { message: string }).message).toMatch(/WhatsApp error 131047/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('131047 on a later part, after part 1 went out, fails the item instead of sending the template too', async () => {
		const lastInbound = hoursAgo(1);
		await bed.reset({ faults: [{ pathPattern: '/messages$', kind: 'http500', code: 131047, count: 1, skip: 1 }] });
		await inboundAt(lastInbound);
		const result = await bed.run({ ...(await smartSendParameters()), text: '={{ $json.answer }}', longText: 'split' }, [longCart(lastInbound)], { continueOnFail: true });
		expect((result.items[0].json.error as { message: string }).message).toMatch(/^Part 2 of \d failed: WhatsApp error 131047/);
		expect((await bed.accepted('/messages')).map((request) => (request.body as { type: string }).type)).toEqual(['text']);
	});
});
