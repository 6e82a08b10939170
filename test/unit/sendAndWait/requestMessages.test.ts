import { buildApprovalButtonsMessage, buildChoiceListMessage, withAnswerPayloads } from '../../../nodes/shared/whatsapp/sendAndWait';
import type { TemplateDefinition } from '../../../nodes/shared/whatsapp/templates';
import { expectValidationError } from '../../harness/expectValidationError';

const tokenFor = (answer: string) => `token-${answer}`;
const common = { to: '+44 7700 900123' };

const approvalTemplate: TemplateDefinition = {
	name: 'approval_request',
	language: 'en_US',
	category: 'UTILITY',
	components: [
		{ type: 'BODY', text: 'Approval needed: {{1}}.' },
		{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Details', url: 'https://example.com/{{1}}' }, { type: 'QUICK_REPLY', text: 'Approve' }, { type: 'QUICK_REPLY', text: 'Decline' }] },
	],
};

describe('the messages that ask (Meta: Interactive reply buttons messages, Interactive list messages)', () => {
	test('approval: one reply button per answer, each carrying its token', () => {
		const body = buildApprovalButtonsMessage(common, 'Refund £42?', { approve: '✓ Approve', decline: '✗ Decline' }, tokenFor);
		expect(body).toMatchObject({
			to: '+447700900123',
			type: 'interactive',
			interactive: { type: 'button', body: { text: 'Refund £42?' }, action: { buttons: [{ type: 'reply', reply: { id: 'token-a', title: '✓ Approve' } }, { type: 'reply', reply: { id: 'token-d', title: '✗ Decline' } }] } },
		});
		expect(buildApprovalButtonsMessage(common, 'OK?', { approve: 'OK' }, tokenFor).interactive.action.buttons).toHaveLength(1);
	});

	test('approval labels follow Meta\'s button title limit (20 characters)', () => {
		expectValidationError(() => buildApprovalButtonsMessage(common, 'OK?', { approve: 'Approve this refund right now' }, tokenFor), 'buttons[0].title');
	});

	test('choice: one list row per choice, with its token; 1 to 10 choices', () => {
		const body = buildChoiceListMessage(common, 'Which colour?', 'Choose', [{ label: 'Red' }, { label: 'Green', description: 'Like a cactus' }], tokenFor);
		expect(body.interactive).toMatchObject({ type: 'list', action: { button: 'Choose', sections: [{ rows: [{ id: 'token-0', title: 'Red' }, { id: 'token-1', title: 'Green', description: 'Like a cactus' }] }] } });
		expectValidationError(() => buildChoiceListMessage(common, 'Which?', 'Choose', [], tokenFor), 'choices');
		expectValidationError(() => buildChoiceListMessage(common, 'Which?', 'Choose', Array.from({ length: 11 }, (_, n) => ({ label: `C${n}` })), tokenFor), 'choices');
	});
});

describe('a template outside the window: its quick-reply buttons carry the answers (Meta: Template components)', () => {
	test('the first and second quick-reply buttons approve and decline, counted among quick replies only', () => {
		expect(withAnswerPayloads(approvalTemplate, { body_1: 'a refund' }, { approve: 1, decline: 2 }, tokenFor)).toEqual({ body_1: 'a refund', button_1_payload: 'token-a', button_2_payload: 'token-d' });
		expect(withAnswerPayloads(approvalTemplate, {}, { approve: 2 }, tokenFor)).toEqual({ button_2_payload: 'token-a' });
	});

	test('a template without enough quick replies, or one button for both answers, is refused before sending', () => {
		const oneButton: TemplateDefinition = { ...approvalTemplate, components: [{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'OK' }] }] };
		expectValidationError(() => withAnswerPayloads(oneButton, {}, { approve: 1, decline: 2 }, tokenFor), 'templateDeclineButton');
		expectValidationError(() => withAnswerPayloads(approvalTemplate, {}, { approve: 3 }, tokenFor), 'templateApproveButton');
		expectValidationError(() => withAnswerPayloads(approvalTemplate, {}, { approve: 1, decline: 1 }, tokenFor), 'templateDeclineButton');
	});
});
