import { locator } from '../harness/templateTestKit';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

const template = (operation: string, parameters: Record<string, unknown> = {}) => ({ resource: 'template', operation, ...parameters });
const stored = () => [...bed.emulator.state.templates.values()];

describe('Template › Get Many', () => {
	test('every template, one item each, filtered on status and category', async () => {
		const all = await bed.run(template('getAll', { returnAll: true }));
		expect(all.items).toHaveLength(stored().length);
		const approvedMarketing = await bed.run(template('getAll', { returnAll: true, filters: { status: ['APPROVED'], category: ['MARKETING'] } }));
		const expected = stored().filter((row) => row.status === 'APPROVED' && row.category === 'MARKETING').map((row) => row.name);
		expect(approvedMarketing.items.map((item) => item.json.name).sort()).toEqual(expected.sort());
	});

	test('limit, language and name filters', async () => {
		expect((await bed.run(template('getAll', { limit: 5 }))).items).toHaveLength(5);
		const spanish = await bed.run(template('getAll', { returnAll: true, filters: { language: ['es_ES'] } }));
		expect(new Set(spanish.items.map((item) => item.json.language))).toEqual(new Set(['es_ES']));
		const shipping = await bed.run(template('getAll', { returnAll: true, filters: { name: 'shipping' } }));
		expect(shipping.items.map((item) => `${item.json.name}|${item.json.language}`)).toEqual(['shipping_update|en_US', 'shipping_update|es_ES']);
	});

	test('360dialog statuses come back in uppercase like Meta', async () => {
		const result = await bed.run(template('getAll', { authentication: 'dialog360', returnAll: true, filters: { status: ['PAUSED'] } }));
		expect(result.items.map((item) => item.json.name).sort()).toEqual(['cactus_club', 'repot_reminder', 'weekend_deals', 'winter_sale']);
		expect(result.items.every((item) => item.json.status === 'PAUSED')).toBe(true);
	});
});

describe('Template › Get', () => {
	test('by list value: the definition plus the variables Send Template asks for', async () => {
		const { items } = await bed.run(template('get', { template: locator('order_confirmation|en_US') }));
		expect(items[0].json).toMatchObject({ name: 'order_confirmation', language: 'en_US', status: 'APPROVED', parameter_format: 'NAMED', parameterCount: 5 });
		expect((items[0].json.variables as Array<{ id: string }>).map((variable) => variable.id)).toEqual([
			'header', 'body_first_name', 'body_order_number', 'body_order_total', 'button_0_payload', 'button_1_url',
		]);
	});

	test('by ID, and an unknown name is reported', async () => {
		const { items } = await bed.run(template('get', { template: locator('1627019861106400', 'id') }));
		expect(items[0].json).toMatchObject({ id: '1627019861106400', name: 'hello_world', category: 'UTILITY' });
		await expect(bed.run(template('get', { template: locator('no_such_template|en_US', 'name') }))).rejects.toThrow(/No template "no_such_template" in en_US/);
	});
});

