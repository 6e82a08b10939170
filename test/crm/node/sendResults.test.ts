/**
 * The WhatsApp CRM node after a WhatsApp Business node's send: a Send Template result is logged with
 * its rendered text and template name, and a failed send says so instead of asking for a trigger.
 * Over HTTP against the HubSpot and Zoho fakes.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { startCrmFake } from '../../../fakes';
import { fakeSuite, hubspotCredential } from '../fakeSetup';

const suite = fakeSuite(async () => await startCrmFake('hubspot', {}), hubspotCredential);
const logMessage = { crm: 'hubspot', resource: 'note', operation: 'logMessage', record: 'sender', owners: [] };
const noteBodies = () => [...suite.fake.state.notes.values()].map((note) => String(note.properties.hs_note_body));

/** A Send Template result as the WhatsApp Business node outputs it (sendTemplate.operation.ts). */
const templateResult = (waId: string): INodeExecutionData => ({
	json: {
		messageId: 'wamid.TEMPLATE1',
		waId,
		to: waId,
		type: 'template',
		phoneNumberId: '106540352242922',
		templateName: 'after_hours_reply',
		languageCode: 'en_GB',
		templateId: '1234',
		category: 'UTILITY',
		renderedText: 'Thanks for writing! We are closed now and will answer at 9:00.',
	},
});

describe('Log Message after a WhatsApp Business send', () => {
	test('a Send Template result is logged with its rendered text and template name, to the number without an empty name', async () => {
		const { items } = await suite.bed.run(logMessage, [templateResult('447700906001')]);
		expect(items[0].json).toMatchObject({ direction: 'outbound', messageId: 'wamid.TEMPLATE1' });
		const [body] = noteBodies();
		expect(body).toContain('Sent on WhatsApp to +447700906001 at');
		expect(body).toContain('Template after_hours_reply: Thanks for writing! We are closed now and will answer at 9:00.');
		expect(body).not.toContain('[template]');
		expect(body).not.toContain('to (');
	});

	test('Sent Text, when mapped, is what a send result is logged with', async () => {
		const sent: INodeExecutionData = { json: { messageId: 'wamid.TEXT1', waId: '447700906002', to: '447700906002', type: 'text' } };
		await suite.bed.run({ ...logMessage, outboundText: 'Your order shipped' }, [sent]);
		expect(noteBodies()[0]).toContain('Your order shipped');
	});

	test('a failed send item says the send failed and nothing was logged, on that item only', async () => {
		const failed: INodeExecutionData = { json: { error: { message: 'Message failed to send because more than 24 hours have passed', description: 'Send a template' } } };
		const { items } = await suite.bed.run(logMessage, [failed, templateResult('447700906003')], { continueOnFail: true });
		const error = items[0].json.error as { message: string; description: string };
		expect(error.message).toBe('The send on this item failed, so nothing was logged: Message failed to send because more than 24 hours have passed');
		expect(error.description).not.toMatch(/WhatsApp Business Trigger/);
		expect(items[1].json).toMatchObject({ direction: 'outbound' });
		expect(noteBodies()).toHaveLength(1);
	});

	test('a failed send item with Person › Fields mapped is refused too: no note says a message was sent, no contact is made', async () => {
		const failed: INodeExecutionData = { json: { error: { message: 'Invalid parameter' }, phone: '447700906004' } };
		const { items } = await suite.bed.run({ ...logMessage, person: 'fields', waId: '={{ $json.phone }}' }, [failed], { continueOnFail: true });
		expect((items[0].json.error as { message: string }).message).toBe('The send on this item failed, so nothing was logged: Invalid parameter');
		expect(noteBodies()).toHaveLength(0);
		expect([...suite.fake.state.contacts.values()].filter((contact) => contact.properties.whatsapp_id === '447700906004')).toHaveLength(0);
	});
});
