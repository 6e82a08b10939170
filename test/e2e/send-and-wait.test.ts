/**
 * Send and Wait for Response in a REAL n8n 2.41: the refund-approval example waits for a manager's
 * answer; the emulator plays the manager; the answer reaches the WhatsApp Business Trigger of
 * inbound-to-data-table (the workflow on that number), which resumes the waiting execution through
 * n8n's own resume URL. Run with `npm run test:e2e`.
 */
import { readRows } from '../../e2e/lib/data-tables';
import { startWhatsAppStack, type WhatsAppStack } from '../../e2e/lib/whatsapp-stack';
import type { N8nExecution } from '../../e2e/n8n';
import { admin, sentMessageBodies, settle, simulateInbound, waitFor, webhookDeliveries } from './helpers';
import { startScriptedChatModel, type ScriptedChatModel } from './scriptedChatModel';

let stack: WhatsAppStack;

beforeAll(async () => {
  stack = await startWhatsAppStack();
}, 420_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

const REFUND = { customerName: 'Ann', orderNumber: '860198', amount: '£42.00', reason: 'Arrived broken' };
// Managers: one per case, so their windows and messages do not mix.
const IN_WINDOW = '447700900301';
const NO_WINDOW = '447700900302';
const DECLINER = '447700900303';
const LATE = '447700900304';
const STRANGER = '447700900399';

async function execution(id: string): Promise<N8nExecution> {
  return await stack.n8n.api<N8nExecution>('GET', `/executions/${id}?includeData=true`);
}

/** POSTs a refund request and returns its execution once it waits for the answer. */
async function requestRefund(manager: string, extra: Record<string, unknown> = {}): Promise<N8nExecution> {
  const workflowId = stack.examples['refund-approval'].id;
  const before = new Set((await stack.n8n.executions(workflowId)).map((run) => run.id));
  const answer = await fetch(stack.examples['refund-approval'].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ managerPhone: `+${manager}`, ...REFUND, ...extra }),
  });
  expect(answer.status).toBe(200);
  return await waitFor(`a waiting refund execution for ${manager}`, async () => (await stack.n8n.executions(workflowId)).find((run) => !before.has(run.id) && run.status === 'waiting'));
}

async function finished(id: string, timeoutMs = 20_000): Promise<N8nExecution> {
  return await waitFor(`execution ${id} to finish`, async () => {
    const run = await execution(id);
    return run.status === 'waiting' || run.status === 'running' || run.status === 'new' ? undefined : run;
  }, timeoutMs);
}

const output = (run: N8nExecution, node: string) => run.data.resultData.runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;

/** The trigger item of inbound-to-data-table for one inbound message (what its trigger output). */
async function triggerItemFor(messageId: string): Promise<Record<string, any> | undefined> {
  const runs = await stack.n8n.executions(stack.examples['inbound-to-data-table'].id);
  for (const run of runs) {
    const item = output(run, 'WhatsApp Message');
    if (item?.id === messageId) return item;
  }
  return undefined;
}

async function managerWrites(manager: string): Promise<void> {
  await simulateInbound(stack, { from: manager, name: 'Manager', text: 'Hi, I am on duty today' });
  await waitFor('the manager in whatsapp_contacts', async () => (await readRows(stack.n8n.api, stack.tables.whatsapp_contacts, { wa_id: manager }))[0]);
}

