import { SEED } from '../../emulator';
import { listEveryPage, templateFields } from '../harness/templateTestKit';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

const sendTemplate = { resource: 'message', operation: 'sendTemplate' };
const approvedSeed = () => [...bed.emulator.state.templates.values()].filter((template) => template.status === 'APPROVED');

/** More approved templates than fit on one page of 100, created through the real create endpoint. */
async function createApprovedTemplates(count: number) {
	await bed.reset({ templateReview: { delayMs: 0 } });
	for (let n = 0; n < count; n++) {
		const response = await fetch(`${bed.emulator.url}/v24.0/${SEED.wabaId}/message_templates`, {
			method: 'POST',
			headers: { authorization: `Bearer ${SEED.accessToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({ name: `bulk_notice_${n}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: `Notice number ${n} for you.` }] }),
		});
		expect(response.status).toBe(200);
	}
}

describe('Template locator (searchTemplates)', () => {
	test('lists only APPROVED templates, labelled "name (language) · CATEGORY", valued name|language', async () => {
		const { rows } = await listEveryPage(bed, 'searchTemplates', sendTemplate);
		const approved = approvedSeed();
		expect(approved.length).toBeLessThan(bed.emulator.state.templates.size); // the seed has PENDING, REJECTED, PAUSED, DISABLED ones too
		expect(rows.map((row) => row.value).sort()).toEqual(approved.map((template) => `${template.name}|${template.language}`).sort());
		expect(rows).toContainEqual({ name: 'order_confirmation (en_US) · UTILITY', value: 'order_confirmation|en_US' });
		expect(rows).toContainEqual({ name: 'shipping_update (es_ES) · UTILITY', value: 'shipping_update|es_ES' });
		expect(rows.map((row) => row.value)).not.toContain('pending_launch|en_US');
		expect(rows.map((row) => row.value)).not.toContain('winter_sale|en_US');
	});

	test('reaches every page when there are more templates than one page holds', async () => {
		await createApprovedTemplates(110);
		const { rows, calls } = await listEveryPage(bed, 'searchTemplates', sendTemplate);
		expect(rows).toHaveLength(approvedSeed().length);
		expect(rows.length).toBeGreaterThan(120);
		expect(new Set(rows.map((row) => row.value)).size).toBe(rows.length);
		expect(calls).toBeGreaterThan(1);
		const listed = await bed.accepted('/message_templates');
		expect(listed.some((request) => request.query?.after !== undefined)).toBe(true);
	});

	test('the search text filters by name', async () => {
		const { rows } = await listEveryPage(bed, 'searchTemplates', sendTemplate, 'order');
		expect(rows.map((row) => row.value)).toEqual(['order_confirmation|en_US']); // order_feedback is REJECTED
	});

	test('with 360dialog, reads the waba_templates list (lowercase status) over offset pages', async () => {
		await createApprovedTemplates(110);
		const { rows, calls } = await listEveryPage(bed, 'searchTemplates', { ...sendTemplate, authentication: 'dialog360' });
		expect(rows).toHaveLength(approvedSeed().length);
		expect(calls).toBeGreaterThan(1);
		expect(rows).toContainEqual({ name: 'login_code (en_US) · AUTHENTICATION', value: 'login_code|en_US' });
		const listed = await bed.accepted('/v1/configs/templates');
		expect(listed.map((request) => request.query?.offset)).toEqual(['0', '100']);
	});

	test('searchAllTemplates lists every status and shows it', async () => {
		const { rows } = await listEveryPage(bed, 'searchAllTemplates', { resource: 'template', operation: 'get' });
		expect(rows).toHaveLength(bed.emulator.state.templates.size);
		expect(rows).toContainEqual({ name: 'winter_sale (en_US) · MARKETING · PAUSED', value: 'winter_sale|en_US' });
	});
});

const byId = (fields: Awaited<ReturnType<typeof templateFields>>) => Object.fromEntries(fields.map((field) => [field.id, field]));

describe('Template variables (getTemplateFields)', () => {
	test('order_confirmation: named header and body variables and the URL button suffix', async () => {
		const fields = await templateFields(bed, 'order_confirmation|en_US');
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['header', 'Header {{order_number}} (e.g. 860198)', true],
			['body_first_name', 'Body {{first_name}} (e.g. Pablo)', true],
			['body_order_number', 'Body {{order_number}} (e.g. 860198)', true],
			['body_order_total', 'Body {{order_total}} (e.g. $42.00)', true],
			['button_0_payload', 'Button 1 "Cancel order" payload (optional)', false],
			['button_1_url', 'Button 2 URL suffix (https://shop.example.com/orders/{{1}})', true],
		]);
		expect(fields.every((field) => field.type === 'string' && field.display && !field.defaultMatch)).toBe(true);
		expect(byId(fields).button_0_payload.removed).toBe(true);
	});

	test('abandoned_cart: image header and positional body', async () => {
		const fields = byId(await templateFields(bed, 'abandoned_cart|en_US'));
		expect(Object.keys(fields)).toEqual(['header', 'body_1', 'body_2', 'button_0_url', 'button_1_payload']);
		expect(fields.header.displayName).toBe('Header image (media ID or https link)');
		expect(fields.body_2.displayName).toBe('Body {{2}} (e.g. a Golden Barrel cactus)');
		expect(fields.button_0_url.displayName).toBe('Button 1 URL suffix (https://shop.example.com/cart/{{1}})');
	});

	test('shipping_update: document header with optional filename, per language', async () => {
		const fields = byId(await templateFields(bed, 'shipping_update|es_ES'));
		expect(fields.header).toMatchObject({ displayName: 'Header document (media ID or https link)', required: true });
		expect(fields.header_filename).toMatchObject({ displayName: 'Header document filename (optional)', required: false, removed: false });
		expect(Object.keys(fields)).toEqual(['header', 'header_filename', 'body_1', 'body_2', 'body_3']);
	});

	test('store_location: location header parts, latitude and longitude required', async () => {
		const fields = await templateFields(bed, 'store_location|en_US');
		expect(fields.map((field) => [field.id, field.required])).toEqual([
			['header_latitude', true],
			['header_longitude', true],
			['header_name', false],
			['header_address', false],
			['body_1', true],
		]);
	});

	test('spring_coupon: the coupon code of the copy-code button', async () => {
		const fields = byId(await templateFields(bed, 'spring_coupon|en_US'));
		expect(fields.button_0_coupon_code).toMatchObject({ displayName: 'Button 1 coupon code (e.g. SPRING25)', required: true });
	});

	test('login_code: one verification code for an authentication template', async () => {
		const fields = await templateFields(bed, 'login_code|en_US');
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([['otp_code', 'Verification Code', true]]);
	});

	test('hello_world has no variables and says so', async () => {
		const context = await bed.optionsContext({ ...sendTemplate, template: { __rl: true, mode: 'name', value: 'hello_world' } });
		const { getTemplateFields } = await import('../../nodes/WhatsAppBusiness/methods/resourceMapping');
		const result = await getTemplateFields.call(context as never);
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toMatch(/no variables/);
	});

	test('a name in several languages without a language asks which one', async () => {
		await expect(templateFields(bed, 'shipping_update')).rejects.toThrow(/several languages \(en_US, es_ES\)/);
		const fields = await templateFields(bed, 'shipping_update', { templateOptions: { languageCode: 'es_ES' } });
		expect(fields.map((field) => field.id)).toContain('header_filename');
	});

	test('an unknown template is reported, not shown as "no variables"', async () => {
		await expect(templateFields(bed, 'no_such_template|en_US')).rejects.toThrow(/"no_such_template" \(en_US\) was not found/);
	});
});
