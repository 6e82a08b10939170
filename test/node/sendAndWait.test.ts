/**
 * Message › Send and Wait for Response, the whole way round in n8n-core's real contexts: the node
 * asks (emulator), the execution waits (waitingExecutions.ts plays n8n's waiting executions), the
 * customer answers (the emulator posts a signed webhook), the Trigger resumes the execution, and the
 * node outputs the answer (docs/send-and-wait.md).
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { looksLikeReplyToken } from '../../nodes/shared/whatsapp/sendAndWait';
import { forgetResumedAnswers } from '../../nodes/WhatsAppBusinessTrigger/webhook/answers';
import { forgetAllDuplicates } from '../../nodes/WhatsAppBusinessTrigger/webhook/duplicates';
import { suiteScoped } from '../harness/suiteScoped';
import { locator, mapperValue, templateFields } from '../harness/templateTestKit';
import { inbound, signed, startTriggerTestBed, type TriggerTestBed } from '../harness/triggerTestBed';
import { startWaitingExecutions, type WaitingExecution, type WaitingExecutionsBed } from '../harness/waitingExecutions';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });
const waiting = suiteScoped<WaitingExecutionsBed>(async () => await startWaitingExecutions(bed.subject), async (started) => await started.close());
// The Trigger that receives the answers; the emulator delivers every webhook to it (the emulator closes after it).
const trigger = suiteScoped<TriggerTestBed>(
	async () => {
		const started = await startTriggerTestBed({
			emulator: bed.emulator,
			workflowId: 'wf-answers',
			webhookWaitingBaseUrl: waiting.base,
			parameters: { options: { lateAnswerReply: 'Thanks, this request was already answered.' } },
		});
		await bed.admin('PATCH', 'config', { webhook: { url: started.url } });
		return started;
	},
	async (started) => await started.close(),
);
beforeEach(() => {
	forgetAllDuplicates();
	forgetResumedAnswers();
});

const OTHER_NUMBER = '447700900999';
const now = () => new Date().toISOString();

const askApproval = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendAndWait',
	to: CUSTOMER_WA_ID,
	message: 'Refund £42.00 for order 860198?',
	responseType: 'approval',
	lastInboundAt: now(),
	...extra,
});

async function withTemplate(extra: INodeParameters = {}): Promise<INodeParameters> {
	const schema = await templateFields(bed, 'approval_request|en_US');
	return { template: locator('approval_request|en_US'), templateParameters: mapperValue(schema, { body_1: 'Refund of £42.00 for order 860198' }), ...extra };
}

/** The customer's answer, as the emulator posts it to the Trigger; resolves once the Trigger handled it. */
async function customer(answer: Record<string, unknown>, from = CUSTOMER_WA_ID) {
	const before = trigger.runs.length;
	const posted = await bed.admin('POST', 'inbound', { from, ...answer });
	const runs = await trigger.waitForRuns((all) => all.length > before);
	return { message: posted.message as { id: string }, items: runs.slice(before).flatMap((run) => run.items) };
}

async function lastSentBody(): Promise<any> {
	return (await bed.accepted('/messages')).at(-1)?.body;
}

const expectStillWaiting = (execution: WaitingExecution) => expect(execution.state).toBe('waiting');

/** 25 hours pass in the emulator: WhatsApp accepts a free-form message, then reports it failed with 131047. */
async function closeWindowInWhatsApp() {
	await bed.admin('POST', 'clock', { advanceMs: 25 * 3600 * 1000 });
}