describe('refund approval (Send and Wait for Response, example refund-approval)', () => {
  let timedOut: N8nExecution;

  test('a wait limit passes: the execution continues on the No Answer branch; a later tap is late', async () => {
    // Started first: n8n checks waiting executions once a minute, so this one ends during the next tests.
    timedOut = await requestRefund(LATE, { waitMinutes: 0.05 });
    expect(output(timedOut, 'Ask the Manager')?.sendAndWait).toMatchObject({ sentAs: 'template', waitingUntil: expect.any(String) });
  });

  test('inside the window: Approve / Decline buttons; the tap resumes the execution, which confirms to the manager', async () => {
    await managerWrites(IN_WINDOW);
    const waiting = await requestRefund(IN_WINDOW);
    const [asked] = await sentMessageBodies(stack, IN_WINDOW);
    expect(asked).toMatchObject({ type: 'interactive', interactive: { type: 'button', body: { text: 'Refund request from Ann: £42.00 for order 860198.\nReason: Arrived broken' } } });
    const titles = (asked.interactive as { action: { buttons: { reply: { title: string } }[] } }).action.buttons.map((button) => button.reply.title);
    expect(titles).toEqual(['✓ Approve', '✗ Decline']);

    const tap = await simulateInbound(stack, { from: IN_WINDOW, type: 'button_reply', buttonIndex: 0 });
    const done = await finished(waiting.id);
    expect(done.status).toBe('success');
    expect(output(done, 'Ask the Manager')).toMatchObject({ data: { approved: true }, reply: { messageId: tap.message.id, from: { waId: IN_WINDOW }, via: 'replyButton' } });
    expect(done.data.resultData.lastNodeExecuted).toBe('Confirm Approval');
    const sent = await sentMessageBodies(stack, IN_WINDOW);
    expect(sent.at(-1)).toMatchObject({ type: 'text', text: { body: 'Approved: the refund of £42.00 for order 860198 will be issued today.' }, context: { message_id: tap.message.id } });

    // The Trigger also output the tap (Resume and Output): it saved the manager's message like any other.
    const item = await waitFor('the trigger item of the tap', async () => await triggerItemFor(tap.message.id));
    expect(item.sendAndWait).toMatchObject({ status: 'resumed', executionId: waiting.id });

    // Meta redelivers the same tap: nothing is resumed twice and nothing runs again.
    const refundRuns = (await stack.n8n.executions(stack.examples['refund-approval'].id)).length;
    const inboundRuns = (await stack.n8n.executions(stack.examples['inbound-to-data-table'].id)).length;
    const delivery = (await webhookDeliveries(stack)).find((entry) => entry.body.includes(tap.message.id))!;
    const again = await admin<{ delivery: { statusCode: number } }>(stack, 'POST', '/webhooks/redeliver', { deliveryId: delivery.id });
    expect(again.delivery.statusCode).toBe(200);
    await settle(3000);
    expect(await stack.n8n.executions(stack.examples['refund-approval'].id)).toHaveLength(refundRuns);
    expect(await stack.n8n.executions(stack.examples['inbound-to-data-table'].id)).toHaveLength(inboundRuns);
    expect((await sentMessageBodies(stack, IN_WINDOW)).filter((body) => body.type === 'text')).toHaveLength(1);
  });

  test('outside the window: the approval_request template; tapping its Approve quick reply resumes the execution', async () => {
    const waiting = await requestRefund(NO_WINDOW);
    const [asked] = await sentMessageBodies(stack, NO_WINDOW);
    expect(asked).toMatchObject({ type: 'template', template: { name: 'approval_request', language: { code: 'en_US' } } });
    const tap = await simulateInbound(stack, { from: NO_WINDOW, type: 'button', buttonIndex: 0 });
    expect(tap.message).toMatchObject({ type: 'button', button: { text: 'Approve' } });
    const done = await finished(waiting.id);
    expect(output(done, 'Ask the Manager')).toMatchObject({ data: { approved: true }, reply: { via: 'templateButton', text: 'Approve' } });
    expect(done.data.resultData.lastNodeExecuted).toBe('Confirm Approval');
  });

  test('a tap from another number does not resume; the manager then declines', async () => {
    await managerWrites(DECLINER);
    const waiting = await requestRefund(DECLINER);
    const [asked] = await sentMessageBodies(stack, DECLINER);
    const approveId = (asked.interactive as { action: { buttons: { reply: { id: string } }[] } }).action.buttons[0].reply.id;

    // Someone else sends back the Approve button's id (e.g. a forwarded or copied message).
    const forged = await simulateInbound(stack, { from: STRANGER, type: 'button_reply', replyId: approveId, title: '✓ Approve' });
    const item = await waitFor('the trigger item of the stranger', async () => await triggerItemFor(forged.message.id));
    expect(item.sendAndWait).toMatchObject({ status: 'refused' });
    expect((await execution(waiting.id)).status).toBe('waiting');

    const tap = await simulateInbound(stack, { from: DECLINER, type: 'button_reply', buttonIndex: 1 });
    const done = await finished(waiting.id);
    expect(output(done, 'Ask the Manager')).toMatchObject({ data: { approved: false }, reply: { messageId: tap.message.id } });
    expect(done.data.resultData.lastNodeExecuted).toBe('Confirm Decline');
  });

  test('the timed-out request went on without data; a tap on it now is late and resumes nothing', async () => {
    const done = await finished(timedOut.id, 150_000);
    expect(done.status).toBe('success');
    expect(done.data.resultData.lastNodeExecuted).toBe('No Answer');
    expect(output(done, 'Ask the Manager')?.data).toBeUndefined();
    const tap = await simulateInbound(stack, { from: LATE, type: 'button', buttonIndex: 0 });
    const item = await waitFor('the trigger item of the late tap', async () => await triggerItemFor(tap.message.id));
    expect(item.sendAndWait).toMatchObject({ status: 'late', executionId: timedOut.id });
    expect((await execution(timedOut.id)).data.resultData.lastNodeExecuted).toBe('No Answer');
  }, 180_000);
});

