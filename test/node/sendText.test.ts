import { startNodeTestBed, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed();

const openWindow = async (from: string) => await bed.customerWrites({ from });

describe('Message › Send Text', () => {
	test('sends the text from each item and returns wamid and wa_id per item', async () => {
		await openWindow('16505551234');
		const result = await bed.run(
			{ resource: 'message', operation: 'sendText', to: '={{ $json.phone }}', text: '=Hello {{ $json.name }}', previewUrl: true },
			[{ json: { phone: '+1 650-555-1234', name: 'Ann' } }],
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ waId: '16505551234', to: '+16505551234', type: 'text' });
		expect(String(result.items[0].json.messageId)).toMatch(/^wamid\./);
		const [sent] = await bed.accepted('/messages');
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'text',
			text: { body: 'Hello Ann', preview_url: true },
		});
	});

	test('an invalid phone number is rejected before any request is made', async () => {
		await expect(bed.run({ resource: 'message', operation: 'sendText', to: 'call me', text: 'x' })).rejects.toThrow(/number/i);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item carries its error and the good ones are sent', async () => {
		await openWindow('16505551234');
		const result = await bed.run(
			{ resource: 'message', operation: 'sendText', to: '={{ $json.phone }}', text: 'Your parcel left the warehouse' },
			[{ json: { phone: '16505551234' } }, { json: { phone: '12' } }, { json: { phone: '+16505551234' } }],
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.messageId).toBeDefined();
		expect(result.items[1].json.error).toMatchObject({ message: expect.stringMatching(/digits|short/i) });
		expect(result.items[2].json.messageId).toBeDefined();
		expect(await bed.accepted('/messages')).toHaveLength(2);
	});

	test('an expired token comes back as Meta error 190 with advice, and the token is not in the error', async () => {
		const badBed = await startNodeTestBed({}, { accessToken: 'EXPIRED-TOKEN-123' });
		try {
			const result = await badBed.run({ resource: 'message', operation: 'sendText', to: '16505551234', text: 'x' }, undefined, { continueOnFail: true });
			const error = result.items[0].json.error as Record<string, unknown>;
			expect(error).toMatchObject({ code: 190, retryable: false });
			expect(String(error.advice)).toMatch(/token/i);
			expect(JSON.stringify(result.items)).not.toContain('EXPIRED-TOKEN-123');
		} finally {
			await badBed.close();
		}
	});
});
