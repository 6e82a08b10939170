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

	test('a wrong token (Meta answers: Cannot parse access token) comes back as error 190 titled not valid, and the token is not in the error', async () => {
		const badBed = await startNodeTestBed({}, { accessToken: 'EXPIRED-TOKEN-123' });
		try {
			const result = await badBed.run({ resource: 'message', operation: 'sendText', to: '16505551234', text: 'x' }, undefined, { continueOnFail: true });
			const error = result.items[0].json.error as Record<string, unknown>;
			expect(error).toMatchObject({ code: 190, retryable: false, title: 'Access token is not valid' });
			expect(String(error.advice)).toMatch(/copied incompletely/i);
			expect(JSON.stringify(result.items)).not.toContain('EXPIRED-TOKEN-123');
		} finally {
			await badBed.close();
		}
	});
});

test('Minor 6: a token past its expiry (190, subcode 463) is titled expired, with the advice to generate a new one', async () => {
	await bed.reset({ faults: [{ pathPattern: '/messages$', kind: 'tokenExpired', count: 1 }] });
	const result = await bed.run({ resource: 'message', operation: 'sendText', to: '16505551234', text: 'x' }, undefined, { continueOnFail: true });
	const error = result.items[0].json.error as Record<string, unknown>;
	expect(error).toMatchObject({ code: 190, title: 'Access token has expired', message: 'WhatsApp error 190: Access token has expired' });
	expect(String(error.advice)).toMatch(/generate a new one/);
});

describe('B3: Send Text › Long Text: Split Into Several Messages', () => {
	/** The failing case: an AI agent's answer of 100 paragraphs, over 5,000 characters. */
	const agentAnswer = Array.from({ length: 100 }, (_, index) => `Paragraph ${index + 1}: lorem ipsum lorem ipsum lorem ipsum `).join('\n\n');
	const sendLong = { resource: 'message', operation: 'sendText', to: '15550001234', text: '={{ $json.output }}' };
	const sentBodies = async () => (await bed.accepted('/messages')).map((request) => (request.body as { text: { body: string }; context?: unknown }));

	test('by default a text over 4,096 characters still fails its item, and nothing is sent', async () => {
		await openWindow('15550001234');
		await expect(bed.run(sendLong, [{ json: { output: agentAnswer } }])).rejects.toThrow(/characters long; WhatsApp allows at most 4096/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('the long answer goes out as two messages in order, cut between paragraphs, with every message ID in the output', async () => {
		await openWindow('15550001234');
		const result = await bed.run({ ...sendLong, longText: 'split' }, [{ json: { output: agentAnswer } }]);
		const bodies = await sentBodies();
		expect(bodies).toHaveLength(2);
		expect(bodies.every((body) => [...body.text.body].length <= 4096)).toBe(true);
		expect(bodies[0].text.body.startsWith('Paragraph 1: ')).toBe(true);
		expect(bodies[1].text.body).toMatch(/^Paragraph \d+: .*Paragraph 100: lorem ipsum lorem ipsum lorem ipsum$/s);
		const json = result.items[0].json as { messageId: string; messageIds: string[]; parts: Array<{ part: number; messageId: string; characters: number }> };
		expect(result.items).toHaveLength(1);
		const sent = (await (await fetch(`${bed.emulator.url}/__emulator/messages`)).json()) as { data: Array<{ id: string }> };
		expect(json.messageIds).toEqual(sent.data.map((message) => message.id));
		expect(json.messageId).toBe(json.messageIds[0]);
		expect(json.parts.map((part) => part.part)).toEqual([1, 2]);
		expect(json.parts.map((part) => part.characters)).toEqual(bodies.map((body) => [...body.text.body].length));
	});

	test('a reply quotes the customer\'s message with the first part only', async () => {
		const { id } = await bed.customerWrites({ from: '15550001234', text: 'Tell me everything' });
		await bed.run({ ...sendLong, longText: 'split', messageOptions: { replyToMessageId: id } }, [{ json: { output: agentAnswer } }]);
		const bodies = await sentBodies();
		expect(bodies[0].context).toEqual({ message_id: id });
		expect(bodies[1].context).toBeUndefined();
	});

	test('when part 2 fails, part 1 is not sent again and the error lists what was sent and what is left', async () => {
		await bed.reset({ faults: [{ pathPattern: '/messages$', method: 'POST', kind: 'reset', skip: 1, count: 1 }] });
		await openWindow('15550001234');
		const result = await bed.run({ ...sendLong, longText: 'split' }, [{ json: { output: agentAnswer } }], { continueOnFail: true });
		const bodies = await sentBodies();
		expect(bodies).toHaveLength(1); // the reset one never reached the emulator's handler, and nothing was repeated
		const error = result.items[0].json.error as { message: string; description: string; failedPart: number; parts: number; sentParts: Array<{ part: number; messageId: string }>; unsent: { parts: string[]; text: string } };
		expect(error.message).toMatch(/^Part 2 of 2 failed: Network error/);
		expect(error.failedPart).toBe(2);
		expect(error.sentParts).toEqual([{ part: 1, messageId: expect.stringMatching(/^wamid\./) }]);
		expect(error.description).toContain(`Part 1 was sent (message IDs ${error.sentParts[0].messageId})`);
		expect(error.description).toMatch(/unknown whether this request was carried out/);
		expect(error.unsent.parts).toHaveLength(1);
		expect(agentAnswer.endsWith(error.unsent.text)).toBe(true);
		expect(error.unsent.text.startsWith(error.unsent.parts[0])).toBe(true);
	});

	test('a text that would need more messages than Max Parts is refused before anything is sent', async () => {
		await openWindow('15550001234');
		await expect(bed.run({ ...sendLong, longText: 'split', maxParts: 1 }, [{ json: { output: agentAnswer } }])).rejects.toThrow(/would need 2 messages; Max Parts allows 1/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a short text in split mode is one message, and the output has the same message ID list', async () => {
		await openWindow('15550001234');
		const result = await bed.run({ ...sendLong, longText: 'split' }, [{ json: { output: 'Thanks, on its way!' } }]);
		expect(result.items[0].json).toMatchObject({ messageIds: [result.items[0].json.messageId], parts: [{ part: 1, characters: 19 }] });
	});
});

test('Minor 7: with a version typed in the Base URL and Graph API Version "24.0", the message goes to /v24.0/<phone number ID>/messages', async () => {
	const bed = await startNodeTestBed();
	try {
		bed.subject.credentials.whatsAppCloudApi = { ...bed.subject.credentials.whatsAppCloudApi, baseUrl: `${bed.emulator.url}/v24.0/`, graphApiVersion: '24.0' };
		await bed.customerWrites();
		const result = await bed.run({ resource: 'message', operation: 'sendText', to: '16505551234', text: 'Hello' });
		expect(String(result.items[0].json.messageId)).toMatch(/^wamid\./);
		const [sent] = await bed.accepted('/messages');
		expect(sent.path).toMatch(/^\/v24\.0\/\d+\/messages$/);
	} finally {
		await bed.close();
	}
});
