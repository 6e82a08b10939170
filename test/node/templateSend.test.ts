import type { INodeExecutionData } from 'n8n-workflow';
import { locator, sendTemplateParameters, sentTemplates } from '../harness/templateTestKit';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';
import { orderConfirmationComponents } from '../emulator/template-fixtures';

const bed = useNodeTestBed();

const ORDER_VALUES = { header: '860198', body_first_name: 'Ann', body_order_number: '860198', body_order_total: '$42.00', button_1_url: '860198' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('Message › Send Template', () => {
	test('named template: sends parameter_name values and returns what the customer reads', async () => {
		const result = await bed.run(await sendTemplateParameters(bed, 'order_confirmation|en_US', ORDER_VALUES));
		const [sent] = await sentTemplates(bed);
		expect(sent).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'template',
			template: {
				name: 'order_confirmation',
				language: { code: 'en_US' },
				components: orderConfirmationComponents({ firstName: 'Ann', orderNumber: '860198', total: '$42.00' }),
			},
		});
		const json = result.items[0].json;
		expect(json).toMatchObject({
			waId: '16505551234',
			messageStatus: 'accepted',
			templateName: 'order_confirmation',
			languageCode: 'en_US',
			category: 'UTILITY',
			renderedText: 'Order 860198\n\nHi Ann, thanks for your order 860198. Total: $42.00.\n\nLucky Shrub',
			rendered: {
				header: 'Order 860198',
				body: 'Hi Ann, thanks for your order 860198. Total: $42.00.',
				footer: 'Lucky Shrub',
				buttons: ['Cancel order', 'Track order'],
			},
		});
		expect(String(json.messageId)).toMatch(/^wamid\./);
	});

	test('positional template with an image header link, values from expressions per item', async () => {
		const parameters = await sendTemplateParameters(bed, 'abandoned_cart|en_US', {
			header: 'https://cdn.example.com/cactus.jpg',
			body_1: '={{ $json.name }}',
			body_2: '={{ $json.product }}',
			button_0_url: '={{ $json.cartId }}',
		});
		const result = await bed.run({ ...parameters, to: '={{ $json.phone }}' }, [
			{ json: { phone: '+16505551234', name: 'Ann', product: 'a Golden Barrel cactus', cartId: 'c1' } },
			{ json: { phone: '+16505551235', name: 'Bo', product: 'two aloes', cartId: 'c2' } },
		]);
		const sent = await sentTemplates(bed);
		expect(sent.map((body) => body.to)).toEqual(['+16505551234', '+16505551235']);
		expect(sent[1].template.components).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/cactus.jpg' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'Bo' }, { type: 'text', text: 'two aloes' }] },
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'c2' }] },
			{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'Stop promotions' }] },
		]);
		expect(result.items.map((item) => item.json.renderedText)).toEqual([
			'Hi Ann, you left a Golden Barrel cactus in your cart. Complete your order: ', // the approved body ends with a space
			'Hi Bo, you left two aloes in your cart. Complete your order: ',
		]);
	});

	test('the template definition is read once per execution, not once per item', async () => {
		const parameters = await sendTemplateParameters(bed, 'after_hours_reply|en_US', { body_1: '={{ $json.name }}' });
		await fetch(`${bed.emulator.url}/__emulator/requests`, { method: 'DELETE' });
		const items = Array.from({ length: 5 }, (_, n) => ({ json: { name: `Customer ${n}` } }));
		const result = await bed.run(parameters, items);
		expect(result.items).toHaveLength(5);
		expect(await bed.accepted('/message_templates')).toHaveLength(1);
		expect(await bed.accepted('/messages')).toHaveLength(5);
	});

	test('document header from binary data: uploaded first, then sent by media ID with its file name', async () => {
		const parameters = await sendTemplateParameters(bed, 'shipping_update|es_ES', { body_1: 'Ana', body_2: '860198', body_3: '1Z999AA1' });
		const item: INodeExecutionData = { json: {}, binary: { label: { data: PDF.toString('base64'), mimeType: 'application/pdf', fileName: 'etiqueta.pdf' } } };
		const result = await bed.run({ ...parameters, templateOptions: { headerMediaBinaryProperty: 'label' } }, [item]);
		const [upload] = await bed.accepted('/media');
		expect(upload.method).toBe('POST');
		const mediaId = [...bed.emulator.state.media.keys()][0];
		const [sent] = await sentTemplates(bed);
		expect(sent.template.components?.[0]).toEqual({ type: 'header', parameters: [{ type: 'document', document: { id: mediaId, filename: 'etiqueta.pdf' } }] });
		expect(result.items[0].json.renderedText).toBe('Hola Ana, tu pedido 860198 ha sido enviado. Sigue el envío con el código 1Z999AA1.');
	});

	test('location header, copy-code button and authentication code', async () => {
		await bed.run(await sendTemplateParameters(bed, 'store_location|en_US', { header_latitude: '37.4421', header_longitude: '-122.1615', header_name: 'Lucky Shrub', body_1: '8pm' }));
		await bed.run(await sendTemplateParameters(bed, 'spring_coupon|en_US', { body_1: 'Ann', button_0_coupon_code: 'SPRING25' }));
		const otp = await bed.run(await sendTemplateParameters(bed, 'login_code|en_US', { otp_code: '482913' }));
		const [location, coupon, login] = (await sentTemplates(bed)).map((body) => body.template.components);
		expect(location?.[0]).toEqual({ type: 'header', parameters: [{ type: 'location', location: { latitude: '37.4421', longitude: '-122.1615', name: 'Lucky Shrub' } }] });
		expect(coupon?.[1]).toEqual({ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'SPRING25' }] });
		expect(login).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: '482913' }] },
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '482913' }] },
		]);
		expect(otp.items[0].json).toMatchObject({ category: 'AUTHENTICATION', renderedText: '*482913* is your verification code. For your security, do not share this code.\n\nThis code expires in 10 minutes.' });
	});

	test('Components (JSON) replaces the matching generated component and keeps the others', async () => {
		const parameters = await sendTemplateParameters(bed, 'order_confirmation|en_US', ORDER_VALUES);
		const payload = [{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'CANCEL-860198' }] }];
		await bed.run({ ...parameters, templateOptions: { componentsJson: JSON.stringify(payload) } });
		const [sent] = await sentTemplates(bed);
		expect(sent.template.components).toHaveLength(4);
		expect(sent.template.components?.[2]).toEqual(payload[0]);
	});

	test('a template without variables, by name alone: the only translation is used and no components are sent', async () => {
		const result = await bed.run({ resource: 'message', operation: 'sendTemplate', to: '+16505551234', template: locator('hello_world', 'name') });
		const [sent] = await sentTemplates(bed);
		expect(sent.template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
		expect(result.items[0].json).toMatchObject({ languageCode: 'en_US', rendered: { header: 'Hello World', footer: 'WhatsApp Business Platform sample message', buttons: [] } });
	});

	test('a missing required value is named before anything is sent', async () => {
		const parameters = await sendTemplateParameters(bed, 'order_confirmation|en_US', { ...ORDER_VALUES, body_order_total: '' });
		await expect(bed.run(parameters)).rejects.toThrow(/order_total/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('with 360dialog the same template goes to POST /messages', async () => {
		const parameters = await sendTemplateParameters(bed, 'spring_coupon|en_US', { body_1: 'Ann', button_0_coupon_code: 'SPRING25' }, { authentication: 'dialog360' });
		const result = await bed.run(parameters);
		const [sent] = await bed.accepted('/messages');
		expect(sent.path).toBe('/messages');
		expect(result.items[0].json).toMatchObject({ category: 'MARKETING', renderedText: 'Spring sale\n\nSpring is here, Ann! Use the code below to get 25% off your next order.' });
	});
});

describe('B4: Send Template stops before sending what its own look-up shows WhatsApp would refuse', () => {
	const byName = (template: string) => ({ resource: 'message', operation: 'sendTemplate', to: '+16505551234', template: locator(template, 'name') });

	test('a language the template does not exist in is refused before sending, listing the languages it exists in', async () => {
		const result = await bed.run(byName('shipping_update|de_DE'), undefined, { continueOnFail: true });
		expect(await bed.accepted('/messages')).toHaveLength(0);
		const error = result.items[0].json.error as { message: string; description: string };
		expect(error.message).toBe('The template "shipping_update" has no de_DE translation; it exists in en_US, es_ES.');
		expect(error.description).toMatch(/shipping_update\|en_US/);
	});

	test('a name that does not exist is refused before sending, suggesting the names that do and never a language', async () => {
		const result = await bed.run(byName('={{ $json.template }}'), [{ json: { template: 'Order_Confirmation' } }, { json: { template: 'order_confirmaton|en_US' } }], { continueOnFail: true });
		expect(await bed.accepted('/messages')).toHaveLength(0);
		const [similar, typo] = result.items.map((item) => item.json.error as { message: string; description: string });
		expect(similar.message).toBe('No template named "Order_Confirmation" exists in this WhatsApp Business Account.');
		expect(similar.description).toMatch(/Did you mean "order_confirmation"\?/);
		expect(typo.message).toMatch(/No template named "order_confirmaton"/);
		for (const error of [similar, typo]) expect(error.description).not.toMatch(/\|en_US|\|[a-z]{2}_[A-Z]{2}/);
	});

	test('Minor 9: a typo in the name (a letter missing, two swapped, a space for an underscore) is answered with the nearest names', async () => {
		const typos = ['order_confirmaton', 'order_cofnirmation', 'order confirmation'];
		const result = await bed.run(byName('={{ $json.template }}'), typos.map((template) => ({ json: { template } })), { continueOnFail: true });
		expect(await bed.accepted('/messages')).toHaveLength(0);
		for (const item of result.items) expect((item.json.error as { description: string }).description).toMatch(/^Did you mean "order_confirmation"/);
	});

	test('Minor 9: a name like none of the templates gets the advice to check the list, with no suggestion', async () => {
		const result = await bed.run(byName('zzqx_welcome_back_payload'), undefined, { continueOnFail: true });
		expect((result.items[0].json.error as { description: string }).description).toMatch(/^Check the name in WhatsApp Manager/);
	});

	test('Components (JSON) with more body values than the template has variables is refused before sending (132000)', async () => {
		const parameters = await sendTemplateParameters(bed, 'abandoned_cart|en_US', { header: 'https://cdn.example.com/cactus.jpg', body_1: 'Ann', body_2: 'a cactus', button_0_url: 'c1' });
		const body = [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }, { type: 'text', text: 'a cactus' }, { type: 'text', text: 'extra' }] }];
		const result = await bed.run({ ...parameters, templateOptions: { componentsJson: JSON.stringify(body) } }, undefined, { continueOnFail: true });
		expect(await bed.accepted('/messages')).toHaveLength(0);
		const error = result.items[0].json.error as { message: string; description: string };
		expect(error.message).toMatch(/body of the template "abandoned_cart" \(en_US\) takes 2 parameters \(\{\{1\}\}, \{\{2\}\}\); the components give 3/);
		expect(error.description).toMatch(/field: componentsJson/);
	});

	test('a paused template is refused before sending, naming its status; the other items still go out', async () => {
		const paused = { ...byName('={{ $json.template }}'), templateParameters: { mappingMode: 'defineBelow', value: { body_1: 'Ann' }, matchingColumns: [], schema: [] } };
		const result = await bed.run(paused, [{ json: { template: 'winter_sale|en_US' } }, { json: { template: 'after_hours_reply|en_US' } }], { continueOnFail: true });
		expect((result.items[0].json.error as { message: string }).message).toMatch(/"winter_sale" \(en_US\) is PAUSED; WhatsApp sends only approved templates/);
		expect(result.items[1].json.messageId).toBeDefined();
		expect(await bed.accepted('/messages')).toHaveLength(1);
	});

	test('what WhatsApp still refuses comes back with its code and advice (132001 for a template deleted since the look-up)', async () => {
		await bed.reset({ faults: [{ pathPattern: '/messages$', kind: 'http500', code: 132001, count: 1 }] });
		const result = await bed.run(byName('hello_world'), undefined, { continueOnFail: true });
		const error = result.items[0].json.error as Record<string, unknown>;
		expect(error).toMatchObject({ code: 132001, retryable: false });
		expect(String(error.advice)).toMatch(/approved template/i);
	});
});

