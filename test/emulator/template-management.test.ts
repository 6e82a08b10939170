import { FIRST_TEMPLATE_ID } from '../../emulator';
import { call, expectMetaError, graph, SEED, useTestEmulator, WABA } from '../harness/emulatorClient';

const emulator = useTestEmulator();
beforeEach(async () => {
	await call(emulator, 'PATCH', '/__emulator/config', { templateReview: { delayMs: 0 } });
});

/** Meta's Templates overview page: example, POSITIONAL. */
const newTemplate = (overrides: Record<string, unknown> = {}) => ({
	name: 'seasonal_promotion',
	language: 'en_US',
	category: 'MARKETING',
	components: [
		{ type: 'HEADER', format: 'TEXT', text: 'Our {{1}} is on!', example: { header_text: ['Summer Sale'] } },
		{ type: 'BODY', text: 'Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.', example: { body_text: [['the end of August', '25OFF', '25%']] } },
		{ type: 'FOOTER', text: 'Use the buttons below to manage your marketing subscriptions' },
		{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' }, { type: 'QUICK_REPLY', text: 'Unsubscribe from All' }] },
	],
	...overrides,
});

describe('GET /{waba-id}/message_templates (Meta: Template management)', () => {
	it('pages with limit and cursors: 39 seeded templates → 25 + 14, next/previous links', async () => {
		const first = await graph(emulator, 'GET', `/${WABA}/message_templates?limit=25`);
		expect(first.json.data).toHaveLength(25);
		expect(first.json.paging).toEqual({ cursors: { before: expect.any(String), after: expect.any(String) }, next: expect.stringContaining('after=') });
		expect(first.json.paging.next).not.toContain('access_token');
		const nextPath = new URL(first.json.paging.next).pathname + new URL(first.json.paging.next).search;
		const second = await call(emulator, 'GET', nextPath);
		expect(second.json.data).toHaveLength(14);
		expect(second.json.paging.next).toBeUndefined();
		expect(second.json.paging.previous).toContain('before=');
		const ids = [...first.json.data, ...second.json.data].map((template: { id: string }) => template.id);
		expect(new Set(ids).size).toBe(39);
		const back = await graph(emulator, 'GET', `/${WABA}/message_templates?limit=25&before=${second.json.paging.cursors.before}`);
		expect(back.json.data.map((template: { id: string }) => template.id)).toEqual(ids.slice(0, 25));
	});

	it('returns Meta\'s template shape by default', async () => {
		const response = await graph(emulator, 'GET', `/${WABA}/message_templates?name=order_confirmation`);
		expect(response.json.data).toEqual([
			expect.objectContaining({ name: 'order_confirmation', language: 'en_US', status: 'APPROVED', category: 'UTILITY', parameter_format: 'NAMED', id: String(FIRST_TEMPLATE_ID + 1), components: expect.arrayContaining([expect.objectContaining({ type: 'BUTTONS' })]) }),
		]);
	});

	it('filters by status (any case), category, language and name, and honours fields', async () => {
		const approved = await graph(emulator, 'GET', `/${WABA}/message_templates?status=approved&limit=100&fields=name,status`);
		expect(approved.json.data.length).toBeGreaterThan(10);
		expect(approved.json.data.every((template: Record<string, unknown>) => template.status === 'APPROVED' && Object.keys(template).sort().join() === 'id,name,status')).toBe(true);
		const paused = await graph(emulator, 'GET', `/${WABA}/message_templates?status=PAUSED,DISABLED&category=MARKETING&limit=100`);
		expect(new Set(paused.json.data.map((template: { status: string }) => template.status))).toEqual(new Set(['PAUSED', 'DISABLED']));
		const spanish = await graph(emulator, 'GET', `/${WABA}/message_templates?language=es_ES&name=shipping`);
		expect(spanish.json.data.map((template: { name: string; language: string }) => `${template.name}/${template.language}`)).toEqual(['shipping_update/es_ES']);
		const counted = await graph(emulator, 'GET', `/${WABA}/message_templates?status=REJECTED&summary=total_count`);
		expect(counted.json.summary).toEqual({ total_count: 5 });
	});

	it('an unknown field → 100; a phone-number ID in place of the WABA ID → 100', async () => {
		expectMetaError(await graph(emulator, 'GET', `/${WABA}/message_templates?fields=name,colour`), 100);
		const wrongId = await graph(emulator, 'GET', `/${SEED.phoneNumberId}/message_templates`);
		expectMetaError(wrongId, 100);
		expect(wrongId.json.error.error_data.details).toContain(SEED.phoneNumberId);
	});

	it('GET /{template-id}?fields=status → {status, id}', async () => {
		const response = await graph(emulator, 'GET', `/${FIRST_TEMPLATE_ID}?fields=status,quality_score`);
		expect(response.json).toEqual({ status: 'APPROVED', quality_score: { score: 'GREEN', date: expect.any(Number) }, id: String(FIRST_TEMPLATE_ID) });
	});
});

describe('POST /{waba-id}/message_templates and review (Meta: Templates overview, Template management)', () => {
	it('with a review delay: PENDING, then APPROVED', async () => {
		// Long enough that a loaded CI machine still reads PENDING first; then poll for the decision.
		await call(emulator, 'PATCH', '/__emulator/config', { templateReview: { delayMs: 1500 } });
		const created = await graph(emulator, 'POST', `/${WABA}/message_templates`, newTemplate());
		expect(created.json).toEqual({ id: expect.stringMatching(/^\d+$/), status: 'PENDING', category: 'MARKETING' });
		expect((await graph(emulator, 'GET', `/${created.json.id}?fields=status`)).json.status).toBe('PENDING');
		let status = 'PENDING';
		for (let attempt = 0; attempt < 100 && status === 'PENDING'; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			status = (await graph(emulator, 'GET', `/${created.json.id}?fields=status`)).json.status;
		}
		expect(status).toBe('APPROVED');
	});

	it('adjacent variables or a forbidden word → REJECTED with INVALID_FORMAT; delay 0 decides at once', async () => {
		const adjacent = newTemplate({ name: 'adjacent_vars', components: [{ type: 'BODY', text: 'Hello {{1}}{{2}} and welcome.', example: { body_text: [['a', 'b']] } }] });
		const forbidden = newTemplate({ name: 'forbidden_words', components: [{ type: 'BODY', text: 'This offer is FORBIDDEN fruit.' }] });
		for (const body of [adjacent, forbidden]) {
			const created = await graph(emulator, 'POST', `/${WABA}/message_templates`, body);
			expect(created.json.status).toBe('REJECTED');
			expect((await graph(emulator, 'GET', `/${created.json.id}?fields=status,rejected_reason`)).json).toMatchObject({ status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' });
		}
	});

	it('an approved created template can be sent; the review emits a templateStatus event', async () => {
		const events: string[] = [];
		const stop = emulator.state.events.on('templateStatus', (event) => events.push(`${event.name}:${event.event}`));
		await graph(emulator, 'POST', `/${WABA}/message_templates`, newTemplate({ parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, welcome!', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] } }] }));
		const sent = await graph(emulator, 'POST', `/${SEED.phoneNumberId}/messages`, {
			messaging_product: 'whatsapp', to: '16505551234', type: 'template',
			template: { name: 'seasonal_promotion', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ana' }] }] },
		});
		await new Promise((resolve) => setImmediate(resolve));
		stop();
		expect(sent.status).toBe(200);
		expect(events).toEqual(['seasonal_promotion:APPROVED']);
	});

	it.each([
		['a name with capitals', { name: 'Seasonal Promotion' }],
		['an unknown category', { category: 'PROMOTIONAL' }],
		['no BODY', { components: [{ type: 'FOOTER', text: 'x' }] }],
		['a body over 1024 characters', { components: [{ type: 'BODY', text: 'x'.repeat(1025) }] }],
		['a variable without examples', { components: [{ type: 'BODY', text: 'Hello {{1}}, welcome.' }] }],
		['a variable at the end of the body', { components: [{ type: 'BODY', text: 'Hello {{1}}', example: { body_text: [['a']] } }] }],
		['positional variables out of sequence', { components: [{ type: 'BODY', text: 'Hi {{2}} there.', example: { body_text: [['a']] } }] }],
		['four URL-or-phone buttons over the limits', { components: [{ type: 'BODY', text: 'Hi.' }, { type: 'BUTTONS', buttons: [1, 2, 3].map((n) => ({ type: 'URL', text: `Link ${n}`, url: 'https://example.com' })) }] }],
		['quick replies split by another button', { components: [{ type: 'BODY', text: 'Hi.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'A' }, { type: 'URL', text: 'B', url: 'https://example.com' }, { type: 'QUICK_REPLY', text: 'C' }] }] }],
		['a footer with a variable', { components: [{ type: 'BODY', text: 'Hi.' }, { type: 'FOOTER', text: 'Bye {{1}}' }] }],
		['a name/language that already exists', { name: 'hello_world' }],
		['a components value of the wrong type (schema)', { components: 'BODY' }],
	])('%s → 100', async (_name, overrides) => {
		expectMetaError(await graph(emulator, 'POST', `/${WABA}/message_templates`, newTemplate(overrides)), 100);
	});
});

describe('edit and delete (Meta: Template management)', () => {
	it('edit replaces the components and sends the template back to review', async () => {
		const id = String(FIRST_TEMPLATE_ID + 8); // after_hours_reply
		const edited = await graph(emulator, 'POST', `/${id}`, { components: [{ type: 'BODY', text: 'We are closed, {{1}}. Back at 9am.', example: { body_text: [['Ana']] } }] });
		expect(edited.json).toEqual({ success: true });
		expect((await graph(emulator, 'GET', `/${id}?fields=status,components`)).json.components[0].text).toBe('We are closed, {{1}}. Back at 9am.');
		expectMetaError(await graph(emulator, 'POST', `/${id}`, { name: 'renamed' }), 100);
		expectMetaError(await graph(emulator, 'POST', `/${FIRST_TEMPLATE_ID}`, { category: 'MARKETING' }), 100);
	});

	it('DELETE ?name= removes every language; ?hsm_id=&name= removes one', async () => {
		const languages = async () => (await graph(emulator, 'GET', `/${WABA}/message_templates?name=shipping_update`)).json.data.map((template: { language: string }) => template.language);
		const spanish = (await graph(emulator, 'GET', `/${WABA}/message_templates?name=shipping_update&language=es_ES`)).json.data[0];
		expect((await graph(emulator, 'DELETE', `/${WABA}/message_templates?hsm_id=${spanish.id}&name=shipping_update`)).json).toEqual({ success: true });
		expect(await languages()).toEqual(['en_US']);
		expect((await graph(emulator, 'DELETE', `/${WABA}/message_templates?name=shipping_update`)).json).toEqual({ success: true });
		expect(await languages()).toEqual([]);
	});

	it('deleting an unknown name or a DISABLED template → 100', async () => {
		expectMetaError(await graph(emulator, 'DELETE', `/${WABA}/message_templates?name=nope`), 100);
		expectMetaError(await graph(emulator, 'DELETE', `/${WABA}/message_templates?name=legacy_newsletter`), 100);
	});
});

describe('360dialog template paths (docs/360dialog.md)', () => {
	const key = { apiKey: SEED.dialog360ApiKey };

	it('lists with the waba_templates wrapper and lowercase status, creates and deletes by name', async () => {
		const list = await call(emulator, 'GET', '/v1/configs/templates?limit=5&offset=0', undefined, key);
		expect(list.json).toMatchObject({ count: 5, total: 39, offset: 0, limit: 5, waba_templates: expect.arrayContaining([expect.objectContaining({ name: 'hello_world', status: 'approved' })]) });
		const created = await call(emulator, 'POST', '/v1/configs/templates', newTemplate({ name: 'via_360dialog' }), key);
		expect(created.json).toMatchObject({ id: expect.any(String), category: 'MARKETING' });
		expect((await call(emulator, 'DELETE', '/v1/configs/templates/via_360dialog', undefined, key)).json).toEqual({ success: true });
		expect((await call(emulator, 'GET', '/v1/configs/templates', undefined, key)).json.total).toBe(39);
	});
});