describe('free text (Send and Wait for Response, Free Text)', () => {
  test("the manager's next text is the answer; the execution outputs it", async () => {
    const manager = '447700900305';
    const workflow = {
      name: 'e2e: ask a question on WhatsApp',
      nodes: [
        { id: 'a1', name: 'Question', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: 'e2e-free-text-question', parameters: { httpMethod: 'POST', path: 'e2e-question', responseMode: 'onReceived', options: {} } },
        {
          id: 'a2',
          name: 'Ask',
          type: 'n8n-nodes-whatsapp-business.whatsAppBusiness',
          typeVersion: 1,
          position: [240, 0],
          parameters: { authentication: 'cloudApi', resource: 'message', operation: 'sendAndWait', to: '={{ $json.body.phone }}', message: '={{ $json.body.question }}', responseType: 'freeText', sendAs: 'freeForm' },
          credentials: { whatsAppCloudApi: stack.credential },
        },
      ],
      connections: { Question: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] } },
      settings: { executionOrder: 'v1' },
    };
    const workflowId = await stack.n8n.importWorkflow(workflow);
    await stack.n8n.activate(workflowId);
    await managerWrites(manager);
    await fetch(stack.n8n.webhookUrl('e2e-question'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: manager, question: 'Which day can the courier come?' }) });
    const waiting = await waitFor('the question to wait', async () => (await stack.n8n.executions(workflowId)).find((run) => run.status === 'waiting'));
    expect((await sentMessageBodies(stack, manager)).at(-1)).toMatchObject({ type: 'text', text: { body: 'Which day can the courier come?' } });

    const answer = await simulateInbound(stack, { from: manager, text: 'Tuesday after 2pm' });
    const done = await finished(waiting.id);
    expect(output(done, 'Ask')).toMatchObject({ data: { text: 'Tuesday after 2pm' }, reply: { via: 'text', messageId: answer.message.id, from: { waId: manager } } });
  });
});

describe("AI agents: WhatsApp as the human review step of an agent's tool calls", () => {
  let model: ScriptedChatModel;
  beforeAll(async () => {
    model = await startScriptedChatModel();
  });
  afterAll(async () => await model?.close());

  test.each([
    ['approves', 0, true],
    ['declines', 1, false],
  ])('the agent calls a tool; the reviewer %s it on WhatsApp and the agent goes on accordingly', async (_verb, buttonIndex, approved) => {
    const reviewer = approved ? '447700900306' : '447700900307';
    const workflowId = await importAgentWorkflow(reviewer, model.url, approved ? 'e2e-agent-approve' : 'e2e-agent-decline');
    const since = model.requests.length;
    await managerWrites(reviewer);
    await fetch(stack.n8n.webhookUrl(approved ? 'e2e-agent-approve' : 'e2e-agent-decline'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'What is 6 times 7?' }) });
    const waiting = await waitFor('the agent to wait for the review', async () => (await stack.n8n.executions(workflowId)).find((run) => run.status === 'waiting'));
    const [asked] = await sentMessageBodies(stack, reviewer);
    expect(asked).toMatchObject({ type: 'interactive', interactive: { body: { text: 'Run the calculator?' } } });

    await simulateInbound(stack, { from: reviewer, type: 'button_reply', buttonIndex });
    const done = await finished(waiting.id, 60_000);
    expect(done.status).toBe('success');
    const answer = output(done, 'Agent')?.output as string;
    // n8n 2.41 generated the review node from this operation (…HitlTool) and read data.approved of its output.
    const reviewed = (done.data.resultData.runData['Human Review'] as Array<{ data?: Record<string, Array<Array<{ json: any }>>> }>)
      .flatMap((run) => Object.values(run.data ?? {}).flat(2))
      .map((item) => item.json)
      .find((json) => json?.data !== undefined);
    expect(reviewed).toMatchObject({ data: { approved }, reply: { from: { waId: reviewer }, via: 'replyButton' } });
    if (approved) {
      expect(model.toolResults(since)).toEqual(['[{"response":"42"}]']);
      expect(answer).toBe('The tool answered: [{"response":"42"}]');
    } else {
      // The calculator never ran: the model got n8n's refusal instead of a result.
      expect(model.toolResults(since)).toEqual([expect.stringContaining('User rejected the tool call to Calculator')]);
      expect(answer).toContain('User rejected the tool call to Calculator');
    }
  }, 120_000);
});

