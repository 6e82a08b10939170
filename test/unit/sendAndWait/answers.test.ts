import { answeredItem, answerReply, replyCandidate, type ResumeRequestBody } from '../../../nodes/shared/whatsapp/sendAndWait';
import { normaliseWebhook, type MessageEvent } from '../../../nodes/shared/whatsapp/webhook';

const TOKEN = 'w1.77.Ab3_d-9Z.a.t6j5ns.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** One inbound message as Meta's Messages webhook reference page shapes it, normalised like the Trigger does. */
function inbound(message: Record<string, unknown>): MessageEvent {
	const body = {
		object: 'whatsapp_business_account',
		entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
			messaging_product: 'whatsapp',
			metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
			contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
			messages: [{ from: '16505551234', id: 'wamid.ANSWER', timestamp: '1749416383', ...message }],
		} }] }],
	};
	return normaliseWebhook(body)[0] as MessageEvent;
}

describe('which messages answer a Send and Wait request', () => {
	test('a reply button, a list row and a template quick reply carrying a token; a text', () => {
		expect(replyCandidate(inbound({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: TOKEN, title: 'Approve' } } }))).toEqual({ kind: 'token', token: TOKEN, via: 'replyButton' });
		expect(replyCandidate(inbound({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: TOKEN, title: 'Red' } } }))).toEqual({ kind: 'token', token: TOKEN, via: 'listRow' });
		expect(replyCandidate(inbound({ type: 'button', button: { payload: TOKEN, text: 'Approve' } }))).toEqual({ kind: 'token', token: TOKEN, via: 'templateButton' });
		expect(replyCandidate(inbound({ type: 'text', text: { body: 'Ship it on Monday' } }))).toEqual({ kind: 'text', text: 'Ship it on Monday' });
	});

	test('buttons of other messages, media and reactions answer nothing', () => {
		expect(replyCandidate(inbound({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } } }))).toBeUndefined();
		expect(replyCandidate(inbound({ type: 'button', button: { payload: 'Stop promotions', text: 'Stop promotions' } }))).toBeUndefined();
		expect(replyCandidate(inbound({ type: 'image', image: { id: '1', mime_type: 'image/jpeg' } }))).toBeUndefined();
		expect(replyCandidate(inbound({ type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }))).toBeUndefined();
	});

	test('the reply says who answered, how, and which message it answered', () => {
		const event = inbound({ type: 'text', text: { body: 'Yes please' }, context: { from: '15550783881', id: 'wamid.REQUEST' } });
		expect(answerReply(event, 'text')).toEqual({
			messageId: 'wamid.ANSWER',
			from: { waId: '16505551234', profileName: 'Sheena Nelson' },
			via: 'text',
			repliedToMessageId: 'wamid.REQUEST',
			phoneNumberId: '106540352242922',
			receivedAt: '2025-06-08T20:59:43.000Z',
			text: 'Yes please',
		});
	});
});

describe("the waiting node's output follows n8n's send-and-wait nodes", () => {
	const reply = { messageId: 'wamid.ANSWER', from: { waId: '16505551234' }, via: 'replyButton' as const, text: '✓ Approve' };
	const body = (answer: string, text?: string): ResumeRequestBody => ({ requestId: 'Ab3_d-9Z', answer, reply: { ...reply, ...(text !== undefined ? { text } : {}) } });
	const at = '2026-11-30T10:00:00.000Z';

	test('approval: data.approved true or false', () => {
		expect(answeredItem('approval', body('a'), [], at)).toEqual({ data: { approved: true, respondedAt: at }, reply });
		expect(answeredItem('approval', body('d'), [], at)?.data).toEqual({ approved: false, respondedAt: at });
	});

	test('free text: data.text', () => {
		expect(answeredItem('freeText', body('t', 'Ship it on Monday'), [], at)?.data).toEqual({ text: 'Ship it on Monday', respondedAt: at });
	});

	test('choice: data.choice is the value (else the label), with the label and its index', () => {
		const choices = [{ label: 'Red' }, { label: 'Green', value: 'green-42' }];
		expect(answeredItem('choice', body('1'), choices, at)?.data).toEqual({ choice: 'green-42', label: 'Green', index: 1, respondedAt: at });
		expect(answeredItem('choice', body('0'), choices, at)?.data).toEqual({ choice: 'Red', label: 'Red', index: 0, respondedAt: at });
	});

	test('an answer that does not fit the request gives nothing', () => {
		expect(answeredItem('approval', body('3'), [], at)).toBeUndefined();
		expect(answeredItem('choice', body('5'), [{ label: 'Red' }], at)).toBeUndefined();
		expect(answeredItem('freeText', body('a'), [], at)).toBeUndefined();
	});
});
