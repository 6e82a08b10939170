import { SEED } from '../../emulator';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

const seededProfile = {
	about: 'Succulent specialists!',
	address: '1 Hacker Way, Menlo Park, CA 94025',
	description: 'At Lucky Shrub, we specialize in succulents, cacti and everything needed to keep them happy.',
	email: 'lucky@luckyshrub.com',
	profilePictureUrl: 'https://pps.whatsapp.net/v/t61.24694-24/emulator-lucky-shrub.jpg',
	vertical: 'RETAIL',
	websites: ['https://www.luckyshrub.com/'],
};

describe('Business Profile › Get', () => {
	test('returns every profile field of the default number when no field is chosen', async () => {
		const result = await bed.run({ resource: 'businessProfile', operation: 'get' });
		expect(result.items[0].json).toEqual({ ...seededProfile, phoneNumberId: SEED.phoneNumberId });
		const [request] = await bed.accepted('/whatsapp_business_profile');
		expect(request.path).toContain(`/${SEED.phoneNumberId}/whatsapp_business_profile`);
	});

	test('asks only for the chosen fields, for the chosen number', async () => {
		const result = await bed.run({
			resource: 'businessProfile',
			operation: 'get',
			phoneNumberId: { __rl: true, mode: 'id', value: SEED.secondPhoneNumberId },
			fields: ['about', 'email'],
		});
		expect(result.items[0].json).toEqual({ about: 'Lucky Shrub customer support', email: 'support@luckyshrub.com', phoneNumberId: SEED.secondPhoneNumberId });
		const [request] = await bed.accepted('/whatsapp_business_profile');
		expect(request.query).toMatchObject({ fields: 'about,email' });
	});
});

describe('Business Profile › Update', () => {
	test('sends only the fields added, then Get shows them changed and the rest kept', async () => {
		const result = await bed.run({
			resource: 'businessProfile',
			operation: 'update',
			updateFields: { about: 'Cacti delivered 🌵', vertical: 'GROCERY', websites: ['https://www.luckyshrub.com', 'https://shop.luckyshrub.com'] },
		});
		expect(result.items[0].json).toEqual({
			success: true,
			updatedFields: ['about', 'vertical', 'websites'],
			about: 'Cacti delivered 🌵',
			vertical: 'GROCERY',
			websites: ['https://www.luckyshrub.com', 'https://shop.luckyshrub.com'],
			phoneNumberId: SEED.phoneNumberId,
		});
		const [request] = await bed.accepted('/whatsapp_business_profile');
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			about: 'Cacti delivered 🌵',
			vertical: 'GROCERY',
			websites: ['https://www.luckyshrub.com', 'https://shop.luckyshrub.com'],
		});
		const after = await bed.run({ resource: 'businessProfile', operation: 'get' });
		expect(after.items[0].json).toMatchObject({ about: 'Cacti delivered 🌵', vertical: 'GROCERY', email: seededProfile.email, address: seededProfile.address });
	});

	test('websites from an expression may be comma-separated text', async () => {
		const result = await bed.run(
			{ resource: 'businessProfile', operation: 'update', updateFields: { websites: '={{ $json.sites }}' } },
			[{ json: { sites: 'https://a.luckyshrub.com, https://b.luckyshrub.com' } }],
		);
		expect(result.items[0].json.websites).toEqual(['https://a.luckyshrub.com', 'https://b.luckyshrub.com']);
	});

	test('a limit violation is refused before any request: About over 139 characters, three websites, a bad email', async () => {
		const result = await bed.run(
			{ resource: 'businessProfile', operation: 'update', updateFields: { about: '={{ $json.about }}', email: '={{ $json.email }}' } },
			[{ json: { about: 'x'.repeat(140), email: 'a@b.co' } }, { json: { about: 'ok', email: 'not an email' } }],
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatchObject({ message: expect.stringMatching(/140 characters.*139/), description: expect.stringMatching(/field: about/) });
		expect(result.items[1].json.error).toMatchObject({ description: expect.stringMatching(/hello@example\.com.*field: email/) });
		await expect(
			bed.run({ resource: 'businessProfile', operation: 'update', updateFields: { websites: ['https://a.com', 'https://b.com', 'https://c.com'] } }),
		).rejects.toMatchObject({ message: expect.stringMatching(/3 websites/) });
		expect(await bed.accepted('/whatsapp_business_profile')).toHaveLength(0);
	});

	test('an update with no field added is refused before any request', async () => {
		await expect(bed.run({ resource: 'businessProfile', operation: 'update' })).rejects.toMatchObject({ message: 'Nothing to update.' });
		expect(await bed.accepted()).toHaveLength(0);
	});
});

describe('Business Profile on 360dialog (docs/360dialog.md: /whatsapp_business_profile, no phone-number ID)', () => {
	test('get and update the number the API key belongs to', async () => {
		const updated = await bed.run({ authentication: 'dialog360', resource: 'businessProfile', operation: 'update', updateFields: { address: '2 Garden Row, Austin, TX' } });
		expect(updated.items[0].json).toEqual({ success: true, updatedFields: ['address'], address: '2 Garden Row, Austin, TX' });
		const read = await bed.run({ authentication: 'dialog360', resource: 'businessProfile', operation: 'get', fields: ['address', 'about'] });
		expect(read.items[0].json).toEqual({ about: seededProfile.about, address: '2 Garden Row, Austin, TX' });
		const paths = (await bed.accepted('/whatsapp_business_profile')).map((request) => request.path);
		expect(paths).toEqual(['/whatsapp_business_profile', '/whatsapp_business_profile']);
	});
});