describe('Template › Create', () => {
	const orderTemplate = {
		name: 'order_shipped',
		language: 'en_US',
		category: 'UTILITY',
		headerFormat: 'TEXT',
		headerText: 'Order {{order_number}}',
		headerExample: '860198',
		bodyText: 'Hi {{first_name}}, order {{order_number}} is on its way.',
		bodyExamples: { example: [{ variable: 'first_name', value: 'Pablo' }, { variable: '{{order_number}}', value: '860198' }] },
		footerText: 'Lucky Shrub',
		buttons: { button: [{ type: 'QUICK_REPLY', text: 'Stop updates' }, { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}', example: '860198' }] },
	};

	test('submits Meta\'s body, is PENDING, then APPROVED after review (visible via Get)', async () => {
		const created = await bed.run(template('create', orderTemplate));
		expect(created.items[0].json).toMatchObject({ status: 'PENDING', category: 'UTILITY', name: 'order_shipped', language: 'en_US' });
		const [request] = await bed.accepted('/message_templates');
		expect(request.body).toEqual({
			name: 'order_shipped',
			language: 'en_US',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{order_number}}', example: { header_text_named_params: [{ param_name: 'order_number', example: '860198' }] } },
				{
					type: 'BODY',
					text: 'Hi {{first_name}}, order {{order_number}} is on its way.',
					example: { body_text_named_params: [{ param_name: 'first_name', example: 'Pablo' }, { param_name: 'order_number', example: '860198' }] },
				},
				{ type: 'FOOTER', text: 'Lucky Shrub' },
				{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop updates' }, { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}', example: ['860198'] }] },
			],
		});
		const get = async () => (await bed.run(template('get', { template: locator(String(created.items[0].json.id), 'id') }))).items[0].json;
		expect((await get()).status).toBe('PENDING');
		await new Promise((resolve) => setTimeout(resolve, 400)); // the emulator's review takes 200 ms
		expect(await get()).toMatchObject({ status: 'APPROVED', name: 'order_shipped' });
	});

	test('authentication templates send only the presets and an OTP button', async () => {
		await bed.run(template('create', { name: 'sign_in_code', language: 'en_US', category: 'AUTHENTICATION', addSecurityRecommendation: true, codeExpirationMinutes: 5 }));
		const [request] = await bed.accepted('/message_templates');
		expect(request.body).toEqual({
			name: 'sign_in_code',
			language: 'en_US',
			category: 'AUTHENTICATION',
			components: [
				{ type: 'BODY', add_security_recommendation: true },
				{ type: 'FOOTER', code_expiration_minutes: 5 },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }] },
			],
		});
	});

	test.each([
		['a name with capitals and spaces', { name: 'Order Shipped' }, /name "Order Shipped" is not valid/],
		['a body over 1024 characters', { bodyText: `Hi {{first_name}}, ${'x'.repeat(1020)} thanks` }, /1024/],
		['a variable without an example', { bodyExamples: { example: [{ variable: 'first_name', value: 'Pablo' }] } }, /\{\{order_number\}\} in the body has no sample value/],
		['a URL button variable without a sample', { buttons: { button: [{ type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}' }] } }, /no sample suffix/],
	])('%s is rejected before any request', async (_case, change, message) => {
		await expect(bed.run(template('create', { ...orderTemplate, ...change }))).rejects.toThrow(message);
		expect(await bed.accepted('/message_templates')).toHaveLength(0);
	});
});

describe('Template › Delete', () => {
	const shipping = () => stored().filter((row) => row.name === 'shipping_update').map((row) => row.language).sort();

	test('by name: every language', async () => {
		const result = await bed.run(template('delete', { template: locator('shipping_update|en_US') }));
		expect(result.items[0].json).toEqual({ success: true, deleted: 'allLanguages', name: 'shipping_update' });
		expect(shipping()).toEqual([]);
		const [request] = await bed.accepted('/message_templates');
		expect(request).toMatchObject({ method: 'DELETE', query: { name: 'shipping_update' } });
	});

	test('one translation, by list value or by ID', async () => {
		await bed.run(template('delete', { template: locator('shipping_update|es_ES'), deleteScope: 'oneTranslation' }));
		expect(shipping()).toEqual(['en_US']);
		const english = stored().find((row) => row.name === 'shipping_update')!;
		const result = await bed.run(template('delete', { template: locator(english.id, 'id') }));
		expect(result.items[0].json).toMatchObject({ deleted: 'oneTranslation', name: 'shipping_update', language: 'en_US', templateId: english.id });
		expect(shipping()).toEqual([]);
	});

	test('360dialog deletes by name, and says it cannot delete one translation', async () => {
		await expect(bed.run(template('delete', { authentication: 'dialog360', template: locator('shipping_update|es_ES'), deleteScope: 'oneTranslation' }))).rejects.toThrow(/by name only/);
		await bed.run(template('delete', { authentication: 'dialog360', template: locator('shipping_update|es_ES') }));
		expect(shipping()).toEqual([]);
		expect((await bed.accepted('/v1/configs/templates/shipping_update'))[0]).toMatchObject({ method: 'DELETE' });
	});

	test('WhatsApp refuses to delete a DISABLED template; the error says why', async () => {
		const result = await bed.run(template('delete', { template: locator('legacy_newsletter|en_US') }), undefined, { continueOnFail: true });
		expect(JSON.stringify(result.items[0].json.error)).toMatch(/DISABLED/);
		expect(stored().some((row) => row.name === 'legacy_newsletter')).toBe(true);
	});
});
