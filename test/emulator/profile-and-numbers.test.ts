import { call, expectMetaError, graph, PHONE, SEED, useTestEmulator, WABA } from '../harness/emulatorClient';

const emulator = useTestEmulator();

describe('business profile (Meta: Business profiles)', () => {
	it('GET ?fields= → {data:[{...flat fields}]}', async () => {
		const response = await graph(emulator, 'GET', `/${PHONE}/whatsapp_business_profile?fields=about,email,websites,vertical`);
		expect(response.json).toEqual({ data: [{ about: 'Succulent specialists!', email: 'lucky@luckyshrub.com', websites: ['https://www.luckyshrub.com/'], vertical: 'RETAIL' }] });
	});

	it('POST changes only the fields sent → {success:true}', async () => {
		const update = await graph(emulator, 'POST', `/${PHONE}/whatsapp_business_profile`, { messaging_product: 'whatsapp', about: 'Cacti too!', websites: ['https://www.luckyshrub.com', 'https://shop.luckyshrub.com'] });
		expect(update.json).toEqual({ success: true });
		const [profile] = (await graph(emulator, 'GET', `/${PHONE}/whatsapp_business_profile`)).json.data;
		expect(profile).toMatchObject({ about: 'Cacti too!', websites: ['https://www.luckyshrub.com', 'https://shop.luckyshrub.com'], email: 'lucky@luckyshrub.com', messaging_product: 'whatsapp' });
	});

	it.each([
		['about over 139 characters', { about: 'a'.repeat(140) }],
		['an empty about', { about: '' }],
		['three websites', { websites: ['https://a.example', 'https://b.example', 'https://c.example'] }],
		['a website without scheme', { websites: ['www.luckyshrub.com'] }],
		['a vertical outside the enum', { vertical: 'SUCCULENTS' }],
		['a malformed email', { email: 'lucky-at-luckyshrub' }],
		['no messaging_product', { messaging_product: undefined, about: 'x' }],
	])('%s → 100', async (_name, fields) => {
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/whatsapp_business_profile`, { messaging_product: 'whatsapp', ...fields }), 100);
	});

	it('360dialog: GET/POST /whatsapp_business_profile for the key\'s number', async () => {
		const key = { apiKey: SEED.dialog360ApiKey };
		await call(emulator, 'POST', '/whatsapp_business_profile', { messaging_product: 'whatsapp', description: 'Via 360dialog' }, key);
		const response = await call(emulator, 'GET', '/whatsapp_business_profile?fields=description', undefined, key);
		expect(response.json).toEqual({ data: [{ description: 'Via 360dialog' }] });
	});
});

describe('phone numbers (Meta: Phone numbers)', () => {
	it('GET /{waba-id}/phone_numbers → data with the default fields and paging', async () => {
		const response = await graph(emulator, 'GET', `/${WABA}/phone_numbers`);
		expect(response.json.data).toEqual([
			{ id: PHONE, display_phone_number: '15550783881', verified_name: 'Lucky Shrub', code_verification_status: 'VERIFIED', quality_rating: 'GREEN', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' } },
			expect.objectContaining({ id: SEED.secondPhoneNumberId }),
		]);
		expect(response.json.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
		const firstPage = await graph(emulator, 'GET', `/${WABA}/phone_numbers?limit=1`);
		expect(firstPage.json.paging.next).toContain('after=');
	});

	it('GET /{phone-number-id}?fields=… (the credential test) returns the requested fields and the id', async () => {
		const fields = 'quality_rating,whatsapp_business_manager_messaging_limit,name_status,throughput,status,verified_name,display_phone_number,code_verification_status,platform_type';
		const response = await graph(emulator, 'GET', `/${PHONE}?fields=${fields}`);
		expect(response.json).toEqual({
			quality_rating: 'GREEN', whatsapp_business_manager_messaging_limit: 'TIER_2K', name_status: 'APPROVED', throughput: { level: 'STANDARD' }, status: 'CONNECTED',
			verified_name: 'Lucky Shrub', display_phone_number: '15550783881', code_verification_status: 'VERIFIED', platform_type: 'CLOUD_API', id: PHONE,
		});
	});

	it('GET /{waba-id} returns the account; an unknown id → 100 naming it', async () => {
		expect((await graph(emulator, 'GET', `/${WABA}?fields=name,message_template_namespace`)).json).toEqual({ name: 'Lucky Shrub', message_template_namespace: SEED.templateNamespace, id: WABA });
		const unknown = await graph(emulator, 'GET', '/999000999000');
		expectMetaError(unknown, 100);
		expect(unknown.json.error.error_data.details).toContain("'999000999000'");
	});
});