describe('B1: a template document header sent by link without a file name', () => {
	test('gets the file name of its link (the shipping label case)', async () => {
		const parameters = await sendTemplateParameters(bed, 'shipping_update|en_US', {
			header: 'https://cdn.example.com/labels/label-860198.pdf',
			body_1: 'Ann',
			body_2: '860198',
			body_3: '1Z999AA1',
		});
		await bed.run(parameters);
		const [sent] = await sentTemplates(bed);
		expect(sent.template.components?.[0]).toEqual({
			type: 'header',
			parameters: [{ type: 'document', document: { link: 'https://cdn.example.com/labels/label-860198.pdf', filename: 'label-860198.pdf' } }],
		});
	});

	test('a link that names no file is named after the type its server reports; with 360dialog too', async () => {
		const link = `${bed.emulator.url}/__emulator/files/labels/860198?type=application/pdf`;
		const parameters = await sendTemplateParameters(bed, 'shipping_update|en_US', { header: link, body_1: 'Ann', body_2: '860198', body_3: '1Z999AA1' }, { authentication: 'dialog360' });
		await bed.run(parameters);
		const [sent] = await sentTemplates(bed);
		expect(sent.template.components?.[0]).toEqual({ type: 'header', parameters: [{ type: 'document', document: { link, filename: 'document.pdf' } }] });
	});

	test('Minor 5: a Google Drive share page as the document header is refused before sending, with its direct download link', async () => {
		const header = 'https://drive.google.com/file/d/1AbCdEf/view?usp=sharing';
		const parameters = await sendTemplateParameters(bed, 'shipping_update|en_US', { header, body_1: 'Ann', body_2: '860198', body_3: '1Z999AA1' });
		const result = await bed.run(parameters, undefined, { continueOnFail: true });
		expect(await sentTemplates(bed)).toHaveLength(0);
		const error = result.items[0].json.error as { message: string; description: string };
		expect(error.message).toMatch(/Google Drive share page, not the file/);
		expect(error.description).toContain('https://drive.google.com/uc?export=download&id=1AbCdEf');
	});
});
