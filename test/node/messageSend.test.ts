import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

/** A message from the customer: opens the 24 h window and gives a wamid to react to or read. */
const customerSays = async (text: string, from?: string) => await bed.customerWrites({ text, from });

async function inboundState(id: string) {
	const response = await fetch(`${bed.emulator.url}/__emulator/inbound`);
	return ((await response.json()) as { data: Array<{ message: { id: string }; readAt?: number; typingIndicatorAt?: number }> }).data.find((entry) => entry.message.id === id);
}

async function onlySentBody() {
	const sent = await bed.accepted('/messages');
	expect(sent).toHaveLength(1);
	return sent[0].body;
}

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234' };

describe('Message › Send Location', () => {
	test('sends the coordinates as given, with name, address, quote and tracking data (Meta: Location messages)', async () => {
		await customerSays('where are you?');
		const result = await bed.run({
			resource: 'message',
			operation: 'sendLocation',
			to: '16505551234',
			latitude: '={{ $json.lat }}',
			longitude: '-122.16153582049394',
			locationName: 'Philz Coffee',
			address: '101 Forest Ave, Palo Alto, CA 94301',
			messageOptions: { replyToMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQ', bizOpaqueCallbackData: 'store-17' },
		}, [{ json: { lat: 37.44216251868683 } }]);
		expect(await onlySentBody()).toEqual({
			...envelope,
			context: { message_id: 'wamid.HBgLMTY1MDU1NTEyMzQ' },
			biz_opaque_callback_data: 'store-17',
			type: 'location',
			location: { latitude: '37.44216251868683', longitude: '-122.16153582049394', name: 'Philz Coffee', address: '101 Forest Ave, Palo Alto, CA 94301' },
		});
		expect(result.items[0].json).toMatchObject({ type: 'location', waId: '16505551234' });
	});

	test('swapped coordinates (latitude beyond 90) are refused before any request', async () => {
		await expect(bed.run({ resource: 'message', operation: 'sendLocation', to: '16505551234', latitude: '-122.16', longitude: '37.44' })).rejects.toThrow(/latitude.*out of range/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});
});

describe('Message › Send Contacts', () => {
	test('contact cards from the fields become Meta cards without empty keys (Meta: Contacts messages)', async () => {
		await customerSays('who should I call?');
		const result = await bed.run({
			resource: 'message',
			operation: 'sendContacts',
			to: '16505551234',
			contacts: {
				contact: [
					{
						formattedName: 'Barbara J. Johnson',
						firstName: 'Barbara',
						lastName: 'Johnson',
						phones: { phone: [{ phone: '+19175559999', type: 'Mobile', waId: '19175559999' }, { phone: '+19175550000' }] },
						emails: { email: [{ email: 'bjohnson@luckyshrub.com', type: 'Work' }] },
						company: 'Lucky Shrub',
						jobTitle: 'Lead Counsel',
						urls: { url: [{ url: 'https://www.luckyshrub.com', type: 'Company' }] },
						birthday: '1999-01-23',
					},
					{ formattedName: 'Front Desk', phones: { phone: [{ phone: '+16505550100' }] } },
				],
			},
		});
		expect(await onlySentBody()).toEqual({
			...envelope,
			type: 'contacts',
			contacts: [
				{
					name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara', last_name: 'Johnson' },
					phones: [{ phone: '+19175559999', type: 'Mobile', wa_id: '19175559999' }, { phone: '+19175550000' }],
					emails: [{ email: 'bjohnson@luckyshrub.com', type: 'Work' }],
					urls: [{ url: 'https://www.luckyshrub.com', type: 'Company' }],
					org: { company: 'Lucky Shrub', title: 'Lead Counsel' },
					birthday: '1999-01-23',
				},
				{ name: { formatted_name: 'Front Desk' }, phones: [{ phone: '+16505550100' }] },
			],
		});
		expect(result.items[0].json.contactCount).toBe(2);
	});

	test('contacts as JSON pass Meta-shaped cards through, addresses included', async () => {
		const card = {
			name: { formatted_name: 'Lucky Shrub HQ' },
			addresses: [{ street: '1 Lucky Shrub Way', city: 'Menlo Park', state: 'CA', zip: '94025', country: 'United States', country_code: 'US', type: 'Office' }],
		};
		await bed.run({ resource: 'message', operation: 'sendContacts', to: '16505551234', contactsInput: 'json', contactsJson: JSON.stringify([card]) });
		expect((await onlySentBody()) as { contacts: unknown }).toMatchObject({ contacts: [card] });
	});

	test('a card without a full name is refused before any request, naming the field', async () => {
		const result = await bed.run(
			{ resource: 'message', operation: 'sendContacts', to: '16505551234', contacts: { contact: [{ firstName: 'Ann', phones: { phone: [{ phone: '+447700900123' }] } }] } },
			undefined,
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatchObject({ message: expect.stringMatching(/formatted_name/), description: expect.stringMatching(/full display name/) });
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});
});

describe('Message › React', () => {
	test('reacts to a customer message, then removes the reaction with an empty emoji (Meta: Reaction messages)', async () => {
		const message = await customerSays('My order arrived!');
		const reacted = await bed.run({ resource: 'message', operation: 'react', to: '16505551234', messageId: message.id, emoji: '🎉' });
		expect(reacted.items[0].json).toMatchObject({ type: 'reaction', reactedToMessageId: message.id, emoji: '🎉', removed: false });
		const removed = await bed.run({ resource: 'message', operation: 'react', to: '16505551234', messageId: message.id, emoji: '' });
		expect(removed.items[0].json).toMatchObject({ reactedToMessageId: message.id, emoji: '', removed: true });

		const bodies = (await bed.accepted('/messages')).map((request) => request.body);
		expect(bodies).toEqual([
			{ ...envelope, type: 'reaction', reaction: { message_id: message.id, emoji: '🎉' } },
			{ ...envelope, type: 'reaction', reaction: { message_id: message.id, emoji: '' } },
		]);
	});

	test('a word instead of an emoji is refused before any request', async () => {
		await expect(bed.run({ resource: 'message', operation: 'react', to: '16505551234', messageId: 'wamid.X', emoji: ':thumbsup:' })).rejects.toThrow(/not a single emoji/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('React offers no "Reply To Message ID" option, because reactions cannot quote (Meta: Contextual replies)', () => {
		const properties = bed.subject.nodeType.description.properties;
		const reactOptions = properties.find((property) => property.name === 'messageOptions' && property.displayOptions?.show?.operation?.includes('react'));
		const names = (reactOptions?.options ?? []).map((option) => (option as { name: string }).name);
		expect(names).toContain('bizOpaqueCallbackData');
		expect(names).not.toContain('replyToMessageId');
	});
});

describe('Message › Mark as Read', () => {
	test('marks the message read with the typing indicator and reports success (Meta: Mark messages as read)', async () => {
		const message = await customerSays('Is the shop open today?');
		const result = await bed.run({ resource: 'message', operation: 'markAsRead', messageId: '={{ $json.id }}', readOptions: { typingIndicator: true } }, [{ json: { id: message.id } }]);
		expect(result.items[0].json).toEqual({ success: true, messageId: message.id, typingIndicator: true });
		expect(await onlySentBody()).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: message.id, typing_indicator: { type: 'text' } });
		const state = await inboundState(message.id);
		expect(state?.readAt).toBeDefined();
		expect(state?.typingIndicatorAt).toBeDefined();
	});

	test('without the option, no typing indicator is sent', async () => {
		const message = await customerSays('thanks');
		await bed.run({ resource: 'message', operation: 'markAsRead', messageId: message.id });
		expect(await onlySentBody()).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: message.id });
	});

	test("an ID that is not a customer's message comes back as Meta error 131009", async () => {
		const result = await bed.run({ resource: 'message', operation: 'markAsRead', messageId: 'wamid.UNKNOWN' }, undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toMatchObject({ code: 131009 });
		expect(JSON.stringify(result.items[0].json.error)).toMatch(/The message ID is not valid/);
	});
});

describe('Message operations over 360dialog', () => {
	const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

	test('a binary image is uploaded to /media and sent through /messages with the D360 key', async () => {
		await customerSays('send me a photo');
		const result = await bed.run(
			{ authentication: 'dialog360', resource: 'message', operation: 'sendMedia', to: '16505551234', mediaType: 'image', mediaSource: 'binary', caption: 'Fresh today' },
			[{ json: {}, binary: { data: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'today.png' } } }],
		);
		const [upload] = await bed.accepted('/media');
		expect(upload).toMatchObject({ method: 'POST', path: '/media', provider: '360dialog' });
		const [sent] = await bed.accepted('/messages');
		expect(sent).toMatchObject({ path: '/messages', provider: '360dialog' });
		const mediaId = (upload as { responseId?: string }).responseId;
		expect(sent.body).toEqual({ ...envelope, type: 'image', image: { id: mediaId, caption: 'Fresh today' } });
		expect(result.items[0].json).toMatchObject({ mediaId, waId: '16505551234' });
	});

	test('mark as read goes to /messages with the D360 key', async () => {
		const message = await customerSays('hello?');
		const result = await bed.run({ authentication: 'dialog360', resource: 'message', operation: 'markAsRead', messageId: message.id });
		expect(result.items[0].json).toMatchObject({ success: true, messageId: message.id });
		expect(await bed.accepted('/messages')).toEqual([expect.objectContaining({ path: '/messages', provider: '360dialog' })]);
	});
});