/** The first call the Trigger made to this execution whose answer matches. */
async function resumeCall(execution: WaitingExecution, matches: (body: Record<string, unknown>) => boolean, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const call = waiting.calls.find((entry) => entry.executionId === execution.id && matches(entry.body));
		if (call) return call;
		if (Date.now() > deadline) throw new Error(`No such call for ${execution.id}: ${JSON.stringify(waiting.calls)}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('Approval', () => {
	test('inside the window: reply buttons carry answer tokens; a tap resumes the execution once with data.approved', async () => {
		const execution = await waiting.start(askApproval());
		expect(execution.waitTill).toBeInstanceOf(Date);
		expect(execution.output[0].json).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), sendAndWait: { responseType: 'approval', sentAs: 'interactive', waitingUntil: null } });
		const sent = await lastSentBody();
		const buttons = sent.interactive.action.buttons as Array<{ reply: { id: string; title: string } }>;
		expect(buttons.map((button) => button.reply.title)).toEqual(['✓ Approve', '✗ Decline']);
		expect(buttons.every((button) => looksLikeReplyToken(button.reply.id) && button.reply.id.length <= 128)).toBe(true);

		const tap = await customer({ type: 'button_reply', buttonIndex: 0 });
		const [answer] = await waiting.resumed(execution);
		expect(answer.json).toEqual({
			data: { approved: true, respondedAt: expect.any(String) },
			reply: expect.objectContaining({ messageId: tap.message.id, from: expect.objectContaining({ waId: CUSTOMER_WA_ID }), via: 'replyButton', repliedToMessageId: execution.output[0].json.messageId, text: '✓ Approve' }),
		});
		// The Trigger outputs the message too (Resume and Output), saying what it did.
		expect(tap.items[0].json).toMatchObject({ type: 'interactive', sendAndWait: { status: 'resumed', executionId: execution.id } });
	});

	test('the same answer delivered again resumes nothing; a second tap is late and gets the Late Answer Reply', async () => {
		const execution = await waiting.start(askApproval());
		const tap = await customer({ type: 'button_reply', buttonIndex: 1 });
		expect((await waiting.resumed(execution))[0].json.data).toMatchObject({ approved: false });
		const calls = waiting.calls.length;

		const deliveries = (await bed.admin('GET', 'webhook-deliveries')).data as Array<{ id: string; body: string }>;
		const delivery = deliveries.find((entry) => entry.body.includes(tap.message.id))!;
		const before = trigger.runs.length;
		await bed.admin('POST', 'webhooks/redeliver', { deliveryId: delivery.id });
		await trigger.waitForRuns((all) => all.length > before);
		expect(waiting.calls).toHaveLength(calls); // the Trigger did not even ask n8n again

		const second = await customer({ type: 'button_reply', buttonIndex: 0 });
		expect(second.items[0].json).toMatchObject({ sendAndWait: { status: 'late', executionId: execution.id } });
		expect(waiting.calls.at(-1)).toMatchObject({ executionId: execution.id, statusCode: 409 });
		expect(await lastSentBody()).toMatchObject({ type: 'text', text: { body: 'Thanks, this request was already answered.' }, context: { message_id: second.message.id } });
	});

	test('outside the window the approved template goes out; its quick-reply buttons carry the answers', async () => {
		const execution = await waiting.start(askApproval(await withTemplate({ lastInboundAt: '' })));
		expect(execution.output[0].json).toMatchObject({ templateName: 'approval_request', sendAndWait: { sentAs: 'template' } });
		const sent = await lastSentBody();
		const payloads = (sent.template.components as Array<{ type: string; index?: string; parameters: Array<{ payload?: string }> }>).filter((component) => component.type === 'button');
		expect(payloads.map((component) => component.index)).toEqual(['0', '1']);
		expect(payloads.every((component) => looksLikeReplyToken(component.parameters[0].payload))).toBe(true);

		await customer({ type: 'button', buttonIndex: 0 });
		const [answer] = await waiting.resumed(execution);
		expect(answer.json).toMatchObject({ data: { approved: true }, reply: { via: 'templateButton', text: 'Approve' } });
	});

	test('buttons WhatsApp reports failed with 131047 (the window had closed after all): the template goes out and its answer resumes the execution', async () => {
		await closeWindowInWhatsApp();
		const execution = await waiting.start(askApproval(await withTemplate()));
		expect(execution.output[0].json).toMatchObject({ sendAndWait: { sentAs: 'interactive' } });
		const fallback = await resumeCall(execution, (body) => body.fallback === 'template');
		expect(fallback.body).toMatchObject({ resumed: false, messageId: expect.stringMatching(/^wamid\./) });
		const sends = (await bed.accepted('/messages')).map((request) => request.body as { type: string; biz_opaque_callback_data?: string });
		expect(sends.map((body) => body.type)).toEqual(['interactive', 'template']);
		// Both carry the not-delivered token in their tracking data, which WhatsApp echoes in their statuses.
		expect(sends.every((body) => looksLikeReplyToken(body.biz_opaque_callback_data))).toBe(true);
		expectStillWaiting(execution);

		await customer({ type: 'button', buttonIndex: 0 });
		expect((await waiting.resumed(execution))[0].json).toMatchObject({ data: { approved: true }, reply: { via: 'templateButton' } });
	});

	test('Send As Free-Form Message: a request WhatsApp reports failed resumes the execution with data.delivered false and the advice', async () => {
		await closeWindowInWhatsApp();
		const execution = await waiting.start(askApproval({ sendAs: 'freeForm' }));
		const [failed] = await waiting.resumed(execution);
		expect(failed.json).toMatchObject({
			data: { delivered: false, error: { code: 131047, advice: expect.any(String) }, reason: expect.stringMatching(/not delivered with error 131047/) },
			failure: { messageId: execution.output[0].json.messageId, message: 'freeForm', recipient: { waId: CUSTOMER_WA_ID } },
		});
		expect((await bed.accepted('/messages')).map((request) => (request.body as { type: string }).type)).toEqual(['interactive']);
	});

	test('a template request WhatsApp reports failed resumes the execution with data.delivered false; nothing else is sent', async () => {
		await bed.admin('PATCH', 'config', { recipientFailures: [{ waId: CUSTOMER_WA_ID, code: 131026 }] });
		let failed;
		try {
			const execution = await waiting.start(askApproval(await withTemplate({ lastInboundAt: '' })));
			[failed] = await waiting.resumed(execution);
		} finally {
			await bed.admin('PATCH', 'config', { recipientFailures: [] });
		}
		expect(failed.json).toMatchObject({ data: { delivered: false, error: { code: 131026 } }, failure: { message: 'template' } });
		expect(await bed.accepted('/messages')).toHaveLength(1);
	});

	test('a free-text request whose text failed with 131047 goes out as the template; a reply to it is the answer', async () => {
		await closeWindowInWhatsApp();
		const execution = await waiting.start(askApproval(await withTemplate({ responseType: 'freeText', message: 'Which day suits you?' })));
		await resumeCall(execution, (body) => body.fallback === 'template');
		await customer({ text: 'Tuesday' });
		expect((await waiting.resumed(execution))[0].json).toMatchObject({ data: { text: 'Tuesday' } });
	});

	test('a tap from another number does not resume: the token opens only for the person asked', async () => {
		const execution = await waiting.start(askApproval());
		const token = (await lastSentBody()).interactive.action.buttons[0].reply.id as string;
		await bed.customerWrites({ from: OTHER_NUMBER });
		const forged = await customer({ type: 'button_reply', replyId: token, title: '✓ Approve' }, OTHER_NUMBER);
		expect(forged.items[0].json).toMatchObject({ from: { waId: OTHER_NUMBER }, sendAndWait: { status: 'refused' } });
		expectStillWaiting(execution);
		await customer({ type: 'button_reply', buttonIndex: 1 });
		expect((await waiting.resumed(execution))[0].json.data).toMatchObject({ approved: false });
	});

	test('after the wait limit the answer is late without asking n8n; the execution had gone on without it', async () => {
		const execution = await waiting.start(askApproval({ options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0.01, resumeUnit: 'minutes' } } } }));
		expect(execution.output[0].json.sendAndWait).toMatchObject({ waitingUntil: expect.any(String) });
		expect(execution.waitTill!.getTime() - Date.now()).toBeLessThan(1000);
		waiting.timeOut(execution);
		// Tokens count whole seconds: wait until the second after the limit has begun.
		const limit = Date.parse(String((execution.output[0].json.sendAndWait as { waitingUntil: string }).waitingUntil));
		await new Promise((resolve) => setTimeout(resolve, limit + 1100 - Date.now()));
		const calls = waiting.calls.length;
		const late = await customer({ type: 'button_reply', buttonIndex: 0 });
		expect(late.items[0].json).toMatchObject({ sendAndWait: { status: 'late', executionId: execution.id, reason: expect.stringMatching(/wait limit/) } });
		expect(waiting.calls).toHaveLength(calls);
	});

	test('an answer to an earlier request of the same execution does not resume its later request', async () => {
		const first = await waiting.start(askApproval({ message: 'Refund order 1?' }));
		const oldToken = (await lastSentBody()).interactive.action.buttons[0].reply.id as string;
		waiting.timeOut(first);
		// The same execution asks again (a loop): n8n keeps the execution id and its resume token.
		const again = await waiting.askAgain(first, askApproval({ message: 'Refund order 2?' }));
		const stale = await customer({ type: 'button_reply', replyId: oldToken, title: '✓ Approve' });
		expect(stale.items[0].json).toMatchObject({ sendAndWait: { status: 'late', reason: expect.stringMatching(/another request/) } });
		expectStillWaiting(again);
		await customer({ type: 'button_reply', buttonIndex: 1 });
		expect((await waiting.resumed(again))[0].json.data).toMatchObject({ approved: false });
	});
});

describe('Free Text and Choice', () => {
	test('free text: the next text of the person asked is the answer; texts of others are ordinary messages', async () => {
		const execution = await waiting.start(askApproval({ responseType: 'freeText', message: 'Which day suits you for the delivery?' }));
		expect(await lastSentBody()).toMatchObject({ type: 'text', text: { body: 'Which day suits you for the delivery?' } });
		await bed.customerWrites({ from: OTHER_NUMBER });
		const other = await customer({ text: 'Monday' }, OTHER_NUMBER);
		expect(other.items[0].json.sendAndWait).toBeUndefined();
		expectStillWaiting(execution);

		const answer = await customer({ text: 'Tuesday after 2pm' });
		expect((await waiting.resumed(execution))[0].json).toMatchObject({ data: { text: 'Tuesday after 2pm', respondedAt: expect.any(String) }, reply: { via: 'text', messageId: answer.message.id } });
		const next = await customer({ text: 'Thanks!' });
		expect(next.items[0].json.sendAndWait).toBeUndefined();
	});

	test('free text: a reply quoting one of two questions answers that one', async () => {
		const first = await waiting.start(askApproval({ responseType: 'freeText', message: 'Your order number?' }));
		const second = await waiting.start(askApproval({ responseType: 'freeText', message: 'Your postcode?' }));
		await customer({ text: 'ORD-860198', replyTo: first.output[0].json.messageId });
		expect((await waiting.resumed(first))[0].json.data).toMatchObject({ text: 'ORD-860198' });
		expectStillWaiting(second);
		await customer({ text: 'SW1A 1AA' });
		expect((await waiting.resumed(second))[0].json.data).toMatchObject({ text: 'SW1A 1AA' });
	});

	test('choice: a list row per choice; the chosen row gives data.choice (its value, else its label)', async () => {
		const choices = { choice: [{ label: 'Red' }, { label: 'Green', value: 'green-42', description: 'Like a cactus' }] };
		const execution = await waiting.start(askApproval({ responseType: 'choice', message: 'Which pot colour?', choices, listButtonLabel: 'Colours' }));
		expect((await lastSentBody()).interactive).toMatchObject({ type: 'list', action: { button: 'Colours', sections: [{ rows: [{ title: 'Red' }, { title: 'Green', description: 'Like a cactus' }] }] } });
		await customer({ type: 'list_reply', rowIndex: 1 });
		expect((await waiting.resumed(execution))[0].json).toMatchObject({ data: { choice: 'green-42', label: 'Green', index: 1 }, reply: { via: 'listRow' } });
	});
});

describe("the Trigger's Send and Wait Answers option", () => {
	/** A tap on the request's first button, delivered straight to a Trigger with these options (as Meta signs it). */
	async function tapOn(options: INodeParameters, workflowId: string) {
		const token = (await lastSentBody()).interactive.action.buttons[0].reply.id as string;
		const other = await startTriggerTestBed({ emulator: bed.emulator, workflowId, webhookWaitingBaseUrl: waiting.base, parameters: { options } });
		try {
			const tap = { id: `wamid.TAP-${workflowId}`, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: token, title: '✓ Approve' } } };
			const { body, headers } = signed(inbound(tap)); // from the customer asked (16505551234)
			return await other.post(body, headers);
		} finally {
			await other.close();
		}
	}

	test('Resume Only: the answer resumes the execution and starts nothing in this workflow', async () => {
		const execution = await waiting.start(askApproval());
		const run = await tapOn({ sendAndWaitAnswers: 'resumeOnly' }, 'wf-resume-only');
		expect(run.executed).toBe(false);
		expect((await waiting.resumed(execution))[0].json.data).toMatchObject({ approved: true });
	});

	test('Ignore: the answer is an ordinary message here and resumes nothing', async () => {
		const execution = await waiting.start(askApproval());
		const run = await tapOn({ sendAndWaitAnswers: 'ignore' }, 'wf-ignore');
		expect(run.items[0].json).toMatchObject({ type: 'interactive' });
		expect(run.items[0].json.sendAndWait).toBeUndefined();
		expectStillWaiting(execution);
		waiting.timeOut(execution);
	});
});

describe('what is refused or not waited for', () => {
	test('Validate Only returns the request and does not wait', async () => {
		const execution = await waiting.start(askApproval({ messageOptions: { validateOnly: true } }));
		expect(execution.waitTill).toBeUndefined();
		expect(execution.output[0].json).toMatchObject({ validateOnly: true, sent: false, request: { body: { type: 'interactive' } }, sendAndWait: { sentAs: 'interactive' } });
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('several items are refused before anything is sent: the node waits for one answer', async () => {
		const items: INodeExecutionData[] = [{ json: {} }, { json: {} }];
		await expect(waiting.start(askApproval(), items)).rejects.toThrow(/one item; it got 2/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a closed window without a template, or a template without two quick replies, fails with the fix', async () => {
		await expect(waiting.start(askApproval({ lastInboundAt: '' }))).rejects.toThrow(/template/i);
		const schema = await templateFields(bed, 'order_confirmation|en_US');
		const oneQuickReply = { template: locator('order_confirmation|en_US'), templateParameters: mapperValue(schema, {}), lastInboundAt: '' };
		await expect(waiting.start(askApproval(oneQuickReply))).rejects.toThrow(/quick-reply button/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});
});
