import { expectMetaError, send, useTestEmulator, upload } from '../harness/emulatorClient';

const emulator = useTestEmulator();

const template = (name: string, components?: unknown[], code = 'en_US') => ({
	type: 'template',
	template: { name, language: { code }, ...(components ? { components } : {}) },
});
const text = (value: string, parameterName?: string) => ({ type: 'text', text: value, ...(parameterName ? { parameter_name: parameterName } : {}) });

/** order_confirmation (NAMED): header {{order_number}}; body first_name, order_number, order_total; URL button 1. */
const orderConfirmation = (overrides: { header?: unknown[]; body?: unknown[]; buttons?: unknown[] } = {}) =>
	template('order_confirmation', [
		{ type: 'header', parameters: overrides.header ?? [text('860198', 'order_number')] },
		{ type: 'body', parameters: overrides.body ?? [text('Pablo', 'first_name'), text('860198', 'order_number'), text('$42.00', 'order_total')] },
		...(overrides.buttons ?? [{ type: 'button', sub_type: 'url', index: '1', parameters: [text('860198')] }]),
	]);

describe('sendable templates (Meta: Template components)', () => {
	it('hello_world outside any window → 200 with message_status "accepted" and status sent', async () => {
		const response = await send(emulator, template('hello_world'));
		expect(response.status).toBe(200);
		expect(response.json.messages).toEqual([{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }]);
		expect(emulator.state.messages.get(response.json.messages[0].id)).toMatchObject({ status: 'sent', templateCategory: 'UTILITY' });
	});

	it('a NAMED template with header, body and URL button parameters', async () => {
		expect((await send(emulator, orderConfirmation())).status).toBe(200);
	});

	it('a POSITIONAL template with an uploaded image header, integer button index and quick-reply payload', async () => {
		const imageId = await upload(emulator, Buffer.from('ffd8ffe000104a464946', 'hex'), 'image/jpeg');
		const response = await send(
			emulator,
			template('abandoned_cart', [
				{ type: 'header', parameters: [{ type: 'image', image: { id: imageId } }] },
				{ type: 'body', parameters: [text('Pablo'), text('a Golden Barrel cactus')] },
				{ type: 'button', sub_type: 'url', index: 0, parameters: [text('abc123')] },
				{ type: 'button', sub_type: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload: 'stop-promos' }] },
			]),
		);
		expect(response.status).toBe(200);
	});

	it('document, location, copy-code and OTP templates', async () => {
		const sends = [
			template('shipping_update', [
				{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://example.com/label.pdf', filename: 'label.pdf' } }] },
				{ type: 'body', parameters: [text('Pablo'), text('860198'), text('1Z999AA1')] },
			], 'es_ES'),
			template('store_location', [
				{ type: 'header', parameters: [{ type: 'location', location: { latitude: '37.44', longitude: '-122.16', name: 'Lucky Shrub', address: '1 Hacker Way' } }] },
				{ type: 'body', parameters: [text('8pm')] },
			]),
			template('spring_coupon', [
				{ type: 'body', parameters: [text('Pablo')] },
				{ type: 'button', sub_type: 'COPY_CODE', index: 0, parameters: [{ type: 'coupon_code', coupon_code: 'SPRING25' }] },
			]),
			template('login_code', [
				{ type: 'body', parameters: [text('J$FpnYnP')] },
				{ type: 'button', sub_type: 'url', index: '0', parameters: [text('J$FpnYnP')] },
			]),
			template('after_hours_reply', [{ type: 'body', parameters: [{ type: 'currency', currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 } }] }]),
		];
		for (const message of sends) expect((await send(emulator, message)).json).toHaveProperty('messages');
	});
});

describe('template send errors', () => {
	it.each([
		['an unknown name', template('no_such_template'), 132001, 404],
		['a language the template lacks', template('hello_world', undefined, 'fr_FR'), 132001, 404],
		['a PENDING template', template('pending_launch', [{ type: 'body', parameters: [text('x')] }]), 132001, 404],
		['a REJECTED template', template('rejected_offer', [{ type: 'body', parameters: [text('x')] }]), 132001, 404],
		['a PAUSED template', template('winter_sale', [{ type: 'body', parameters: [text('x')] }]), 132015, 400],
		['a DISABLED template', template('legacy_newsletter', [{ type: 'body', parameters: [text('x')] }]), 132016, 400],
		['too few body parameters', template('abandoned_cart', [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }] }, { type: 'body', parameters: [text('Pablo')] }, { type: 'button', sub_type: 'url', index: 0, parameters: [text('x')] }]), 132000, 400],
		['parameters for a template without variables', template('hello_world', [{ type: 'body', parameters: [text('extra')] }]), 132000, 400],
		['a missing header parameter', orderConfirmation({ header: [] }), 132000, 400],
		['a named template missing one name', orderConfirmation({ body: [text('Pablo', 'first_name'), text('860198', 'order_number'), text('$42', 'order_sum')] }), 132000, 400],
		['positional values to a NAMED template', orderConfirmation({ body: [text('Pablo'), text('860198'), text('$42.00')] }), 132012, 400],
		['named values to a POSITIONAL template', template('after_hours_reply', [{ type: 'body', parameters: [text('Pablo', 'first_name')] }]), 132012, 400],
		['a video where the header is an IMAGE', template('abandoned_cart', [{ type: 'header', parameters: [{ type: 'video', video: { link: 'https://example.com/a.mp4' } }] }, { type: 'body', parameters: [text('a'), text('b')] }, { type: 'button', sub_type: 'url', index: 0, parameters: [text('x')] }]), 132012, 400],
		['a URL button without its parameter', orderConfirmation({ buttons: [] }), 131008, 400],
		['a copy-code button without its coupon', template('spring_coupon', [{ type: 'body', parameters: [text('Pablo')] }]), 131008, 400],
		['a coupon over 20 characters', template('spring_coupon', [{ type: 'body', parameters: [text('Pablo')] }, { type: 'button', sub_type: 'copy_code', index: 0, parameters: [{ type: 'coupon_code', coupon_code: 'C'.repeat(21) }] }]), 131009, 400],
		['a button index the template lacks', orderConfirmation({ buttons: [{ type: 'button', sub_type: 'url', index: 1, parameters: [text('1')] }, { type: 'button', sub_type: 'url', index: 5, parameters: [text('1')] }] }), 131009, 400],
		['a wrong sub_type for the button', orderConfirmation({ buttons: [{ type: 'button', sub_type: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload: 'x' }] }] }), 131009, 400],
		['a body longer than 1024 once filled in', template('after_hours_reply', [{ type: 'body', parameters: [text('x'.repeat(1000))] }]), 132005, 400],
		['a header image id never uploaded', template('abandoned_cart', [{ type: 'header', parameters: [{ type: 'image', image: { id: '424242' } }] }, { type: 'body', parameters: [text('a'), text('b')] }, { type: 'button', sub_type: 'url', index: 0, parameters: [text('x')] }]), 131053, 400],
		['a language without code (schema)', { type: 'template', template: { name: 'hello_world', language: {} } }, 131008, 400],
	])('%s → code %i (HTTP %i)', async (_name, message, code, httpStatus) => {
		expectMetaError(await send(emulator, message as Record<string, unknown>), code as number, httpStatus as number);
	});

	it('132001 details name the template and the languages it exists in', async () => {
		const response = await send(emulator, template('shipping_update', undefined, 'de_DE'));
		expect(response.json.error.error_data.details).toMatch(/shipping_update.*de_DE.*en_US, es_ES/);
	});
});
