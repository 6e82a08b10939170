/** Send Raw Message: a hand-written body, sent unchanged through the same send path as every send (Meta: Send messages). */
import type { INodeParameters } from 'n8n-workflow';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const raw = (rawBody: string | INodeParameters) => ({ resource: 'message', operation: 'sendRaw', rawBody });

describe('Message › Send Raw Message', () => {
	test('the JSON body is sent exactly as written, and the output is the one of every send', async () => {
		const body = {
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'interactive',
			interactive: { type: 'location_request_message', body: { text: 'Where should we deliver?' }, action: { name: 'send_location' } },
			biz_opaque_callback_data: 'order-42',
		};
		const result = await bed.run(raw(JSON.stringify(body)));
		const [sent] = await bed.accepted('/messages');
		expect(sent.body).toEqual(body);
		expect(result.items[0].json).toEqual({
			messageId: expect.stringMatching(/^wamid\./),
			waId: CUSTOMER_WA_ID,
			to: '+16505551234',
			type: 'interactive',
			phoneNumberId: expect.any(String),
		});
	});

	test('an expression returning an object is sent too', async () => {
		await bed.run(raw('={{ { messaging_product: "whatsapp", to: $json.phone, type: "text", text: { body: "Hi " + $json.name } } }}'), [{ json: { phone: '+16505551234', name: 'Ann' } }]);
		expect((await bed.accepted('/messages'))[0].body).toEqual({ messaging_product: 'whatsapp', to: '+16505551234', type: 'text', text: { body: 'Hi Ann' } });
	});

	test('invalid JSON or a body without its type object is refused on that item, before any request', async () => {
		const result = await bed.run(raw('={{ $json.body }}'), [{ json: { body: '{"messaging_product": "whatsapp", "to": "+16505551234", "type": "text"}' } }, { json: { body: '{oops' } }], { continueOnFail: true });
		expect(result.items.map((item) => (item.json.error as { message: string }).message)).toEqual([
			'The message body has "type": "text" but no "text" object.',
			expect.stringMatching(/^The message body is not valid JSON/),
		]);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test("WhatsApp's refusal comes back with the same mapped error as the other sends", async () => {
		const template = { name: 'no_such_template', language: { code: 'en_US' } };
		const result = await bed.run(raw({ messaging_product: 'whatsapp', to: '+16505551234', type: 'template', template }), undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toMatchObject({ code: 132001, title: 'Template does not exist', retryable: false, advice: expect.stringMatching(/approved template/) });
	});
});