const HITL_TYPE = 'n8n-nodes-whatsapp-business.whatsAppBusinessHitlTool';

/** Webhook → AI Agent (scripted chat model) with a Calculator tool behind WhatsApp human review. */
async function importAgentWorkflow(reviewer: string, modelUrl: string, path: string): Promise<string> {
  const credentialId = await stack.n8n.createCredential({ name: `Scripted model ${path}`, type: 'openAiApi', data: { apiKey: 'sk-scripted', url: modelUrl, header: false } });
  const workflow = {
    name: `e2e: agent with WhatsApp review (${path})`,
    nodes: [
      { id: 'w1', name: 'Prompt', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: `${path}-hook`, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
      { id: 'w2', name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, position: [240, 0], parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} } },
      {
        id: 'w3',
        name: 'Chat Model',
        type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
        typeVersion: 1.2,
        position: [120, 220],
        parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, options: {} },
        credentials: { openAiApi: { id: credentialId, name: `Scripted model ${path}` } },
      },
      {
        id: 'w4',
        name: 'Human Review',
        type: HITL_TYPE,
        typeVersion: 1,
        position: [360, 220],
        parameters: { authentication: 'cloudApi', to: `+${reviewer}`, message: 'Run the calculator?', sendAs: 'freeForm', approvalOptions: { values: { approvalType: 'double' } } },
        credentials: { whatsAppCloudApi: stack.credential },
      },
      { id: 'w5', name: 'Calculator', type: '@n8n/n8n-nodes-langchain.toolCalculator', typeVersion: 1, position: [360, 440], parameters: {} },
    ],
    connections: {
      Prompt: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
      'Chat Model': { ai_languageModel: [[{ node: 'Agent', type: 'ai_languageModel', index: 0 }]] },
      'Human Review': { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
      Calculator: { ai_tool: [[{ node: 'Human Review', type: 'ai_tool', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
  };
  const workflowId = await stack.n8n.importWorkflow(workflow);
  await stack.n8n.activate(workflowId);
  return workflowId;
}

describe('a request WhatsApp accepts, then reports failed (131047 in a status)', () => {
  test('the manager wrote, then 25 hours passed for WhatsApp: the buttons fail, the template goes out, and its tap resumes the execution', async () => {
    const manager = '447700900308';
    await managerWrites(manager);
    // whatsapp_contacts still says "less than 24 h ago"; WhatsApp's clock says the window closed.
    await admin(stack, 'POST', '/clock', { advanceMs: 90_000_000 });
    try {
      const waiting = await requestRefund(manager);
      const sent = await waitFor('the template after the failed buttons', async () => {
        const bodies = await sentMessageBodies(stack, manager);
        return bodies.length >= 2 ? bodies : undefined;
      });
      expect(sent.map((body) => body.type)).toEqual(['interactive', 'template']);
      expect(sent[1]).toMatchObject({ template: { name: 'approval_request' } });
      expect((await execution(waiting.id)).status).toBe('waiting');

      const tap = await simulateInbound(stack, { from: manager, type: 'button', buttonIndex: 0 });
      const done = await finished(waiting.id);
      expect(output(done, 'Ask the Manager')).toMatchObject({ data: { approved: true }, reply: { messageId: tap.message.id, via: 'templateButton' } });
      expect(done.data.resultData.lastNodeExecuted).toBe('Confirm Approval');
    } finally {
      await admin(stack, 'POST', '/clock', { reset: true });
    }
  }, 60_000);
});
